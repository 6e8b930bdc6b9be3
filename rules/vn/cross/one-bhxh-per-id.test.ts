import { describe, expect, it } from 'vitest';
import { oneBhxhPerId, type OneBhxhPerIdState } from './one-bhxh-per-id.js';
import { contextOf, expectMessages } from './_testkit.js';
import { runClock } from '../../../src/core/time-zone.js';
import type { DatasetFinding, TypedRow } from '../../../src/core/types.js';

const rule = oneBhxhPerId({ id: 'id_no', bhxh: 'bhxh_no' });

function run(rows: readonly TypedRow[], start = 0): OneBhxhPerIdState {
  const s = rule.init();
  rows.forEach((r, i) => rule.add(s, r, { ...contextOf(r), row: start + i }));
  return s;
}

const finish = (s: OneBhxhPerIdState) => {
  const out = rule.finish(s, { ...runClock(new Date(0)), fieldType: () => undefined, rows: 0 });
  expectMessages(rule, out.findings);
  return out;
};
const rowsOf = (f: readonly DatasetFinding[]) => f.map((x) => [x.row, x.code]);

const A = '001089012345';
const B = '079301123456';

describe('oneBhxhPerId', () => {
  it.each([
    ['distinct people', [{ id_no: A, bhxh_no: '0100000001' }, { id_no: B, bhxh_no: '7900000002' }]],
    ['the same person twice with one number', [{ id_no: A, bhxh_no: '0100000001' }, { id_no: A, bhxh_no: '0100000001' }]],
    ['a number read as a number', [{ id_no: A, bhxh_no: '0100000001' }, { id_no: A, bhxh_no: 100000001 }]],
    // Regression: one number written with separators or spaces counted as a second BHXH number.
    ['one number written two ways', [{ id_no: A, bhxh_no: '0100000001' }, { id_no: A, bhxh_no: ' 01 0000 0001' }]],
    ['an empty table', []],
  ])('finds nothing for %s', (_label, rows) => {
    expect(finish(run(rows)).findings).toEqual([]);
  });

  it('flags every row of a person with two numbers, the first included', () => {
    const out = finish(run([
      { id_no: A, bhxh_no: '0100000001' }, { id_no: B, bhxh_no: '7900000002' }, { id_no: A, bhxh_no: '0100000009' },
      { id_no: A, bhxh_no: '0100000001' },
    ]));
    expect(out.checked).toBe(4);
    expect(rowsOf(out.findings)).toEqual([[0, 'id_with_several_bhxh'], [2, 'id_with_several_bhxh'], [3, 'id_with_several_bhxh']]);
    expect(out.findings[0]?.params).toEqual({ count: 2 });
    expect(out.findings[0]?.field).toBe('bhxh_no');
  });

  it('knows a person by the canonical form of the ID, and names each row with its own number', () => {
    const out = finish(run([
      { id_no: A, bhxh_no: '0100000001' }, { id_no: ` ${A.slice(0, 3)} ${A.slice(3, 6)} ${A.slice(6)}`, bhxh_no: ' 0100000009' },
    ]));
    expect(out.findings.map((f) => [f.row, f.value])).toEqual([[0, '0100000001'], [1, ' 0100000009']]);
  });

  it('merges shards exactly (rows shifted)', () => {
    const rows = [
      { id_no: A, bhxh_no: '0100000001' }, { id_no: B, bhxh_no: '7900000002' },
      { id_no: B, bhxh_no: '7900000003' }, { id_no: A, bhxh_no: '0100000009' },
    ];
    const whole = finish(run(rows));
    for (let cut = 0; cut <= rows.length; cut++) {
      const a = run(rows.slice(0, cut));
      const b = run(rows.slice(cut));
      const merged = finish(rule.merge(a, structuredClone(b), { rows: cut, lines: 0 }));
      expect(merged).toEqual(whole);
    }
    expect(rowsOf(whole.findings).map((x) => x[0])).toEqual([0, 1, 2, 3]);
  });
});
