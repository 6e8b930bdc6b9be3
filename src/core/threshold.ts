/**
 * Whether `passed` of `checked` meets a threshold, decided exactly for the threshold as written: `0.2` means 2/10,
 * not the binary fraction nearest to it. So 1 passing row of 5 meets 0.2 (`1 - 4/5` is 0.19999999999999996 in
 * floating point, which a plain comparison would fail), as Great Expectations' `mostly` does.
 * @example meetsThreshold(1, 5, 0.2) // true
 * @example meetsThreshold(94, 100, 0.95) // false
 */
export function meetsThreshold(passed: number, checked: number, threshold: number): boolean {
  if (threshold <= 0) return true;
  if (threshold >= 1) return passed >= checked;
  const [num, den] = decimalFraction(threshold);
  return BigInt(passed) * den >= num * BigInt(checked);
}

/** A table-level score (a share computed in floating point) against a threshold, within 1e-12. */
export function scoreMeetsThreshold(score: number, threshold: number): boolean {
  return score >= threshold - 1e-12;
}

const fractions = new Map<number, readonly [bigint, bigint]>();

/** The threshold's shortest decimal form as numerator/denominator: `0.95` → 95/100, `1e-7` → 1/10000000. */
function decimalFraction(x: number): readonly [bigint, bigint] {
  let f = fractions.get(x);
  if (f === undefined) {
    const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
    if (m === null) throw new RangeError(`ddss: threshold ${x} is not a finite number in [0, 1]`);
    const digits = `${m[1] as string}${m[2] ?? ''}`;
    const exponent = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
    f = exponent >= 0 ? [BigInt(digits) * 10n ** BigInt(exponent), 1n] : [BigInt(digits), 10n ** BigInt(-exponent)];
    if (fractions.size < 1000) fractions.set(x, f);
  }
  return f;
}
