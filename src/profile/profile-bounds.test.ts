import { describe, expect, it } from 'vitest';
import { readCsv } from '../sources/csv/read-csv.js';
import { readJson } from '../sources/json/read-json.js';
import { finishProfile, profile } from './profile.js';
import { addRows, MAX_PROFILED_COLUMNS, profileState } from './profile-state.js';
import { profileText } from './profile-text.js';
import { countValue, topCounts, type ExactBudget } from './top-counts.js';
import { valueContext } from './recognisers.js';

const NOW = new Date('2026-11-22T00:00:00Z');

// A 2 MB header of 520,000 one-letter names took 2.8 GB and a minute to profile (5 GB before the sketches were made
// lazily): every column had its state, nothing bounded them together.
describe('a profile of a very wide file is bounded', () => {
  it('describes the first 16,384 columns and counts the others, in every format', async () => {
    const n = MAX_PROFILED_COLUMNS + 3;
    const names = Array.from({ length: n }, (_, i) => `c${i}`);
    const p = await profile(readCsv(Buffer.from(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`), { name: 'w.csv' }), { now: NOW });
    expect([p.columns.length, p.columnsNotProfiled, p.columns.at(-1)?.name]).toEqual([MAX_PROFILED_COLUMNS, 3, `c${MAX_PROFILED_COLUMNS - 1}`]);
    expect(profileText(p).split('\n').slice(0, 2)).toEqual(['w.csv: 1 row, 16384 columns', 'and 3 more columns, past the first 16384, not profiled']);
    const narrow = await profile(readCsv(Buffer.from('a,b\n1,2\n'), { name: 'n.csv' }), { now: NOW });
    expect(narrow.columnsNotProfiled).toBeUndefined();
  });

  it('counts each key of object rows past the first 16,384 once', async () => {
    const record = Object.fromEntries(Array.from({ length: MAX_PROFILED_COLUMNS + 5 }, (_, i) => [`k${i}`, i]));
    const p = await profile(readJson([Buffer.from(JSON.stringify([record, record]))], { format: 'json', name: 'w.json' }), { now: NOW });
    expect([p.rows, p.columns.length, p.columnsNotProfiled]).toEqual([2, MAX_PROFILED_COLUMNS, 5]);
  });

  it('keeps the exact values of all columns within one budget: past it, a counter summarises and estimates', () => {
    const s = profileState(undefined, { maxEntries: 500, maxChars: 1_000_000 });
    const header = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const ctx = valueContext(NOW);
    for (let r = 0; r < 100; r++) {
      addRows(s, { rows: [header.map((_, i) => `v${r}-${i}`)] }, header, ctx, Infinity);
      expect(s.budget.entries).toBeLessThanOrEqual(500);
    }
    const p = finishProfile(s, 'b.csv');
    // 20 columns of 100 distinct values each and 2,000 values in all: some columns estimate, every one has its count.
    expect(p.columns.some((c) => !c.distinct.exact)).toBe(true);
    for (const c of p.columns) expect(c.distinct.count).toBeGreaterThanOrEqual(c.distinct.exact ? 100 : 90);
  });

  it('a counter gives its share of the budget back when it summarises', () => {
    const budget: ExactBudget = { entries: 0, chars: 0, maxEntries: 1000, maxChars: 1000 };
    const t = topCounts(3, 2, undefined, budget);
    for (const v of ['a', 'b', 'c']) countValue(t, v);
    expect([budget.entries, budget.chars, t.exact]).toEqual([3, 3, true]);
    const left = countValue(t, 'd');
    expect([budget.entries, budget.chars, t.exact, [...(left ?? new Map()).keys()]]).toEqual([0, 0, false, ['a', 'b', 'c', 'd']]);
  });
});
