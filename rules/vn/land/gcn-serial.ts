import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

/** The certificate serial shapes seen in practice (DOMAIN-VN §4.2). */
export const GCN_SERIAL_PATTERN = /^(?:[A-ZĐ]{2} ?(?:\d{6}|\d{8})|[A-ZĐ] ?\d{7})$/;

const messages: MessageTable = {
  unusual_gcn_serial: {
    en: '{field}: "{value}" does not have a known certificate serial shape (two capital letters and 6 or 8 digits, or one letter and 7 digits)',
    vi: '{field}: "{value}" không đúng dạng số phát hành Giấy chứng nhận thường gặp (2 chữ cái in hoa và 6 hoặc 8 chữ số, hoặc 1 chữ cái và 7 chữ số)',
  },
};

/**
 * The land-use certificate (GCN) serial has a known shape (DOMAIN-VN §4.2): two capital letters and 6 digits, the
 * common form, printed with an optional space (`AA 123456`, `CĐ123456`); two letters and 8 digits (2024 form); one
 * letter and 7 digits (older forms). Other shapes are plausible but unusual, so the rule's severity is `warning`.
 * Lower-case letters are reported (serials are printed in capitals). Surrounding whitespace is ignored (what
 * `stripSpaces` removes, as `cccd` ignores it; `trimmed` reports it). Uniqueness is a separate rule
 * (`.unique()`, whose keys compare trimmed too).
 * @example field.text().use(vn.gcnSerial()) // "AB 123456" and "AB 123456\u00a0" pass; "AB-12345" → unusual_gcn_serial
 */
export function gcnSerial(options: RuleOptions = {}): ValueRule {
  return valueRule({
    name: 'gcnSerial', criterion: 'correct', code: 'unusual_gcn_serial', messages,
    params: { pattern: String(GCN_SERIAL_PATTERN) },
  }, (v) => typeof v === 'string' && GCN_SERIAL_PATTERN.test(stripSpaces(v)), { severity: 'warning', ...options });
}
