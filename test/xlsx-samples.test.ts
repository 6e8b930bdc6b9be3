import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defineDataset, field, readCsv, readXlsx, validate, type DatasetDefinition, type Report, type Violation } from 'ddss';
import { insuranceParticipants, landParcels } from 'ddss/datasets';
import { vn } from 'ddss/vn';
import { csvAsWorkbook, patchEntry, prefixedXml, removeWorkbooks, rewriteWorkbook, writeWorkbook } from './_workbook.js';
import { cli, NOW } from './fixtures/cli/harness.js';

afterAll(removeWorkbooks);

const file = (p: string): string => fileURLToPath(new URL(`../examples/${p}`, import.meta.url));
const now = '2026-11-22';

async function run(def: DatasetDefinition, source: Parameters<typeof validate>[1]) {
  const seen: Violation[] = [];
  const report = await validate(def, source, { now, onViolation: (v) => seen.push(v) });
  return { report, seen };
}

/** The report without the description of its source (kind, name, bytes differ between a CSV and a workbook). */
const body = (r: Report): Omit<Report, 'source'> => {
  const { source, ...rest } = r;
  void source;
  return rest;
};

describe.each([
  ['land/parcels.csv', landParcels, 'Sổ địa chính'],
  ['insurance/participants.csv', insuranceParticipants, 'Danh sách'],
] as const)('the sample %s written as a workbook of text cells', (csv, def, sheet) => {
  it('gives the report of the CSV, rule by rule (counts, samples, scores)', async () => {
    const xlsx = await csvAsWorkbook(file(csv), sheet);
    const a = await run(def, readCsv(file(csv)));
    const b = await run(def, readXlsx(xlsx, { sheet }));
    expect(b.report.partial).toBe(false);
    expect(b.report.rows).toBe(a.report.rows);
    expect(a.report.rules.length).toBeGreaterThan(0);
    expect(body(b.report)).toEqual(body(a.report));
    expect(b.seen).toEqual(a.seen);
    expect(b.report.source).toMatchObject({ kind: 'xlsx', records: a.report.source?.records });
  });

  it('gives the same report written as the .NET Open XML SDK writes (elements named x:…; exceljs read no row of it)', async () => {
    const xlsx = await csvAsWorkbook(file(csv), sheet);
    const dotnet = await rewriteWorkbook(xlsx, (name, text) => (/\.(xml|rels)$/.test(name) ? prefixedXml(text) : undefined), { excelOrder: true });
    const a = await run(def, readXlsx(xlsx, { sheet }));
    const b = await run(def, readXlsx(dotnet, { sheet }));
    expect(b.report.partial).toBe(false);
    expect(b.report.rows).toBeGreaterThan(0);
    expect(body(b.report)).toEqual(body(a.report));
    expect(b.seen).toEqual(a.seen);
  });
});

describe('Excel damage in a workbook', () => {
  it('an identifier stored as a number is reported with its digits recovered', async () => {
    const xlsx = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id'], [1089012345], ['001089012345']]);
    });
    const def = defineDataset({ name: 'ids', fields: { id: field.text().use(vn.cccd()) } });
    const { seen } = await run(def, readXlsx(xlsx));
    expect(seen.map((v) => [v.rule, v.code, v.suggestion, v.line])).toEqual([['id.cccd', 'leading_zero_lost', '001089012345', 2]]);
  });
});

describe('findings about cells', () => {
  it('error cells and formulas without a value are source rules with messages naming the cell', async () => {
    const xlsx = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'name'], ['1', { error: '#N/A' }], ['2', { formula: 'UPPER(A3)' }]]);
    });
    const def = defineDataset({ name: 'cells', fields: { id: field.text(), name: field.text() } });
    const { seen } = await run(def, readXlsx(xlsx));
    expect(seen.map((v) => [v.rule, v.line, v.message])).toEqual([
      ['source.error_cell', 2, 'name: cell B2 holds the Excel error #N/A'],
      ['source.formula_without_value', 3,
        'name: cell B3 holds the formula =UPPER(A3) with no saved result (recalculate and save the workbook in Excel)'],
    ]);
  });

  it('a formula quoting a personal value is masked in the message like the value itself', async () => {
    const xlsx = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'name'], ['1', { formula: '"Nguyễn "&"Văn An"' }]]);
    });
    const def = defineDataset({ name: 'people', fields: { id: field.text(), name: field.text().pii() } });
    const masked = (await run(def, readXlsx(xlsx))).seen.map((v) => v.message);
    expect(masked).toHaveLength(1);
    expect(masked[0]).toMatch(/^name: cell B2 holds the formula =.* with no saved result/);
    expect(masked[0]).not.toMatch(/Nguyễn|Văn|An"/);
    const seen: Violation[] = [];
    await validate(def, readXlsx(xlsx), { now, showValues: true, onViolation: (v) => seen.push(v) });
    expect(seen.map((v) => v.message)).toEqual([
      'name: cell B2 holds the formula ="Nguyễn "&"Văn An" with no saved result (recalculate and save the workbook in Excel)']);
  });
});

describe('ddss validate on a workbook', () => {
  it('reads the sheet named by --sheet, and a missing sheet is exit 3 naming the sheets', async () => {
    const xlsx = await csvAsWorkbook(file('land/parcels.csv'), 'Sổ địa chính');
    const csvRun = await cli(['validate', file('land/parcels.csv'), '--dataset', 'land-parcels', '--format', 'json', ...NOW]);
    const ok = await cli(['validate', xlsx, '--sheet', 'Sổ địa chính', '--dataset', 'land-parcels', '--format', 'json', ...NOW]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(csvRun.code);
    const [x, c] = [JSON.parse(ok.stdout) as Report, JSON.parse(csvRun.stdout) as Report];
    expect(body(x)).toEqual(body(c));
    const missing = await cli(['validate', xlsx, '--sheet', 'Sheet1', '--dataset', 'land-parcels', ...NOW]);
    expect(missing.code).toBe(3);
    expect(missing.stdout + missing.stderr).toContain('no sheet "Sheet1" in the workbook; its sheets: "Ghi chú", "Sổ địa chính"');
  });
});

describe('ddss validate on a workbook that cannot be read', () => {
  it.each([
    ['a sheet cut short inside a valid zip (it was exit 1, scored on the rows before the cut)',
      (path: string) => rewriteWorkbook(path, (name, text) => (name === 'xl/worksheets/sheet2.xml' ? text.slice(0, text.length / 2) : undefined)),
      /could not read w\d+\.xlsx: the workbook is damaged: the sheet "Sổ địa chính" \(xl\/worksheets\/sheet2\.xml\) ends before its XML does/],
    ['a sheet whose deflate data is damaged (it was "the run stopped before it finished", blaming the definition)',
      async (path: string) => {
        const copy = await rewriteWorkbook(path, () => undefined);
        patchEntry(copy, 'xl/worksheets/sheet2.xml', (data) => { data[0] = 0x07; });
        return copy;
      },
      /could not read w\d+\.xlsx: the workbook is damaged: the sheet file xl\/worksheets\/sheet2\.xml cannot be decompressed/],
  ])('%s is exit 3, the report not scored, naming the sheet', async (_, damage, message) => {
    const xlsx = await damage(await csvAsWorkbook(file('land/parcels.csv'), 'Sổ địa chính'));
    const r = await cli(['validate', xlsx, '--sheet', 'Sổ địa chính', '--dataset', 'land-parcels', '--format', 'json', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.partial).toBe(true);
    expect(report.score).toBeNull();
  });

  it('a missing .xlsx file is exit 3 with the reason in words, not a hang', async () => {
    const r = await cli(['validate', 'no-such.xlsx', '--dataset', 'land-parcels', ...NOW]);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', 'ddss: cannot read "no-such.xlsx": file not found\n']);
  });
});
