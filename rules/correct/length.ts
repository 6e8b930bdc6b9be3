import { valueRule } from '../../src/core/rule-base.js';
import { countBounds } from './_count-bounds.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

/**
 * The text's length in characters (code points, so `Nguyễn` is 6) is within `[min, max]`. Missing values are not
 * checked. GX's `expect_column_value_lengths_to_be_between`. Bounds no value could meet (`min` greater than `max`),
 * or none at all, throw when the rule is built: a rule failing every value, or checking nothing, is a mistake.
 * @example field.text().length({ min: 9, max: 12 })
 */
export function length(bounds: { readonly min?: number; readonly max?: number }, options: RuleOptions = {}): ValueRule {
  const { lo, hi } = countBounds('length', bounds);
  if (bounds.min === undefined && bounds.max === undefined) throw new Error('ddss: length needs min or max');
  return valueRule({ name: 'length', criterion: 'correct', params: { min: lo, max: hi === Infinity ? null : hi },
    quotingParams: [] },
    (v) => {
      const s = typeof v === 'string' ? v : String(v);
      const n = codePoints(s);
      if (n < lo) return { code: 'too_short', params: { length: n, min: lo } };
      if (n > hi) return { code: 'too_long', params: { length: n, max: hi } };
      return undefined;
    }, options);
}

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
