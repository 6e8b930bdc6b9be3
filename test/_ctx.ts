import type { CheckResult, RuleContext, ValueRule } from '../src/core/types.js';
import { NOW } from './_run.js';
import { runClock } from '../src/core/time-zone.js';

/** A rule context for calling a value rule directly. */
export function ctx(now: Date = NOW): RuleContext {
  return {
    row: 0, line: undefined, ...runClock(now), record: Object.create(null), key: () => undefined, raw: () => undefined,
    missing: () => true, fieldType: () => undefined,
  };
}

/** The codes a value rule reports for one value (empty when it passes). */
export function codes(rule: ValueRule, value: unknown, now?: Date): string[] {
  const r: CheckResult = rule.check(value, ctx(now));
  if (r === undefined || r === null || r === true) return [];
  if (r === false) return [rule.code ?? 'check_failed'];
  return (Array.isArray(r) ? r : [r]).map((f) => (f as { code: string }).code);
}
