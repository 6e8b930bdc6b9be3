import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { isIssuingAgency } from './_province-codes.js';
import { identifierText, isDigits } from './_text.js';
import { warnOnlyOptions } from '../_warn-only.js';

const MESSAGES = {
  unknown_province_code: {
    en: '{field}: "{value}" starts with {code}, which is neither a province code nor 97/98 (ministry agencies)',
    vi: '{field}: "{value}" bắt đầu bằng {code}, không phải mã tỉnh cũng không phải 97/98 (BHXH Bộ Quốc phòng, Bộ Công an)',
  },
};

/**
 * A 10-digit social-insurance number starts with the code of its issuing agency: a province code (2008 or 2025
 * scheme), 97 (BHXH Bộ Quốc phòng) or 98 (BHXH Bộ Công an). This is a convention, not a published rule
 * (DOMAIN-VN §2.4 [warn-only]), hence severity warning (`error` is refused). Values that are not exactly 10 digits pass (see `bhxh()`);
 * missing values never reach the rule. Code: `unknown_province_code`. Criterion correct.
 * @example field.text().use(bhxh(), bhxhProvince()) // "0312345678" → unknown_province_code (03 is no province)
 */
export function bhxhProvince(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'bhxhProvince', criterion: 'correct', messages: MESSAGES,
    quotingParams: ['code'] }, (value) => {
    const text = identifierText(value);
    if (text === undefined || text.length !== 10 || !isDigits(text)) return undefined;
    const code = text.slice(0, 2);
    return isIssuingAgency(code) ? undefined : { code: 'unknown_province_code', params: { code } };
  }, warnOnlyOptions('bhxhProvince', 'the issuing-province convention of BHXH numbers', options));
}
