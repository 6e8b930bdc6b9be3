import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

/**
 * The value, as text, matches a regular expression (anchor it: `/^\d{12}$/`). Missing values are not checked.
 * Global and sticky flags are dropped so the test does not depend on earlier calls.
 * @example field.text().pattern(/^\d{12}$/) // "00108901234" → pattern_mismatch
 */
export function pattern(re: RegExp, options: RuleOptions = {}): ValueRule {
  const rx = re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
  return valueRule({ name: 'pattern', criterion: 'correct', code: 'pattern_mismatch', params: { pattern: String(rx) },
    valueParams: ['pattern'] },
    (v) => rx.test(typeof v === 'string' ? v : String(v)), options);
}
