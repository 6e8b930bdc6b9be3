import type { Duration } from 'date-fns';
import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';
import { cutoffCache, durationText } from './_duration.js';

/**
 * A date is no older than `maxAge` before the run's `now`: the record is current (live). Missing values are not
 * checked (make the field `required()` to demand one).
 * @example field.datetime().within({ days: 365 }) // updated 2 years ago → stale_record
 */
export function within(maxAge: Duration, options: RuleOptions = {}): ValueRule {
  const oldest = cutoffCache(maxAge);
  return valueRule({ name: 'within', criterion: 'live', code: 'stale_record', params: { maxAge: durationText(maxAge) } },
    (v, ctx) => !(v instanceof Date) || v.getTime() >= oldest(ctx.nowMs), options);
}
