import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { STRUCTURE_MESSAGES } from './_messages.js';
import { readDigits } from './_digits.js';

/**
 * The value is a well-formed Vietnamese postal code: exactly 5 digits, kept as text (DOMAIN-VN §2.7). A 4-digit
 * value is `leading_zero_lost` (Quảng Ninh, Hải Phòng… start with 0), with the padded code as suggestion. Whether
 * the prefix names a province is `postalProvince`'s warning. Missing values never reach the rule; surrounding
 * whitespace is ignored. Codes: `non_digit_character`, `scientific_notation`, `bad_length`, `leading_zero_lost`. Criterion correct.
 * @example field.text().use(postalCode()) // "10000" passes; 4000 (number) → leading_zero_lost, suggestion "04000"
 */
export function postalCode(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'postalCode', criterion: 'correct', params: { digits: 5 }, messages: STRUCTURE_MESSAGES,
    fixes: { leading_zero_lost: 'leading-zero' }, quotingParams: [] },
    (value) => {
      const r = readDigits(value, { length: 5 });
      return 'digits' in r ? undefined : r;
    }, options);
}
