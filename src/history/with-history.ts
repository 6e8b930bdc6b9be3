import type { Criterion, DatasetStatus, Report, RuleResult, Violation } from '../core/types.js';
import { CRITERIA } from '../core/types.js';
import { comparedRuns, historyRules, type HistoryThresholds } from './anomalies.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { argKind } from '../core/arg-kind.js';
import { sameInput, type HistoryEntry, type HistoryInput } from './history-entry.js';

/** The trend a report carries when it was judged against a history (`report.history`). */
export interface HistorySummary {
  /** The history file's name. */
  readonly name: string;
  /** Earlier runs of the dataset compared with. */
  readonly runs: number;
  /** Scores of the earlier runs compared with, oldest first by date, then this run's: for sparklines. */
  readonly trend: Readonly<Record<Criterion | 'overall', readonly (number | null)[]>>;
}

/**
 * The report judged against the earlier runs of its dataset (those dated before `report.now`, by date, whatever the
 * order of `earlier`): the `history.*` rules appended (weight 0, so scores are
 * unchanged), the status raised to `warned` (or `failed`, with `severity: 'error'`) when one fails, and the trend.
 * With `input`, only the runs of the same input count (`sameInput`: a database table or query is compared with its
 * own runs). Apply it after any baseline: history findings are always new.
 * @example const judged = withHistory(report, await readHistory('h.ndjson', report.dataset), 'h.ndjson', input);
 */
export function withHistory(report: Report, earlier: readonly HistoryEntry[], name: string, input?: HistoryInput,
  thresholds: HistoryThresholds = {}): Report {
  checkArgs(report, earlier, name, input, thresholds);
  // Runs of another table or query are not this input's history (as readHistory reads it, for entries read otherwise).
  const runs = input === undefined ? earlier : earlier.filter((e) => sameInput(e.input.name, input.name));
  const added = historyRules(report, runs, input, thresholds)
    .map((r): RuleResult => (report.baseline === undefined ? r : { ...r, newViolations: r.violations }));
  const compared = comparedRuns(report, runs, thresholds.window ?? 10);
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

// Every threshold, as a record so that adding one without listing it here is a type error: a misspelt one
// ({ windwo: 3 }) was ignored and the run judged with the default.
const THRESHOLD_KEYS = Object.keys({
  window: true, minRuns: true, rowDrop: true, madFactor: true, minJump: true, severity: true,
} satisfies Record<keyof HistoryThresholds, true>);

// What the caller passes from JavaScript or from a parsed file: null where the entries go (no history file yet) failed
// deep inside as "Cannot read properties of null (reading 'filter')", naming nothing the caller wrote.
function checkArgs(report: unknown, earlier: unknown, name: unknown, input: unknown, thresholds: unknown): void {
  const sig = 'withHistory(report, earlier, name, input?, thresholds?)';
  if (!isObject(report) || !Array.isArray((report as { rules?: unknown }).rules)) {
    throw new TypeError(`ddss: ${sig}: report must be a report (what validate returns), got ${argKind(report)}`);
  }
  // The runs compared with are those dated before the report: without a date, every one would be left out unsaid.
  const now = (report as { now?: unknown }).now;
  if (typeof now !== 'string' || Number.isNaN(Date.parse(now))) {
    throw new TypeError(`ddss: ${sig}: report.now must be the run's date-time (what validate returns), got ${argKind(now)}`);
  }
  if (!Array.isArray(earlier)) {
    throw new TypeError(`ddss: ${sig}: earlier must be a list of history entries (readHistory's; [] for none), got ${argKind(earlier)}`);
  }
  const bad = earlier.findIndex((e) => !isObject(e) || typeof (e as { dataset?: unknown }).dataset !== 'string' ||
    !isObject((e as { input?: unknown }).input));
  if (bad >= 0) throw new TypeError(`ddss: ${sig}: earlier[${bad}] is not a history entry (historyEntry's), got ${argKind(earlier[bad])}`);
  if (typeof name !== 'string') throw new TypeError(`ddss: ${sig}: name must be the history's name, a text, got ${argKind(name)}`);
  if (input !== undefined && !isObject(input)) throw new TypeError(`ddss: ${sig}: input must be { name, bytes?, sha256? }, got ${argKind(input)}`);
  if (!isObject(thresholds)) throw new TypeError(`ddss: ${sig}: thresholds must be an object, got ${argKind(thresholds)}`);
  checkOptionKeys(thresholds, THRESHOLD_KEYS, 'withHistory thresholds');
}

function isObject(x: unknown): x is object {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function raised(status: DatasetStatus, added: readonly RuleResult[]): DatasetStatus {
  if (status === 'error' || status === 'failed') return status;
  if (added.some((r) => r.status === 'failed' && r.severity === 'error')) return 'failed';
  return added.some((r) => r.status === 'failed') ? 'warned' : status;
}
