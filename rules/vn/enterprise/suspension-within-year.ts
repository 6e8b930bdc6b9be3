import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { addYearsUtc, isoDay } from '../dates/_calendar.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface SuspensionFields {
  /** The status column. */
  readonly status: string;
  /** The date the status took effect (a date field). */
  readonly statusDate: string;
}

export interface SuspensionWithinYearOptions extends RuleOptions {
  /** Status values that mean "suspended", compared exactly after trimming. Default `['suspended']`. */
  readonly suspended?: readonly string[];
}

const messages: MessageTable = {
  suspension_overdue: {
    en: '{field}: suspended since {value}, more than one year before {today}; a suspension notice covers at most one year',
    vi: '{field}: tạm ngừng kinh doanh từ ngày {value}, quá một năm tính đến ngày {today}; mỗi lần thông báo tạm ngừng không quá một năm',
  },
};

/**
 * An enterprise suspended (tạm ngừng kinh doanh) is suspended for at most one year per notice (NĐ 01/2021/NĐ-CP
 * Điều 66; DOMAIN-VN §8): a record still `suspended` whose status date is more than one year before the run's date
 * (`ctx.today`, the date of `now` in the run's time zone) → `suspension_overdue` on the status-date column — the
 * record is out of date, or the enterprise resumed or was dissolved without the register knowing. Other statuses
 * pass; rows missing either column are not checked. Criterion live, severity warning (a renewed notice keeps the
 * original date in some registers).
 * `statusDate` must be a date or datetime field: another type is refused when the dataset is defined.
 * @example vn.suspensionWithinYear({ status: 'status', statusDate: 'status_date' }) // suspended + 01/06/2025 at now 2026-11-22 → suspension_overdue
 */
export function suspensionWithinYear(fields: SuspensionFields, options: SuspensionWithinYearOptions = {}): RecordRule {
  const suspended = new Set(options.suspended ?? ['suspended']);
  return recordRule({
    options: { suspended: true }, name: 'suspensionWithinYear', criterion: 'live', code: 'suspension_overdue', fields: [fields.status, fields.statusDate],
    messages, params: { suspended: [...suspended], maxYears: 1 }, quotingParams: [],
    fieldKinds: kindsByField([[fields.statusDate, DATES]]),
  }, (row, ctx) => {
    const status = row[fields.status];
    const since = row[fields.statusDate];
    if (typeof status !== 'string' || !suspended.has(stripSpaces(status)) || !(since instanceof Date)) return undefined;
    if (addYearsUtc(since, 1).getTime() >= ctx.todayMs) return undefined;
    return { code: 'suspension_overdue', field: fields.statusDate, params: { today: isoDay(ctx.today) } };
  }, { severity: 'warning', ...options });
}
