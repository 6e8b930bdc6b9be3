/**
 * Issue "Never a false passed", item 10 (scores): a rule or parser error, or a partial read, never leaves a score
 * above what was measured.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../src/index.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');

describe('scores of what could not be measured', () => {
  it('a criterion whose only rule threw has no score, and neither has the dataset', async () => {
    const def = defineDataset({
      name: 'd',
      fields: { a: field.text().check('explodes', () => { throw new Error('boom'); }), b: field.text().trimmed() },
    });
    const report = await validate(def, [{ a: 'x', b: 'y' }, { a: 'z', b: 'w' }], { now: NOW });
    expect(report.status).toBe('error');
    expect(report.criteria.correct.score).toBeNull();
    expect(report.criteria.clean.score).toBe(1); // measured, and unaffected by the other rule's error
    expect(report.score).toBeNull();
    expect(report.error).toBe('rule a.explodes could not run: boom (row 0)');
  });

  it('a partial read has no scores at all, though the rows read were evaluated', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text().required() } });
    const broken = (async function* () {
      yield new TextEncoder().encode('id\n1\n2\n');
      throw new Error('disk went away');
    })();
    const report = await validate(def, readCsv(broken, { batchSize: 1 }), { now: NOW });
    expect([report.status, report.partial, report.rows, report.score]).toEqual(['error', true, 2, null]);
    expect(report.criteria.sufficient).toEqual({ score: null, rowPassRate: null, tableScore: null, failedRows: 0 });
    expect(report.error).toMatch(/^the input could not be read completely: .*disk went away/);
  });
});
