/**
 * What one pass over a text's characters tells the text rules, each a bit of {@link textFacts}; a rule whose bit is
 * clear cannot find anything and skips its own pass. Why: the rules of a name or an address (nfc, whitespace,
 * legacyEncoding, vnName) each scanned the whole text for what concerns it, four passes over every such cell.
 */
import { rememberLast } from './_remember-last.js';

/** A character from U+0080. */
export const NON_ASCII = 1;
/** A character past Latin-1 (U+0100 and up). */
export const BEYOND_LATIN1 = 2;
/** A character from U+0300 outside Latin Extended Additional (U+1E00–U+1EFF): the text may not be NFC. */
export const MAY_DECOMPOSE = 4;
/** Two spaces in a row, or a character that may be an odd space, an invisible one or a control (see `whitespace`). */
export const ODD_SPACE = 8;
/** A character below U+0250 or in U+1E00–U+1EFF that is neither a letter, a mark nor white space (a digit, a symbol). */
export const NOT_LETTER = 16;
/** A character elsewhere, whose letterhood the table does not know (see {@link onlyLettersWith}). */
export const OTHER_SCRIPT = 32;
/** A character in U+00C3–U+00E1: a UTF-8 lead byte of a Vietnamese letter as Windows-1252 shows it (mojibake). */
export const MOJIBAKE_LEAD = 64;

/** A letter, a combining mark or white space, as `vnName` reads letters. */
const LETTER = /[\p{L}\p{M}\s]/u;
const TABLE_END = 0x2200;
const KNOWN_END = 0x250;
const EXTENDED = 0x1e00;

/** The bits of each character below U+2200 (all but `ODD_SPACE`'s doubled spaces). */
const BITS = new Uint8Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) BITS[c] = bitsOf(c);
/** Every bit a character from U+2200 can have (its letterhood unknown). */
const FAR = NON_ASCII | BEYOND_LATIN1 | MAY_DECOMPOSE | ODD_SPACE | OTHER_SCRIPT;

function bitsOf(c: number): number {
  let b = 0;
  if (c >= 0x80) b |= NON_ASCII;
  if (c >= 0x100) b |= BEYOND_LATIN1;
  if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) b |= MAY_DECOMPOSE;
  if (c < 0x20 || (c >= 0x85 && c <= 0xad) || c === 0x1680 || c >= 0x2000) b |= ODD_SPACE;
  const known = c < KNOWN_END || (c >= EXTENDED && c < EXTENDED + 0x100);
  if (!known) b |= OTHER_SCRIPT;
  else if (!LETTER.test(String.fromCharCode(c))) b |= NOT_LETTER;
  if (c >= 0xc3 && c <= 0xe1) b |= MOJIBAKE_LEAD;
  return b;
}

function scan(text: string): number {
  let facts = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previous === 0x20) facts |= ODD_SPACE;
    } else facts |= c < TABLE_END ? BITS[c] as number : FAR;
    previous = c;
  }
  return facts;
}

/**
 * The facts of a text (the bits above), the last text's remembered: the rules of one cell ask in turn.
 * @example textFacts('Nguyễn  Văn') & ODD_SPACE // 8: two spaces in a row
 */
export const textFacts: (text: string) => number = rememberLast(scan);

/**
 * Whether every character is a letter, a combining mark or white space (`/^[\p{L}\p{M}\s]*$/u`), from the facts;
 * `test` is asked only for a text with characters the table does not know.
 * @example onlyLettersWith('Nguyễn Văn An', (t) => /^[\p{L}\p{M}\s]*$/u.test(t)) // true, without the regex
 */
export function onlyLettersWith(text: string, test: (text: string) => boolean): boolean {
  const facts = textFacts(text);
  if ((facts & NOT_LETTER) !== 0) return false;
  return (facts & OTHER_SCRIPT) === 0 || test(text);
}
