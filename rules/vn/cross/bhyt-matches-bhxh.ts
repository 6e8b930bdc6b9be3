import { recordRule } from '../../../src/core/rule-base.js';
import { TEXTUAL } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { parseBhyt } from '../identifiers/bhyt.js';
import { idText } from './_values.js';
import { canonicalBhxh, canonicalBhyt } from '../canonical.js';

export interface BhytMatchesBhxhFields {
  /** The health-insurance card code column (15 characters). */
  readonly card: string;
  /** The social-insurance number column (10 digits). */
  readonly bhxh: string;
}

const messages: MessageTable = {
  bhyt_bhxh_mismatch: {
    en: '{field}: the last 10 digits of card "{value}" are not the participant\'s social-insurance number ({bhxh})',
    vi: '{field}: 10 chữ số cuối của mã thẻ BHYT "{value}" không trùng mã số BHXH của người tham gia ({bhxh})',
  },
};

/**
 * The last 10 digits of the health-insurance card code are the participant's BHXH number (QĐ 1351/QĐ-BHXH,
 * DOMAIN-VN §2.5). A difference → `bhyt_bhxh_mismatch` on the card column (which of the two is wrong is unknown, so
 * there is no suggestion). Both are compared in canonical form (`canonical.bhyt`, `canonical.bhxh`: trimmed,
 * separators removed), and a BHXH number that arrives as a number with its leading zeros restored. Card codes that
 * are not card codes even so (the `bhyt` rule's concern) pass, as do rows missing either column.
 * @example vn.bhytMatchesBhxh({ card: 'bhyt_card_no', bhxh: 'bhxh_no' }) // "DN4010123456789" + "0123456780" → mismatch
 */
export function bhytMatchesBhxh(fields: BhytMatchesBhxhFields, options: RuleOptions = {}): RecordRule {
  return recordRule({
    name: 'bhytMatchesBhxh', criterion: 'correct', code: 'bhyt_bhxh_mismatch', fields: [fields.card, fields.bhxh],
    // A card holds letters (DN4…): a field of another type never holds one, and every row would pass unjudged.
    messages, params: { bhxh: fields.bhxh }, fieldKinds: { [fields.card]: TEXTUAL },
  }, (row) => {
    const card = idText(row[fields.card]);
    const parts = card === undefined ? undefined : parseBhyt(canonicalBhyt(card));
    const raw = row[fields.bhxh];
    const text = typeof raw === 'number' ? idText(raw)?.padStart(10, '0') : idText(raw);
    const bhxh = text === undefined ? undefined : canonicalBhxh(text);
    if (parts === undefined || bhxh === undefined || parts.bhxh === bhxh) return undefined;
    return { code: 'bhyt_bhxh_mismatch', field: fields.card };
  }, options);
}
