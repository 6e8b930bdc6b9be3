import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { STRUCTURE_MESSAGES } from './_messages.js';
import { readDigits } from './_digits.js';

/**
 * The value is a well-formed social-insurance number (mã số BHXH, DOMAIN-VN §2.4): exactly 10 digits, kept as text.
 * There is no published check digit. A 9-digit value is `leading_zero_lost` (suggestion: left-padded). The issuing
 * province prefix is only a convention: see `bhxhProvince` (warning). Missing values never reach the rule;
 * surrounding whitespace is ignored. Codes: `non_digit_character`, `scientific_notation`, `bad_length`, `leading_zero_lost`. Criterion correct.
 * @example field.text().use(bhxh()) // "0123456789" passes; 123456789 (number) → leading_zero_lost, suggestion "0123456789"
 */
export function bhxh(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'bhxh', criterion: 'correct', params: { digits: 10 }, messages: STRUCTURE_MESSAGES,
    fixes: { leading_zero_lost: 'leading-zero' }, quotingParams: [] }, (value) => {
    const r = readDigits(value, { length: 10 });
    return 'digits' in r ? undefined : r;
  }, options);
}
