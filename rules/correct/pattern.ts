import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';
import { checkedRegExp } from './_checked-regexp.js';

/** Options of `pattern` and `notPattern`. */
export interface PatternOptions extends RuleOptions {
  /**
   * Accept a pattern that can backtrack catastrophically (see `backtrackingRisk`), e.g. one you know is only run on
   * short values. Default false: such a pattern throws when the rule is built.
   */
  readonly unsafe?: boolean;
}

/**
 * The value, as text, matches a regular expression (anchor it: `/^\d{12}$/`). Missing values are not checked.
 * Global and sticky flags are dropped so the test does not depend on earlier calls. A pattern that can backtrack
 * exponentially (`/^(a+)+$/`, `/^(.*a){20}$/`: a group whose width varies, repeated) throws
 * `ddss: pattern /…/ can backtrack exponentially (…)` unless `{ unsafe: true }` is passed: one such cell can stall a
 * run, and JavaScript cannot interrupt a running match.
 * @example field.text().pattern(/^\d{12}$/) // "00108901234" → pattern_mismatch
 */
export function pattern(re: RegExp, options: PatternOptions = {}): ValueRule {
  const rx = checkedRegExp('pattern', re, options.unsafe === true);
  return valueRule({ options: { unsafe: true }, name: 'pattern', criterion: 'correct', code: 'pattern_mismatch', params: { pattern: String(rx) },
    valueParams: ['pattern'] },
    (v) => rx.test(typeof v === 'string' ? v : String(v)), options);
}
