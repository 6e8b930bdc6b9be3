import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

/**
 * Text has no leading or trailing whitespace (spaces, tabs, NBSP, zero-width and other Unicode spaces). The trimmed
 * text is offered as a suggestion, never applied.
 * @example field.text().trimmed() // " Hà Nội" → surrounding_whitespace, suggestion "Hà Nội"
 */
export function trimmed(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'trimmed', criterion: 'clean', code: 'surrounding_whitespace', fixes: { surrounding_whitespace: 'whitespace' } }, (v) => {
    if (typeof v !== 'string' || v.length === 0) return undefined;
    if (!space(v.charCodeAt(0)) && !space(v.charCodeAt(v.length - 1))) return undefined;
    return { code: 'surrounding_whitespace', suggestion: v.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, '') };
  }, options);
}

function space(c: number): boolean {
  return c <= 32 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
