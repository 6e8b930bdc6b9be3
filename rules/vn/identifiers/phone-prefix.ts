import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { modernMobile, normalizePhone, phoneKind } from './phone.js';
import { identifierText } from './_text.js';

const MESSAGES = {
  legacy_mobile_prefix: {
    en: '{field}: "{value}" uses the retired 11-digit prefix {prefix}, now {current}; the number needs updating to its 10-digit form',
    vi: '{field}: "{value}" dùng đầu số 11 chữ số cũ {prefix}, nay là {current}; cần cập nhật sang số 10 chữ số',
  },
};

/**
 * A mobile number uses its current 10-digit form: a legacy 11-digit prefix (0162–0169, 0120–0129, 0186, 0188,
 * 0199) whose current form is a valid number is `legacy_mobile_prefix`, with the current number (national form) as
 * suggestion (DOMAIN-VN §2.6). Other values pass (validity is `phone()`'s business); missing values never reach
 * the rule. Criterion live.
 * @example field.text().use(phone(), phonePrefix()) // "0162 123 4567" → legacy_mobile_prefix, suggestion "0321234567"
 */
export function phonePrefix(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'phonePrefix', criterion: 'live', messages: MESSAGES, fixes: { legacy_mobile_prefix: 'phone-prefix' },
    quotingParams: ['prefix', 'current'] }, (value) => {
    const text = identifierText(value);
    const national = text === undefined ? undefined : normalizePhone(text);
    const modern = national === undefined ? undefined : modernMobile(national);
    if (national === undefined || modern === undefined || phoneKind(modern) === undefined) return undefined;
    return { code: 'legacy_mobile_prefix', suggestion: modern, params: { prefix: national.slice(0, 4), current: modern.slice(0, 3) } };
  }, options);
}
