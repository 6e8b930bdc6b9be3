/**
 * One atom of a regular expression's source: the single character it matches, or `null` when it may match more than
 * one (`.`, `\d`, `[a-z]`, a back-reference), and how many source characters it takes.
 */
export interface Atom {
  readonly char: string | null;
  readonly length: number;
}

const HEX = /^[0-9a-fA-F]+$/;
const CONTROL: Readonly<Record<string, string>> = { f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * Reads the escape at `source[i]` (a backslash) as the engine does, so that `\x61`, `\u0061`, `\u{61}` (unicode),
 * `\0141`, `\cA` or `\a` (not unicode) are compared as the characters they match, not as written. `inClass` reads it
 * as inside `[…]`, where `\b` is a backspace and `\141` an octal code rather than a back-reference.
 * @example readEscape('\\x61', 0, false) // { char: 'a', length: 4 }
 */
export function readEscape(source: string, i: number, unicode: boolean, inClass = false): Atom {
  const next = source[i + 1];
  if (next === undefined) return { char: null, length: 1 };
  if (/[dDwWsS]/.test(next)) return { char: null, length: 2 };
  if (next === 'b' || next === 'B') return { char: inClass && next === 'b' ? '\b' : null, length: 2 };
  if ((next === 'p' || next === 'P') && unicode) return { char: null, length: _through(source, i + 2, '}', 2) };
  if (next === 'k') return { char: null, length: _through(source, i + 2, '>', 2) };
  if (/[0-7]/.test(next) && !unicode && (inClass || next === '0')) return _legacyOctal(source, i);
  if (/[0-9]/.test(next) && !(inClass && !unicode)) {
    // `\0` alone is NUL; any other digit is a back-reference, which may match anything (in legacy patterns, an octal
    // code when there are fewer groups: left unknown, the cautious reading).
    if (next === '0' && !/[0-9]/.test(source[i + 2] ?? '')) return { char: '\0', length: 2 };
    return { char: null, length: 1 + (/^\d+/.exec(source.slice(i + 1, i + 12))?.[0].length ?? 1) };
  }
  if (next === 'x') return _hex(source, i, 2) ?? { char: 'x', length: 2 };
  if (next === 'u') return _unicodeEscape(source, i, unicode) ?? { char: 'u', length: 2 };
  if (next === 'c') {
    const letter = source[i + 2] ?? '';
    // Without a letter, `\c` is a literal backslash (legacy) whose meaning is not worth guessing.
    if (!/[A-Za-z]/.test(letter)) return { char: null, length: 2 };
    return { char: String.fromCharCode(letter.charCodeAt(0) % 32), length: 3 };
  }
  return { char: CONTROL[next] ?? next, length: 2 };
}

/**
 * Reads the character class at `source[i]` (a `[`): a class of one character (`[a]`, `[\x61]`) is that character;
 * any other matches a set (`null`). `[]` and `[^]` end at their `]`, as in JavaScript (empty class, any character).
 * @example readClass('[\\x61]+', 0, false) // { char: 'a', length: 6 }
 */
export function readClass(source: string, i: number, unicode: boolean): Atom {
  let j = i + 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  const length = Math.min(j, source.length) + 1 - i;
  const body = source.slice(i + 1, i + length - 1);
  if (body.startsWith('^') || body === '') return { char: null, length };
  const one = body.startsWith('\\') ? readEscape(body, 0, unicode, true) : readLiteral(body, 0, unicode);
  return { char: one.length === body.length ? one.char : null, length };
}

/**
 * Reads the plain character at `source[i]`: a whole code point with the `u` or `v` flag, one UTF-16 unit without,
 * as the engine matches it; `.` matches a set.
 * @example readLiteral('😀', 0, true) // { char: '😀', length: 2 }
 */
export function readLiteral(source: string, i: number, unicode: boolean): Atom {
  const code = unicode ? source.codePointAt(i) ?? 0 : source.charCodeAt(i);
  const char = String.fromCodePoint(code);
  return { char: char === '.' ? null : char, length: char.length };
}

/** Length from `source[i - 2]` (the backslash) through `close` when `source[i]` opens with `{` or `<`, else `min`. */
function _through(source: string, i: number, close: string, min: number): number {
  if (source[i] !== (close === '}' ? '{' : '<')) return min;
  const end = source.indexOf(close, i);
  return end < 0 ? source.length - i + 2 : end - i + 3;
}

/** `\xHH` or `\uHHHH` at `source[i]`, when all `digits` are there. */
function _hex(source: string, i: number, digits: number): Atom | undefined {
  const text = source.slice(i + 2, i + 2 + digits);
  return text.length === digits && HEX.test(text)
    ? { char: String.fromCharCode(parseInt(text, 16)), length: 2 + digits }
    : undefined;
}

function _unicodeEscape(source: string, i: number, unicode: boolean): Atom | undefined {
  if (unicode && source[i + 2] === '{') {
    const end = source.indexOf('}', i + 3);
    const text = source.slice(i + 3, end);
    const code = end < 0 || !HEX.test(text) ? NaN : parseInt(text, 16);
    return code <= 0x10ffff ? { char: String.fromCodePoint(code), length: end + 1 - i } : undefined;
  }
  const high = _hex(source, i, 4);
  if (high === undefined || !unicode || !/[\uD800-\uDBFF]/.test(high.char ?? '')) return high;
  // With the u flag, `\uD83D\uDE00` is one code point, as the literal 😀 is.
  const low = source[i + 6] === '\\' && source[i + 7] === 'u' ? _hex(source, i + 6, 4) : undefined;
  return low !== undefined && /[\uDC00-\uDFFF]/.test(low.char ?? '')
    ? { char: `${high.char ?? ''}${low.char ?? ''}`, length: 12 }
    : high;
}

/** `\0`–`\377` in a legacy pattern: up to three octal digits, the first 0–3, or two when it is 4–7. */
function _legacyOctal(source: string, i: number): Atom {
  const max = /[0-3]/.test(source[i + 1] ?? '') ? 3 : 2;
  const digits = (/^[0-7]+/.exec(source.slice(i + 1, i + 1 + max)) as RegExpExecArray)[0];
  return { char: String.fromCharCode(parseInt(digits, 8)), length: 1 + digits.length };
}
