/** Text helpers of the scanner (private to src/sources/csv). */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Line breaks in s[from, to): LF, CRLF and lone CR each count once.
 * @example countBreaks('a\r\nb\rc\n', 0, 7) // 3
 */
export function countBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * UTF-8 length of s[from, to), without encoding it.
 * @example utf8Length('Việt', 0, 4) // 6
 */
export function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : c >= 0xdc00 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/**
 * Index of the cell that holds s[at], scanning the record from `start` (quote-aware).
 * @example cellIndex('a,"b,c",d', 0, 8, 44) // 2
 */
export function cellIndex(s: string, start: number, at: number, D: number): number {
  let cell = 0;
  let quoted = false;
  let fieldStart = true;
  for (let i = start; i < at && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) quoted = s.charCodeAt(i + 1) === QUOTE ? (i++, true) : false;
    } else if (c === QUOTE && fieldStart) {
      quoted = true;
    } else if (c === D) {
      cell++;
      fieldStart = true;
      continue;
    }
    fieldStart = false;
  }
  return cell;
}
