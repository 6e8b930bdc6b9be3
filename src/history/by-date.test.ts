import { describe, expect, it } from 'vitest';
import { byDate, latestRuns } from './by-date.js';

/** A run named `id`, dated the given day of November 2026. */
const run = (id: string, day: number) => ({ id, now: new Date(Date.UTC(2026, 10, day)).toISOString() });
// Recorded in this order: a back-fill for the 1st after the 5th, two runs of the 3rd.
const recorded = [run('a', 2), run('b', 3), run('c', 5), run('d', 1), run('e', 3), run('f', 4)];

describe('byDate', () => {
  it('orders runs by date, runs of the same instant in the order given', () => {
    expect(byDate(recorded).map((r) => r.id)).toEqual(['d', 'a', 'b', 'e', 'f', 'c']);
  });
});

describe('latestRuns', () => {
  it.each<[number, string | undefined, string]>([
    [3, undefined, 'e f c'],
    [3, run('', 3).now, 'a b e'],
    [1, run('', 3).now, 'e'],
    [10, run('', 4).now, 'd a b e f'],
    [2, '2026-10-01T00:00:00.000Z', ''],
    [0, undefined, ''],
  ])('keeps the %d latest runs not dated after %s: %s', (keep, until, ids) => {
    const latest = latestRuns<ReturnType<typeof run>>(keep, until);
    for (const r of recorded) latest.add(r);
    expect(latest.runs().map((r) => r.id).join(' ')).toBe(ids);
  });

  it('keeps the latest of runs recorded newest first (every run is dated before those it holds)', () => {
    const latest = latestRuns<ReturnType<typeof run>>(2);
    for (let i = 0; i < 100; i++) latest.add(run(String(i), 100 - i));
    expect(latest.runs().map((r) => r.id)).toEqual(['1', '0']);
  });
});
