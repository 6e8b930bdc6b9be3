import { describe, expect, it } from 'vitest';
import { datesOrdered } from './dates-ordered.js';
import { codes, day, runRecord } from './_testkit.js';
import { defineDataset, field, validate } from '../../../src/index.js';

const rule = datesOrdered(['registered_at', 'gcn_issue_date']);
const now = new Date('2026-11-22T08:00:00Z');

describe('datesOrdered', () => {
  it.each([
    ['2021-03-05', '2021-06-01'], ['2021-03-05', '2021-03-05'], ['2001-01-01', '2026-11-22'],
  ])('accepts registered %s, issued %s', (reg, issued) => {
    expect(runRecord(rule, { registered_at: day(reg), gcn_issue_date: day(issued) }, now)).toEqual([]);
  });

  it.each([
    ['2021-03-05', '2021-02-01', ['dates_out_of_order']],
    ['2021-03-05', '2026-11-23', ['date_after_now']],
    ['2027-01-01', '2026-12-01', ['dates_out_of_order', 'date_after_now']],
  ])('reports registered %s, issued %s as %j', (reg, issued, expected) => {
    expect(codes(runRecord(rule, { registered_at: day(reg), gcn_issue_date: day(issued) }, now))).toEqual(expected);
  });

  it('names the later field of the pair', () => {
    const [f] = runRecord(rule, { registered_at: day('2021-03-05'), gcn_issue_date: day('2021-02-01') }, now);
    expect(f?.field).toBe('gcn_issue_date');
  });

  it('checks three fields pairwise and can leave now out', () => {
    const r = datesOrdered(['a', 'b', 'c'], { upToNow: false });
    const row = { a: day('2020-01-01'), b: day('2019-01-01'), c: day('2030-01-01') };
    expect(codes(runRecord(r, row, now))).toEqual(['dates_out_of_order']);
  });

  it('needs a field', () => {
    expect(() => datesOrdered([])).toThrow();
  });

  // `[d1, d1]` compared a field with itself: every row counted as checked, nothing compared.
  it.each([[['d1', 'd1']], [['a', 'b', 'a']], [['a', 'a']]])('refuses a field listed twice: %j', (fields) => {
    expect(() => datesOrdered(fields)).toThrow(/ddss: datesOrdered lists the field "(d1|a)" twice/);
    expect(() => datesOrdered(fields, { upToNow: false })).toThrow(/twice/);
  });
});

describe('datesOrdered up to now, on date fields whose format keeps the time of day', () => {
  // yyyyMMddHHmm (insurance XML): a discharge at 05:30 today, at 07:00 in Vietnam, was "after the time of the check".
  const def = defineDataset({
    name: 'd', timeZone: 'Asia/Ho_Chi_Minh',
    fields: { admitted: field.date('yyyyMMddHHmm'), discharged: field.date('yyyyMMddHHmm') },
    rules: [datesOrdered(['admitted', 'discharged'])],
  });
  const at7 = '2026-11-22T00:00:00Z'; // 07:00 on 22 November in Vietnam

  it.each<[string, string, string[]]>([
    ['discharged at 05:30 today', '202611220530', []],
    ['discharged at 23:59 today', '202611222359', []],
    ['discharged at 00:00 tomorrow', '202611230000', ['date_after_now']],
  ])('%s', async (_name, discharged, expected) => {
    const r = await validate(def, [{ admitted: '202611200800', discharged }], { now: at7 });
    expect(r.violations.map((v) => v.code)).toEqual(expected);
  });
});
