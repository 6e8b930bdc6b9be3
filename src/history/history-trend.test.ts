import { describe, expect, it } from 'vitest';
import { historyTrend } from './history-trend.js';
import type { HistoryEntry } from './history-entry.js';

const criteria = { correct: 0.9, sufficient: 1, clean: 1, live: null };

function entry(dataset: string, i: number, failed: number): HistoryEntry {
  return {
    history: 1, dataset, now: new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toISOString(), input: { name: 'd.csv' },
    status: 'failed', rows: 1000, score: 0.9, criteria, rules: { 'code.pattern': [1000, failed] },
  };
}

describe('historyTrend', () => {
  it('groups runs per dataset in order of first appearance, oldest first, with the rules that moved', () => {
    const entries = [entry('a', 0, 10), entry('b', 1, 5), entry('a', 2, 10), entry('a', 3, 40)];
    const [a, b] = historyTrend(entries);
    expect([a?.dataset, a?.runs, a?.first, a?.last, a?.rows]).toEqual(['a', 3, entries[0]?.now, entries[3]?.now, [1000, 1000, 1000]]);
    expect(a?.worstMoving).toEqual([{ rule: 'code.pattern', from: 0.01, to: 0.04 }]);
    expect([b?.dataset, b?.runs, b?.worstMoving]).toEqual(['b', 1, []]);
  });

  // Before: the runs were drawn in the order of the lines, so a run back-filled for an earlier --now (appended last)
  // was the trend's latest run, its `last`, and the run the worst-moving rules were measured at.
  it('draws the runs in date order, runs of the same date in the order given', () => {
    const entries = [entry('a', 1, 10), entry('a', 2, 20), entry('a', 0, 40), { ...entry('a', 2, 30), rows: 7 }];
    const [a] = historyTrend(entries);
    expect([a?.first, a?.last, a?.rows]).toEqual([entries[2]?.now, entries[1]?.now, [1000, 1000, 1000, 7]]);
    expect(a?.worstMoving).toEqual([{ rule: 'code.pattern', from: 0.02, to: 0.03 }]);
  });

  // Before: each run copied its dataset's list so far, so 100,000 runs of one dataset (years of hourly runs) took
  // minutes (5·10⁹ copies) before `ddss history` printed anything.
  it('reads 100,000 runs of a dataset in one pass', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => entry('a', i, i % 7));
    const [a] = historyTrend(entries);
    expect([a?.runs, a?.scores.overall.length, a?.rows.length]).toEqual([100_000, 100_000, 100_000]);
  });
});
