import { createSkipper, type Skipper } from './skipper.js';
import { cellIndex, countBreaks, utf8Length } from './_text.js';

/** How a record's line ended. */
export type LineEnding = 'LF' | 'CRLF' | 'CR';

/** What the scanner reports, in input order. Text positions are global indexes into the decoded text. */
export interface ScanHandler {
  /**
   * A complete record: its cells, its first line, its text range [start, end) with its line ending, and the cells
   * whose quoted value runs over a line break and is followed by text after its closing quote (`unbalanced`,
   * ascending; undefined when none): what a quote opened and not closed in time leaves when it closes at a later
   * record's quoted value, whose text then follows it (`"x⏎P10,…,"Ấp Chợ"` → `x⏎P10,…,Ấp Chợ"`). `stray`: the
   * cells whose quoted value lies on one line and is followed by text after its closing quote (`"ab"cd` → `abcd`):
   * a quote inside the value that was not doubled, so the value read is a guess (ascending; undefined when none).
   * Spaces or tabs alone after it are padding, not a stray quote (`"P001"  ,` → `P001  `).
   */
  record(cells: string[], line: number, start: number, end: number, unbalanced?: number[], stray?: number[]): void;
  /**
   * A record that was not read: `unclosed_quote` (the input ended inside a quoted value) or `record_too_large`.
   * `open` says the input ended inside that record's quoted value, so where it was meant to end is unknown.
   */
  rejected(code: 'unclosed_quote' | 'record_too_large', line: number, start: number, end: number, open: boolean): void;
  /** A line ending of a kind not seen before, at the end of `line`. */
  ending(kind: LineEnding, line: number): void;
}

/** The CSV parser behind `readCsv`: text in (any chunking), records out. Swappable behind this interface. */
export interface CsvScanner {
  write(text: string): void;
  end(): void;
  /** Physical lines of the records completed so far. */
  readonly lines: number;
  /** Characters held for the record in progress (bounded: never much more than `maxRecordBytes` + a chunk). */
  readonly buffered: number;
  /** The record in progress is already too large and is being skipped (it will be `rejected`). */
  readonly skipping: boolean;
  /** During a handler call: the index of the cell holding the text position `at` of the current record. */
  cellAt(at: number): number;
}

export interface ScannerOptions {
  readonly delimiter: string;
  /**
   * Hand out values as their own flat strings (default true) rather than slices of the decoded chunk: a slice kept
   * by a consumer (a uniqueness set) keeps its whole 64 KiB chunk alive (bench/CSV-PARSERS.md).
   */
  readonly copy?: boolean;
  /** Records whose text is larger than this many UTF-8 bytes are rejected, reading at most about this much. */
  readonly maxRecordBytes: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const NONE = 0x7fffffff;
/** V8 copies substrings shorter than this (SlicedString::kMinLength); longer ones are slices of their parent. */
const FLAT = 13;

/** Whether s[from, to) is spaces and tabs only: the padding some exports put after a quoted value. */
function padding(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** A flat copy of a string: concatenation then slice makes V8 flatten into a new string that owns its text. */
function flatten(s: string): string {
  return s.length < FLAT ? s : (' ' + s).slice(1);
}
const same = (s: string): string => s;

/**
 * A hand-written RFC 4180 scanner (with the usual leniencies) built on `indexOf`: it jumps from delimiter to line
 * end instead of visiting each character, which measured faster than udsv and papaparse (bench/CSV-PARSERS.md), and it
 * knows each record's physical line. Semantics:
 * - a quoted value may hold delimiters, quotes (`""`) and line breaks; text after its closing quote is kept as is,
 *   and the cell is reported to the handler (`unbalanced` or `stray`);
 * - a quote inside an unquoted value is an ordinary character (`ab"c` stays `ab"c`);
 * - LF, CRLF and CR all end a record; a line ending at the very end of the input does not start an empty record;
 * - a record is re-scanned from its start when a chunk ends inside it, and one that grows past `maxRecordBytes`
 *   is skipped by a quote-aware state machine that keeps nothing (bounded memory) until its real end.
 * @example
 * const s = createScanner({ delimiter: ',', maxRecordBytes: 1 << 20 }, handler);
 * s.write('a,b\n1,"x\ny"\n'); s.end(); // records ['a','b'] at line 1, ['1','x\ny'] at line 2
 */
export function createScanner(options: ScannerOptions, h: ScanHandler): CsvScanner {
  const dch = options.delimiter;
  const D = dch.charCodeAt(0);
  const max = options.maxRecordBytes;
  const copy = options.copy === false ? same : flatten;
  let buf = '';
  /** Global index of buf[0]. */
  let base = 0;
  /** Line of the next record. */
  let line = 1;
  let lastLine = 0;
  let seen = 0;
  let skipper: Skipper | undefined;
  let current = 0;
  /** Cells of the last complete record. */
  let width = 0;

  function ending(kind: number, at: number): void {
    if ((seen & kind) === 0) {
      seen |= kind;
      h.ending(kind === 1 ? 'LF' : kind === 2 ? 'CRLF' : 'CR', at);
    }
  }

  /** Parses whole records of buf from `from`; returns where the first incomplete record starts. */
  function parse(from: number, eof: boolean): number {
    const s = buf;
    const len = s.length;
    let pos = from;
    let nD = -1;
    let nL = -1;
    let nR = -1;
    let start = pos;
    records: while (pos < len) {
      start = pos;
      // Sized like the previous record (records of a file have the same width): filled in order, so no hole is
      // left, and trimmed at the end. Growing from empty by `push` reallocated the array twice per record.
      const cells: string[] = new Array<string>(width);
      let k = 0;
      let breaks = 0;
      let unbalanced: number[] | undefined;
      let stray: number[] | undefined;
      let endAt: number;
      for (;;) {
        if (s.charCodeAt(pos) === QUOTE) {
          let q = pos + 1;
          let val = '';
          let close: number;
          for (;;) {
            close = s.indexOf('"', q);
            if (close < 0 || (close + 1 === len && !eof)) {
              if (!eof) break records;
              unclosed(s, start, len);
              pos = start = len;
              continue records;
            }
            if (s.charCodeAt(close + 1) === QUOTE) {
              val += s.slice(q, close + 1);
              q = close + 2;
              continue;
            }
            val += s.slice(q, close);
            break;
          }
          if (nL < pos) nL = find(s, '\n', pos);
          if (nR < pos) nR = find(s, '\r', pos);
          const multiline = nL < close || nR < close;
          if (multiline) breaks += countBreaks(s, nL < nR ? nL : nR, close);
          pos = close + 1;
          const c = s.charCodeAt(pos);
          if (c === D) {
            cells[k++] = copy(val);
            pos++;
            continue;
          }
          if (c === LF || c === CR || pos >= len) {
            if (pos >= len && !eof) break records;
            cells[k++] = copy(val);
            endAt = pos;
            break;
          }
          // Text after the closing quote is kept as is, up to the next delimiter or line end. After a value over several
          // lines it is the signature of unbalanced quotes, on one line of a quote not doubled (see ScanHandler.record);
          // spaces alone are padding (`"P001"  ,`: the quoted value is plain, the spaces stay in it, as written).
          if (nD < pos) nD = find(s, dch, pos);
          if (nL < pos) nL = find(s, '\n', pos);
          if (nR < pos) nR = find(s, '\r', pos);
          let stop = nD < nL ? nD : nL;
          if (nR < stop) stop = nR;
          if (stop === NONE) {
            if (!eof) break records;
            stop = len;
          }
          if (multiline) (unbalanced ??= []).push(k);
          else if (!padding(s, pos, stop)) (stray ??= []).push(k);
          cells[k++] = copy(val + s.slice(pos, stop));
          pos = stop;
          if (stop === nD) {
            pos++;
            continue;
          }
          endAt = stop;
          break;
        }
        if (nD < pos) nD = find(s, dch, pos);
        if (nL < pos) nL = find(s, '\n', pos);
        if (nR < pos) nR = find(s, '\r', pos);
        let stop = nD < nL ? nD : nL;
        if (nR < stop) stop = nR;
        if (stop === NONE) {
          if (!eof) break records;
          stop = len;
        }
        cells[k++] = stop - pos < FLAT ? s.slice(pos, stop) : copy(s.slice(pos, stop));
        if (stop === nD) {
          pos = stop + 1;
          continue;
        }
        endAt = stop;
        break;
      }
      const c = s.charCodeAt(endAt);
      let next = len;
      let kind = 0;
      if (c === LF) {
        next = endAt + 1;
        kind = 1;
      } else if (c === CR) {
        if (endAt + 1 >= len && !eof) break;
        kind = s.charCodeAt(endAt + 1) === LF ? 2 : 4;
        next = endAt + (kind === 2 ? 2 : 1);
      }
      if (k !== cells.length) cells.length = k;
      width = k;
      const recLine = line;
      lastLine = line + breaks;
      if (kind !== 0) ending(kind, lastLine);
      current = start;
      if (tooLarge(s, start, endAt)) h.rejected('record_too_large', recLine, base + start, base + next, false);
      else h.record(cells, recLine, base + start, base + next, unbalanced, stray);
      line = lastLine + (kind === 0 ? 0 : 1);
      pos = next;
      start = pos;
    }
    // Either every record is complete (start = pos) or the one at `start` needs more text.
    return start;
  }

  function unclosed(s: string, start: number, len: number): void {
    const recLine = line;
    // As for any record, a line ending at the very end of the input does not start another line.
    const last = s.charCodeAt(len - 1);
    lastLine = line + countBreaks(s, start, len) - (last === LF || last === CR ? 1 : 0);
    current = start;
    const code = tooLarge(s, start, len) ? 'record_too_large' : 'unclosed_quote';
    h.rejected(code, recLine, base + start, base + len, true);
    line = lastLine;
  }

  /** Exact for the cap: UTF-16 units never exceed UTF-8 bytes, so only long records need counting. */
  function tooLarge(s: string, start: number, end: number): boolean {
    const units = end - start;
    return units > max || (units * 3 > max && utf8Length(s, start, end) > max);
  }

  function feed(text: string, eof: boolean): void {
    let s = text;
    if (skipper !== undefined) {
      const done = skipper.scan(s, 0, eof);
      if (done < 0) {
        base += s.length;
        return;
      }
      finishSkip(done);
      s = s.slice(done);
      base += done;
      buf = '';
    }
    let from = 0;
    if (buf === '') buf = s;
    else {
      // The record left open by the last text is completed with this text up to its first line feed and parsed on
      // its own; the rest is parsed in place. Appending the whole text to it made a string that the parser's first
      // read flattened, i.e. copied whole (a chunk's worth of memory per chunk). A record still open at that line
      // feed (a quoted line break) goes on as before, from the text appended.
      const k = s.indexOf('\n') + 1;
      if (k > 0) {
        buf += s.slice(0, k);
        const done = parse(0, false);
        if (done === buf.length) {
          base += done - k; // buf[0] is now s[0]
          buf = s;
          from = k;
        } else {
          base += done;
          buf = buf.slice(done) + s.slice(k);
        }
      } else buf += s;
    }
    const stop = parse(from, eof);
    if (stop > 0) {
      base += stop;
      buf = stop >= buf.length ? '' : buf.slice(stop);
    }
    // Too large already, in UTF-16 units (never more than its UTF-8 bytes). A CR at the very end is left out: it may
    // be the record's line ending, waiting for the next text to say whether an LF follows (CRLF), and a record that
    // fits with its ending cut into the next chunk must not be rejected when the same record in one piece is not.
    if (!eof && buf.length - (buf.charCodeAt(buf.length - 1) === CR ? 1 : 0) > max) startSkip();
  }

  /** The incomplete record in buf is already too large: scan the rest without keeping it. */
  function startSkip(): void {
    const sk = createSkipper(D, line, base);
    skipper = sk;
    const s = buf;
    buf = '';
    // parse() found this record incomplete, so the skipper cannot find its end in the same text.
    sk.scan(s, 0, false);
    base += s.length;
  }

  function finishSkip(done: number): void {
    const sk = skipper as Skipper;
    skipper = undefined;
    lastLine = sk.line + sk.breaks;
    if (sk.kind !== 0) ending(sk.kind, lastLine);
    current = -1;
    h.rejected('record_too_large', sk.line, sk.start, base + done, sk.open);
    line = lastLine + (sk.kind === 0 ? 0 : 1);
  }

  return {
    write(text) {
      if (text !== '') feed(text, false);
    },
    end() {
      feed('', true);
    },
    get lines() {
      return lastLine;
    },
    get buffered() {
      return buf.length;
    },
    get skipping() {
      return skipper !== undefined;
    },
    cellAt(at) {
      return current < 0 ? 0 : cellIndex(buf, current, at - base, D);
    },
  };
}

function find(s: string, ch: string, from: number): number {
  const i = s.indexOf(ch, from);
  return i < 0 ? NONE : i;
}
