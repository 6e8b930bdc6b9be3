import type { Duration } from 'date-fns';
import { valueRule } from '../../src/core/rule-base.js';
import type { FieldType, RuleOptions, ValueRule } from '../../src/core/types.js';
import { checkDuration, cutoffCache, durationText } from './_duration.js';

/**
 * A date is no older than `maxAge` before the time of the run: the record is current (live). On a `date` field
 * (calendar days) age counts calendar days from `ctx.today`, the date of `now` in the run's time zone (with
 * `{ days: 1 }`, yesterday passes all day and the day before fails); on other fields (`datetime`: instants) from
 * `now` itself. Missing values are not checked (make the field `required()` to demand one). `type` is the type of
 * the field the rule is on (the field's `.within()` passes it).
 * @example field.datetime().within({ days: 365 }) // updated 2 years ago → stale_record
 */
export function within(maxAge: Duration, options: RuleOptions = {}, type?: FieldType): ValueRule {
  checkDuration('within', maxAge);
  const day = type === 'date';
  const oldest = cutoffCache(maxAge, day);
  const meta = { name: 'within', criterion: 'live', code: 'stale_record', params: { maxAge: durationText(maxAge) } } as const;
  return day
    ? valueRule(meta, (v, ctx) => !(v instanceof Date) || v.getTime() >= oldest(ctx.todayMs), options)
    : valueRule(meta, (v, ctx) => !(v instanceof Date) || v.getTime() >= oldest(ctx.nowMs), options);
}
