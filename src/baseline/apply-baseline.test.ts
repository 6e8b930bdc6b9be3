import { describe, expect, it } from 'vitest';
import { validate } from '../validate.js';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { rule } from '../rule.js';
import { baselineFrom } from './load-baseline.js';
import type { BaselineWorse, Report } from '../core/types.js';

const NOW = '2026-11-22';
const registry = defineDataset({
  name: 'registry', key: 'id',
  fields: { id: field.text(), name: field.text().pii(), province: field.text(), updated_at: field.datetime() },
  rules: [rule.rowCount({ min: 5 }), rule.freshness('updated_at', { days: 30 }), rule.coverage('province', ['01', '79', '48', '92'])],
});
type Row = { id: string; name: string; province: string; updated_at: string };
const row = (id: string, province: string, updated: string): Row => ({ id, name: 'Nguyễn Văn An', province, updated_at: `${updated}T00:00:00Z` });
// At baseline time: too few rows (3 of 5), a stale table (newest 1 September), 48 and 92 absent.
const BEFORE = [row('A', '01', '2026-09-01'), row('B', '79', '2026-09-01'), row('C', '79', '2026-08-01')];

const newOf = (report: Report): Record<string, number> =>
  Object.fromEntries(report.rules.filter((r) => (r.newViolations ?? 0) > 0).map((r) => [r.id, r.newViolations ?? 0]));

describe('baselineTally: table-level findings', () => {
  const cases: Array<[string, Row[], Record<string, number>, BaselineWorse[] | undefined]> = [
    ['the same table', BEFORE, {}, undefined],
    ['more rows (still too few), fresher, the same values absent', [...BEFORE.slice(0, 2), row('C', '79', '2026-10-01'), row('D', '01', '2026-08-01')], {}, undefined],
    // Before: all three known, and the run passed.
    ['a table cut to one row', BEFORE.slice(0, 1), { rowCount: 1, 'province.coverage': 1 },
      [{ rule: 'rowCount', code: 'too_few_rows', value: '1', baselineValue: '3' }]],
    ['an older newest date', BEFORE.map((r) => ({ ...r, updated_at: '2026-08-01T00:00:00Z' })), { 'updated_at.freshness': 1 },
      [{ rule: 'updated_at.freshness', code: 'stale_table', field: 'updated_at', value: '2026-08-01T00:00:00.000Z', baselineValue: '2026-09-01T00:00:00.000Z' }]],
    // As many values absent as before, but another one: 79 is a new gap (before: known, counted by number only).
    ['another value absent', BEFORE.map((r) => (r.province === '79' ? { ...r, province: '48' } : r)), { 'province.coverage': 1 }, undefined],
  ];

  it.each(cases)('%s', async (_name, rows, news, worse) => {
    const baseline = baselineFrom((await validate(registry, BEFORE, { now: NOW })).violations);
    const report = await validate(registry, rows, { now: NOW, baseline });
    expect(newOf(report)).toEqual(news);
    expect(report.baseline?.worse).toEqual(worse);
    expect(report.baseline?.new).toBe(Object.values(news).reduce((a, b) => a + b, 0));
    expect(report.status).toBe(Object.keys(news).length === 0 ? 'passed' : 'failed');
  });

  it('counts a row count the baseline does not record (an older ddss wrote none) as new, and says so', async () => {
    const old = (await validate(registry, BEFORE, { now: NOW })).violations
      .map(({ value, ...v }) => (v.rule === 'rowCount' ? v : { ...v, ...(value === undefined ? {} : { value }) }));
    const report = await validate(registry, BEFORE, { now: NOW, baseline: baselineFrom(old) });
    expect([newOf(report), report.baseline?.worse]).toEqual([{ rowCount: 1 }, [{ rule: 'rowCount', code: 'too_few_rows', value: '3' }]]);
    expect(report.status).toBe('failed');
  });

  it('uses a baseline line once: two findings of one rule and code cannot both be known by one line', async () => {
    const twice = defineDataset({ ...registry, rules: [rule.rowCount({ min: 5 }, { id: 'a' }), rule.rowCount({ min: 5 }, { id: 'b' })] });
    const line = (await validate(twice, BEFORE, { now: NOW })).violations.filter((v) => v.rule === 'a');
    const report = await validate(twice, BEFORE, { now: NOW, baseline: baselineFrom(line) });
    expect([report.baseline?.known, report.baseline?.new, newOf(report)]).toEqual([1, 1, { b: 1 }]);
  });

  it('quotes the row count in the message of a definition with personal fields (it is no value of a person)', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(`K${i}`, '01', '2026-11-20'));
    const report = await validate(defineDataset({ ...registry, rules: [rule.rowCount({ min: 500 })] }), rows, { now: NOW });
    const v = report.violations.find((x) => x.rule === 'rowCount');
    // Before: "the table has 1** records", masked as if the count were a person's value.
    expect([v?.value, v?.message]).toEqual(['120', 'the table has 120 records, fewer than the expected 500']);
  });
});

describe('a baseline that is not one', () => {
  // An object or list of violations failed inside the run: "Cannot read properties of undefined (reading 'capacity')".
  it.each([['an object', { x: 1 }], ['a list of violations', [{ rule: 'a', code: 'b' }]], ['null', null]])('is refused when it is %s, naming what to pass', async (_, baseline) => {
    await expect(validate(registry, BEFORE, { now: NOW, baseline: baseline as never }))
      .rejects.toThrow(/ddss: baseline must be what loadBaseline\(file\) or baselineFrom\(violations\) returns/);
  });
});
