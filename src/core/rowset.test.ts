import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addRow, createRowSet, forEachRow, mergeRowSets, rowCount, unionCount } from './rowset.js';

function rowsOf(set: ReturnType<typeof createRowSet>): number[] {
  const out: number[] = [];
  forEachRow(set, (r) => out.push(r));
  return out;
}

describe('RowSet', () => {
  it('counts distinct rows whatever the insertion order and repeats', () => {
    fc.assert(fc.property(fc.array(fc.nat(5000), { maxLength: 3000 }), (rows) => {
      const set = createRowSet();
      for (const r of rows) addRow(set, r);
      const expected = [...new Set(rows)].sort((a, b) => a - b);
      expect(rowsOf(set)).toEqual(expected);
      expect(rowCount(set)).toBe(expected.length);
    }));
  });

  it('switches to a bitmap when dense and stays exact', () => {
    const set = createRowSet();
    for (let r = 0; r < 50_000; r += 2) addRow(set, r);
    expect(set.bits).not.toBeNull();
    expect(rowCount(set)).toBe(25_000);
  });

  it('merges with an offset exactly', () => {
    fc.assert(fc.property(fc.array(fc.nat(3000)), fc.array(fc.nat(3000)), (a, b) => {
      const sa = createRowSet();
      const sb = createRowSet();
      a.forEach((r) => addRow(sa, r));
      b.forEach((r) => addRow(sb, r));
      const merged = mergeRowSets(sa, sb, 3001);
      expect(rowsOf(merged)).toEqual([...new Set([...a, ...b.map((r) => r + 3001)])].sort((x, y) => x - y));
    }));
  });

  it('counts a union of sets', () => {
    const a = createRowSet();
    const b = createRowSet();
    [1, 2, 3].forEach((r) => addRow(a, r));
    [3, 4].forEach((r) => addRow(b, r));
    expect(unionCount([a, b], 10)).toBe(4);
    expect(unionCount([], 10)).toBe(0);
  });
});
