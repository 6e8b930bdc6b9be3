import { isSpace, stripSpaces } from './strip-spaces.js';

/**
 * Values that count as missing when a dataset does not say otherwise (besides empty and whitespace-only cells): the
 * placeholders spreadsheets and exports write for "nothing", including the `-` and `--` of hand-kept registers, in
 * the cases they are written in (`Null` and `N/a` were read as a parcel ID and an owner's name).
 * @example DEFAULT_MISSING_VALUES.includes('-') // true
 */
export const DEFAULT_MISSING_VALUES: readonly string[] = ['NULL', 'Null', 'null', 'N/A', 'N/a', 'n/A', 'n/a', '#N/A', '-', '--'];

/** A compiled missing-value test for one field. */
export type MissingTest = (raw: unknown) => boolean;

/**
 * Builds the test for "missing": absent (`undefined`/`null`), NaN, empty, whitespace-only (`isSpace`: zero-width
 * characters and controls too), or one of `tokens` (compared exactly, after trimming), or a `Date` at midnight UTC of a
 * token written `yyyy-MM-dd` (see `missingDate`). Runs once per cell: a value whose first character starts no token and that is not padded with
 * spaces is decided without hashing it.
 */
export function missingTest(tokens: readonly string[]): MissingTest {
  return missingFrom(missingText(tokens), missingDate(tokens));
}

/** {@link missingTest} made of its text and date parts, for a caller that keeps the parts too (the plan compiler). */
export function missingFrom(isMissingText: (text: string) => boolean, isMissingDate: (date: Date) => boolean): MissingTest {
  return (raw) => {
    if (raw === undefined || raw === null) return true;
    if (typeof raw !== 'string') return (typeof raw === 'number' && Number.isNaN(raw)) || (raw instanceof Date && isMissingDate(raw));
    return isMissingText(raw);
  };
}

/**
 * The dates among `tokens` (written `yyyy-MM-dd`, as `1900-01-01` and `0001-01-01` of `VN_MISSING_VALUES`): a typed
 * date cell (an Excel date cell, a PostgreSQL `date` or `timestamp`) at midnight of such a day is missing too. Why:
 * a register that writes the placeholder `01/01/1900` for "no date" writes it in a workbook as a date cell, which
 * reached the rules as a real date and passed them, where the same export saved as CSV was missing.
 * @example missingDate(['1900-01-01'])(new Date('1900-01-01T00:00:00Z')) // true
 */
export function missingDate(tokens: readonly string[]): (date: Date) => boolean {
  const days = new Set<number>();
  for (const t of tokens) {
    const text = t.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const ms = Date.parse(`${text}T00:00:00Z`);
      if (!Number.isNaN(ms)) days.add(ms);
    }
  }
  return (date) => days.size > 0 && days.has(date.getTime());
}

/** The string part of `missingTest`, small enough for V8 to inline into the generated evaluator. */
export function missingText(tokens: readonly string[]): (text: string) => boolean {
  const set = new Set(tokens.map((t) => t.trim()).filter((t) => t !== ''));
  let longest = 0;
  const first = new Uint8Array(128);
  let nonAsciiFirst = false;
  for (const t of set) {
    longest = Math.max(longest, t.length);
    const c = t.charCodeAt(0);
    if (c < 128) first[c] = 1;
    else nonAsciiFirst = true;
  }
  // A second filter before hashing: (first char, second char, length) of every token of two or more characters,
  // folded into 12 bits (a collision only costs a `set.has`). Dates and codes often start like a token (`0`, `1`,
  // `N`) but rarely share its second character and length.
  const pairs = new Uint8Array(4096);
  for (const t of set) if (t.length > 1) pairs[pairKey(t.charCodeAt(0), t.charCodeAt(1), t.length)] = 1;
  const padded = (s: string): boolean => {
    const t = stripSpaces(s);
    return t === '' || (t.length <= longest && set.has(t));
  };
  return (s) => {
    const n = s.length;
    if (n === 0) return true;
    const a = s.charCodeAt(0);
    if (isSpace(a) || isSpace(s.charCodeAt(n - 1))) return padded(s);
    if (n > longest || (a < 128 ? first[a] === 0 : !nonAsciiFirst)) return false;
    if (n > 1 && pairs[pairKey(a, s.charCodeAt(1), n)] === 0) return false;
    return set.has(s);
  };
}

function pairKey(a: number, b: number, length: number): number {
  return ((a & 0xf) << 8) | ((b & 0xf) << 4) | (length & 0xf);
}

/** Every whitespace character (`isSpace`) marked 1: the evaluator looks a value's last character up here. */
export const SPACES: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (isSpace(c)) t[c] = 1;
  return t;
})();

const firstChars = new Map<string, Uint8Array>();
const lengths = new Map<string, Int32Array>();

/** A table built once per distinct token set (its trimmed tokens, in any order): fields of a dataset share theirs. */
function perTokenSet<T>(cache: Map<string, T>, tokens: readonly string[], build: (trimmed: readonly string[]) => T): T {
  const trimmed = [...new Set(tokens.map((t) => t.trim()))];
  const key = JSON.stringify([...trimmed].sort());
  let table = cache.get(key);
  if (table === undefined) {
    table = build(trimmed.filter((t) => t !== ''));
    cache.set(key, table);
  }
  return table;
}

/**
 * For each ASCII character, the lengths of the tokens that start with it, as bits (bit n for length n, bit 31 for
 * 31 and more); all bits for white space. With {@link missingFirstChars} and {@link SPACES} the generated evaluator
 * calls `missingText` only for a value that starts like a token *and* has a token's length (or ends in white space,
 * which trimming would change): a 12-digit ID starts like `00000000`, a birth year like `1900-01-01`, and neither
 * can be one. Characters from 128 are not in the table (the evaluator calls `missingText` for them).
 */
export function missingLengths(tokens: readonly string[]): Int32Array {
  return perTokenSet(lengths, tokens, (trimmed) => {
    const table = new Int32Array(128);
    for (let c = 0; c < 128; c++) if (isSpace(c)) table[c] = -1;
    for (const t of trimmed) {
      const c = t.charCodeAt(0);
      if (c < 128) table[c] = (table[c] as number) | (1 << Math.min(t.length, 31));
    }
    return table;
  });
}

/**
 * The characters a missing value can start with: white space, or the first character of a token. The generated
 * evaluator looks the first character up here before calling `missingText`, so most values cost one array load.
 */
export function missingFirstChars(tokens: readonly string[]): Uint8Array {
  return perTokenSet(firstChars, tokens, (trimmed) => {
    const table = SPACES.slice();
    for (const t of trimmed) table[t.charCodeAt(0)] = 1;
    return table;
  });
}
