import { describe, expect, it } from 'vitest';
import { FingerprintCounts } from './fingerprint-counts.js';

describe('FingerprintCounts', () => {
  it('counts tuples, and tells tuples apart by their parts, not their concatenation', () => {
    const t = new FingerprintCounts();
    t.add(['ab', 'c']);
    t.add(['ab', 'c']);
    t.add(['a', 'bc']);
    const cases: Array<[readonly string[], number]> = [[['ab', 'c'], 2], [['a', 'bc'], 1], [['abc'], 0], [['ab', 'c', ''], 0]];
    for (const [parts, count] of cases) {
      const i = t.find(parts);
      expect([parts, i < 0 ? 0 : t.count(i)]).toEqual([parts, count]);
    }
    expect(t.distinct).toBe(2);
  });

  it('keeps every tuple and its count as it grows', () => {
    const t = new FingerprintCounts();
    for (let i = 0; i < 50_000; i++) t.add([`k${i}`]);
    for (let i = 0; i < 50_000; i += 7) t.add([`k${i}`]);
    expect(t.distinct).toBe(50_000);
    expect(t.capacity).toBeGreaterThanOrEqual(100_000);
    for (let i = 0; i < 50_000; i++) expect(t.count(t.find([`k${i}`]))).toBe(i % 7 === 0 ? 2 : 1);
    expect(t.find(['k50000'])).toBe(-1);
  });
});
