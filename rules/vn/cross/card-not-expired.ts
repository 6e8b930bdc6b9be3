import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { isoDay } from '../dates/_calendar.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface CardNotExpiredFields {
  /** The status column. */
  readonly status: string;
  /** The card's valid-to column (a date field). */
  readonly validTo: string;
}

export interface CardNotExpiredOptions extends RuleOptions {
  /** Status values that mean "active", compared exactly after trimming. Default `['active']`. */
  readonly active?: readonly string[];
}

const messages: MessageTable = {
  expired_card_active: {
    en: '{field}: the card expired on {value} but the record is still marked active (as of {today})',
    vi: '{field}: thẻ đã hết hạn từ ngày {value} nhưng hồ sơ vẫn ở trạng thái đang hoạt động (tính đến ngày {today})',
  },
};

/**
 * A record marked active holds a card that has not expired (live, DOMAIN-VN §1, §7): status active ⇒ valid-to ≥ the
 * run's date (`ctx.today`: the date of `now` in the run's time zone; the card is valid through its valid-to day). Otherwise
 * `expired_card_active` on the valid-to column. Other statuses pass; rows missing either column are not checked.
 * `validTo` must be a date or datetime field: another type is refused when the dataset is defined.
 * @example vn.cardNotExpired({ status: 'status', validTo: 'card_valid_to' }) // active + 31/12/2025 at now 2026 → fails
 */
export function cardNotExpired(fields: CardNotExpiredFields, options: CardNotExpiredOptions = {}): RecordRule {
  const active = new Set(options.active ?? ['active']);
  return recordRule({
    options: { active: true }, name: 'cardNotExpired', criterion: 'live', code: 'expired_card_active', fields: [fields.status, fields.validTo],
    messages, params: { active: [...active] }, quotingParams: [], fieldKinds: kindsByField([[fields.validTo, DATES]]),
  }, (row, ctx) => {
    const status = row[fields.status];
    const to = row[fields.validTo];
    if (typeof status !== 'string' || !active.has(stripSpaces(status)) || !(to instanceof Date)) return undefined;
    if (to.getTime() >= ctx.todayMs) return undefined;
    return { code: 'expired_card_active', field: fields.validTo, params: { today: isoDay(ctx.today) } };
  }, options);
}
