import type { Criterion, DatasetStatus, Report, RuleResult, Violation } from '../core/types.js';
import { CRITERIA } from '../core/types.js';
import { historyRules, type HistoryThresholds } from './anomalies.js';
import type { HistoryEntry, HistoryInput } from './history-entry.js';

/** The trend a report carries when it was judged against a history (`report.history`). */
export interface HistorySummary {
  /** The history file's name. */
  readonly name: string;
  /** Earlier runs of the dataset compared with. */
  readonly runs: number;
  /** Scores of the earlier runs compared with, oldest first, then this run's: for sparklines. */
  readonly trend: Readonly<Record<Criterion | 'overall', readonly (number | null)[]>>;
}

/**
 * The report judged against the earlier runs of its dataset: the `history.*` rules appended (weight 0, so scores are
 * unchanged), the status raised to `warned` (or `failed`, with `severity: 'error'`) when one fails, and the trend.
 * Apply it after any baseline: history findings are always new.
 * @example const judged = withHistory(report, await readHistory('h.ndjson', report.dataset), 'h.ndjson', input);
 */
export function withHistory(report: Report, earlier: readonly HistoryEntry[], name: string, input?: HistoryInput,
  thresholds: HistoryThresholds = {}): Report {
  const added = historyRules(report, earlier, input, thresholds)
    .map((r): RuleResult => (report.baseline === undefined ? r : { ...r, newViolations: r.violations }));
  const compared = earlier.filter((e) => e.dataset === report.dataset && e.status !== 'error').slice(-(thresholds.window ?? 10));
  const trend = { overall: [...compared.map((e) => e.score), report.score] } as Record<Criterion | 'overall', (number | null)[]>;
  for (const c of CRITERIA) trend[c] = [...compared.map((e) => e.criteria[c]), report.criteria[c].score];
  const flat = historyViolations(added);
  return {
    ...report,
    status: raised(report.status, added),
    history: { name, runs: compared.length, trend },
    rules: [...report.rules, ...added],
    violations: [...flat, ...report.violations],
  };
}

/**
 * The findings of the `history.*` rules as violations (every one: a history rule keeps all its findings as samples),
 * in rule order: what `--violations` gets after the run's own, as other dataset-level findings.
 * @example for (const v of historyViolations(judged.rules)) sink.write(v);
 */
export function historyViolations(rules: readonly RuleResult[]): Violation[] {
  return rules.filter((r) => r.id.startsWith('history.'))
    .flatMap((r) => r.samples.map((s): Violation => ({ rule: r.id, criterion: r.criterion, severity: r.severity, ...s })));
}

function raised(status: DatasetStatus, added: readonly RuleResult[]): DatasetStatus {
  if (status === 'error' || status === 'failed') return status;
  if (added.some((r) => r.status === 'failed' && r.severity === 'error')) return 'failed';
  return added.some((r) => r.status === 'failed') ? 'warned' : status;
}
