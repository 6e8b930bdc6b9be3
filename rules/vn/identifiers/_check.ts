import type { Finding, RuleContext, TypedRow, ValueRule } from '../../../src/core/types.js';
import { runClock } from '../../../src/core/time-zone.js';

/** Test support: the fixed run date of the identifier tests. */
export const NOW = new Date('2026-11-22T00:00:00.000Z');

/** A rule context for calling a value rule directly (the run's time zone UTC unless given). */
export function context(now: Date = NOW, record: TypedRow = {}, timeZone = 'UTC'): RuleContext {
  const rec = Object.assign(Object.create(null) as Record<string, unknown>, record);
  return {
    row: 0, line: undefined, ...runClock(now, timeZone), record: rec, key: () => undefined, raw: (f) => rec[f],
    missing: (f) => rec[f] === undefined, fieldType: () => undefined,
  };
}

/** The findings a value rule reports for one value (empty when it passes); `false` becomes the rule's code. */
export function findings(rule: ValueRule, value: unknown, now?: Date, record?: TypedRow): Finding[] {
  const r = rule.check(value, context(now, record));
  if (r === undefined || r === null || r === true) return [];
  if (r === false) return [{ code: rule.code ?? 'check_failed' }];
  return Array.isArray(r) ? [...(r as readonly Finding[])] : [r as Finding];
}

/** The codes a value rule reports for one value. */
export function codes(rule: ValueRule, value: unknown, now?: Date, record?: TypedRow): string[] {
  return findings(rule, value, now, record).map((f) => f.code);
}
