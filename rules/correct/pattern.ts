import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';
import { checkedRegExp, patternText } from './_checked-regexp.js';

/** Options of `pattern` and `notPattern`. */
export interface PatternOptions extends RuleOptions {
  /**
   * Accept a pattern that can backtrack catastrophically (see `backtrackingRisk`), e.g. one you know is only run on
   * short values. Default false: such a pattern throws when the rule is built.
   */
  readonly unsafe?: boolean;
  /**
   * Test text without its surrounding whitespace (what `trimmed` reports, `stripSpaces`): `"38239 "` matches
   * `/^\d{5}$/`. Pair it with `.trimmed()`, which reports the whitespace (clean): a right value with a stray space is
   * then one clean finding, not also a correctness one. Default false: the text is tested as given.
   */
  readonly trim?: boolean;
}

/**
 * The value, as text, matches a regular expression (anchor it: `/^\d{12}$/`). Missing values are not checked.
 * Global and sticky flags are dropped so the test does not depend on earlier calls. A pattern that can backtrack
 * exponentially (`/^(a+)+$/`, `/^(.*a){20}$/`: a group whose width varies, repeated) throws
 * `ddss: pattern /…/ can backtrack exponentially (…)` unless `{ unsafe: true }` is passed: one such cell can stall a
 * run, and JavaScript cannot interrupt a running match. With `trim`, text is tested without its surrounding
 * whitespace, and the params say `trim: true`.
 * @example field.text().pattern(/^\d{12}$/) // "00108901234" → pattern_mismatch
 * @example field.text().trimmed().pattern(/^\d{5}$/, { trim: true }) // "38239 " → surrounding_whitespace (trimmed) only
 */
export function pattern(re: RegExp, options: PatternOptions = {}): ValueRule {
  const rx = checkedRegExp('pattern', re, options.unsafe === true);
  const text = patternText(options.trim === true);
  return valueRule({ options: { unsafe: true, trim: true }, name: 'pattern', criterion: 'correct', code: 'pattern_mismatch',
    params: { pattern: String(rx), ...(options.trim === true ? { trim: true } : {}) }, valueParams: ['pattern'] },
    (v) => rx.test(text(v)), options);
}
