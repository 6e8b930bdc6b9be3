import { describe, expect, it } from 'vitest';
import { groupBreakdown, keepWorst, mergeGroups, mergeWorst, tallyGroup, type GroupsState } from './grade-tally.js';
import type { RecordGrade } from './grades.js';

const rec = (row: number, overall: number | null, rules: string[] = ['a.b']): RecordGrade => ({
  row, line: row + 2, overall, rules,
  grades: { correct: overall, sufficient: null, clean: null, live: null },
  findings: { correct: rules.length, sufficient: 0, clean: 0, live: 0 },
});
// Group values in an order that makes a bounded state trim several times, an empty cell among them.
const VALUES = ['m', 'c', null, 'z', 'a', 'c', 'q', 'b', 'm', 'y', 'd', 'a', 'x', 'e', 'b', 'f'];
const records = VALUES.map((v, i) => ({ v, g: rec(i, [1, 0.5, 0.75, 0.333333, 0.9][i % 5] as number, i % 5 === 0 ? [] : ['a.b']) }));
const fresh = (max: number): GroupsState => ({ field: 'commune', max, tallies: new Map(), other: null });

describe('group tallies', () => {
  it.each([1, 2, 3, 5, 100])('with maxGroups %i, any cut into two shards merges to the one-pass breakdown', (max) => {
    const whole = fresh(max);
    for (const { v, g } of records) tallyGroup(whole, v, g);
    const expected = groupBreakdown(whole);
    expect(expected.groups.length).toBe(Math.min(max, 12));
    for (let cut = 0; cut <= records.length; cut++) {
      const a = fresh(max);
      const b = fresh(max);
      records.forEach(({ v, g }, i) => tallyGroup(i < cut ? a : b, v, g));
      expect(groupBreakdown(mergeGroups(a, b))).toEqual(expected);
    }
  });

  it('lists the smallest values (an empty cell first) and counts the rest as other, by hand', () => {
    const s = fresh(2);
    for (const { v, g } of records) tallyGroup(s, v, g);
    const b = groupBreakdown(s);
    // null: row 2 (0.75); "a": rows 4 (0.9) and 11 (0.5); the 13 other records go to other.
    expect(b.groups).toEqual([
      { value: null, records: 1, recordsWithFindings: 1, withFindings: { correct: 1, sufficient: 0, clean: 0, live: 0 }, meanGrade: 0.75, worstGrade: 0.75 },
      { value: 'a', records: 2, recordsWithFindings: 2, withFindings: { correct: 2, sufficient: 0, clean: 0, live: 0 }, meanGrade: 0.7, worstGrade: 0.5 },
    ]);
    expect(b.other?.records).toBe(13);
  });
});

describe('worst records', () => {
  it('keeps the n lowest grades, ties in row order, and merges shards exactly', () => {
    const all = records.map(({ g }) => g);
    const one: RecordGrade[] = [];
    for (const g of all) keepWorst(one, g, 4);
    // 0.333333 at rows 3, 8, 13; then 0.5 at row 1.
    expect(one.map((g) => g.row)).toEqual([3, 8, 13, 1]);
    for (let cut = 0; cut <= all.length; cut++) {
      const a: RecordGrade[] = [];
      const b: RecordGrade[] = [];
      all.slice(0, cut).forEach((g) => keepWorst(a, g, 4));
      all.slice(cut).forEach((g) => keepWorst(b, { ...g, row: g.row - cut, line: (g.line as number) - cut }, 4));
      expect(mergeWorst(a, b, { rows: cut, lines: cut }, 4)).toEqual(one);
    }
  });
});
