import type { Criterion, Report } from '../core/types.js';
import { CRITERIA } from '../core/types.js';

/** What identifies the input of a run in the history: its name, size and content hash (when it is a file). */
export interface HistoryInput {
  readonly name: string;
  readonly bytes?: number;
  /** SHA-256 of the input's bytes, hex: equal on two runs means the register did not change between them. */
  readonly sha256?: string;
}

/**
 * Whether a run of input `earlier` is judged with a run of input `name`: a database input (its name holds a `/`, which
 * no file's base name does: `land/public.parcels`, `land/query:1a2b3c4d5e6f`) only with runs of that same table or
 * query; a file with the dataset's other file runs whatever their names (a daily export is named by its date). Why:
 * every database run was named by its database alone, so a query's 1,001 rows were judged against a table's 2,000
 * (`history.row_count_drop`). Older rows named so (no `/`) are still read, as file runs.
 * @example sameInput('land/public.parcels', 'land/query:1a2b3c4d5e6f') // false
 */
export function sameInput(earlier: string, name: string): boolean {
  return earlier.includes('/') || name.includes('/') ? earlier === name : true;
}

/** One run of one dataset, as one line of a history file (`--history FILE.ndjson`). */
export interface HistoryEntry {
  /** The format version of the line. */
  readonly history: 1;
  readonly dataset: string;
  readonly now: string;
  readonly input: HistoryInput;
  readonly status: Report['status'];
  readonly rows: number;
  readonly score: number | null;
  readonly criteria: Readonly<Record<Criterion, number | null>>;
  /** Per rule id: `[checked, failed]`. */
  readonly rules: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * The history line of a finished run. Rules added by the history itself (`history.*`) are left out, so anomalies
 * are never measured against anomalies.
 * @example await appendHistory('history.ndjson', historyEntry(report, { name: 'parcels.csv', bytes: 1234 }));
 */
export function historyEntry(report: Report, input: HistoryInput): HistoryEntry {
  const criteria = {} as Record<Criterion, number | null>;
  for (const c of CRITERIA) criteria[c] = report.criteria[c].score;
  const rules: Record<string, readonly [number, number]> = {};
  for (const r of report.rules) if (!r.id.startsWith('history.')) rules[r.id] = [r.checked, r.failed];
  return {
    history: 1, dataset: report.dataset, now: report.now, input, status: report.status, rows: report.rows,
    score: report.score, criteria, rules,
  };
}
