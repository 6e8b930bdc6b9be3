import { validate } from '../../src/core/validate.js';
import type { DatasetDefinition, Report, Violation } from '../../src/core/types.js';

/** Test helper: validates rows and lists every violation as `row:rule:code` (table-level ones as `table:rule:code`). */
export async function findings(def: DatasetDefinition, rows: readonly unknown[], now: Date):
  Promise<{ readonly report: Report; readonly all: readonly string[]; readonly violations: readonly Violation[] }> {
  const violations: Violation[] = [];
  const report = await validate(def, rows, { now, onViolation: (v) => violations.push(v), showValues: true });
  const all = violations.map((v) => `${v.row ?? 'table'}:${v.rule}:${v.code}`);
  return { report, all: [...new Set(all)].sort(), violations };
}
