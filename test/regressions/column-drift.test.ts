/**
 * Issue "Never a false passed", item 9: column drift gives structural findings instead of silently missing cells.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../src/index.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';
import { ruleOf } from '../_run.js';
import { afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { cli, scratch } from '../fixtures/cli/harness.js';
import { parseDefinition } from '../../src/declarative/parse-definition.js';
import { columnLines } from '../../src/cli/_column-lines.js';
import type { Report } from '../../src/core/types.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const csv = (text: string) => readCsv((async function* () { yield new TextEncoder().encode(text); })());
const def = (columns?: 'strict' | 'ignore') => defineDataset({
  name: 'register',
  ...(columns === undefined ? {} : { columns }),
  fields: {
    tax_code: field.text().required(),
    province_code: field.text(),
    updated_at: field.datetime(),
  },
});

describe('column drift', () => {
  it('names every declared field absent from the header, optional or required, with the near header as suggestion', async () => {
    const report = await validate(def(), csv('tax_code,Updated_At,Mã tỉnh\n0100109106,2026-11-01,01\n'), { now: NOW });
    const missing = ruleOf(report, 'source.missing_column');
    expect(missing).toMatchObject({ criterion: 'sufficient', severity: 'error', level: 'table', checked: 3, failed: 2 });
    expect(missing.samples.map((s) => [s.field, s.suggestion])).toEqual([['province_code', undefined], ['updated_at', 'Updated_At']]);
    const unexpected = ruleOf(report, 'source.unexpected_column');
    expect(unexpected).toMatchObject({ criterion: 'clean', severity: 'warning', checked: 3, failed: 2 });
    expect(unexpected.samples.map((s) => s.value)).toEqual(['Updated_At', 'Mã tỉnh']);
    expect(report.status).toBe('failed');
  });

  it.each([
    ['Tax_Code', 'tax_code'], ['tax code', 'tax_code'], ['TAX-CODE', 'tax_code'], ['taxcode', 'tax_code'],
    ['tax_cod', 'tax_code'], ['updated at', 'updated_at'], ['provinse_code', 'province_code'],
  ])('suggests %s for the missing %s', async (header, wanted) => {
    const others = ['tax_code', 'province_code', 'updated_at'].filter((f) => f !== wanted);
    const report = await validate(def(), csv(`${[header, ...others].join(',')}\nx,y,z\n`), { now: NOW });
    expect(ruleOf(report, 'source.missing_column').samples.map((s) => [s.field, s.suggestion])).toEqual([[wanted, header]]);
  });

  it('columns: ignore reports no unexpected column, but still every missing one', async () => {
    const report = await validate(def('ignore'), csv('tax_code,extra\n0100109106,1\n'), { now: NOW });
    expect(report.rules.some((r) => r.id === 'source.unexpected_column')).toBe(false);
    expect(ruleOf(report, 'source.missing_column').failed).toBe(2);
  });

  it('a ;-separated file read with , says which delimiter the file seems to use', async () => {
    const report = await validate(def(), csv('tax_code;province_code;updated_at\n0100109106;01;2026-11-01\n'), { now: NOW });
    const hint = ruleOf(report, 'source.delimiter_mismatch');
    expect(hint).toMatchObject({ level: 'table', checked: 1, failed: 1 });
    expect(hint.samples[0]).toMatchObject({ code: 'delimiter_mismatch', suggestion: ';' });
    // No declared field is a column of what was read: not evaluated (docs/cli.md, exit 3), whatever rules counted.
    expect([report.status, report.error]).toEqual(['error', 'nothing to evaluate: none of the 3 declared fields is a column of the input']);
  });

  it('a header with every declared column reports no column finding', async () => {
    const report = await validate(def(), csv('updated_at,tax_code,province_code\n2026-11-01T00:00:00Z,0100109106,01\n'), { now: NOW });
    expect(report.rules.filter((r) => r.id.startsWith('source.'))).toEqual([]);
    expect(report.status).toBe('passed');
  });
});

describe('the CLI says which delimiter a one-column file seems to use', () => {
  const tmp = scratch();
  afterAll(() => tmp.remove());

  it.each([[';', "--delimiter ';'"], ['\t', '--delimiter tab']])('"%s": one line on stderr naming the flag', async (d, flag) => {
    const path = tmp.path(`d${d.charCodeAt(0)}.csv`);
    writeFileSync(path, ['parcel_id', 'owner_id', 'owner_name'].join(d) + '\n' + ['P-001', '001099012345', 'An'].join(d) + '\n');
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', '--now', '2026-11-22']);
    expect(r.code).toBe(3); // no declared field is a column of what was read: not evaluated
    expect(r.stderr.split('\n').filter((l) => l.includes('--delimiter'))).toEqual([expect.stringContaining(`declare ${flag}`)]);
  });
});

describe('a YAML definition sets columns and timeZone as TypeScript does', () => {
  const yaml = (extra: string) => parseDefinition(`name: r\n${extra}fields:\n  id: { type: text }\n  on: { type: date, format: dd/MM/yyyy, notInFuture: true }\n`,
    { format: 'yaml', file: 'def.yaml' });
  const rows = () => csv('id,on,extra\na,15/03/2026,x\n');

  it('columns: ignore drops unexpected_column; the default reports it', async () => {
    const strict = await validate(yaml(''), rows(), { now: NOW });
    const ignore = await validate(yaml('columns: ignore\n'), rows(), { now: NOW });
    expect(strict.rules.some((r) => r.id === 'source.unexpected_column')).toBe(true);
    expect(ignore.rules.some((r) => r.id === 'source.unexpected_column')).toBe(false);
  });

  it('timeZone decides which day now is', async () => {
    const now = '2026-03-14T20:00:00Z'; // 15 March in Hà Nội
    const utc = await validate(yaml('columns: ignore\n'), rows(), { now });
    const hanoi = await validate(yaml('columns: ignore\ntimeZone: Asia/Ho_Chi_Minh\n'), rows(), { now });
    expect(ruleOf(utc, 'on.notInFuture').failed).toBe(1);
    expect(ruleOf(hanoi, 'on.notInFuture').failed).toBe(0);
  });

  it('a bad value names its path', () => {
    expect(() => yaml('columns: loose\n')).toThrow(/columns/);
    expect(() => yaml('timeZone: Mars/Base\n')).toThrow(/time ?zone/i);
  });
});

describe('a renamed column is named, with its near name, even for a personal field', () => {
  const tmp = scratch();
  afterAll(() => tmp.remove());

  it('the suggestion is the header\'s own text, unmasked (it is a column name, not a value), and the CLI says it', async () => {
    const path = tmp.path('renamed.csv');
    writeFileSync(path, 'parcel_id,Owner ID,owner_name,area_m2,issued_on\nP-001,001099012345,An,12,15/01/2020\n');
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', '--now', '2026-11-22', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { rules: Array<{ id: string; samples: Array<{ field?: string; suggestion?: string }> }> };
    const missing = report.rules.find((x) => x.id === 'source.missing_column');
    expect(missing?.samples).toEqual([expect.objectContaining({ field: 'owner_id', suggestion: 'Owner ID' })]);
    expect(r.stderr).toContain('ddss: 1 declared column is not in the header: owner_id (the header has "Owner ID") (source.missing_column); ' +
      'read it as the declared name with --rename "Owner ID=owner_id"\n');
    // NDJSON: the records' keys are its columns (a renamed property passed before, its rules skipped).
    const nd = tmp.path('renamed.ndjson');
    writeFileSync(nd, '{"parcel_id":"P-001","Owner ID":"001099012345","owner_name":"An","area_m2":12,"issued_on":"15/01/2020"}\n');
    const j = await cli(['validate', nd, '--dataset', 'parcels.yaml', '--now', '2026-11-22']);
    expect(j.code).toBe(1);
    expect(j.stderr).toContain('ddss: 1 declared column is a key of no record: owner_id (the records have "Owner ID") (source.missing_column)\n');
    expect(r.stdout).not.toContain('001099012345');
  });

  // For a postgresql:// input the hint said --rename, which the CLI then refused for a database ("--rename applies to
  // files"): a column of a table is read under another name by an alias in --query.
  it('for a database table, the hint is an alias in --query', async () => {
    const path = tmp.path('renamed.csv');
    writeFileSync(path, 'parcel_id,Owner ID,owner_name,area_m2,issued_on\nP-001,001099012345,An,12,15/01/2020\n');
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', '--now', '2026-11-22', '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(columnLines({ ...report, source: { ...report.source, kind: 'postgres' } }, true, true, {})).toEqual([
      'ddss: 1 declared column is not in the header: owner_id (the header has "Owner ID") (source.missing_column); ' +
      'read it as the declared name with an alias in --query: SELECT "Owner ID" AS owner_id, … FROM …']);
  });
});
