/** Values that count as missing when a dataset does not say otherwise (besides empty and whitespace-only cells). */
export const DEFAULT_MISSING_VALUES: readonly string[] = ['NULL', 'null', 'N/A', 'n/a', '#N/A'];

/** A compiled missing-value test for one field. */
export type MissingTest = (raw: unknown) => boolean;

/**
 * Builds the test for "missing": absent (`undefined`/`null`), empty, whitespace-only, or one of `tokens`
 * (compared exactly, after trimming). Runs once per cell, so it avoids hashing long strings.
 */
export function missingTest(tokens: readonly string[]): MissingTest {
  const set = new Set(tokens.map((t) => t.trim()).filter((t) => t !== ''));
  let longest = 0;
  for (const t of set) longest = Math.max(longest, t.length);
  return (raw) => {
    if (raw === undefined || raw === null) return true;
    if (typeof raw !== 'string') return typeof raw === 'number' && Number.isNaN(raw);
    const n = raw.length;
    if (n === 0) return true;
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(n - 1);
    if (isSpace(first) || isSpace(last)) {
      const t = raw.trim();
      return t === '' || (t.length <= longest && set.has(t));
    }
    return n <= longest && set.has(raw);
  };
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}
