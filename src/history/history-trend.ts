import type { Criterion } from '../core/types.js';
import { CRITERIA } from '../core/types.js';
import { median } from './anomalies.js';
import { byDate } from './by-date.js';
import type { HistoryEntry } from './history-entry.js';

/** A rule whose failure rate moved: its median over the earlier runs, and the latest run's. */
export interface MovedRule {
  readonly rule: string;
  readonly from: number;
  readonly to: number;
}

/** The trend of one dataset over its runs (`ddss history`). */
export interface DatasetTrend {
  readonly dataset: string;
  readonly runs: number;
  readonly first: string;
  readonly last: string;
  /** Scores per run, oldest first by date (null where a run could not be scored). */
  readonly scores: Readonly<Record<Criterion | 'overall', readonly (number | null)[]>>;
  readonly rows: readonly number[];
  /** Rules whose failure rate in the latest run rose most above their median over the earlier runs, worst first. */
  readonly worstMoving: readonly MovedRule[];
}

/**
 * Per dataset (in order of first appearance), the scores over its runs in date order (runs of the same instant in
 * the order given) and the rules whose failure rate in the latest run moved most.
 * @example historyTrend(await readHistory('h.ndjson', undefined), 10)[0].worstMoving
 */
export function historyTrend(entries: readonly HistoryEntry[], top = 10): DatasetTrend[] {
  const by = new Map<string, HistoryEntry[]>();
  // Pushed in place: copying the list per run made a long history (100,000 runs) quadratic, minutes before any output.
  for (const e of entries) {
    const runs = by.get(e.dataset);
    if (runs === undefined) by.set(e.dataset, [e]);
    else runs.push(e);
  }
  return [...by].map(([dataset, recorded]) => {
    // By date, not by line: a run back-filled for an earlier --now, appended last, is not the latest run.
    const runs = byDate(recorded);
    const scores = { overall: runs.map((r) => r.score) } as Record<Criterion | 'overall', (number | null)[]>;
    for (const c of CRITERIA) scores[c] = runs.map((r) => r.criteria[c]);
    const latest = runs.at(-1) as HistoryEntry;
    const earlier = runs.slice(0, -1).filter((r) => r.status !== 'error');
    const moved: MovedRule[] = [];
    for (const [rule, [checked, failed]] of Object.entries(latest.rules)) {
      if (checked === 0) continue;
      const rates = earlier.flatMap((r) => {
        const x = r.rules[rule];
        return x === undefined || x[0] === 0 ? [] : [x[1] / x[0]];
      });
      if (rates.length === 0) continue;
      const from = median(rates);
      const to = failed / checked;
      if (to > from) moved.push({ rule, from, to });
    }
    moved.sort((a, b) => (b.to - b.from) - (a.to - a.from) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return {
      dataset, runs: runs.length, first: (runs[0] as HistoryEntry).now, last: latest.now, scores,
      rows: runs.map((r) => r.rows), worstMoving: moved.slice(0, top),
    };
  });
}
