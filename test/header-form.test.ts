import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, defineDataset, field, fix, readCsv, readJson, readXlsx, toJson, validate } from '../src/index.js';
import type { Report } from '../src/index.js';
import { vietnameseFields } from './fixtures/parallel/vietnamese-fields.js';
import { NOW } from './_run.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';
import { shards, threads } from './_parallel-runs.js';

// A definition's field `Mã thửa` (typed composed) did not find the header cell `Mã thửa` written decomposed (macOS,
// some Windows exports), with a no-break space, or with spaces around it: every declared column was
// source.missing_column and the run failed (exit 3). The fields are now matched as a rename is (`headerName`).
const dir = mkdtempSync(join(tmpdir(), 'ddss-header-form-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const body = Array.from({ length: 3000 }, (_, i) =>
  `T${i % 2999},${i % 1000},${i % 7 === 0 ? '' : `Nguyễn Văn ${i}`}\n`).join('');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const headers = {
  'as declared': 'Mã thửa,Diện tích,Chủ sử dụng',
  'accents decomposed (NFD)': 'Mã thửa,Diện tích,Chủ sử dụng'.normalize('NFD'),
  'a no-break space inside a name': 'Mã thửa,Diện\u00A0tích,Chủ\u00A0sử dụng',
  'spaces around names': ' Mã thửa ,Diện tích  ,  Chủ sử dụng',
  // The file's own byte order mark is the reader's to strip; one inside the line is a second export's (files joined).
  'a byte order mark inside the line and a tab': '\uFEFFMã thửa\t,\uFEFFDiện tích,Chủ sử dụng',
};
const files = Object.fromEntries(Object.entries(headers).map(([k, h], i) => [k, file(`h${i}.csv`, `${h}\n${body}`)]));

const run = (path: string, workers: number) => threads(vietnameseFields, path, workers, { timed: true });
const sharded = (path: string, n: number) => shards(vietnameseFields, path, n);

const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id);
/** The report without the header's own findings: what the data says, which must not depend on the header's form. */
const data = (r: Report) => toJson({ ...r, rules: r.rules.filter((x) => x.id !== 'source.header_form'), source: null });

describe('declared fields find their header cells whatever the form of the names', () => {
  it.each(Object.keys(headers).slice(1))('%s: every field is read, as from the header as declared', async (name) => {
    const asDeclared = (await run(files['as declared'] as string, 1)).report;
    const { report } = await run(files[name] as string, 1);
    expect(rule(report, 'source.missing_column')).toBeUndefined();
    expect(rule(report, 'source.unexpected_column')).toBeUndefined();
    expect(report.status).toBe(asDeclared.status);
    expect(report.score).toBe(asDeclared.score);
    expect(rule(report, 'Mã thửa.unique')?.failed).toBe(rule(asDeclared, 'Mã thửa.unique')?.failed);
    expect(rule(report, 'Chủ sử dụng.required')?.failed).toBe(429);
    expect(data(report)).toBe(data(asDeclared));
  }, 60_000);

  it('a header cell read as a field by its form is an info finding naming the field and the cell as written', async () => {
    expect(rule((await run(files['as declared'] as string, 1)).report, 'source.header_form')).toBeUndefined();
    const cells = (name: string) => (headers[name as keyof typeof headers]).split(',');
    const expected: Record<string, readonly number[]> = {
      'accents decomposed (NFD)': [0, 1, 2], 'a no-break space inside a name': [1, 2], 'spaces around names': [0, 1, 2],
      'a byte order mark inside the line and a tab': [0, 1],
    };
    for (const [name, columns] of Object.entries(expected)) {
      const { report } = await run(files[name] as string, 1);
      const form = rule(report, 'source.header_form');
      expect(form, name).toMatchObject({ severity: 'info', failed: columns.length });
      expect(form?.samples.map((s) => [s.line, s.field, s.value]), name)
        .toEqual(columns.map((c) => [1, Object.keys(vietnameseFields.fields)[c], cells(name)[c]?.replace(/^\uFEFF(?=Mã)/, '')]));
    }
  }, 60_000);

  it.each(Object.keys(headers))('%s: 2 threads and 3 shards give the one-thread report and violations byte for byte', async (name) => {
    const path = files[name] as string;
    const one = await run(path, 1);
    const two = await run(path, 2);
    expect(two.threads).toBe(2);
    expect(toJson(two.report)).toBe(toJson(one.report));
    expect(two.found).toEqual(one.found);
    expect(toJson(await sharded(path, 3))).toBe(toJson(one.report));
  }, 120_000);

  it('two header cells that are one field but for their form: duplicate_header, the field read from the first', async () => {
    const path = file('twice.csv', `Mã thửa,Diện tích,Chủ sử dụng,${'Mã thửa'.normalize('NFD')}\nT1,10,An,X2\n`);
    const { report } = await run(path, 1);
    expect(rule(report, 'source.duplicate_header')).toMatchObject({ failed: 1 });
    expect(rule(report, 'source.duplicate_header')?.samples[0]?.field).toBe('Mã thửa');
    expect(rule(report, 'source.header_form')).toBeUndefined();
    expect(rule(report, 'Mã thửa.pattern')?.failed).toBe(0);
  });

  it('JSON keys are not matched by form: a decomposed key is a missing column, as before', async () => {
    const path = file('nfd.json', JSON.stringify([{ ['Mã thửa'.normalize('NFD')]: 'T1', 'Diện tích': 1, 'Chủ sử dụng': 'An' }]));
    const report = await validate(vietnameseFields, readJson(path), { now: NOW });
    expect(rule(report, 'source.missing_column')?.samples.map((s) => s.field)).toEqual(['Mã thửa']);
  });
});

describe('declared fields matched by form in every path that reads a header', () => {
  const asDeclared = 'Mã thửa,Diện tích,Chủ sử dụng\nT1,10,An\nT2,20,Bình\n';
  const nfd = asDeclared.normalize('NFD').replace(/\n.*$/s, '\n') + 'T1,10,An\nT2,21,Bình\n';
  afterAll(removeWorkbooks);

  it('an .xlsx sheet whose header row is written decomposed', async () => {
    const path = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(nfd.trimEnd().split('\n').map((l) => l.split(','))));
    const report = await validate(vietnameseFields, readXlsx(path), { now: NOW });
    expect(rule(report, 'source.missing_column')).toBeUndefined();
    expect(rule(report, 'source.header_form')).toMatchObject({ severity: 'info', failed: 3 });
    expect(report.status).toBe('passed');
  });

  it('compare with a dataset: the decomposed copy is compared column by column under the declared names', async () => {
    const report = await compare(readCsv(file('cmp-a.csv', asDeclared)), readCsv(file('cmp-b.csv', nfd)),
      { key: 'Mã thửa', dataset: vietnameseFields });
    expect(report.columnsOnlyIn).toEqual({ source: [], copy: [] });
    expect(report.counts).toMatchObject({ matched: 1, changed: 1, missing: 0, extra: 0 });
    expect(report.columns['Diện tích']).toEqual({ changed: 1 });
  });

  it('fix: the records of a decomposed header are found and fixed, the header written as it was', async () => {
    const owners = defineDataset({ name: 'owners', fields: { 'Mã thửa': field.text().required(), 'Chủ sử dụng': field.text().trimmed() } });
    const header = 'Mã thửa,Chủ sử dụng'.normalize('NFD');
    const chunks: Uint8Array[] = [];
    const result = await fix(owners, Buffer.from(`${header}\nT1, An \n`), { now: NOW, write: (c) => { chunks.push(c); } });
    expect(rule(result.before, 'source.missing_column')).toBeUndefined();
    expect(result.fixed).toBe(1);
    expect(Buffer.concat(chunks).toString()).toBe(`${header}\nT1,An\n`);
  });
});
