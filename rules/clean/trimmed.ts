import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';
import { isSpace, stripSpaces } from '../../src/core/strip-spaces.js';

/**
 * Text has no leading or trailing whitespace (`isSpace`: spaces, tabs, line breaks with NEXT LINE U+0085, the other
 * control characters below U+0020, NBSP and the Unicode spaces, zero-width characters and BOM). The text without them
 * is offered as a suggestion, never applied; the rules that judge a value without them (identifiers, codes, `pattern`
 * and `oneOf` with `trim`) strip the same characters, so a right value in such whitespace is this one finding.
 * @example field.text().trimmed() // " Hà Nội" → surrounding_whitespace, suggestion "Hà Nội"
 */
export function trimmed(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'trimmed', criterion: 'clean', code: 'surrounding_whitespace', fixes: { surrounding_whitespace: 'whitespace' } }, (v) => {
    if (typeof v !== 'string' || v.length === 0) return undefined;
    if (!isSpace(v.charCodeAt(0)) && !isSpace(v.charCodeAt(v.length - 1))) return undefined;
    // The suggestion removes exactly what the finding is about, the characters `isSpace` matches at either end: a
    // pattern of JavaScript's white space kept a control character or U+0085 the rule had flagged. Characters inside
    // the text stay, controls too: they are not surrounding whitespace (the source's `control_character` and
    // `vn.whitespace` report them).
    return { code: 'surrounding_whitespace', suggestion: stripSpaces(v) };
  }, options);
}

