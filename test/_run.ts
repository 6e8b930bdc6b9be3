import { validate } from '../src/core/validate.js';
import type { DatasetDefinition, Report, ValidateOptions } from '../src/core/types.js';

export const NOW = new Date('2026-11-22T00:00:00.000Z');

/** Validates rows with a fixed `now`, as tests do. */
export function run(def: DatasetDefinition, rows: readonly unknown[], options: ValidateOptions = {}): Promise<Report> {
  return validate(def, rows, { now: NOW, ...options });
}

/** The result of one rule by id (throws when absent, so a typo cannot pass a test). */
export function ruleOf(report: Report, id: string) {
  const r = report.rules.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no rule ${id} in report: ${report.rules.map((x) => x.id).join(', ')}`);
  return r;
}
