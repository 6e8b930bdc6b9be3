import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
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
