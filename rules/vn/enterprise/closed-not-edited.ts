import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { calendarDate } from '../../../src/core/time-zone.js';
import { isoDay } from '../dates/_calendar.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface ClosedNotEditedFields {
  /** The status column. */
  readonly status: string;
  /** The date the status took effect (a date field). */
  readonly statusDate: string;
  /** When the record was last changed (a datetime field, or a date). */
  readonly updatedAt: string;
}

export interface ClosedNotEditedOptions extends RuleOptions {
  /** Status values that close the record, compared exactly after trimming. Default `['dissolved', 'revoked']`. */
  readonly closed?: readonly string[];
  /** Days after the status date during which closing edits are expected. Default 30. */
  readonly graceDays?: number;
}

const DAY = 86_400_000;

const messages: MessageTable = {
  edited_after_closure: {
    en: '{field}: the record was changed on {value}, more than {graceDays} days after it was closed ({status} on {closedOn})',
    vi: '{field}: bản ghi được sửa ngày {value}, hơn {graceDays} ngày sau khi đã đóng ({status} từ ngày {closedOn})',
  },
};

/**
 * A closed record (an enterprise `dissolved` or whose registration was `revoked`) is no longer edited (DOMAIN-VN §8):
 * an `updatedAt` whose calendar day (in the run's time zone) is more than `graceDays` (30) days after the status date
 * → `edited_after_closure` on the updated-at column: the unit is still being worked on after closure, so either the
 * status or the edits are wrong. Other statuses pass; rows missing any column are not checked. Criterion live,
 * severity warning.
 * `statusDate` and `updatedAt` must be date or datetime fields: another type is refused when the dataset is defined.
 * @example vn.closedNotEdited({ status: 'status', statusDate: 'status_date', updatedAt: 'updated_at' }) // dissolved 01/03/2026, updated 2026-05-10 → edited_after_closure
 */
export function closedNotEdited(fields: ClosedNotEditedFields, options: ClosedNotEditedOptions = {}): RecordRule {
  const closed = new Set(options.closed ?? ['dissolved', 'revoked']);
  const graceDays = options.graceDays ?? 30;
  if (!Number.isInteger(graceDays) || graceDays < 0) throw new Error(`ddss: closedNotEdited graceDays must be a whole number ≥ 0, got ${graceDays}`);
  return recordRule({
    options: { closed: true, graceDays: true }, name: 'closedNotEdited', criterion: 'live', code: 'edited_after_closure',
    fields: [fields.status, fields.statusDate, fields.updatedAt], messages, params: { closed: [...closed], graceDays },
    quotingParams: ['status', 'closedOn'], fieldKinds: kindsByField([[fields.statusDate, DATES], [fields.updatedAt, DATES]]),
  }, (row, ctx) => {
    const status = row[fields.status];
    const since = row[fields.statusDate];
    const updated = row[fields.updatedAt];
    if (typeof status !== 'string' || !closed.has(stripSpaces(status)) || !(since instanceof Date) || !(updated instanceof Date)) {
      return undefined;
    }
    const limit = since.getTime() + graceDays * DAY;
    // Cheap test first: an instant before the limit day's start anywhere on Earth needs no calendar conversion.
    if (updated.getTime() < limit - DAY) return undefined;
    const day = ctx.fieldType(fields.updatedAt) === 'date' ? updated : calendarDate(updated, ctx.timeZone);
    if (day.getTime() <= limit) return undefined;
    return {
      code: 'edited_after_closure', field: fields.updatedAt,
      params: { graceDays, status: stripSpaces(status), closedOn: isoDay(since) },
    };
  }, { severity: 'warning', ...options });
}
