import { describe, expect, it } from 'vitest';
import { aggregateRule, defineDataset, field, validate } from '../../src/index.js';
import type { AggregateRule } from '../../src/index.js';
import { NOW } from '../_run.js';
import { assertValidReport } from '../_report-schema.js';

// A dataset rule's finding names where it is: a row of the input, a line, a record key. They were taken unchecked:
// a finding at row -1 left its rule "passed" with one violation, rows 1.5, 10^12 or "1" were counted as failed rows
// and shown in the samples. Checked like a check's result: the rule errors, the report is made.
describe('a dataset finding whose row, line or key is not one of the input errors its rule', () => {
  const rows = [{ n: '1' }, { n: '2' }, { n: '3' }];
  const agg = (finding: object, score?: number): AggregateRule => aggregateRule({ name: 'agg', criterion: 'clean' }, {
    init: () => 0, add: () => undefined, merge: (a: number) => a,
    finish: () => ({ checked: 3, findings: [{ code: 'bad_thing', ...finding }], ...(score === undefined ? {} : { score }) }) as never,
  }) as AggregateRule;

  it.each([
    ['row -1', { row: -1 }, 'a finding whose row is -1, not one of the 3 rows read (0 to 2)'],
    ['row 1.5', { row: 1.5 }, 'a finding whose row is 1.5, not one of the 3 rows read (0 to 2)'],
    ['row 3 (one past the last)', { row: 3 }, 'a finding whose row is 3, not one of the 3 rows read (0 to 2)'],
    ['row 10^12', { row: 1e12 }, 'a finding whose row is 1000000000000, not one of the 3 rows read (0 to 2)'],
    ['row "1"', { row: '1' }, 'a finding whose row is a string, not one of the 3 rows read (0 to 2)'],
    ['row NaN', { row: Number.NaN }, 'a finding whose row is NaN, not one of the 3 rows read (0 to 2)'],
    ['row Infinity', { row: Number.POSITIVE_INFINITY }, 'a finding whose row is a number, not one of the 3 rows read (0 to 2)'],
    ['row null', { row: null }, 'a finding whose row is null, not one of the 3 rows read (0 to 2)'],
    ['line 0', { row: 0, line: 0 }, 'a finding whose line is 0, not a line number (a whole number from 1)'],
    ['line 2.5', { row: 0, line: 2.5 }, 'a finding whose line is 2.5, not a line number (a whole number from 1)'],
    ['line "2"', { row: 0, line: '2' }, 'a finding whose line is a string, not a line number (a whole number from 1)'],
    ['key 5', { row: 0, key: 5 }, 'a finding whose key is a number, not text'],
  ])('%s', async (_what, finding, why) => {
    const def = defineDataset({ name: 'x', fields: { n: field.number().max(2) }, rules: [agg(finding)] });
    const report = await validate(def, rows, { now: NOW });
    const r = report.rules.find((x) => x.id === 'agg');
    expect(r).toMatchObject({ status: 'error', checked: 0, failed: 0, violations: 0, samples: [] });
    expect(r?.error).toBe("ddss: a dataset rule's finish returns { checked, findings: an array of Findings ({ code: " +
      `'lower_snake_case', … }), score?: a number in [0, 1] or null }; this one returned findings: ${why}`);
    expect(report.rules.find((x) => x.id === 'n.max')).toMatchObject({ checked: 3, failed: 1 });
    assertValidReport(report);
  });

  it.each([
    ['no row (a table finding, scored)', {}, 0], ['the first row', { row: 0 }, undefined],
    ['the last row, its line and key', { row: 2, line: 4, key: 'k' }, undefined],
  ])('takes %s', async (_what, finding, score) => {
    const def = defineDataset({ name: 'x', fields: { n: field.number() }, rules: [agg(finding, score)] });
    const r = (await validate(def, rows, { now: NOW })).rules.find((x) => x.id === 'agg');
    expect(r).toMatchObject({ status: 'failed', violations: 1, error: null });
  });

});

// `checked` and `failed` make the pass rate: NaN or a negative count, or more failed than checked, gave pass rates of
// NaN and -4 in the report.
describe('a dataset outcome whose counts make no pass rate in [0, 1] errors its rule', () => {
  const rows = [{ n: '1' }, { n: '2' }, { n: '3' }];
  it.each([
    ['checked NaN (its pass rate was NaN)', { checked: Number.NaN, findings: [] }, 'an outcome whose checked is NaN, not a whole number from 0'],
    ['checked -3', { checked: -3, findings: [] }, 'an outcome whose checked is -3, not a whole number from 0'],
    ['checked "2"', { checked: '2', findings: [] }, 'an outcome whose checked is a string, not a whole number from 0'],
    ['no checked', { findings: [] }, 'an outcome whose checked is missing, not a whole number from 0'],
    ['failed 2.5', { checked: 3, failed: 2.5, findings: [] }, 'an outcome whose failed is 2.5, not a whole number from 0'],
    ['failed 5 of 1 (its pass rate was -4)', { checked: 1, failed: 5, findings: [] }, 'an outcome that failed 5 of 1 checked'],
    ['three failed rows of 1 checked (its pass rate was -2)', { checked: 1, findings: [0, 1, 2].map((row) => ({ code: 'x', row })) },
      'an outcome that failed 3 of 1 checked'],
    // A row-level outcome (no score) counts its failed rows from its findings: one that names no row counted nothing,
    // and the rule "passed" with a violation.
    ['a finding naming no row, with neither failed nor score (it passed with one violation)', { checked: 3, findings: [{ code: 'x' }] },
      'an outcome with a finding that names no row and neither failed (how many rows failed) nor score (a table rule)'],
    // Its failed rows are scored by the rows its findings name, its status by `failed`: the two disagreed.
    ['failed 3 naming no row (it failed 3/3 while its criterion scored 1)', { checked: 3, failed: 3, findings: [] },
      'an outcome whose failed is 3 while its findings name 0 rows: a rule without a score fails the rows its findings ' +
      'name (give each failed row a finding, or no failed)'],
    ['failed 0 naming three rows (it passed with three violations)', { checked: 3, failed: 0, findings: [0, 1, 2].map((row) => ({ code: 'x', row })) },
      'an outcome whose failed is 0 while its findings name 3 rows: a rule without a score fails the rows its findings ' +
      'name (give each failed row a finding, or no failed)'],
    ['failed 1 with a finding naming no row', { checked: 3, failed: 1, findings: [{ code: 'x' }] },
      'an outcome whose failed is 1 while its findings name 0 rows: a rule without a score fails the rows its findings ' +
      'name (give each failed row a finding, or no failed)'],
  ])('%s', async (_what, outcome, why) => {
    const made = aggregateRule({ name: 'agg', criterion: 'clean' }, {
      init: () => 0, add: () => undefined, merge: (a: number) => a, finish: () => outcome as never,
    }) as AggregateRule;
    const report = await validate(defineDataset({ name: 'x', fields: { n: field.number() }, rules: [made] }), rows, { now: NOW });
    const r = report.rules.find((x) => x.id === 'agg');
    expect(r).toMatchObject({ status: 'error', passRate: null });
    expect(r?.error).toMatch(new RegExp(`this one returned ${why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assertValidReport(report);
  });
});

// A row-level outcome's `failed` is the distinct rows its findings name, the rows the scores count: given so (rows
// named twice, a finding naming no row beside them), the rule reports it; a table outcome's `failed` counts items.
describe('a dataset outcome whose failed agrees with its findings is reported', () => {
  const rows = [{ n: '1' }, { n: '2' }, { n: '3' }, { n: '4' }];
  it.each([
    ['rows named twice', { checked: 4, failed: 2, findings: [0, 2, 2].map((row) => ({ code: 'x', row })) }, 'row', 2, 0.5],
    ['a finding naming no row beside one naming a row', { checked: 4, failed: 1, findings: [{ code: 'x', row: 1 }, { code: 'y' }] }, 'row', 1, 0.75],
    ['a table rule failing items it does not name', { checked: 10, failed: 3, score: 0.7, findings: [] }, 'table', 3, 0.7],
  ])('%s', async (_what, outcome, level, failed, clean) => {
    const made = aggregateRule({ name: 'agg', criterion: 'clean' }, {
      init: () => 0, add: () => undefined, merge: (a: number) => a, finish: () => outcome as never,
    }) as AggregateRule;
    const report = await validate(defineDataset({ name: 'x', fields: { n: field.number() }, rules: [made] }), rows, { now: NOW });
    expect(report.rules.find((x) => x.id === 'agg')).toMatchObject({ status: 'failed', level, failed, error: null });
    expect(report.criteria.clean.score).toBe(clean);
    assertValidReport(report);
  });
});
