import { valueRule } from '../../src/core/rule-base.js';
import { backtrackingRisk } from '../../src/core/backtracking-risk.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

/** Options of `pattern`. */
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
  const risk = options.unsafe === true ? undefined : backtrackingRisk(re.source, re.flags);
  if (risk !== undefined) {
    throw new Error(`ddss: pattern ${String(re)} can backtrack exponentially (${risk}); rewrite it, or pass { unsafe: true } to accept it`);
  }
  const rx = re.global || re.sticky ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
  return valueRule({ name: 'pattern', criterion: 'correct', code: 'pattern_mismatch', params: { pattern: String(rx) },
    valueParams: ['pattern'] },
    (v) => rx.test(typeof v === 'string' ? v : String(v)), options);
}
