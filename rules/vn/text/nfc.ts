import { nfc as coreNfc } from '../../clean/nfc.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';

const messages: MessageTable = {
  not_nfc: {
    en: '{field}: "{value}" is not in Unicode NFC (composed) form as TCVN 6909:2001 requires; decomposed letters do not match their composed form in searches and comparisons',
    vi: '{field}: "{value}" chưa ở dạng Unicode dựng sẵn (NFC) theo TCVN 6909:2001; chữ tổ hợp không khớp với chữ dựng sẵn khi tìm kiếm và so sánh',
  },
};

/**
 * Vietnamese text is stored in Unicode NFC (TCVN 6909:2001, NĐ 30/2020; DOMAIN-VN §6; clean): the core `nfc` rule
 * with messages that cite the standard. Text typed with a "tổ hợp" (combining) keyboard setting, `Nguye\u0302\u0303n`,
 * → `not_nfc` with the NFC form as suggestion, never applied. Đ/đ have no decomposition, so they are never at fault.
 * @example field.text().use(vn.nfc()) // "Nguye\u0302\u0303n" → not_nfc, suggestion "Nguyễn"
 */
export function nfc(options: RuleOptions = {}): ValueRule {
  return { ...coreNfc(options), messages };
}
