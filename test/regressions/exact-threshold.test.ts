/**
 * Issue "Never a false passed", item 11: thresholds are compared exactly, as written.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../src/index.js';
import { ruleOf } from '../_run.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');

describe('exact thresholds', () => {
  it.each([
    // [passing rows, rows, threshold, passes]
    [1, 5, 0.2, true], // 1 − 4/5 is 0.19999999999999996 in floating point: Great Expectations' own test case
    [1, 10, 0.1, true], // 1 − 9/10 = 0.09999999999999998
    [9, 20, 0.45, true], // 1 − 11/20 = 0.44999999999999996
    [17, 25, 0.68, true], // 1 − 8/25 = 0.6799999999999999
    [7, 10, 0.7, true], // 1 − 3/10 = 0.7000000000000001: passed before too, a control
    [1, 3, 0.3333333333333333, true], // a threshold written as 1/3 in floating point
    [94, 100, 0.95, false],
    [999_999, 1_000_000, 0.999999, true],
    [999_998, 1_000_000, 0.999999, false],
  ])('%i of %i rows passing meets %d: %s', async (pass, rows, threshold, expected) => {
    const def = defineDataset({ name: 't', fields: { a: field.text().pattern(/^ok$/, { threshold }) } });
    const data = Array.from({ length: rows }, (_, i) => ({ a: i < pass ? 'ok' : 'bad' }));
    const r = ruleOf(await validate(def, data, { now: NOW }), 'a.pattern');
    expect(r.status).toBe(expected ? 'passed' : 'failed');
    expect(r.failed).toBe(rows - pass);
  });

  it('reports passRate as (checked − failed) / checked', async () => {
    const def = defineDataset({ name: 't', fields: { a: field.text().pattern(/^ok$/, { threshold: 0.2 }) } });
    const r = ruleOf(await validate(def, ['ok', 'x', 'x', 'x', 'x'].map((a) => ({ a })), { now: NOW }), 'a.pattern');
    expect(r.passRate).toBe(0.2);
  });
});
