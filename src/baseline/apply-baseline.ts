import type { BaselineSummary, DatasetStatus, Report, RuleResult, Violation } from '../core/report-types.js';
import type { DatasetDefinition } from '../core/types.js';
import { baselineParts, type Baseline } from './load-baseline.js';

/** Sorts one run's violations into known and new, per rule, as they stream past. */
export interface BaselineTally {
  see(v: Violation): void;
  /** The report with `newViolations` per rule, `baseline`, and the status judged on new violations only. */
  apply(report: Report): Report;
}

/**
 * A tally for one run against a baseline (a baseline can serve many runs: each tally uses its lines up afresh).
 * @example const tally = baselineTally(baseline); // onViolation: tally.see; then tally.apply(report)
 */
export function baselineTally(baseline: Baseline): BaselineTally {
  const taken = new Uint32Array(baseline.table.capacity);
  const fresh = new Map<string, number>();
  let known = 0;
  let news = 0;
  return {
    see(v) {
      const i = baseline.table.find(baselineParts(v));
      if (i >= 0 && (taken[i] as number) < baseline.table.count(i)) {
        taken[i] = (taken[i] as number) + 1;
        known++;
      } else {
        fresh.set(v.rule, (fresh.get(v.rule) ?? 0) + 1);
        news++;
      }
    },
    apply(report) {
      const rules = report.rules.map((r): RuleResult => ({ ...r, newViolations: fresh.get(r.id) ?? 0 }));
      const summary: BaselineSummary = { name: baseline.name, violations: baseline.violations, known, new: news };
      return { ...report, status: statusOnNew(report, rules), baseline: summary, rules };
    },
  };
}

/**
 * With a baseline a run fails only for new problems: an error rule that failed with new violations, or a score
 * under `failUnder` while some error rule has new violations. Known problems still count in every score.
 */
function statusOnNew(report: Report, rules: readonly RuleResult[]): DatasetStatus {
  if (report.status === 'error') return 'error';
  const grew = (r: RuleResult): boolean => r.status === 'failed' && (r.newViolations ?? 0) > 0;
  const newErrors = rules.some((r) => r.severity === 'error' && (r.newViolations ?? 0) > 0);
  const under = report.failUnder !== undefined && report.score !== null && report.score < report.failUnder;
  if (rules.some((r) => r.severity === 'error' && grew(r)) || (under && newErrors)) return 'failed';
  return rules.some((r) => r.severity === 'warning' && grew(r)) ? 'warned' : 'passed';
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
