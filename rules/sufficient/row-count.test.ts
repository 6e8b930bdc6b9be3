import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rowCount', () => {
  const def = defineDataset({ name: 'd', fields: { a: field.text() }, rules: [rule.rowCount({ min: 2, max: 3 })] });
  it.each([
    [0, 0, 'too_few_rows'], [1, 0, 'too_few_rows'], [2, 1, undefined], [3, 1, undefined], [4, 0, 'too_many_rows'],
  ])('%i rows → score %i', async (n, score, code) => {
    const report = await run(def, Array.from({ length: n }, () => ({ a: 'x' })));
    const r = ruleOf(report, 'rowCount');
    expect([r.level, r.score, r.samples[0]?.code]).toEqual(['table', score, code]);
    expect(report.criteria.sufficient.tableScore).toBe(score);
  });
});
