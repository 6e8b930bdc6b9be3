import { describe, expect, it, vi } from 'vitest';
import { buildReport } from '../src/core/report.js';
import { assertValidReport } from './_report-schema.js';
import { defineDataset, field } from '../src/index.js';
import { run } from './_run.js';
import type { Report } from '../src/core/types.js';

describe('the published report schema', () => {
  it('is checked against every report the tests produce (the setup file wraps buildReport)', () => {
    expect(vi.isMockFunction(buildReport)).toBe(true);
  });

  it('accepts a real report', async () => {
    const report = await run(defineDataset({ name: 'd', fields: { a: field.text().required() } }), [{ a: 'x' }, {}]);
    expect(() => assertValidReport(report)).not.toThrow();
  });

  it.each([
    ['a score above 1', (r: Report) => ({ ...r, score: 1.5 })],
    ['an unknown status', (r: Report) => ({ ...r, status: 'ok' })],
    ['a negative row count', (r: Report) => ({ ...r, rows: -1 })],
    ['a code that is not snake_case', (r: Report) => ({
      ...r, rules: r.rules.map((x) => ({ ...x, samples: x.samples.map((s) => ({ ...s, code: 'Bad Code' })) })),
    })],
  ])('rejects %s', async (_name, corrupt) => {
    const report = await run(defineDataset({ name: 'd', fields: { a: field.text().required() } }), [{}]);
    expect(() => assertValidReport(corrupt(report) as unknown as Report)).toThrow(/schema/);
  });

  // The invariants of issue "Never a false passed" that the schema cannot state (negative counts and `error`
  // without status error it already refuses), checked on every report too: each corruption breaks one.
  it.each([
    ['failed above checked', (r: Report) => ({ ...r, rules: r.rules.map((x) => ({ ...x, failed: x.checked + 1 })) }), /failed \d+ is not within/],
    ['a score for a criterion whose rules all errored', (r: Report) => ({
      ...r, status: 'error', error: 'x', rules: r.rules.map((x) => ({ ...x, status: 'error', error: 'threw', score: null })),
      criteria: { ...r.criteria, sufficient: { ...r.criteria.sufficient, score: 1 } },
    }), /every rule errored, yet its score is 1/],
    ['a score for a partial read', (r: Report) => ({ ...r, partial: true, status: 'error', error: 'x', score: 0.5 }), /partial, yet the overall score/],
  ])('rejects %s', async (_name, corrupt, message) => {
    const report = await run(defineDataset({ name: 'd', fields: { a: field.text().required() } }), [{}, { a: 'x' }]);
    expect(() => assertValidReport(corrupt(report) as unknown as Report)).toThrow(message);
  });
});
