import { valueRule } from '../../src/core/rule-base.js';
import type { ValueRule } from '../../src/core/types.js';
import { checkedRegExp, patternText } from './_checked-regexp.js';
import type { PatternOptions } from './pattern.js';

/**
 * The value, as text, does not match a regular expression: a form known to be wrong (a placeholder `/^0+$/`, a
 * test record `/^TEST/i`), Great Expectations' `expect_column_values_to_not_match_regex`. A match is
 * `matches_forbidden_pattern` (criterion correct, params `{ pattern }`, masked on a personal field like the value).
 * Missing values are not checked. The pattern is searched for anywhere unless anchored. As `pattern`: global and
 * sticky flags are dropped, and a pattern that can backtrack exponentially throws
 * `ddss: notPattern /…/ can backtrack exponentially (…)` unless `{ unsafe: true }`; a pattern from a definition
 * file has no such escape. With `trim`, text is tested without its surrounding whitespace (params `trim: true`).
 * @example field.text().notPattern(/^0+$/) // "000000000000" → matches_forbidden_pattern
 */
export function notPattern(re: RegExp, options: PatternOptions = {}): ValueRule {
  const rx = checkedRegExp('notPattern', re, options.unsafe === true);
  const text = patternText(options.trim === true);
  return valueRule({ options: { unsafe: true, trim: true }, name: 'notPattern', criterion: 'correct', code: 'matches_forbidden_pattern',
    params: { pattern: String(rx), ...(options.trim === true ? { trim: true } : {}) }, valueParams: ['pattern'] },
    (v) => !rx.test(text(v)), options);
}
