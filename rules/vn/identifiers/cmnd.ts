import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { STRUCTURE_MESSAGES } from './_messages.js';
import { readDigits } from './_digits.js';

/**
 * The value is a well-formed legacy identity card number (CMND): exactly 9 digits, no check digit (DOMAIN-VN §2.2).
 * An 8-digit value is `leading_zero_lost` (suggestion: left-padded). Whether a CMND may still identify a record is
 * a liveness question: see `cmndRetired`. Missing values never reach the rule; surrounding whitespace is ignored.
 * Codes: `non_digit_character`, `scientific_notation`, `bad_length`, `leading_zero_lost`. Criterion correct.
 * @example field.text().use(cmnd()) // "12345678" → leading_zero_lost, suggestion "012345678"
 */
export function cmnd(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'cmnd', criterion: 'correct', params: { digits: 9 }, messages: STRUCTURE_MESSAGES,
    fixes: { leading_zero_lost: 'leading-zero' }, quotingParams: [] }, (value) => {
    const r = readDigits(value, { length: 9 });
    return 'digits' in r ? undefined : r;
  }, options);
}
