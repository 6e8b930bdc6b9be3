import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';

export interface CardPeriodFields {
  /** The valid-from column (a date field). */
  readonly validFrom: string;
  /** The valid-to column (a date field). */
  readonly validTo: string;
}

const messages: MessageTable = {
  card_period_reversed: {
    en: '{field}: the card is valid to {value}, before it is valid from ({from})',
    vi: '{field}: thẻ có giá trị đến ngày {value}, trước ngày bắt đầu có giá trị ({from})',
  },
};

/**
 * A card's validity period is ordered: valid-from ≤ valid-to (one-day cards are fine; DOMAIN-VN §2.5). Otherwise
 * `card_period_reversed` on the valid-to column. Rows missing either date are not checked.
 * Both must be date or datetime fields: another type is refused when the dataset is defined.
 * @example vn.cardPeriodOrdered({ validFrom: 'card_valid_from', validTo: 'card_valid_to' })
 */
export function cardPeriodOrdered(fields: CardPeriodFields, options: RuleOptions = {}): RecordRule {
  return recordRule({
    name: 'cardPeriodOrdered', criterion: 'correct', code: 'card_period_reversed',
    fields: [fields.validFrom, fields.validTo], messages, params: { from: fields.validFrom },
    fieldKinds: kindsByField([[fields.validFrom, DATES], [fields.validTo, DATES]]),
  }, (row) => {
    const from = row[fields.validFrom];
    const to = row[fields.validTo];
    if (!(from instanceof Date) || !(to instanceof Date) || from.getTime() <= to.getTime()) return undefined;
    return { code: 'card_period_reversed', field: fields.validTo };
  }, options);
}
