import type { Criterion, Report, Violation } from 'ddss';
import type { Manifest } from './manifest.js';

/**
 * Compares what a validation found with what the generator injected: row by row (the exact set of rule ids), per
 * rule (the report's `failed`) and per criterion (the report's `failedRows`). Used by the tests of the samples, and
 * useful to anyone changing a rule: every difference is a miss or a false alarm.
 */

/** One row whose findings differ from the manifest. */
export interface RowDifference {
  readonly row: number;
  readonly expected: readonly string[];
  readonly actual: readonly string[];
}

export interface ManifestComparison {
  readonly rows: readonly RowDifference[];
  /** Rules whose failed-row count differs: `[id, expected, actual]`. */
  readonly rules: ReadonlyArray<readonly [string, number, number]>;
  /** Criteria whose failed-row count differs: `[criterion, expected, actual]`. */
  readonly criteria: ReadonlyArray<readonly [Criterion, number, number]>;
  /** Table-level violations (none are injected, so any is a difference). */
  readonly table: readonly string[];
  /** Rules whose criterion or severity differs from the manifest's: `id: expected → actual`. */
  readonly kinds: readonly string[];
}

/**
 * Compares a report and every violation it streamed (`onViolation`) with a manifest. Empty lists mean they agree.
 * @example
 * const seen: Violation[] = [];
 * const report = await validate(landParcels, readCsv(file), { now, onViolation: (v) => seen.push(v) });
 * expect(compareWithManifest(manifest, report, seen)).toEqual({ rows: [], rules: [], criteria: [], table: [], kinds: [] });
 */
export function compareWithManifest(manifest: Manifest, report: Report, violations: readonly Violation[]): ManifestComparison {
  const actual = new Map<number, Set<string>>();
  const table: string[] = [];
  for (const v of violations) {
    if (v.row === undefined) {
      table.push(`${v.rule}:${v.code}`);
      continue;
    }
    let set = actual.get(v.row);
    if (set === undefined) actual.set(v.row, (set = new Set()));
    set.add(v.rule);
  }
  const expected = new Map(manifest.rows.filter((r) => r.rules.length > 0).map((r) => [r.row, r.rules]));
  const rows: RowDifference[] = [];
  for (const row of [...new Set([...actual.keys(), ...expected.keys()])].sort((a, b) => a - b)) {
    const a = [...(actual.get(row) ?? [])].sort();
    const e = [...(expected.get(row) ?? [])];
    if (a.join(' ') !== e.join(' ')) rows.push({ row, expected: e, actual: a });
  }
  const rules = report.rules
    .map((r) => [r.id, manifest.totals.byRule[r.id] ?? 0, r.failed] as const)
    .filter(([, e, a]) => e !== a);
  const unknown = Object.keys(manifest.totals.byRule).filter((id) => !report.rules.some((r) => r.id === id));
  const criteria = (Object.keys(manifest.totals.byCriterion) as Criterion[])
    .map((c) => [c, manifest.totals.byCriterion[c], report.criteria[c].failedRows] as const)
    .filter(([, e, a]) => e !== a);
  const kinds = Object.entries(manifest.rules).flatMap(([id, m]) => {
    const r = report.rules.find((x) => x.id === id);
    return r === undefined || (r.criterion === m.criterion && r.severity === m.severity)
      ? [] : [`${id}: ${m.criterion}/${m.severity} → ${r.criterion}/${r.severity}`];
  });
  return {
    rows, rules: [...rules, ...unknown.map((id) => [id, manifest.totals.byRule[id] ?? 0, -1] as const)], criteria, table, kinds,
  };
}
