import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

/**
 * Text has no leading or trailing whitespace (spaces, tabs, NBSP, zero-width and other Unicode spaces, line breaks
 * with NEXT LINE U+0085, and the other control characters below U+0020). The text without them is offered as a
 * suggestion, never applied.
 * @example field.text().trimmed() // " Hà Nội" → surrounding_whitespace, suggestion "Hà Nội"
 */
export function trimmed(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'trimmed', criterion: 'clean', code: 'surrounding_whitespace', fixes: { surrounding_whitespace: 'whitespace' } }, (v) => {
    if (typeof v !== 'string' || v.length === 0) return undefined;
    if (!space(v.charCodeAt(0)) && !space(v.charCodeAt(v.length - 1))) return undefined;
    // The suggestion removes exactly what the finding is about, the characters `space` matches at either end: a
    // pattern of JavaScript's white space kept a control character or U+0085 the rule had flagged. Characters inside
    // the text stay, controls too: they are not surrounding whitespace (the source's `control_character` and
    // `vn.whitespace` report them).
    let a = 0;
    let b = v.length;
    while (a < b && space(v.charCodeAt(a))) a++;
    while (b > a && space(v.charCodeAt(b - 1))) b--;
    return { code: 'surrounding_whitespace', suggestion: v.slice(a, b) };
  }, options);
}

function space(c: number): boolean {
  return c <= 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
