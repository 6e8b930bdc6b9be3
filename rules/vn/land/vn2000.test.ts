import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VN2000_BOUNDS, vn2000 } from './vn2000.js';
import { codes, runRecord } from '../cross/_testkit.js';

const rule = vn2000({ northField: 'x_north', eastField: 'y_east' });
const row = (x: number, y: number) => ({ x_north: x, y_east: y });

describe('vn2000', () => {
  it.each([
    [2_327_541.32, 587_196.12], [1_191_220.5, 605_114.0], [940_000, 330_000], [2_600_000, 670_000], [1_050_000, 500_000],
  ])('accepts plausible coordinates x=%d y=%d', (x, y) => {
    expect(runRecord(rule, row(x, y))).toEqual([]);
  });

  it.each([
    [587_196.12, 2_327_541.32, ['vn2000_axes_swapped', 'vn2000_axes_swapped']],
    [2_327_541_320, 587_196_120, ['vn2000_in_millimetres', 'vn2000_in_millimetres']],
    [2_327_541, 200_000, ['vn2000_out_of_range']],
    [500_000, 500_000, ['vn2000_out_of_range']],
    [0, 0, ['vn2000_out_of_range', 'vn2000_out_of_range']],
    [-1_200_000, 560_000, ['vn2000_out_of_range']],
    [21.0285, 105.8542, ['vn2000_out_of_range', 'vn2000_out_of_range']],
  ])('diagnoses x=%d y=%d as %j', (x, y, expected) => {
    expect(codes(runRecord(rule, row(x, y)))).toEqual(expected);
  });

  it('suggests the swapped values on each column', () => {
    const found = runRecord(rule, row(587_196, 2_327_541));
    expect(found.map((f) => [f.field, f.suggestion])).toEqual([['x_north', '2327541'], ['y_east', '587196']]);
  });

  it('suggests metres for millimetres', () => {
    const found = runRecord(rule, row(2_327_541_320, 587_196_120));
    expect(found.map((f) => f.suggestion)).toEqual(['2327541.32', '587196.12']);
  });

  it('skips rows missing a coordinate', () => {
    expect(runRecord(rule, { x_north: 2_327_541 })).toEqual([]);
  });

  const north = fc.double({ min: VN2000_BOUNDS.north.min, max: VN2000_BOUNDS.north.max, noNaN: true });
  const east = fc.double({ min: VN2000_BOUNDS.east.min, max: VN2000_BOUNDS.east.max, noNaN: true });

  it('accepts every plausible pair and always detects its swap (property)', () => {
    fc.assert(fc.property(north, east, (n, e) => {
      expect(runRecord(rule, row(n, e))).toEqual([]);
      expect(codes(runRecord(rule, row(e, n)))).toEqual(['vn2000_axes_swapped', 'vn2000_axes_swapped']);
    }));
  });

  it('always detects millimetres (property)', () => {
    const n = fc.integer({ min: VN2000_BOUNDS.north.min, max: VN2000_BOUNDS.north.max });
    const e = fc.integer({ min: VN2000_BOUNDS.east.min, max: VN2000_BOUNDS.east.max });
    fc.assert(fc.property(n, e, (n, e) => {
      expect(codes(runRecord(rule, row(n * 1000, e * 1000)))).toEqual(['vn2000_in_millimetres', 'vn2000_in_millimetres']);
    }));
  });
});
