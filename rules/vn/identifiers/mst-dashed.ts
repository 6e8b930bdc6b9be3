import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { identifierText, isDigits } from './_text.js';

const MESSAGES = {
  undashed_branch_code: {
    en: '{field}: "{value}" is a branch tax code without its dash; the standard form is NNNNNNNNNN-BBB',
    vi: '{field}: "{value}" là mã số thuế đơn vị phụ thuộc thiếu dấu gạch ngang; dạng chuẩn là NNNNNNNNNN-BBB',
  },
};

/**
 * A branch tax code is written in its canonical dashed form `NNNNNNNNNN-BBB`: 13 digits run together are
 * `undashed_branch_code`, with the dashed form as suggestion (DOMAIN-VN §2.3). Other values pass (their validity
 * is `mst()`'s business). Missing values never reach the rule. Criterion clean, severity warning.
 * @example field.text().use(mst(), mstDashed()) // "0100109106001" → undashed_branch_code, suggestion "0100109106-001"
 */
export function mstDashed(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'mstDashed', criterion: 'clean', messages: MESSAGES }, (value) => {
    const text = identifierText(value);
    if (text === undefined || text.length !== 13 || !isDigits(text)) return undefined;
    return { code: 'undashed_branch_code', suggestion: `${text.slice(0, 10)}-${text.slice(10)}` };
  }, { severity: 'warning', ...options });
}
