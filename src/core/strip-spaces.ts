/**
 * What counts as white space around a value, for every rule that reads it: `trimmed` (which reports it), the
 * missing-value test (a cell of nothing else is missing), and the rules that judge a value without it (identifiers,
 * codes, terms, `pattern` and `oneOf` with `trim`, uniqueness keys). JavaScript's `trim` keeps the zero-width
 * characters, U+0085 and the C0 controls, so a personal ID followed by a zero-width space was `trimmed`'s finding and
 * also a wrong ID: one defect, two findings. One definition, so the rules agree.
 */

/**
 * Whether a UTF-16 code unit is white space around a value: any character up to U+0020 (space, tab, line breaks and
 * the other C0 controls), NEXT LINE (U+0085), the no-break and Unicode spaces (U+00A0, U+1680, U+2000–U+200A,
 * U+202F, U+205F, U+3000), the line and paragraph separators, and the invisible characters (DOMAIN-VN §6): zero-width
 * space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060), Mongolian vowel separator (U+180E), BOM (U+FEFF).
 * @example isSpace(0x200b) // true
 */
export function isSpace(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0x85) return false; // letters, digits and ASCII punctuation: most characters, decided in two comparisons
  return c === 0x85 || c === 0xa0 || (c >= 0x2000 && c <= 0x200d) || c === 0x3000 || c === 0xfeff || c === 0x1680
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x180e;
}

/**
 * The text without the white space (`isSpace`) at either end; the text itself when there is none (the usual case:
 * no copy). Characters inside it are kept.
 * @example stripSpaces('\u200b001089012345 ') // '001089012345'
 */
export function stripSpaces(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}
