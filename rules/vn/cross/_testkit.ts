import { expect } from 'vitest';
import { builtinCodes } from '../../../src/core/message.js';
import type { CheckResult, FieldType, Finding, RecordRule, RuleContext, TypedRow, ValueRule } from '../../../src/core/types.js';
import { runClock } from '../../../src/core/time-zone.js';

/** Test helpers for the Vietnamese rules: run a rule outside the engine, as the engine would, and check messages. */

export const NOW = new Date('2026-11-22T08:00:00Z');

/**
 * A context for one row, with `now` injected (and the run's time zone, UTC unless given; `types` answers
 * `fieldType`, as the definition's field types would).
 */
export function contextOf(record: TypedRow = {}, now: Date = NOW, raws: Readonly<Record<string, unknown>> = record,
  timeZone = 'UTC', types: Readonly<Record<string, FieldType>> = {}): RuleContext {
  return {
    row: 0, line: undefined, ...runClock(now, timeZone), record,
    fieldType: (name) => types[name],
    key: () => undefined,
    raw: (f) => raws[f],
    missing: (f) => raws[f] === undefined || raws[f] === null || String(raws[f]).trim() === '',
  };
}

function normalise(rule: { code?: string }, result: CheckResult): Finding[] {
  if (result === undefined || result === null || result === true) return [];
  if (result === false) return [{ code: rule.code ?? 'check_failed' }];
  return Array.isArray(result) ? [...(result as readonly Finding[])] : [result as Finding];
}

/** Every code a rule emits must have a message in both locales (its own table, or a built-in code). */
export function expectMessages(rule: { name: string; messages?: Readonly<Record<string, { en: string; vi: string }>> }, findings: readonly Finding[]): void {
  const builtin = new Set(builtinCodes());
  for (const f of findings) {
    const m = rule.messages?.[f.code];
    if (m === undefined) expect(builtin.has(f.code), `${rule.name}: code ${f.code} has no message`).toBe(true);
    else {
      expect(m.en.length).toBeGreaterThan(0);
      expect(m.vi.length).toBeGreaterThan(0);
    }
  }
}

/** Runs a value rule on one value (honouring `when`), returning its findings. */
export function runValue<V>(rule: ValueRule<V>, value: V, record: TypedRow = {}, now: Date = NOW): Finding[] {
  if (rule.when !== undefined && !rule.when(record)) return [];
  const findings = normalise(rule, rule.check(value, contextOf(record, now)));
  expectMessages(rule, findings);
  return findings;
}

/** Runs a record rule on one row as the engine does: skipped unless every listed field holds a value. */
export function runRecord(rule: RecordRule, row: TypedRow, now: Date = NOW, raws?: Readonly<Record<string, unknown>>): Finding[] {
  for (const f of rule.fields ?? []) if (row[f] === undefined) return [];
  if (rule.when !== undefined && !rule.when(row)) return [];
  const findings = normalise(rule, rule.check(row, contextOf(row, now, raws ?? row)));
  expectMessages(rule, findings);
  return findings;
}

export const codes = (findings: readonly Finding[]): string[] => findings.map((f) => f.code);

/** A UTC calendar day, as the date parsers return it. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
