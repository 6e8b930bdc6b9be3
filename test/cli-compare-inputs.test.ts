import { symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';
import type { ComparisonReport } from '../src/compare/types.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());
afterAll(() => removeWorkbooks());

const SOURCE = 'id,name\n1,An\n2,Bo\n3,Chi\n';
const written = (name: string, text: string | Buffer): string => {
  writeFileSync(tmp.path(name), text);
  return tmp.path(name);
};
type Rows = readonly (readonly string[])[];
/** A workbook of named sheets, each given as rows. */
const book = (sheets: Readonly<Record<string, Rows>>): Promise<string> =>
  writeWorkbook((wb) => { for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows); });
const rows = (csv: string): Rows => csv.trimEnd().split('\n').map((l) => l.split(','));
/** This year's export: record 2 renamed, record 3 gone. */
const COPY = 'id,name\n1,An\n2,Bé\n';
const counts = (stdout: string): unknown => (JSON.parse(stdout) as ComparisonReport).counts;
const CHANGED = { matched: 1, changed: 1, missing: 1, extra: 0, duplicateKeys: 0 };

// compare told formats by its own table of extensions, without .xlsx: `ddss compare last.xlsx this.xlsx` was "cannot
// tell the format", --input-format xlsx forced both files to be workbooks, and there was no --sheet or --range.
describe('ddss compare reads its files as validate does', () => {
  it.each([
    ['two workbooks, told by their extension', async () => [await book({ S: rows(SOURCE) }), await book({ S: rows(COPY) })]],
    ['a CSV against a workbook', async () => [written('a.csv', SOURCE), await book({ S: rows(COPY) })]],
    ['a workbook against NDJSON', async () => [await book({ S: rows(SOURCE) }), written('b.jsonl', '{"id":"1","name":"An"}\n{"id":"2","name":"Bé"}\n')]],
    ['--sheet: the sheet of the workbook, beside a CSV file', async () => [written('a.csv', SOURCE),
      await book({ Cover: [['x']], 'Năm 2025': rows(COPY) }), '--sheet', 'Năm 2025']],
    ['--sheet-source and --sheet-copy: each workbook its own sheet', async () => [await book({ '2024': rows(SOURCE) }),
      await book({ Cover: [['x']], '2025': rows(COPY) }), '--sheet-source', '2024', '--sheet-copy', '2025']],
    ['--range-source: a title above last year\'s table', async () => [await book({ S: [['DANH SÁCH'], ...rows(SOURCE)] }),
      await book({ S: rows(COPY) }), '--range-source', '2:1048576']],
    ['--range for both workbooks', async () => [await book({ S: [['DANH SÁCH'], ...rows(SOURCE)] }),
      await book({ S: [['DANH SÁCH'], ...rows(COPY)] }), '--range', '2:1048576']],
    ['--delimiter for the CSV file beside a workbook', async () => [written('a.csv', SOURCE.replace(/,/g, ';')),
      await book({ S: rows(COPY) }), '--delimiter', ';']],
    ['a .tab file', async () => [written('a.tab', SOURCE.replace(/,/g, '\t')), written('b.csv', COPY)]],
  ])('%s', async (_name, args) => {
    const r = await cli(['compare', ...await args(), '--key', 'id', '--format', 'json']);
    expect([r.code, r.stderr, counts(r.stdout)]).toEqual([1, '', CHANGED]);
  });

  it('refuses a gzip file as validate does (source.binary_input, exit 3)', async () => {
    const r = await cli(['compare', written('a.csv', SOURCE), written('b.csv', gzipSync(COPY)), '--key', 'id', '--format', 'json']);
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as ComparisonReport).sourceIssues.copy).toEqual({ binary_input: 1 });
  });

  it.each([
    ['an .xls workbook', ['b.xls'], 'ddss: "b.xls" is an Excel 97–2003 workbook (.xls), which ddss does not read; open it in Excel and save it as .xlsx\n'],
    ['--sheet for two CSV files', ['b.csv', '--sheet', 'S'], 'ddss: --sheet applies to .xlsx workbooks, not csv\n'],
    ['--range for CSV and NDJSON', ['b.ndjson', '--range', 'A1:B2'], 'ddss: --range applies to .xlsx workbooks, not csv and ndjson\n'],
    ['--sheet-source for a CSV source', ['b.xlsx', '--sheet-source', 'S'], 'ddss: --sheet-source applies to .xlsx workbooks, not csv (the source)\n'],
    ['--sheet-copy with no name', ['b.xlsx', '--sheet-copy', ' '], 'ddss: --sheet-copy needs a sheet name\n'],
    ['--range-copy not in A1 notation', ['b.xlsx', '--range-copy', 'A2:'], 'ddss: --range-copy: the range "A2:" is not in A1 notation (such as A3:F2000, B:F or 2:500)\n'],
    ['--sheet beside --sheet-copy', ['b.xlsx', '--sheet', 'S', '--sheet-copy', 'T'], 'ddss: --sheet and --sheet-copy both give the copy\'s sheet: ' +
      'give --sheet for both workbooks, or --sheet-source and --sheet-copy\n'],
    ['--encoding with no CSV file', ['b.xlsx', '--input-format', 'xlsx', '--encoding', 'tcvn3'], 'ddss: --encoding applies to CSV input, not xlsx (a workbook keeps its text as Unicode)\n'],
    // Each file's own --encoding, --delimiter and --input-format, checked as validate checks the flag.
    ['--encoding-copy for a workbook copy', ['b.xlsx', '--encoding-copy', 'tcvn3'], 'ddss: --encoding-copy applies to CSV input, not xlsx (the copy; a workbook keeps its text as Unicode)\n'],
    ['--encoding-copy for a JSON copy', ['b.json', '--encoding-copy', 'vni'], 'ddss: --encoding-copy applies to CSV input, not json (the copy; JSON is UTF-8)\n'],
    ['--delimiter-source for a source read as a workbook', ['b.csv', '--input-format-source', 'xlsx', '--delimiter-source', ';'],
      'ddss: --delimiter-source applies to CSV input, not xlsx (the source)\n'],
    ['--encoding-source that ddss does not read', ['b.csv', '--encoding-source', 'utf-7'],
      'ddss: --encoding-source "utf-7" is not supported; use one of utf8, utf16le, utf16be, windows-1258, tcvn3, vni\n'],
    ['--encoding-copy with no value', ['b.csv', '--encoding-copy', ' '], 'ddss: --encoding-copy needs a value\n'],
    ['--delimiter-copy of two characters', ['b.csv', '--delimiter-copy', ';;'],
      'ddss: --delimiter-copy must be one character other than a quote or line break (\\t for tab), got ";;"\n'],
    ['--input-format-copy that is no format', ['b.csv', '--input-format-copy', 'xls'],
      'ddss: --input-format-copy must be one of csv, tsv, json, ndjson, xlsx, got "xls"\n'],
    ['--encoding beside --encoding-source', ['b.csv', '--encoding', 'tcvn3', '--encoding-source', 'vni'], 'ddss: --encoding and ' +
      '--encoding-source both give the source\'s encoding: give --encoding for both CSV files, or --encoding-source and --encoding-copy\n'],
    ['--delimiter beside --delimiter-copy', ['b.csv', '--delimiter', ';', '--delimiter-copy', ','], 'ddss: --delimiter and ' +
      '--delimiter-copy both give the copy\'s delimiter: give --delimiter for both CSV files, or --delimiter-source and --delimiter-copy\n'],
    ['--input-format beside --input-format-copy', ['b.csv', '--input-format', 'csv', '--input-format-copy', 'tsv'], 'ddss: --input-format ' +
      'and --input-format-copy both give the copy\'s format: give --input-format for both files, or --input-format-source and --input-format-copy\n'],
  ])('%s is a usage error, before anything is read', async (_name, [copy, ...flags], stderr) => {
    const r = await cli(['compare', 'a.csv', copy as string, '--key', 'id', ...flags]);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
  });
});

// The error only listed the header ("key column "id" is not in the copy (its columns: ID, name)"): which near column,
// and which of --rename, --rename-source, --rename-copy or --key to give, was left to the user.
describe('a key or compared column a header lacks: the error says what to give', () => {
  it.each([
    ['the copy names the key otherwise', 'id,name\n1,An\n', 'ID,name\n1,An\n', ['--key', 'id'],
      'key column "id" is not in the copy (its columns: ID, name); the copy has "ID": read it as "id" with --rename-copy "ID=id"'],
    ['the source does (a Vietnamese export with spaces)', 'Parcel ID,name\nP1,An\n', 'parcel_id,name\nP1,An\n', ['--key', 'parcel_id'],
      'key column "parcel_id" is not in the source (its columns: Parcel ID, name); the source has "Parcel ID": read it as "parcel_id" ' +
      'with --rename-source "Parcel ID=parcel_id"'],
    ['each file otherwise', 'ID,name\n1,An\n', 'Id,name\n1,An\n', ['--key', 'id'],
      'key column "id" is not in the source (its columns: ID, name); nor in the copy; the source has "ID": read it as "id" with ' +
      '--rename-source "ID=id"; the copy has "Id": read it as "id" with --rename-copy "Id=id"'],
    ['--key misspells what both files have', 'id,name\n1,An\n', 'id,name\n1,An\n', ['--key', 'ID'],
      'key column "ID" is not in the source (its columns: id, name); nor in the copy; both files have "id": --key id'],
    ['a --columns column the copy names otherwise', 'id,owner_name\n1,An\n', 'id,Owner Name\n1,An\n', ['--key', 'id', '--columns', 'owner_name'],
      'compared column "owner_name" is not in the copy (its columns: id, Owner Name); the copy has "Owner Name": read it as "owner_name" ' +
      'with --rename-copy "Owner Name=owner_name"'],
    ['nothing near: the form of the rename', 'id,name\n1,An\n', 'Mã thửa,name\n1,An\n', ['--key', 'id'],
      'key column "id" is not in the copy (its columns: Mã thửa, name); if the copy names it otherwise, read that column as "id" with ' +
      '--rename-copy "COLUMN=id"'],
    ['a title above the table', 'id,name\n1,An\n', '"DANH SÁCH THỬA ĐẤT"\n\nid,name\n1,An\n', ['--key', 'id'],
      'key column "id" is not in the copy (its columns: DANH SÁCH THỬA ĐẤT); the header of the copy seems to be line 3 (it holds "id"); ' +
      'the lines above it are no data: remove them, or read from there: tail -n +3 "b.csv" | ddss compare "a.csv" - …'],
    ['a file separated by semicolons', 'id;name\n1;An\n', 'id,name\n1,An\n', ['--key', 'id'],
      'key column "id" is not in the source (its columns: id;name); the header of the source is one column: the file seems separated by \';\'; ' +
      'declare --delimiter-source \';\''],
    ['no header line: no cell of it is quoted', '079123456789,Nguyễn Văn An\n', 'ID,name\n1,An\n', ['--key', 'id'],
      'key column "id" is not in the source (its first line reads as a record, not a header: 0791******89, N***** V** A*); nor in the copy; ' +
      'the copy has "ID": read it as "id" with --rename-copy "ID=id"'],
  ])('%s', async (_name, source, copy, flags, message) => {
    const r = await cli(['compare', written('a.csv', source), written('b.csv', copy), ...flags], {});
    // Paths as the user typed them: the tests give absolute ones, the message quotes them as given.
    expect(r).toEqual({ code: 2, stdout: '', stderr: `ddss: ${message.replace('"b.csv"', JSON.stringify(tmp.path('b.csv')))
      .replace('"a.csv"', JSON.stringify(tmp.path('a.csv')))}\n` });
  });

  it.each([
    ['a JSON copy: the source\'s column renamed to its key instead', 'b.ndjson', '{"ID":"1"}\n',
      'the copy has "ID" (a JSON record\'s keys cannot be renamed): read the source\'s "id" as it with --rename-source "id=ID" and --key ID'],
    ['a workbook with a title: the range to read', 'b.xlsx', [['DANH SÁCH'], ['id', 'name'], ['1', 'An']],
      'the header of the copy seems to be row 2 of its sheet (it holds "id"): read from there with --range-copy 2:1048576'],
  ])('%s', async (_name, name, copy, hint) => {
    const path = typeof copy === 'string' ? written(name, copy) : await book({ S: copy });
    const r = await cli(['compare', written('a.csv', 'id,name\n1,An\n'), path, '--key', 'id']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddss: key column "id" is not in the copy \(its columns: [^)]*\); [^\n]+\n$/);
    expect(r.stderr.slice(r.stderr.indexOf('); ') + 3, -1)).toBe(hint);
  });

  it('following the hint compares the files', async () => {
    const r = await cli(['compare', written('a.csv', SOURCE), written('b.csv', COPY.replace('id,', 'ID,')), '--key', 'id',
      '--rename-copy', 'ID=id', '--format', 'json']);
    expect([r.code, r.stderr, counts(r.stdout)]).toEqual([1, '', CHANGED]);
  });
});

describe('two names of one file', () => {
  it.each([
    ['the same name twice', () => [written('a.csv', SOURCE), tmp.path('a.csv')], (a: string) => `("${a}")`],
    ['a link to the other', () => {
      symlinkSync(written('2025.csv', SOURCE), tmp.path('latest.csv'));
      return [tmp.path('latest.csv'), tmp.path('2025.csv')];
    }, () => `("${tmp.path('latest.csv')}" and "${tmp.path('2025.csv')}")`],
  ])('%s: compared (exit 0), and said on stderr', async (_name, files, names) => {
    const [a, b] = files();
    const r = await cli(['compare', a as string, b as string, '--key', 'id']);
    expect([r.code, r.stderr]).toEqual([0, `ddss: the source and the copy are one file ${names(a as string)}: it is compared with itself\n`]);
  });

  it('two files with the same contents are not one file', async () => {
    const r = await cli(['compare', written('a.csv', SOURCE), written('b.csv', SOURCE), '--key', 'id']);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});

// A JSON or workbook reader's error starts with "ddss: ", and the report put the side's name before it:
// "source: ddss: invalid JSON at byte 13 …" in the report's error, the summary and the stderr line.
describe('a file that cannot be read whole: its error is said once, without a second "ddss:"', () => {
  it.each([
    ['a JSON document cut short', 'a.json', '[{"id":"1","name":"An"},{"id":"2"'],
    ['a zero-byte workbook', 'a.xlsx', ''],
  ])('%s', async (_name, file, text) => {
    const r = await cli(['compare', written(file, text), written('b.csv', COPY), '--key', 'id', '--format', 'json']);
    const error = (JSON.parse(r.stdout) as ComparisonReport).error ?? '';
    expect([r.code, error.startsWith('source: '), error.includes('ddss:')]).toEqual([3, true, false]);
    expect(r.stderr).toMatch(/^ddss: could not read the whole input: source: (?!ddss:)/);
  });
});
