import type { BaselineSummary, BaselineWorse, DatasetStatus, Report, RuleResult, Violation } from '../core/report-types.js';
import type { DatasetDefinition } from '../core/types.js';
import { baselineParts, type Baseline } from './load-baseline.js';
import { judgeTableLine, measured, recordedMeasure, tableLevel, type TableLine } from './table-lines.js';

/** Sorts one run's violations into known and new, per rule, as they stream past. */
export interface BaselineTally {
  see(v: Violation): void;
  /** The report with `newViolations` per rule, `baseline`, and the status judged on new violations only. */
  apply(report: Report): Report;
}

/**
 * A tally for one run against a baseline (a baseline can serve many runs: each tally uses its lines up afresh).
 * A table-level violation is known only when a baseline line of its rule, code and field is not better than it
 * (`judgeTableLine`); one that is worse is new, and listed in the summary's `worse` with both values.
 * @example const tally = baselineTally(baseline); // onViolation: tally.see; then tally.apply(report)
 */
export function baselineTally(baseline: Baseline): BaselineTally {
  const taken = new Uint32Array(baseline.table.capacity);
  const tableTaken = new Uint8Array(baseline.tables.count);
  const fresh = new Map<string, number>();
  const worse: BaselineWorse[] = [];
  let known = 0;
  let news = 0;
  const isNew = (v: Violation): void => {
    fresh.set(v.rule, (fresh.get(v.rule) ?? 0) + 1);
    news++;
  };
  /**
   * A table-level violation: known against an unused line not better than it, else new (worse, when it is). Lines of
   * a finding that is not a measure are all alike (same value), so they are used up in order.
   */
  const used = new Map<readonly TableLine[], number>();
  const seeTable = (v: Violation): void => {
    const lines = baseline.tables.of(v);
    if (!measured(v.code)) {
      const k = used.get(lines) ?? 0;
      if (k < lines.length) {
        used.set(lines, k + 1);
        known++;
      } else isNew(v);
      return;
    }
    const judged = lines.filter((l) => tableTaken[l.index] === 0).map((l) => ({ l, j: judgeTableLine(v.code, v.value, l.value) }));
    const hit = judged.find((x) => x.j === 'known') ?? judged.find((x) => x.j === 'worse');
    if (hit !== undefined) tableTaken[hit.l.index] = 1;
    if (hit?.j === 'known') {
      known++;
      return;
    }
    if (hit !== undefined) {
      const was = recordedMeasure(v.code, hit.l.value);
      worse.push({ rule: v.rule, code: v.code, ...(v.field === undefined ? {} : { field: v.field }),
        value: v.value ?? '', ...(was === undefined ? {} : { baselineValue: was }) });
    }
    isNew(v);
  };
  return {
    see(v) {
      if (tableLevel(v)) {
        seeTable(v);
        return;
      }
      const i = baseline.table.find(baselineParts(v));
      if (i >= 0 && (taken[i] as number) < baseline.table.count(i)) {
        taken[i] = (taken[i] as number) + 1;
        known++;
      } else isNew(v);
    },
    apply(report) {
      const rules = report.rules.map((r): RuleResult => ({ ...r, newViolations: fresh.get(r.id) ?? 0 }));
      const summary: BaselineSummary = { name: baseline.name, violations: baseline.violations, known, new: news,
        ...(worse.length === 0 ? {} : { worse: [...worse] }) };
      return { ...report, status: statusOnNew(report, rules), baseline: summary, rules };
    },
  };
}

/**
 * With a baseline a run fails only for new problems: an error rule that failed with new violations, or a score
 * under `failUnder` while some error rule has new violations. Known problems still count in every score. A run that
 * read no record checked nothing, and keeps its status: a file of blank lines (every declared column missing) or one
 * record too large to read "passed", exit 0, against a baseline made from such a run, whose problems were all known.
 */
function statusOnNew(report: Report, rules: readonly RuleResult[]): DatasetStatus {
  if (report.status === 'error' || report.rows === 0) return report.status;
  const grew = (r: RuleResult): boolean => r.status === 'failed' && (r.newViolations ?? 0) > 0;
  const newErrors = rules.some((r) => r.severity === 'error' && (r.newViolations ?? 0) > 0);
  const under = report.failUnder !== undefined && report.score !== null && report.score < report.failUnder;
  if (rules.some((r) => r.severity === 'error' && grew(r)) || (under && newErrors)) return 'failed';
  return rules.some((r) => r.severity === 'warning' && grew(r)) ? 'warned' : 'passed';
}

/**
 * Throws unless `baseline` is what `loadBaseline` or `baselineFrom` returns: an object or a list of violations failed
 * inside the run ("Cannot read properties of undefined (reading 'capacity')"), naming neither the option nor the fix.
 * @example checkBaselineShape([{ rule: 'a', code: 'b' }]) // throws: … pass baselineFrom(violations)
 */
export function checkBaselineShape(baseline: unknown): void {
  const b = baseline as Partial<Record<keyof Baseline, unknown>> | null;
  if (typeof b === 'object' && b !== null && !Array.isArray(b) && typeof b.name === 'string' && typeof b.violations === 'number' &&
    typeof b.table === 'object' && b.table !== null && typeof b.tables === 'object' && b.tables !== null) return;
  throw new TypeError('ddss: baseline must be what loadBaseline(file) or baselineFrom(violations) returns, got ' +
    (b === null ? 'null' : Array.isArray(b) ? 'a list: pass baselineFrom(list) for violations' : typeof b === 'object' ? 'another object' : typeof b));
}

/**
 * Refuses a baseline the run's violations cannot be matched with: without a record key every violation of a rule
 * would look alike, and a masked key (`0791****45`) stands for many records, so a new problem of one record would
 * pass for a known problem of another. A hashed key (`pii('hash')` with a `piiKey`) or `showValues` is exact.
 * @example checkBaselineKey(landParcels, { showValues: false }) // parcel_id is not personal: fine
 */
export function checkBaselineKey(definition: DatasetDefinition, options: { readonly showValues?: boolean }): void {
  const key = definition.key === undefined ? [] : typeof definition.key === 'string' ? [definition.key] : definition.key;
  if (key.length === 0) {
    throw new Error(`ddss: a baseline matches violations by record key, and dataset "${definition.name}" declares no key`);
  }
  if (options.showValues === true) return;
  const masked = key.filter((k) => definition.fields[k]?.privacy === 'mask');
  if (masked.length > 0) {
    throw new Error(`ddss: a baseline matches violations by record key, but the key ${masked.join(', ')} of dataset ` +
      `"${definition.name}" is masked in violation files (0791****45 stands for many records): hash it instead ` +
      `(pii: hash, with a piiKey) for both runs, or write both with showValues`);
  }
}
