import { valueRule } from '../../src/core/rule-base.js';
import type { MessageTable } from '../../src/core/message.js';
import type { FieldType, RuleOptions, ValueRule } from '../../src/core/types.js';

const DAY = 86_400_000;

/**
 * A date is not after the time of the run (injected, never the clock). On a `date` field (calendar days) the value
 * is compared with `ctx.today`, the calendar date of `now` in the run's time zone, so a record dated today is never
 * in the future, whatever time of that day a format with hours gives it (`202611220530`); on other fields (`datetime`: instants) with `now` itself; on an `integer` field the value is a year
 * (`yearNotInFuture`), as in a definition file. Missing values are not checked. `type` is the type of the field the
 * rule is on (the field's `.notInFuture()` passes it).
 * @example field.date('dd/MM/yyyy').notInFuture() // 01/01/2099 → future_date
 */
export function notInFuture(options: RuleOptions = {}, type?: FieldType): ValueRule {
  if (type === 'integer') return yearNotInFuture(options);
  const meta = { name: 'notInFuture', criterion: 'correct', code: 'future_date' } as const;
  // A date field may keep a time of day (`yyyyMMddHHmm`, insurance XML): any time of today is today, not the future.
  return type === 'date'
    ? valueRule(meta, (v, ctx) => !(v instanceof Date) || v.getTime() < ctx.todayMs + DAY, options)
    : valueRule(meta, (v, ctx) => !(v instanceof Date) || v.getTime() <= ctx.nowMs, options);
}

const messages: MessageTable = {
  future_year: {
    en: '{field}: {value} is a year in the future',
    vi: '{field}: {value} là năm trong tương lai',
  },
};

/**
 * A year (integer) is not after the year of the run's date (`ctx.today`, the date of `now` in the run's time zone).
 * Code `future_year`, criterion correct.
 * @example field.integer().notInFuture() // 2031 at now = 2026 → future_year
 */
export function yearNotInFuture(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'notInFuture', criterion: 'correct', code: 'future_year', messages },
    (v, ctx) => typeof v !== 'number' || v <= ctx.today.getUTCFullYear(), options);
}
