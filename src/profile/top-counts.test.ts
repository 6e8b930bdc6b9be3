import { describe, expect, it } from 'vitest';
import { countValue, mergeCounts, topCounts, topValues } from './top-counts.js';

function counted(values: readonly string[], bound = 100, capacity = 4) {
  const t = topCounts(bound, capacity);
  for (const v of values) countValue(t, v);
  return t;
}

describe('topCounts', () => {
  it('counts exactly while the distinct values are within the bound', () => {
    const t = counted(['b', 'a', 'b', 'c', 'b', 'a']);
    expect(t.exact).toBe(true);
    expect(topValues(t, 2)).toEqual([['b', 3], ['a', 2]]);
    expect(topValues(t, 5)).toEqual([['b', 3], ['a', 2], ['c', 1]]);
  });

  it('orders ties by value, so the output is the same on every run', () => {
    expect(topValues(counted(['z', 'y', 'x']), 3)).toEqual([['x', 1], ['y', 1], ['z', 1]]);
  });

  it('past the bound keeps the heavy hitters with lower-bound counts, error at most n/(capacity+1)', () => {
    const values: string[] = [];
    for (let i = 0; i < 1000; i++) values.push(`u${i}`, 'hot', i % 3 === 0 ? 'warm' : `w${i}`);
    const t = counted(values, 50, 8);
    expect(t.exact).toBe(false);
    expect(t.counts.size).toBeLessThanOrEqual(8);
    const top = new Map(topValues(t, 8));
    expect(topValues(t, 1)[0]?.[0]).toBe('hot');
    expect(top.get('hot')).toBeLessThanOrEqual(1000);
    expect(1000 - (top.get('hot') ?? 0)).toBeLessThanOrEqual(t.error);
    expect(t.error).toBeLessThanOrEqual(t.total / 9);
    expect(top.has('warm')).toBe(true);
  });

  it('long values end the exact regime early, and the summary keeps them by their first 1 000 code units', () => {
    const t = topCounts(100, 4, 5000);
    for (let i = 0; i < 6; i++) countValue(t, `${i}${'x'.repeat(999)}`);
    expect(t.exact).toBe(false);
    countValue(t, 'y'.repeat(1_000_000));
    countValue(t, 'y'.repeat(1_000_000));
    expect(topValues(t, 1)).toEqual([[`${'y'.repeat(1000)}…`, 2]]);
    expect([...t.counts.keys()].every((k) => k.length <= 1001)).toBe(true);
  });

  it('merges exact counters into the counter of the whole', () => {
    const all = ['a', 'b', 'a', 'c', 'd', 'a', 'b'];
    const merged = mergeCounts(counted(all.slice(0, 3)), counted(all.slice(3)));
    expect(merged.exact).toBe(true);
    expect(topValues(merged, 10)).toEqual(topValues(counted(all), 10));
    expect(merged.total).toBe(7);
  });

  it('a merge beyond the bound becomes a summary', () => {
    const merged = mergeCounts(counted(['a', 'b', 'c'], 4, 2), counted(['d', 'e', 'a'], 4, 2));
    expect(merged.exact).toBe(false);
    expect(merged.counts.size).toBeLessThanOrEqual(2);
    expect(topValues(merged, 1)).toEqual([['a', 1]]);
  });
});
