import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());
afterAll(() => removeWorkbooks());

const parcels = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');
const rows = parcels.trimEnd().split('\n').map((l) => l.split(','));

// An export that opens with a title above its table read as "none of the declared fields is a column" (exit 3),
// with nothing to say where the header was.
describe('a title above the header', () => {
  it('in a CSV file: the hint names the header line and how to read from there, and that command reads it', async () => {
    const path = tmp.path('title.csv');
    writeFileSync(path, `DANH SÁCH THỬA ĐẤT — XÃ A,,\n"Ngày lập: 01/12/2026",,\n${parcels}`);
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`ddss: the header seems to be line 3 (it names 5 of the 5 declared columns); the lines above it ` +
      `are no data: remove them, or read from there: tail -n +3 ${JSON.stringify(path)} | ddss validate - …\n`);
    const fromThere = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json'], {
      stdin: readFileSync(path, 'utf8').split('\n').slice(2).join('\n') });
    expect((JSON.parse(fromThere.stdout) as { rows: number }).rows).toBe(rows.length - 1);
  });

  it('in a CSV file: no --rename is suggested for the columns, which are there, further down', async () => {
    const path = tmp.path('title.csv');
    writeFileSync(path, `DANH SÁCH THỬA ĐẤT — XÃ A,,\n${parcels}`);
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    // Before: "…; read a column as a field with --rename "COLUMN=FIELD"", above the line saying where the header is.
    expect(r.stderr).toContain('ddss: 5 declared columns are not in the header: parcel_id, owner_id, owner_name, area_m2, ' +
      'issued_on (source.missing_column)\n');
    expect(r.stderr).not.toContain('--rename');
    expect(r.stderr).toContain('ddss: the header seems to be line 2');
  });

  // Some exports write Excel's delimiter directive on line 1 (`sep=;`), most often with semicolons (a decimal comma's
  // locale, as Vietnamese Excel's). It read as a header of one column; declaring --delimiter ';' then read `sep=` as the
  // header: two rounds before the command that reads the file.
  it.each([
    [';', "sep=;", " --delimiter ';'", 'ddss: the header is one column holding ";": the file seems separated by it; declare --delimiter \';\'\n'],
    ['\t', 'sep=\\t', ' --delimiter tab', ''],
    [',', 'sep=,', '', ''],
  ])('a "sep=" directive on line 1 (%j): the header below it, and the delimiter it names, in one hint', async (d, shown, flag, first) => {
    const path = tmp.path('sep.csv');
    writeFileSync(path, `sep=${d}\n${parcels.replaceAll(',', d)}`);
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(3);
    const hint = `ddss: the header seems to be line 2 (it names 5 of the 5 declared columns; line 1, "${shown}", is a spreadsheet's ` +
      `delimiter directive (Excel's), not a header); the lines above it are no data: remove them, or read from there: ` +
      `tail -n +2 ${JSON.stringify(path)} | ddss validate -${flag} …\n`;
    expect(r.stderr).toContain(hint);
    if (first !== '') expect(r.stderr.startsWith(first)).toBe(true);
    // The command it gives reads the file.
    const args = flag === '' ? [] : ['--delimiter', d === '\t' ? 'tab' : d];
    const fromThere = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW, ...args, '--format', 'json'], {
      stdin: readFileSync(path, 'utf8').split('\n').slice(1).join('\n') });
    expect(JSON.parse(fromThere.stdout) as { rows: number }).toMatchObject({ rows: rows.length - 1, status: expect.not.stringMatching(/^error$/) });
  });

  it('a "sep=" directive under --locale vi', async () => {
    const path = tmp.path('sep.csv');
    writeFileSync(path, `sep=;\n${parcels.replaceAll(',', ';')}`);
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(r.stderr).toContain('(nó có 5 trong 5 cột đã khai báo; dòng 1, "sep=;", là chỉ thị dấu phân cách của bảng tính (Excel), ' +
      `không phải dòng tiêu đề); các dòng phía trên không phải dữ liệu: hãy xóa chúng, hoặc đọc từ đó: tail -n +2 ${JSON.stringify(path)} ` +
      "| ddss validate - --delimiter ';' …\n");
  });

  it('in a workbook: the hint names the sheet row (empty rows counted as Excel does), and --range reads from there', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('Sổ');
      ws.getRow(1).getCell(1).value = 'DANH SÁCH THỬA ĐẤT';
      rows.forEach((r, i) => { ws.getRow(i + 3).values = r; });
    });
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ddss: the header seems to be row 3 of the sheet (it names 5 of the 5 declared columns); ' +
      'the rows above it are no data: read from there with --range 3:1048576\n');
    const ranged = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--range', '3:1048576']);
    expect((JSON.parse(ranged.stdout) as { rows: number }).rows).toBe(rows.length - 1);
    const profiled = await cli(['profile', path, '--range', '3:1048576', '--format', 'json']);
    expect((JSON.parse(profiled.stdout) as { columns: { name: string }[] }).columns.map((c) => c.name)).toEqual(rows[0]);
  });

  it('profile (no definition to match): the first line of names as wide as the rows, for a file and a sheet', async () => {
    const path = tmp.path('title.csv');
    writeFileSync(path, `DANH SÁCH THỬA ĐẤT — XÃ A,,\n,,\n"Ngày lập: 01/12/2026",,\n${parcels}`);
    const r = await cli(['profile', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`ddss: the header seems to be line 4 (5 column names, as wide as the table's rows); the lines above it ` +
      `are no data: remove them, or read from there: tail -n +4 ${JSON.stringify(path)} | ddss profile - …\n`);
    const sheet = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('Sổ');
      ws.getRow(1).getCell(1).value = 'DANH SÁCH THỬA ĐẤT';
      rows.forEach((row, i) => { ws.getRow(i + 3).values = row; });
    });
    expect((await cli(['profile', sheet])).stderr).toContain('ddss: the header seems to be row 3 of the sheet (5 column names, ' +
      "as wide as the table's rows); the rows above it are no data: read from there with --range 3:1048576\n");
    // Read from there, nothing more is said.
    expect((await cli(['profile', sheet, '--range', '3:1048576'])).stderr).toBe('');
    expect((await cli(['profile', 'parcels.csv'])).stderr).toBe('');
  });

  it('validate without --dataset (it profiles first) says it too, with a command that reads a file (not a pipe)', async () => {
    const path = tmp.path('title.csv');
    writeFileSync(path, `DANH SÁCH THỬA ĐẤT,,\n${parcels}`);
    const r = await cli(['validate', path, ...NOW]);
    expect(r.stderr).toContain(`ddss: the header seems to be line 2 (5 column names, as wide as the table's rows); the lines ` +
      `above it are no data: remove them, or read from there: tail -n +2 ${JSON.stringify(path)} > table.csv, then ddss validate table.csv\n`);
  });

  it('says nothing when only some columns are renamed, or when no record below names the columns', async () => {
    const renamed = tmp.path('renamed.csv');
    writeFileSync(renamed, parcels.replace('owner_id', 'Owner ID'));
    const other = tmp.path('other.csv');
    writeFileSync(other, 'a,b,c\n1,2,3\n4,5,6\n');
    for (const path of [renamed, other]) {
      const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
      expect(r.stderr).not.toMatch(/the header seems to be/);
    }
  });

  // A CSV reader takes its header from the first line: a blank one names no column, and the real header reads as a
  // record. The hint looked only below the first record the reader kept (the header line itself, blank lines being
  // skipped), so it said nothing, and a copy's missing key listed "its columns: " (nothing).
  it('a blank first line: validate, profile, validate without --dataset and compare name line 2', async () => {
    const path = tmp.path('blank.csv');
    writeFileSync(path, `\n${parcels}`);
    const tail = `tail -n +2 ${JSON.stringify(path)}`;
    const v = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(v.code).toBe(3);
    expect(v.stderr).toContain(`ddss: the header seems to be line 2 (it names 5 of the 5 declared columns); the lines above it ` +
      `are no data: remove them, or read from there: ${tail} | ddss validate - …\n`);
    const p = await cli(['profile', path]);
    expect(p.stderr).toContain(`ddss: the header seems to be line 2 (5 column names, as wide as the table's rows); the lines ` +
      `above it are no data: remove them, or read from there: ${tail} | ddss profile - …\n`);
    const s = await cli(['validate', path, ...NOW]);
    expect(s.code).toBe(3);
    expect(s.stderr).toContain(`ddss: the header seems to be line 2 (5 column names, as wide as the table's rows); the lines ` +
      `above it are no data: remove them, or read from there: ${tail} > table.csv, then ddss validate table.csv\n`);
    const c = await cli(['compare', 'parcels.csv', path, '--key', 'parcel_id']);
    expect(c.stderr).toContain('ddss: key column "parcel_id" is not in the copy (its first line is blank); the header of the copy ' +
      `seems to be line 2 (it holds "parcel_id"); the lines above it are no data: remove them, or read from there: ${tail} | ddss compare "parcels.csv" - …`);
    // A workbook's empty rows are skipped before its header, so there the same layout is read as it is.
    const sheet = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      rows.forEach((r, i) => { ws.getRow(i + 2).values = r; });
    });
    expect((await cli(['validate', sheet, '--dataset', 'parcels.yaml', ...NOW])).stderr).not.toMatch(/the header seems to be/);
  });

  it('a file of blank lines is no profile of one column ("empty"): nothing could be read, exit 3', async () => {
    const path = tmp.path('blank-lines.csv');
    writeFileSync(path, '\n\n\n');
    expect(await cli(['profile', path])).toMatchObject({ code: 3, stdout: '', stderr: `ddss: cannot profile ${JSON.stringify(path)}: ` +
      'no column could be read (source issues: 1 blank_header, 2 blank_row): its first line is blank\n' });
    writeFileSync(path, ',,\n');
    expect(await cli(['profile', path])).toMatchObject({ code: 3, stderr: `ddss: cannot profile ${JSON.stringify(path)}: ` +
      'no column could be read (source issues: 3 blank_header): its header names no column\n' });
    // A header of names over no row is a profile: its columns, empty.
    writeFileSync(path, 'a,b\n');
    expect(await cli(['profile', path])).toMatchObject({ code: 0 });
  });

  it('--range is for workbooks, in A1 notation', async () => {
    expect(await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', '--range', '3:10'])).toMatchObject({
      code: 2, stderr: 'ddss: --range applies to .xlsx workbooks, not csv\n' });
    const path = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(rows));
    expect(await cli(['validate', path, '--dataset', 'parcels.yaml', '--range', 'row3'])).toMatchObject({
      code: 2, stderr: 'ddss: --range: the range "row3" is not in A1 notation (such as A3:F2000, B:F or 2:500)\n' });
  });
});
