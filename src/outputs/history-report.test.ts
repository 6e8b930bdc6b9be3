import { describe, expect, it } from 'vitest';
import { historyText } from './history-report.js';
import { historyTrend } from '../history/history-trend.js';
import type { HistoryEntry } from '../history/history-entry.js';

function entry(i: number): HistoryEntry {
  return {
    history: 1, dataset: 'd', now: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(), input: { name: 'd.csv' },
    status: 'passed', rows: 100, score: i === 0 ? 0.5 : 0.9 + (i % 10) / 100,
    criteria: { correct: 0.9, sufficient: 1, clean: null, live: null }, rules: {},
  };
}

describe('historyText', () => {
  it('draws every run of a short history', () => {
    const text = historyText(historyTrend([0, 1, 2].map(entry)), 'en');
    expect(text.split('\n')[0]).toBe('d — 3 runs, 2020-01-01T00:00:00.000Z … 2020-01-03T00:00:00.000Z');
    expect(text.split('\n')[1]).toMatch(/^ {2}Overall score {2}[▁-█]{3} {2}50% → 92%$/);
  });

  // Before: one block per run, so 2,000 nightly runs made lines of 2,000 characters (100,000 runs: 300 kB a line).
  it.each([['en', ' (sparklines: the last 60 runs)'], ['vi', ' (biểu đồ: 60 lần chạy cuối)']] as const)(
    'draws the last 60 runs of a long history, and says so (%s)', (locale, said) => {
      const text = historyText(historyTrend(Array.from({ length: 2000 }, (_, i) => entry(i))), locale);
      const lines = text.split('\n');
      expect(lines[0]?.endsWith(said)).toBe(true);
      for (const l of lines.slice(1, 4)) expect(l).toMatch(/ {2}[▁-█]{60} {2}/);
      // The first and latest values are still the whole history's.
      expect(lines[1]).toMatch(/50% → 99%$/);
    });
});
