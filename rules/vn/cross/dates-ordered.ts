import { recordRule } from '../../../src/core/rule-base.js';
import { DATES, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { Finding, RecordRule, RuleOptions } from '../../../src/core/types.js';

export interface DatesOrderedOptions extends RuleOptions {
  /** The last date must not be after the time of the run either (a date field: today). Default true. */
  readonly upToNow?: boolean;
}

const messages: MessageTable = {
  dates_out_of_order: {
    en: '{field}: {value} is before {earlier}, which must come first',
    vi: '{field}: {value} sớm hơn {earlier}, trong khi {earlier} phải xảy ra trước',
  },
  date_after_now: {
    en: '{field}: {value} is after the time of the check',
    vi: '{field}: {value} muộn hơn thời điểm kiểm tra',
  },
};

const DAY = 86_400_000;

/**
 * Dates of a record happen in the given order: each field ≤ the next (equal is fine), and with `upToNow` (default)
 * the last not after the time of the run (a `date` field: ≤ `ctx.today`, the date of `now` in the run's time zone;
 * an instant: ≤ `now`) — e.g. registered_at ≤ gcn_issue_date ≤ today (DOMAIN-VN §7). A pair out of order →
 * `dates_out_of_order` on the later field of the pair; a last date after now → `date_after_now`. Runs only on rows
 * where every listed field holds a date; a field that is also `.notInFuture()` will report a future date twice.
 * Every field must be a date or datetime field: another type is refused when the dataset is defined; a field listed
 * twice throws when the rule is built.
 * @example vn.datesOrdered(['registered_at', 'gcn_issue_date']) // 05/03/2021, 01/02/2021 → dates_out_of_order
 */
export function datesOrdered(fields: readonly string[], options: DatesOrderedOptions = {}): RecordRule {
  if (fields.length === 0) throw new Error('ddss: datesOrdered needs at least one field');
  const upToNow = options.upToNow ?? true;
  if (fields.length === 1 && !upToNow) throw new Error('ddss: datesOrdered of one field without upToNow checks nothing; give two fields or more');
  const names = [...fields];
  // `[d1, d1]` compared a field with itself: every row "checked", nothing compared; a repeated name is a typo.
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`ddss: datesOrdered lists the field "${twice}" twice; list each once, in the order the dates happen`);
  return recordRule({
    options: { upToNow: true }, name: `${names.join('+')}.datesOrdered`, criterion: 'correct', code: 'dates_out_of_order', fields: names, messages,
    params: { order: names.join(' ≤ ') }, quotingParams: [], fieldKinds: kindsByField(names.map((n) => [n, DATES])),
  }, (row, ctx) => {
    const out: Finding[] = [];
    for (let i = 1; i < names.length; i++) {
      const a = row[names[i - 1] as string];
      const b = row[names[i] as string];
      if (a instanceof Date && b instanceof Date && b.getTime() < a.getTime()) {
        out.push({ code: 'dates_out_of_order', field: names[i] as string, params: { earlier: names[i - 1] } });
      }
    }
    const lastName = names[names.length - 1] as string;
    const last = row[lastName];
    // A date field holds a calendar day, not after today (the date of now in the run's time zone; any time of today
    // a format with hours gives it is today); an instant, not after now.
    if (upToNow && last instanceof Date && last.getTime() > (ctx.fieldType(lastName) === 'date' ? ctx.todayMs + DAY - 1 : ctx.nowMs)) {
      out.push({ code: 'date_after_now', field: names[names.length - 1] as string });
    }
    return out;
  }, options);
}
