/** Skips the rest of a record that is too large to keep, tracking only where it ends (quote-aware). */
export interface Skipper {
  /** Global text index where the record started, and its first line. */
  readonly start: number;
  readonly line: number;
  /** Line breaks inside the record so far. */
  readonly breaks: number;
  /** How the record ended: 0 at the end of the input, 1 LF, 2 CRLF, 4 CR. */
  readonly kind: number;
  /** The input ended inside a quoted value. */
  readonly open: boolean;
  /** Scans text from `from`; returns the index just after the record's line ending, or -1 if it goes on. */
  scan(s: string, from: number, eof: boolean): number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted value: either the first of `""` or the closing quote. */
const QUOTE_SEEN = 3;
/** A CR ended the record; an LF right after it belongs to the same line ending. */
const AFTER_CR = 4;

/**
 * Creates the state machine that skips an oversized record with bounded memory: it holds a few numbers, never the
 * text, so an unclosed quote followed by hundreds of megabytes costs time but no memory.
 * @example const sk = createSkipper(44, 7, 1000); sk.scan('…rest of the record\nnext,row', 0, false) // index after \n
 */
export function createSkipper(delimiter: number, line: number, start: number): Skipper {
  let state = FIELD_START;
  let breaks = 0;
  /** A CR inside a quoted value at a chunk's end: counted once we know whether an LF follows. */
  let pendingCr = false;
  let kind = 0;
  let open = false;
  let lastChar = -1;

  return {
    start,
    line,
    get breaks() {
      return breaks;
    },
    get kind() {
      return kind;
    },
    get open() {
      return open;
    },
    scan(s, from, eof) {
      const n = s.length;
      let i = from;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (state === QUOTED) {
          if (pendingCr) {
            pendingCr = false;
            if (c !== LF) breaks++;
          }
          const q = s.indexOf('"', i);
          const stop = q < 0 ? n : q;
          for (let k = i; k < stop; k++) {
            const d = s.charCodeAt(k);
            if (d === LF) breaks++;
            else if (d === CR) {
              if (k + 1 === n) pendingCr = true;
              else if (s.charCodeAt(k + 1) !== LF) breaks++;
            }
          }
          if (q < 0) break;
          state = QUOTE_SEEN;
          i = q + 1;
          continue;
        }
        if (state === AFTER_CR) return c === LF ? finish(i + 1, 2, false) : finish(i, 4, false);
        if (state === QUOTE_SEEN && c === QUOTE) {
          state = QUOTED; // an escaped quote ("")
          i++;
          continue;
        }
        // After a closing quote the value goes on unquoted, as in the scanner.
        if (c === QUOTE && state === FIELD_START) state = QUOTED;
        else if (c === delimiter) state = FIELD_START;
        else if (c === LF) return finish(i + 1, 1, false);
        else if (c === CR) state = AFTER_CR;
        else state = UNQUOTED;
        i++;
      }
      if (n > from) lastChar = s.charCodeAt(n - 1);
      if (!eof) return -1;
      if (state === AFTER_CR) return finish(n, 4, false);
      if (pendingCr) breaks++;
      pendingCr = false;
      // As for any record, a line ending at the very end of the input does not start another line.
      if (state === QUOTED && (lastChar === LF || lastChar === CR)) breaks--;
      return finish(n, 0, state === QUOTED);
    },
  };

  function finish(at: number, k: number, isOpen: boolean): number {
    kind = k;
    open = isOpen;
    return at;
  }
}
