import { wholeTags, type TypedCellScanner } from './typed-cells.js';

// A tag (a '<' never occurs inside one) or the text between two tags.
const TOKEN = /<[^<>]*>|[^<]+/y;
// What makes a chunk worth taking apart: an inline string other than one plain text (`<is><t>a</t></is>`, which
// exceljs reads as it is, and most writers write), or a space between two tags.
const WORTH = /<is[\s>](?!<t(?:\s[^<>]*)?>[^<]*<\/t><\/is>)|(?<=>)\s+(?=<)/g;
// A start tag whose text is the cell's: a value, a formula, a run's text.
const TEXT_START = /^<(?:v|f|t)(?=[\s>])[^>]*[^/]>$|^<(?:v|f|t)>$/;
const IS_START = /^<is(?=[\s>])/;
const RPH_START = /^<rPh(?=[\s>])/;
const T_START = /^<t(?=[\s>])/;
const SPACE = /^\s+$/;

/**
 * A pass over a sheet's XML text that hands exceljs each inline string (`<c t="inlineStr"><is>…</is></c>`) as one
 * `<t>`: the text of its runs joined, without its phonetic guides (`<rPh>`); and the spaces that only lay the XML out
 * on lines (between two tags, outside a value, a formula or a text) taken out. Why: exceljs' reader starts the cell's
 * text anew at each `<t>`, so a string of runs (`<r><t>Nguyễn </t></r><r><t>Văn A</t></r>`) read as its last run,
 * "Văn A", and a phonetic guide as the text; and it adds every text after a `<t>` or `<v>` to it, so the line breaks
 * and indents of a pretty-printed sheet ended the cell's text (`"Đỗ\n"`). `tooLarge` is the error for an inline
 * string of over `maxChars` characters (Excel holds 32,767 in a cell), held whole before it is handed on. Chunks with
 * neither pass as they are.
 * @example inlineStrings(() => new Error()).scan('<c r="A1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>') // '<c r="A1" t="inlineStr"><is><t xml:space="preserve">ab</t></is></c>'
 */
export function inlineStrings(tooLarge: (why: string) => Error, maxChars = 32 * 1024 * 1024): TypedCellScanner {
  let inIs = false;
  let inPhonetic = false;
  let inText = false;
  let joined = '';
  let textStart = false;
  /** Notes whether the last tag of `t` starts a text (`textStart`), for a chunk passed on as it is. */
  const noteLastTag = (t: string): void => {
    const lt = t.lastIndexOf('<');
    if (lt !== -1) textStart = TEXT_START.test(t.slice(lt, t.indexOf('>', lt) + 1));
  };
  // Spaces after the last tag of a chunk, held back until the next chunk says whether a tag follows them.
  let heldSpaces = '';
  const pass = (chunk: string): string => {
    // Spaces between two tags lay the XML out; before text, they are the text's (a space at a run's start).
    let t = chunk;
    if (heldSpaces !== '') {
      let start = 0;
      while (start < chunk.length && isSpace(chunk.charCodeAt(start))) start++;
      if (start === chunk.length) {
        heldSpaces += chunk;
        return '';
      }
      t = chunk.charCodeAt(start) === 60 ? chunk.slice(start) : heldSpaces + chunk;
      heldSpaces = '';
    }
    let end = t.length;
    while (end > 0 && isSpace(t.charCodeAt(end - 1))) end--;
    const tagBefore = end > 0 && t.charCodeAt(end - 1) === 62;
    let out = run(tagBefore ? t.slice(0, end) : t);
    // Spaces after the chunk's last tag are held back when they would be no value's (the state after that tag).
    if (tagBefore && end < t.length) {
      if (!inIs && !textStart) heldSpaces = t.slice(end);
      else out += run(t.slice(end));
    }
    return out;
  };
  /** What the text `t` (whole tags, and the text between them) hands on. */
  const run = (t: string): string => {
    let out = '';
    let at = 0;
    while (at < t.length) {
      if (!inIs) {
        // Up to what is worth taking apart, the text passes as it is: most of a chunk, most of the time.
        WORTH.lastIndex = at;
        const m = WORTH.exec(t);
        const to = m === null ? t.length : m.index;
        if (to > at) {
          const plain = t.slice(at, to);
          noteLastTag(plain);
          out += plain;
          at = to;
          continue;
        }
      }
      TOKEN.lastIndex = at;
      const token = (TOKEN.exec(t) as RegExpExecArray)[0];
      at += token.length;
      out += step(token);
    }
    return out;
  };
  /** What one tag or text hands on. */
  const step = (token: string): string => {
    const tag = token.charCodeAt(0) === 60;
    if (inIs) {
      if (!tag) {
        if (inText && !inPhonetic) joined += token;
        if (joined.length > maxChars) throw tooLarge(`holds an inline string of over ${String(maxChars)} characters`);
        return '';
      }
      if (token.startsWith('</is')) {
        inIs = false;
        const text = joined;
        joined = '';
        return `<is><t xml:space="preserve">${text}</t></is>`;
      }
      if (RPH_START.test(token)) inPhonetic = !token.endsWith('/>');
      else if (token.startsWith('</rPh')) inPhonetic = false;
      else if (T_START.test(token)) inText = !token.endsWith('/>');
      else if (token.startsWith('</t')) inText = false;
      return '';
    }
    if (tag && IS_START.test(token) && !token.endsWith('/>')) {
      inIs = true;
      inText = false;
      inPhonetic = false;
      textStart = false;
      return '';
    }
    // A space between two tags is data only inside a value, a formula or a text (`<v> </v>`).
    if (!tag && !textStart && SPACE.test(token)) return '';
    if (tag) textStart = TEXT_START.test(token);
    return token;
  };
  return wholeTags(pass);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
