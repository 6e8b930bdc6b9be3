import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitRanges } from './split.js';

describe('splitRanges', () => {
  it('cuts evenly without a head start', () => {
    expect(splitRanges(1000, 100, 3)).toEqual([{ from: 100, to: 400 }, { from: 400, to: 700 }, { from: 700, to: 1000 }]);
  });

  it('gives the first range the head start, the others equal shares of the rest', () => {
    expect(splitRanges(1000, 100, 3, 90)).toEqual([{ from: 100, to: 460 }, { from: 460, to: 730 }, { from: 730, to: 1000 }]);
    expect(splitRanges(1000, 0, 1, 500)).toEqual([{ from: 0, to: 1000 }]);
  });

  it('caps the head start at half an even share', () => {
    // 900 bytes in 3: shares of 300, so at most 150 more.
    expect(splitRanges(1000, 100, 3, 10_000)).toEqual([{ from: 100, to: 500 }, { from: 500, to: 750 }, { from: 750, to: 1000 }]);
  });

  it('tiles the data in order, the first range longest', () => {
    fc.assert(fc.property(fc.nat(1e9), fc.nat(1e6), fc.integer({ min: 1, max: 16 }), fc.nat(1e8),
      (span, dataStart, parts, head) => {
        const size = dataStart + span;
        const r = splitRanges(size, dataStart, parts, head);
        expect(r).toHaveLength(parts);
        expect(r[0]?.from).toBe(dataStart);
        expect(r.at(-1)?.to).toBe(size);
        r.forEach((x, k) => {
          expect(x.to).toBeGreaterThanOrEqual(x.from);
          if (k > 0) expect(x.from).toBe(r[k - 1]?.to);
        });
        const len = r.map((x) => x.to - x.from);
        const others = len.slice(1);
        if (others.length > 0) {
          const max = Math.max(...others);
          expect(Math.min(...others)).toBeGreaterThanOrEqual(max - 1);
          expect(len[0]).toBeGreaterThanOrEqual(max - 1);
          expect(len[0]).toBeLessThanOrEqual(max + Math.min(head, span / (2 * parts)) + 1);
        }
      }));
  });
});
