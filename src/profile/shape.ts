const MAX_SHAPE = 40;

/**
 * The shape of a value: each digit becomes `9`, each letter `A` (Vietnamese letters too), combining accents are
 * dropped (so NFD and NFC text have one shape), everything else is kept;
 * shapes longer than 40 characters are cut with `…`, so a column of free text has a bounded number of shapes.
 * @example shape('AB 234567') // 'AA 999999'
 */
export function shape(text: string): string {
  let out = '';
  for (const ch of text) {
    if (out.length >= MAX_SHAPE) return `${out}…`;
    if (MARK.test(ch)) continue;
    out += ch >= '0' && ch <= '9' ? '9' : LETTER.test(ch) ? 'A' : ch;
  }
  return out;
}

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
