import { shownArg } from '../core/arg-kind.js';

/**
 * An output's count option (samples or rules shown): `fallback` when not given, else a whole number ≥ 0, or
 * `Infinity` for all. Why: `??` read `null` as not given, and the count went to `slice` as it was — `-1` showed all
 * but the last sample, `2.5` two, `'5'` five — with no word that the option was not what it should be.
 * @example countOption(undefined, 10, 'toHtml: maxSamples') // 10
 */
export function countOption(value: unknown, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (value === Infinity || (typeof value === 'number' && Number.isInteger(value) && value >= 0)) return value;
  throw new TypeError(`ddss: ${what} must be a whole number ≥ 0 (or Infinity for all), got ${shownArg(value)}`);
}
