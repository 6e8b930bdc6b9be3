import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';
import { sheetNote } from '../src/cli/_sheet-note.js';

afterAll(() => removeWorkbooks());

const parcels = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');
const rows = parcels.trimEnd().split('\n').map((l) => l.split(','));

/** An agency's workbook: a hidden old copy of the register first, then the data, then lookup lists. */
function agencyWorkbook(): Promise<string> {
  return writeWorkbook((wb) => {
    wb.addWorksheet('Old copy', { state: 'hidden' }).addRows([rows[0], ['P-999', '1', 'Old', '1', '01/01/2000']]);
    wb.addWorksheet('Data').addRows(rows);
    wb.addWorksheet('Lists').addRows([['code'], ['01']]);
  });
}

const NOTE = 'ddss: read the sheet "Data" (the first visible one); the workbook also has "Old copy" (hidden), "Lists"; ' +
  'choose one with --sheet\n';

// With no --sheet, the first sheet was read even when hidden (an old copy of the register): a run could pass on it
// while the visible data was never read, and nothing said which sheet had been read.
describe('the sheet of a workbook read without --sheet', () => {
  it('validate reads the first visible sheet, names it in the report, and says so on one stderr line', async () => {
    const path = await agencyWorkbook();
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { rows: number; source: { sheet?: string } };
    expect(report.rows).toBe(rows.length - 1);
    expect(report.source.sheet).toBe('Data');
    expect(r.stderr.split('\n').filter((l) => l.includes('the sheet'))).toEqual([NOTE.trimEnd()]);
    // Asked for by name, a hidden sheet is read, and nothing is said.
    const old = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--sheet', 'Old copy']);
    expect((JSON.parse(old.stdout) as { rows: number; source: { sheet?: string } }).source.sheet).toBe('Old copy');
    expect(old.stderr).not.toContain('read the sheet');
  });

  it('profile and compare say it too, compare naming the input and its flag', async () => {
    const path = await agencyWorkbook();
    expect((await cli(['profile', path])).stderr).toContain(NOTE);
    const c = await cli(['compare', path, path, '--key', 'parcel_id', '--sheet-source', 'Data']);
    expect(c.stderr).toContain('ddss: read the sheet "Data" of the copy (the first visible one); the workbook also has ' +
      '"Old copy" (hidden), "Lists"; choose one with --sheet-copy\n');
    expect(c.stderr).not.toContain('of the source');
  });

  it('a workbook of one sheet says nothing', async () => {
    const path = await writeWorkbook((wb) => wb.addWorksheet('Data').addRows(rows));
    expect((await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW])).stderr).not.toContain('read the sheet');
  });

  it('a workbook whose sheets are all hidden could not be evaluated (exit 3): it lists them and asks for --sheet', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('A', { state: 'hidden' }).addRows(rows);
      wb.addWorksheet('B', { state: 'veryHidden' }).addRows(rows);
    });
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/every sheet of .*\.xlsx is hidden: "A" \(hidden\), "B" \(very hidden\); choose the one to read with --sheet\n$/);
  });

  // The command said "give --sheet (sheet in the library)": a user of the command has only the flag, and compare's
  // one file has its own.
  it('names the flag that picks the sheet, and no library option: compare the flag of the file concerned', async () => {
    const hidden = await writeWorkbook((wb) => { wb.addWorksheet('A', { state: 'hidden' }).addRows(rows); });
    const empty = await writeWorkbook((wb) => {
      wb.addWorksheet('Bìa');
      wb.addWorksheet('Data').addRows(rows);
    });
    const v = await cli(['validate', empty, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect(v.code).toBe(3);
    expect(v.stderr).toMatch(/the sheet "Bìa" of .*\.xlsx is empty; choose one of its other sheets with --sheet: "Data"\n/);
    expect((JSON.parse(v.stdout) as { error: string }).error).toMatch(/choose one of its other sheets with --sheet: "Data"$/);
    const c = await cli(['compare', hidden, empty, '--key', 'parcel_id']);
    expect(c.code).toBe(3);
    expect(c.stderr).toMatch(/source: every sheet of .*\.xlsx is hidden: "A" \(hidden\); choose the one to read with --sheet-source; copy: the sheet "Bìa" of .*\.xlsx is empty; choose one of its other sheets with --sheet-copy: "Data"/);
    expect(`${v.stdout}${v.stderr}${c.stdout}${c.stderr}`).not.toMatch(/library|sheet option/);
  });
});

describe('sheetNote', () => {
  const sheets = [{ name: 'Old copy', state: 'hidden' }, { name: 'Data', state: 'visible' }, { name: 'Lists', state: 'visible' }] as const;
  it('names the sheet read and the others, with their state, on one line', () => {
    expect(sheetNote({ name: 'Data', asked: false, sheets })).toBe('ddss: read the sheet "Data" (the first visible one); the workbook ' +
      'also has "Old copy" (hidden), "Lists"; choose one with --sheet');
  });
  it('says nothing for a sheet asked for, or a workbook of one sheet', () => {
    expect(sheetNote({ name: 'Data', asked: true, sheets })).toBeUndefined();
    expect(sheetNote({ name: 'Data', asked: false, sheets: [{ name: 'Data', state: 'visible' }] })).toBeUndefined();
  });
  it('names a few of many sheets and counts the rest; a name with a quote or a line break stays on one line', () => {
    const many = [{ name: 'Data', state: 'visible' as const },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `S${i + 1}`, state: 'visible' as const }))];
    const note = sheetNote({ name: 'Data', asked: false, sheets: many }) ?? '';
    expect(note).toMatch(/also has "S1", "S2", .*"S10" and 20 others; choose one with --sheet$/);
    const odd = sheetNote({ name: 'a"b\nc', asked: false, sheets: [{ name: 'a"b\nc', state: 'visible' }, { name: 'x', state: 'visible' }] });
    expect(odd).toBe('ddss: read the sheet "a\\"b\\nc" (the first visible one); the workbook also has "x"; choose one with --sheet');
  });
});

// Under --locale vi the run's other lines were Vietnamese and this one English.
describe('the sheet note under --locale vi', () => {
  it('is Vietnamese in validate, profile and compare (compare naming the file: của bản sao)', async () => {
    const path = await agencyWorkbook();
    const vi = 'ddss: đã đọc trang tính "Data" (trang hiển thị đầu tiên); sổ làm việc còn có "Old copy" (ẩn), "Lists"; ' +
      'hãy chọn một trang bằng --sheet\n';
    expect((await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi'])).stderr).toContain(vi);
    expect((await cli(['profile', path, '--locale', 'vi'])).stderr).toContain(vi);
    const c = await cli(['compare', path, path, '--key', 'parcel_id', '--sheet-source', 'Data', '--locale', 'vi']);
    expect(c.stderr).toContain('ddss: đã đọc trang tính "Data" của bản sao (trang hiển thị đầu tiên); sổ làm việc còn có ' +
      '"Old copy" (ẩn), "Lists"; hãy chọn một trang bằng --sheet-copy\n');
  });

  it('counts the sheets past ten, and says a very hidden one', () => {
    const many = [{ name: 'Data', state: 'visible' as const }, { name: 'X', state: 'veryHidden' as const },
      ...Array.from({ length: 30 }, (_, i) => ({ name: `S${i + 1}`, state: 'visible' as const }))];
    expect(sheetNote({ name: 'Data', asked: false, sheets: many }, { locale: 'vi' }))
      .toMatch(/^ddss: đã đọc trang tính "Data" \(trang hiển thị đầu tiên\); sổ làm việc còn có "X" \(ẩn sâu\), "S1", .*"S9" và 21 trang tính khác; hãy chọn một trang bằng --sheet$/);
  });
});
