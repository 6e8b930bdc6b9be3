import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

/**
 * A date is not after the run's `now` (injected, never the clock). Missing values are not checked.
 * @example field.date('dd/MM/yyyy').notInFuture() // 01/01/2099 → future_date
 */
export function notInFuture(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'notInFuture', criterion: 'correct', code: 'future_date' },
    (v, ctx) => !(v instanceof Date) || v.getTime() <= ctx.nowMs, options);
}
