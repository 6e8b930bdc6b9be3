import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rowCount', () => {
  const def = defineDataset({ name: 'd', fields: { a: field.text() }, rules: [rule.rowCount({ min: 2, max: 3 })] });
  // The finding's value is the number of records: what a baseline compares to tell a table that shrank further.
  it.each([
    [0, 0, 'too_few_rows', '0'], [1, 0, 'too_few_rows', '1'], [2, 1, undefined, undefined], [3, 1, undefined, undefined],
    [4, 0, 'too_many_rows', '4'],
  ])('%i rows → score %i', async (n, score, code, value) => {
    const report = await run(def, Array.from({ length: n }, () => ({ a: 'x' })));
    const r = ruleOf(report, 'rowCount');
    expect([r.level, r.score, r.samples[0]?.code, r.samples[0]?.value]).toEqual(['table', score, code, value]);
    expect(report.criteria.sufficient.tableScore).toBe(score);
  });

  // min > max failed every table: a definition mistake, which YAML definitions and GX
  // (expect_table_row_count_to_be_between: test_error_handling_for_min_greater_than_max) refuse.
  it('refuses min greater than max when the rule is built', () => {
    expect(() => rule.rowCount({ min: 1, max: 0 })).toThrow(/ddss: rowCount: min \(1\) is greater than max \(0\)/);
  });

  // rowCount({ minn: 5 }) set no bound: an empty export passed as a table of at least 5 rows.
  it.each([
    [{ minn: 5 }, /ddss: rowCount: "minn" is not a bound/],
    [{ min: Number.NaN }, /ddss: rowCount: min must be a whole number ≥ 0, got NaN/],
    [{ min: -1 }, /min must be a whole number ≥ 0, got -1/],
  ])('refuses the bounds %j, which limit nothing, when the rule is built', (bounds, message) => {
    expect(() => rule.rowCount(bounds as never)).toThrow(message);
  });

  it('takes min equal to max', async () => {
    const report = await run(defineDataset({ name: 'd', fields: { a: field.text() },
      rules: [rule.rowCount({ min: 1, max: 1 }, { id: 'one' })] }), [{ a: 'x' }]);
    expect(ruleOf(report, 'one').status).toBe('passed');
  });

  it('refuses no bounds at all, which passed every table (test/regressions/empty-lists.test.ts)', () => {
    expect(() => rule.rowCount({})).toThrow(/rowCount needs min or max/);
  });
});
