import { valueRule } from '../../src/core/rule-base.js';
import type { FieldType, RuleOptions, ValueRule } from '../../src/core/types.js';

/**
 * A date is not after the time of the run (injected, never the clock). On a `date` field (calendar days) the value
 * is compared with `ctx.today`, the calendar date of `now` in the run's time zone, so a record dated today is never
 * in the future; on other fields (`datetime`: instants) with `now` itself. Missing values are not checked.
 * `type` is the type of the field the rule is on (the field's `.notInFuture()` passes it).
 * @example field.date('dd/MM/yyyy').notInFuture() // 01/01/2099 → future_date
 */
export function notInFuture(options: RuleOptions = {}, type?: FieldType): ValueRule {
  const meta = { name: 'notInFuture', criterion: 'correct', code: 'future_date' } as const;
  return type === 'date'
    ? valueRule(meta, (v, ctx) => !(v instanceof Date) || v.getTime() <= ctx.todayMs, options)
    : valueRule(meta, (v, ctx) => !(v instanceof Date) || v.getTime() <= ctx.nowMs, options);
}
