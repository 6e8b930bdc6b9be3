import { valueRule } from '../../../src/core/rule-base.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { parseCccd } from './cccd.js';
import { identifierText } from './_text.js';

const MESSAGES = {
  unknown_province_code: {
    en: '{field}: "{value}" starts with {code}, which is not a province code; it may be the country code of a birth registered abroad',
    vi: '{field}: "{value}" bắt đầu bằng {code}, không phải mã tỉnh; có thể là mã quốc gia nơi đăng ký khai sinh ở nước ngoài',
  },
  unlikely_century: {
    en: '{field}: "{value}" has century/gender digit {digit} (born in the {century}s); only 0–3 are realistic today',
    vi: '{field}: "{value}" có chữ số thế kỷ/giới tính {digit} (sinh trong thế kỷ bắt đầu năm {century}); hiện nay chỉ 0–3 là hợp lý',
  },
};

/**
 * A well-formed 12-digit personal ID is also plausible (DOMAIN-VN §2.1, warnings): its `PPP` is `0` + one of the 63
 * province codes (other values may be country codes of births registered abroad) and its century digit `G` is 0–3.
 * Values that are not exactly 12 digits pass: their structure is `cccd()`'s business. Missing values never reach
 * the rule. Codes: `unknown_province_code`, `unlikely_century`. Criterion correct, severity warning.
 * @example field.text().use(cccd(), cccdPlausible()) // "840089012345" → unknown_province_code (a country code?)
 */
export function cccdPlausible(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'cccdPlausible', criterion: 'correct', messages: MESSAGES,
    quotingParams: ['code'] }, (value) => {
    const text = identifierText(value);
    const parts = text === undefined ? undefined : parseCccd(text);
    if (text === undefined || parts === undefined) return undefined;
    const found: Finding[] = [];
    if (parts.provinceCode === undefined) found.push({ code: 'unknown_province_code', params: { code: parts.province } });
    const digit = text.charCodeAt(3) - 48;
    if (digit > 3) found.push({ code: 'unlikely_century', params: { digit, century: parts.century } });
    return found.length === 0 ? undefined : found;
  }, { severity: 'warning', ...options });
}
