import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { Finding, RecordRule, RuleOptions } from '../../../src/core/types.js';
import { parseBhyt } from '../identifiers/bhyt.js';
import { addYearsUtc } from '../dates/_calendar.js';
import { idText } from './_values.js';

export interface ChildUnderSixFields {
  /** The health-insurance card code column. */
  readonly card: string;
  /** The date-of-birth column (a date field). */
  readonly dob: string;
  /** The card's valid-from column (a date field). */
  readonly validFrom: string;
  /** The card's valid-to column (a date field). */
  readonly validTo: string;
}

export interface ChildUnderSixOptions extends RuleOptions {
  /** Object codes of cards for children under six. Default `['TE']`. */
  readonly objectCodes?: readonly string[];
}

const messages: MessageTable = {
  te_card_child_too_old: {
    en: '{field}: a children-under-six (TE) card cannot start when the child is already 72 months old',
    vi: '{field}: thẻ BHYT trẻ em dưới 6 tuổi (TE) không thể có giá trị từ ngày trẻ đã đủ 72 tháng tuổi',
  },
  te_card_valid_too_long: {
    en: '{field}: a children-under-six (TE) card is valid at most until the child reaches 72 months, or until 30 September of that year when that comes first',
    vi: '{field}: thẻ BHYT trẻ em dưới 6 tuổi (TE) chỉ có giá trị đến ngày trẻ đủ 72 tháng tuổi, hoặc đến ngày 30 tháng 9 của năm đó nếu trẻ đủ 72 tháng tuổi trước ngày này',
  },
};

/**
 * A children-under-six card (object code TE) fits the child's age (NĐ 146/2018/NĐ-CP, DOMAIN-VN §2.5): the child is
 * under 72 months on the valid-from day (`te_card_child_too_old` on valid-from), and valid-to is not after the day
 * the child reaches 72 months (the sixth birthday; 29 February → 28 February), except that a child reaching 72 months
 * before the school year keeps the card until 30 September of that year (`te_card_valid_too_long` on valid-to). So the
 * latest valid-to is the later of the sixth birthday and 30 September of its year. Dates are compared as UTC days.
 * Other object codes and malformed card codes pass; rows missing any of the four columns are not checked.
 * `dob`, `validFrom` and `validTo` must be date or datetime fields: another type is refused when the dataset is defined.
 * @example vn.childUnderSix({ card: 'bhyt_card_no', dob: 'dob', validFrom: 'card_valid_from', validTo: 'card_valid_to' })
 */
export function childUnderSix(fields: ChildUnderSixFields, options: ChildUnderSixOptions = {}): RecordRule {
  const objectCodes = options.objectCodes ?? ['TE'];
  return recordRule({
    options: { objectCodes: true }, name: 'childUnderSix', criterion: 'correct', code: 'te_card_valid_too_long',
    fields: [fields.card, fields.dob, fields.validFrom, fields.validTo], messages,
    fieldKinds: kindsByField([[fields.dob, DATES], [fields.validFrom, DATES], [fields.validTo, DATES]]),
  }, (row) => {
    const card = idText(row[fields.card]);
    const parts = card === undefined ? undefined : parseBhyt(card);
    const dob = row[fields.dob];
    const from = row[fields.validFrom];
    const to = row[fields.validTo];
    if (parts === undefined || !objectCodes.includes(parts.objectCode)) return undefined;
    if (!(dob instanceof Date) || !(from instanceof Date) || !(to instanceof Date)) return undefined;
    const sixth = addYearsUtc(dob, 6);
    const september = Date.UTC(sixth.getUTCFullYear(), 8, 30);
    const out: Finding[] = [];
    if (from.getTime() >= sixth.getTime()) out.push({ code: 'te_card_child_too_old', field: fields.validFrom });
    if (to.getTime() > Math.max(sixth.getTime(), september)) out.push({ code: 'te_card_valid_too_long', field: fields.validTo });
    return out;
  }, options);
}
