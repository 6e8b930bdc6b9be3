import { describe, expect, it } from 'vitest';
import { HLL_STANDARD_ERROR, hll, hllAdd, hllEstimate, hllMerge } from './hll.js';

function sketch(from: number, to: number, prefix = 'v'): ReturnType<typeof hll> {
  const h = hll();
  for (let i = from; i < to; i++) hllAdd(h, `${prefix}${i}`);
  return h;
}

describe('hll', () => {
  it('estimates 100 000 distinct values within three standard errors', () => {
    const est = hllEstimate(sketch(0, 100_000));
    expect(HLL_STANDARD_ERROR).toBeCloseTo(0.01625, 4);
    expect(Math.abs(est - 100_000) / 100_000).toBeLessThan(3 * HLL_STANDARD_ERROR);
  });

  it('counts 12-digit identifiers (the shape of a CCCD column) within three standard errors', () => {
    const h = hll();
    for (let i = 0; i < 100_000; i++) hllAdd(h, String(1_089_000_000 + i * 7).padStart(12, '0'));
    expect(Math.abs(hllEstimate(h) - 100_000) / 100_000).toBeLessThan(3 * HLL_STANDARD_ERROR);
  });

  it.each([[0, 0], [1, 1], [10, 10], [1000, 1000]])('is exact enough on small sets: %i distinct', (n, expected) => {
    expect(Math.round(hllEstimate(sketch(0, n)))).toBeGreaterThanOrEqual(expected * 0.97);
    expect(Math.round(hllEstimate(sketch(0, n)))).toBeLessThanOrEqual(Math.ceil(expected * 1.03));
  });

  it('ignores repeats', () => {
    const h = sketch(0, 500);
    for (let i = 0; i < 500; i++) hllAdd(h, `v${i}`);
    expect(hllEstimate(h)).toBe(hllEstimate(sketch(0, 500)));
  });

  it('merges to the sketch of the union (register for register)', () => {
    const merged = hllMerge(sketch(0, 60_000), sketch(40_000, 100_000));
    expect(merged.registers).toEqual(sketch(0, 100_000).registers);
  });
});
