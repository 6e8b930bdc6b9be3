import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../src/index.js';
import { run, ruleOf } from './_run.js';

// A five-row dataset whose every score is computed by hand below (DESIGN §2).
const fields = {
  a: field.text().required().pattern(/^\d+$/),
  b: field.text().trimmed({ severity: 'warning' }).oneOf(['x'], { severity: 'info' }),
  c: field.date('dd/MM/yyyy').within({ days: 365 }),
};
const rows = [
  { a: '1', b: 'x', c: '01/11/2026' },
  { a: '', b: ' x', c: '01/11/2026' }, // a missing (sufficient), b untrimmed (clean)
  { a: 'z', b: 'y', c: '01/01/2020' }, // a pattern (correct), b info only, c stale (live)
  { a: '2', b: 'x ', c: '' }, // b untrimmed (clean); c missing but optional: no finding
  { a: '2', b: 'x', c: '01/11/2026' },
];
const rules = [rule.rowCount({ min: 10 }), rule.coverage('a', ['1', '2', '3', '4'], { weight: 3 })];

describe('scores (DESIGN §2), by hand', () => {
  it('computes every part of every criterion', async () => {
    const report = await run(defineDataset({ name: 'scores', fields, rules }), rows);
    // correct: 1 of 5 rows fails a row-level correct rule; no table rule.
    expect(report.criteria.correct).toEqual({ score: 0.8, rowPassRate: 0.8, tableScore: null, failedRows: 1 });
    // sufficient: rows 1 − 1/5 = 0.8; table (0 × 1 + 0.5 × 3) / 4 = 0.375; score 0.8 × 0.375 = 0.3.
    expect(report.criteria.sufficient).toEqual({ score: 0.3, rowPassRate: 0.8, tableScore: 0.375, failedRows: 1 });
    // clean: rows 1 and 3 (warning counts, info does not) → 0.6.
    expect(report.criteria.clean).toEqual({ score: 0.6, rowPassRate: 0.6, tableScore: null, failedRows: 2 });
    // live: row 2 stale → 0.8.
    expect(report.criteria.live).toEqual({ score: 0.8, rowPassRate: 0.8, tableScore: null, failedRows: 1 });
    // overall: mean of the four.
    expect(report.score).toBe(0.625);
    expect(report.status).toBe('failed');
  });

  // Two weights of the largest double summed to Infinity: every score was NaN (null in JSON, "NaN" in JUnit) and a
  // run below its failUnder passed.
  it('weights whose sum overflows mean what they say, as any weights in the same ratio', async () => {
    const big = Number.MAX_VALUE;
    const huge = defineDataset({ name: 'scores', fields, weights: { correct: big, sufficient: big, clean: big, live: big },
      rules: [rule.rowCount({ min: 10 }, { weight: big }), rule.coverage('a', ['1', '2', '3', '4'], { weight: big / 2 })], failUnder: 0.99 });
    const plain = defineDataset({ name: 'scores', fields, weights: { correct: 2, sufficient: 2, clean: 2, live: 2 },
      rules: [rule.rowCount({ min: 10 }, { weight: 2 }), rule.coverage('a', ['1', '2', '3', '4'], { weight: 1 })], failUnder: 0.99 });
    const [a, b] = [await run(huge, rows), await run(plain, rows)];
    expect([a.score, a.criteria, a.status]).toEqual([b.score, b.criteria, b.status]);
    // sufficient's table part: (0 × 2 + 0.5 × 1) / 3, rowCount failing and half the values covered.
    expect([a.criteria.sufficient.tableScore, typeof a.score, a.status]).toEqual([0.166667, 'number', 'failed']);
  });

  it('weights criteria in the overall score', async () => {
    const report = await run(defineDataset({ name: 'scores', fields, rules, weights: { live: 2 } }), rows);
    expect(report.score).toBe(0.66); // (0.8 + 0.3 + 0.6 + 2 × 0.8) / 5
  });

  it('reports per-rule pass rates over the rows each rule checked', async () => {
    const report = await run(defineDataset({ name: 'scores', fields, rules }), rows);
    expect(ruleOf(report, 'a.pattern')).toMatchObject({ checked: 4, failed: 1, passRate: 0.75, status: 'failed' });
    expect(ruleOf(report, 'a.required')).toMatchObject({ checked: 5, failed: 1, passRate: 0.8 });
    expect(ruleOf(report, 'b.oneOf')).toMatchObject({ severity: 'info', failed: 3, status: 'failed' });
    expect(ruleOf(report, 'c.within')).toMatchObject({ checked: 4, failed: 1 });
  });

  it('a criterion with no rules is null, never 100%; a skipped rule changes no score', async () => {
    const report = await run(defineDataset({ name: 'd', fields: { a: field.text().pattern(/^\d+$/) } }), [{ a: '' }, {}]);
    expect(ruleOf(report, 'a.pattern')).toMatchObject({ checked: 0, passRate: null, status: 'skipped' });
    expect(report.criteria.sufficient.score).toBeNull();
    expect(report.criteria.live.score).toBeNull();
    // Every rule was skipped (nothing to check): no score anywhere, rather than a misleading 100%.
    expect(report.criteria.correct.score).toBeNull();
    expect(report.score).toBeNull();
    // …and a run that checked nothing is not "passed": it could not be evaluated.
    expect(report.status).toBe('error');
    expect(report.error).toBe('nothing to evaluate: no rule found a value to check in 2 rows');
  });

  it('an empty dataset has no row scores and fails a row-count rule', async () => {
    const report = await run(defineDataset({ name: 'd', fields: { a: field.text().required() }, rules: [rule.rowCount({ min: 1 })] }), []);
    expect(report.rows).toBe(0);
    expect(report.criteria.sufficient).toEqual({ score: 0, rowPassRate: null, tableScore: 0, failedRows: 0 });
    expect(report.criteria.correct.score).toBeNull();
    expect(report.status).toBe('failed');
  });

  it('status: warned when only warning rules fail, failed under failUnder, passed otherwise', async () => {
    const def = defineDataset({ name: 'd', fields: { b: field.text().trimmed({ severity: 'warning' }) } });
    expect((await run(def, [{ b: ' x' }, { b: 'y' }])).status).toBe('warned');
    expect((await run(def, [{ b: ' x' }, { b: 'y' }], { failUnder: 0.9 })).status).toBe('failed');
    expect((await run(def, [{ b: 'x' }])).status).toBe('passed');
  });

  it('a threshold lets a rule pass below 100% (GX mostly)', async () => {
    const def = defineDataset({ name: 'd', fields: { a: field.text().pattern(/^\d+$/, { threshold: 0.5 }) } });
    const report = await run(def, [{ a: '1' }, { a: 'x' }]);
    expect(ruleOf(report, 'a.pattern')).toMatchObject({ passRate: 0.5, status: 'passed' });
    expect(report.status).toBe('passed');
    expect(report.criteria.correct.score).toBe(0.5); // the record still failed: thresholds decide status, not scores
  });
});
