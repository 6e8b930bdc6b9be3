import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule, validate, type DatasetDefinition } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('freshness', () => {
  const def = defineDataset({
    name: 'd', fields: { updated_at: field.datetime() }, rules: [rule.freshness('updated_at', { days: 30 })],
  });
  it.each([
    [['2026-11-01T00:00:00Z', '2024-01-01T00:00:00Z'], 1, 'passed'],
    [['2026-10-01T00:00:00Z', '2024-01-01T00:00:00Z'], 0, 'failed'],
    [[''], null, 'skipped'],
  ])('%j → score %j', async (dates, score, status) => {
    const report = await run(def, dates.map((d) => ({ updated_at: d })));
    const r = ruleOf(report, 'updated_at.freshness');
    expect([r.score, r.status]).toEqual([score, status]);
  });
  it('a stale table makes the live criterion 0 however fresh its rows', async () => {
    const report = await run(def, [{ updated_at: '2026-01-01T00:00:00Z' }]);
    expect(report.criteria.live).toEqual({ score: 0, rowPassRate: null, tableScore: 0, failedRows: 0 });
  });
});

describe('freshness of a date column counts calendar days from today in the run\'s time zone', () => {
  const days = defineDataset({ name: 'd', fields: { day: field.date('dd/MM/yyyy') }, rules: [rule.freshness('day', { days: 1 })] });
  const instants = defineDataset({ name: 't', fields: { at: field.datetime() }, rules: [rule.freshness('at', { days: 1 })] });
  it.each<[string, DatasetDefinition, Record<string, string>, string, string, number]>([
    ['newest date yesterday, in the morning', days, { day: '14/03/2026' }, '2026-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh', 1],
    ['newest date two days ago', days, { day: '13/03/2026' }, '2026-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh', 0],
    ['13 March seen from Vietnam at 01:00', days, { day: '13/03/2026' }, '2026-03-15T01:00:00+07:00', 'Asia/Ho_Chi_Minh', 0],
    ['13 March seen from UTC at the same instant', days, { day: '13/03/2026' }, '2026-03-15T01:00:00+07:00', 'UTC', 1],
    ['newest instant 25 hours old', instants, { at: '2026-03-14T07:00:00+07:00' }, '2026-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh', 0],
  ])('%s', async (_name, def, row, now, timeZone, score) => {
    const report = await validate(def, [row], { now, timeZone });
    expect(report.rules.find((r) => r.level === 'table')?.score).toBe(score);
  });
});
