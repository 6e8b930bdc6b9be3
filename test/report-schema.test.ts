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
});
