/**
 * Issue "Never a false passed", item 8: a run in which no rule checked anything is not "passed".
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, formatSummary, rule, toHtml, toJUnit, toMarkdown, validate } from '../../src/index.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';
import { ruleOf } from '../_run.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const csv = (text: string) => readCsv((async function* () { yield new TextEncoder().encode(text); })());
const parcels = defineDataset({
  name: 'parcels',
  fields: { parcel_id: field.text().required().unique(), area_m2: field.number().min(0), updated_at: field.datetime() },
});

describe('nothing evaluated', () => {
  it('a header-only file is status error, "nothing to evaluate: 0 data rows", with no score', async () => {
    const report = await validate(parcels, csv('parcel_id,area_m2,updated_at\n'), { now: NOW });
    expect([report.status, report.partial, report.rows, report.score]).toEqual(['error', false, 0, null]);
    expect(report.error).toBe('nothing to evaluate: 0 data rows');
  });

  it('with rowCount({ min: 1 }) the same file is the usual failed', async () => {
    const def = defineDataset({ name: 'p', fields: { parcel_id: field.text().required() }, rules: [rule.rowCount({ min: 1 })] });
    const report = await validate(def, csv('parcel_id\n'), { now: NOW });
    expect(report.status).toBe('failed');
    expect(report.error).toBeUndefined();
    expect(ruleOf(report, 'rowCount').status).toBe('failed');
  });

  it('a header sharing no column with the definition is an error naming why, not a pass', async () => {
    const def = defineDataset({ name: 'p', fields: { parcel_id: field.text(), area_m2: field.number() } });
    const report = await validate(def, csv('ma_thua,dien_tich\nT1,10\nT2,20\n'), { now: NOW });
    expect(report.status).toBe('error');
    expect(report.error).toBe('nothing to evaluate: none of the 2 declared fields is a column of the input');
    expect(ruleOf(report, 'source.missing_column').failed).toBe(2);
  });

  it('so is such a header when a rule reads raw cells or counts rows (excelSerialIn "passed" every row of it)', async () => {
    const { landParcels } = await import('../../rules/datasets/land-parcels.js');
    const report = await validate(landParcels, csv('a,b\n1,2\n3,4\n'), { now: NOW });
    expect([report.status, report.error]).toEqual(['error', 'nothing to evaluate: none of the 20 declared fields is a column of the input']);
  });

  // Above no rows the same header was a plain "failed" for the row count (exit 1), where it is not evaluated with rows.
  it.each([['another header', 'a,b\n'], ['only blank lines', '\n\n\n']])('so is %s above no rows', async (_, text) => {
    const { landParcels } = await import('../../rules/datasets/land-parcels.js');
    const report = await validate(landParcels, csv(text), { now: NOW });
    expect([report.rows, report.status, report.error])
      .toEqual([0, 'error', 'nothing to evaluate: none of the 20 declared fields is a column of the input']);
    // A header of the definition's own names above no rows is still the row count's failure.
    const own = await validate(landParcels, csv(`${Object.keys(landParcels.fields).join(',')}\n`), { now: NOW });
    expect([own.status, own.error, ruleOf(own, 'rowCount').status]).toEqual(['failed', undefined, 'failed']);
  });

  it('an empty array is an error too: the engine does not care where rows come from', async () => {
    const report = await validate(parcels, [], { now: NOW });
    expect([report.status, report.error]).toEqual(['error', 'nothing to evaluate: 0 data rows']);
  });

  it('no output says "Every rule passed" for a run that checked nothing, and JUnit carries an error', async () => {
    const report = await validate(parcels, csv('parcel_id,area_m2,updated_at\n'), { now: NOW });
    for (const text of [formatSummary(report), toHtml(report), toMarkdown(report)]) {
      expect(text).not.toContain('Every rule passed');
      expect(text).toContain('nothing to evaluate: 0 data rows');
    }
    expect(formatSummary(report, { locale: 'vi' })).not.toContain('Tất cả quy tắc đều đạt');
    expect(toJUnit(report)).toMatch(/<error message="nothing to evaluate: 0 data rows"/);
  });

  it('says it could not be evaluated once, with its reason: the verdict line repeated the reason line', async () => {
    const report = await validate(parcels, csv('parcel_id,area_m2,updated_at\n'), { now: NOW });
    for (const text of [formatSummary(report), toHtml(report), toMarkdown(report)]) {
      expect(text.match(/could not be evaluated/g)).toHaveLength(1);
      expect(text).toContain('Not evaluated (the reason follows).');
    }
    const vi = formatSummary(report, { locale: 'vi' });
    expect(vi).toContain('Không đánh giá được (lý do ở dưới).');
    expect(vi.match(/Không đánh giá được tập dữ liệu/g)).toHaveLength(1);
  });
});

// A row that is not an object, an array or a Map (a number, a string, null) read as a row with every field missing,
// so `validate(d, [{ id: 'a' }, 42, 'x'])` passed with nothing said of 42 and 'x'.
describe('rows that are not records', () => {
  it('are counted as rows that fail source.non_object_element, naming their type', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text() } });
    const report = await validate(def, [{ id: 'a' }, 42, 'x', null], { now: NOW });
    expect(report.status).toBe('failed');
    const rule = ruleOf(report, 'source.non_object_element');
    expect([rule.failed, rule.samples.map((s) => [s.row, s.value])]).toEqual([3, [[1, '42'], [2, 'x'], [3, undefined]]]);
  });
});
