import { createReadStream, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { removeWorkbooks, rewriteWorkbook, writeWorkbook } from '../../../test/_workbook.js';
import type { RowBatch } from '../../core/source.js';
import { readXlsx } from './read-xlsx.js';

afterAll(removeWorkbooks);

async function read(path: string, options = {}) {
  const batches: RowBatch[] = [];
  for await (const b of readXlsx(path, options).batches()) batches.push(b);
  return {
    columns: batches.find((b) => b.columns !== undefined)?.columns,
    rows: batches.flatMap((b) => b.rows as unknown[][]),
    lines: batches.flatMap((b) => Array.from(b.lines ?? [])),
    issues: batches.flatMap((b) => b.issues ?? []),
  };
}

describe('readXlsx', () => {
  it('keeps each cell as Excel stored it: text, numbers, booleans, dates, rich text, formula results', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['text', 'number', 'bool', 'date', 'rich', 'formula', 'link']);
      ws.addRow(['Hà Nội', 3.25, true, new Date(Date.UTC(2024, 1, 29)),
        { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn A' }] },
        { formula: 'B2*2', result: 6.5 }, { text: 'cổng', hyperlink: 'https://example.vn' }]);
      ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    });
    const r = await read(path);
    expect(r.columns).toEqual(['text', 'number', 'bool', 'date', 'rich', 'formula', 'link']);
    expect(r.rows).toEqual([['Hà Nội', 3.25, true, new Date(Date.UTC(2024, 1, 29)), 'Nguyễn Văn A', 6.5, 'cổng']]);
    expect(r.lines).toEqual([2]);
    expect(r.issues).toEqual([]);
  });

  it('reads dates of the 1904 date system as the same days', async () => {
    const path = await writeWorkbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow(['d']);
      ws.addRow([new Date(Date.UTC(2026, 10, 22))]);
      ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    });
    expect((await read(path)).rows).toEqual([[new Date(Date.UTC(2026, 10, 22))]]);
  });

  it('reports error cells and formulas without a cached value, leaving the cell missing', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', 'a', 'b', 'c']);
      ws.addRow(['1', { error: '#N/A' }, { formula: 'A2+1' }, { error: '#VALUE!' }]);
    });
    const r = await read(path);
    expect(r.rows).toEqual([['1', '', '', '']]);
    expect(r.issues.map((i) => [i.code, i.field, i.line, i.params])).toEqual([
      ['error_cell', 'a', 2, { value: '#N/A', cell: 'B2' }],
      ['formula_without_value', 'b', 2, { formula: 'A2+1', cell: 'C2' }],
      ['error_cell', 'c', 2, { value: '#VALUE!', cell: 'D2' }],
    ]);
  });

  it('reads a formula\'s cached result as stored: 0, empty text, TRUE and FALSE, an error with its words', async () => {
    // exceljs' streaming reader dropped a result that is not truthy (0, '', an error read as NaN): each was a
    // "formula without a value"; it read TRUE as 1, and an error formula lost its words.
    const cells: Record<string, string> = {
      B2: '<c r="B2"><f>A2-A2</f><v>0</v></c>',
      B3: '<c r="B3" t="str"><f>""</f><v></v></c>',
      B4: '<c r="B4" t="b"><f>TRUE()</f><v>1</v></c>',
      B5: '<c r="B5" t="b"><f>FALSE()</f><v>0</v></c>',
      B6: '<c r="B6" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      B7: '<c r="B7"><f t="shared" ref="B7:B9" si="0">A7-A7</f><v>0</v></c>',
      B8: '<c r="B8"><f t="shared" si="0"/><v>0</v></c>',
      B9: '<c r="B9" t="e"><f t="shared" si="0"/><v>#REF!</v></c>',
      B10: '<c r="B10" t="e"><v>#N/A</v></c>',
      B11: '<c r="B11" t="str"><f>"#DIV/0!"</f><v>#DIV/0!</v></c>',
    };
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'v'], ...Array.from({ length: 10 }, (_, i) => [String(i + 2), 'x'])]);
    });
    const edited = await rewriteWorkbook(path, (name, text) => (name !== 'xl/worksheets/sheet1.xml' ? undefined
      : text.replace(/<c r="(B\d+)"[^>]*>.*?<\/c>/g, (c, ref: string) => cells[ref] ?? c)));
    const r = await read(edited);
    expect(r.rows.map((row) => row[1])).toEqual([0, '', true, false, '', 0, 0, '', '', '#DIV/0!']);
    expect(r.issues.map((i) => [i.code, i.line, i.params])).toEqual([
      ['error_cell', 6, { value: '#DIV/0!', formula: '1/0', cell: 'B6' }],
      ['error_cell', 9, { value: '#REF!', formula: '', cell: 'B9' }],
      ['error_cell', 10, { value: '#N/A', cell: 'B10' }],
    ]);
  });

  it('reads a duration cell as the text Excel shows ([h]:mm 36:30), not the date 01/01/1900 12:30, in both date systems', async () => {
    const durations = (date1904: boolean) => writeWorkbook((wb) => {
      if (date1904) wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', 'hm', 'hms', 'ss', 'formula', 'day']);
      ws.addRow(['1', 36.5 / 24, 36.5 / 24, 36.5 / 24, { formula: 'B2', result: 36.5 / 24 }, new Date(Date.UTC(2023, 2, 15))]);
      ws.addRow(['2', 0.25 / 24, 1 / 86_400, 1 / 86_400, { formula: 'B3', result: 0.25 / 24 }, new Date(Date.UTC(2023, 2, 16))]);
      for (const [col, fmt] of [[2, '[h]:mm'], [3, '[h]:mm:ss'], [4, '[ss]'], [5, '[Red][h]:mm'], [6, 'dd/mm/yyyy']] as const) {
        ws.getColumn(col).numFmt = fmt;
      }
    });
    const expected = [['1', '36:30', '36:30:00', '131400', '36:30', new Date(Date.UTC(2023, 2, 15))],
      ['2', '0:15', '0:00:01', '01', '0:15', new Date(Date.UTC(2023, 2, 16))]];
    expect((await read(await durations(false))).rows).toEqual(expected);
    expect((await read(await durations(true))).rows).toEqual(expected);
  });

  it('reads a time-of-day cell as the time Excel shows (h:mm 12:30), never a date, in both date systems', async () => {
    const times = (date1904: boolean) => writeWorkbook((wb) => {
      if (date1904) wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', 'hm', 'ampm', 'formula', 'stamp', 'day']);
      ws.addRow(['1', 12.5 / 24, 12.5 / 24, { formula: 'B2', result: 12.5 / 24 }, 45000.75, new Date(Date.UTC(2023, 2, 15, 18))]);
      for (const [col, fmt] of [[2, 'h:mm'], [3, 'h:mm AM/PM'], [4, 'hh:mm:ss'], [5, 'hh:mm'], [6, 'dd/mm/yyyy hh:mm']] as const) {
        ws.getColumn(col).numFmt = fmt;
      }
    });
    const expected = [['1', '12:30', '12:30 PM', '12:30:00', '18:00', new Date(Date.UTC(2023, 2, 15, 18))]];
    expect((await read(await times(false))).rows).toEqual(expected);
    expect((await read(await times(true))).rows).toEqual(expected);
  });

  it('reads a cell stored as an ISO 8601 date (t="d") as that date, like a date-formatted number (exceljs read the year)', async () => {
    const cells: Record<string, string> = {
      B2: '<c r="B2" t="d"><v>2024-03-05T00:00:00</v></c>',
      B3: '<c r="B3" t="d"><v>2024-03-05</v></c>',
      B4: '<c r="B4" s="0" t="d"><v>2024-03-05T13:45:30.5</v></c>',
      B5: '<c r="B5" t="d"><f>TODAY()</f><v>2024-03-05T00:00:00</v></c>',
      // An instant in a zone, and text that is no calendar date: handed over as the text they are, never another day.
      B6: '<c r="B6" t="d"><v>2024-03-05T00:00:00+07:00</v></c>',
      B7: '<c r="B7" t="d"><v>2024-02-30</v></c>',
      B8: '<c r="B8" t="d"><f>X1</f><v></v></c>',
    };
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'v'], ...Array.from({ length: 7 }, (_, i) => [String(i + 2), 'x'])]);
    });
    const edited = await rewriteWorkbook(path, (name, text) => (name !== 'xl/worksheets/sheet1.xml' ? undefined
      : text.replace(/<c r="(B\d+)"[^>]*>.*?<\/c>/g, (c, ref: string) => cells[ref] ?? c)));
    const r = await read(edited);
    expect(r.rows.map((row) => row[1])).toEqual([new Date(Date.UTC(2024, 2, 5)), new Date(Date.UTC(2024, 2, 5)),
      new Date(Date.UTC(2024, 2, 5, 13, 45, 30, 500)), new Date(Date.UTC(2024, 2, 5)), '2024-03-05T00:00:00+07:00', '2024-02-30', '']);
    expect(r.issues.map((i) => [i.code, i.line, i.params])).toEqual([['formula_without_value', 8, { formula: 'X1', cell: 'B8' }]]);
  });

  it('skips formatted empty rows above the header and below the data: they are not findings', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      for (const n of [1, 2, 5, 6, 7]) ws.getCell(`A${n}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      ws.getCell('A3').value = 'id';
      ws.getCell('A4').value = '1';
    });
    const r = await read(path);
    expect(r.columns).toEqual(['id']);
    expect(r.rows).toEqual([['1']]);
    expect(r.issues).toEqual([]);
  });

  it('keeps a merged block\'s value in its first cell, says it is merged, and reports empty rows (stored or not) as blank', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b', 'c']);
      ws.addRow(['x', 'y', 'z']);
      ws.mergeCells('A2:B2');
      ws.getRow(4).getCell(1).value = null;
      ws.getRow(4).commit?.();
      ws.getCell('C5').value = 'last';
    });
    const r = await read(path);
    expect(r.rows).toEqual([['x', '', 'z'], ['', '', 'last']]);
    expect(r.lines).toEqual([2, 5]);
    expect(r.issues.map((i) => [i.code, i.line ?? i.params?.ranges])).toEqual([['blank_row', 3], ['blank_row', 4], ['merged_cells', 'A2:B2']]);
  });

  it('reads the first sheet in workbook order by default, a hidden sheet by name, and lists the sheets when one is missing', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('Sổ địa chính').addRows([['id'], ['1']]);
      wb.addWorksheet('Ẩn', { state: 'hidden' }).addRows([['id'], ['2']]);
    });
    expect((await read(path)).rows).toEqual([['1']]);
    expect((await read(path, { sheet: 'Ẩn' })).rows).toEqual([['2']]);
    await expect(read(path, { sheet: 'Sheet1' })).rejects.toThrow('no sheet "Sheet1" in the workbook; its sheets: "Sổ địa chính", "Ẩn"');
  });

  // exceljs hands `_xHHHH_` over as it is: P00000_x0030_001 was read where Excel shows P000000001, and a control
  // character written so (Excel's only way to store one) was never found.
  it('decodes OOXML _xHHHH_ escapes as Excel shows them, and finds the control characters they write', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'note'], ['P1', 'a'], ['P2', 'b'], ['P3', 'c']]);
    });
    const texts: Record<string, string> = { P1: 'P00000_x0030_001', a: 'Lai_x0001_Châu', b: 'literal _x005F_x0030_', c: 'tab_x0009_and CR_x000D__x000A_' };
    const edited = await rewriteWorkbook(path, (name, text) => (name !== 'xl/sharedStrings.xml' ? undefined
      : text.replace(/<t([^>]*)>([^<]*)<\/t>/g, (t, attrs: string, body: string) => (texts[body] === undefined ? t : `<t${attrs}>${texts[body]}</t>`))));
    const r = await read(edited);
    expect(r.rows).toEqual([['P000000001', 'Lai\u0001Châu'], ['P2', 'literal _x0030_'], ['P3', 'tab\tand CR\r\n']]);
    expect(r.issues.map((i) => [i.code, i.line, i.field, i.params])).toEqual([['control_character', 2, 'note', { codepoint: '0001', column: 2 }]]);
  });

  // `Sheet: 'New'` read the first sheet, which passed where the sheet asked for failed; `sheet: 2` ended the run with
  // "options.sheet.normalize is not a function".
  it('refuses a misspelt option and options of the wrong kind before reading, as readCsv and readJson do', () => {
    expect(() => readXlsx('x.xlsx', { Sheet: 'New' } as never)).toThrow('ddss: "Sheet" is not an option of readXlsx (did you mean "sheet"?)');
    expect(() => readXlsx('x.xlsx', { sheetName: 'New' } as never)).toThrow(/"sheetName" is not an option of readXlsx/);
    expect(() => readXlsx('x.xlsx', 'B' as never)).toThrow('ddss: the options of readXlsx must be an object, got string');
    expect(() => readXlsx('x.xlsx', { sheet: 2 } as never)).toThrow('ddss: readXlsx sheet must be a text, got number');
    expect(() => readXlsx('x.xlsx', { sheet: null } as never)).toThrow('ddss: readXlsx sheet must be a text, got null');
    expect(() => readXlsx('x.xlsx', { range: 3 } as never)).toThrow('ddss: readXlsx range must be a text, got number');
    expect(() => readXlsx('x.xlsx', { header: false } as never)).toThrow(/^ddss: readXlsx header must be true \(the file's first row names the columns\), .*got false$/);
    expect(() => readXlsx('x.xlsx', { header: [] })).toThrow(RangeError);
    expect(() => readXlsx('x.xlsx', { header: [] })).toThrow(/^ddss: readXlsx header must name the columns of a file without a header row .*got an empty list/);
    expect(() => readXlsx(undefined as never)).toThrow('ddss: readXlsx reads a file path or a readable stream of .xlsx bytes, got undefined');
  });

  it('an empty sheet is an empty input naming the other sheets; names compare in NFC; a file that is no zip says so', async () => {
    // A cover sheet before the data read as a register of 0 rows ("failed" rowCount, exit 1); a sheet name pasted
    // decomposed was "no sheet" though it looked the same; a CSV named .xlsx said "invalid signature: 0x63726170".
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('Bìa');
      wb.addWorksheet('Sổ địa chính').addRows([['id'], ['1']]);
    });
    await expect(read(path)).rejects.toThrow(/the sheet "Bìa" of .* is empty; choose one of its other sheets with the sheet option: "Sổ địa chính"$/);
    // A range outside the data said "the sheet is empty" and sent the user to other sheets.
    await expect(read(path, { sheet: 'Sổ địa chính', range: 'Z1:Z5' })).rejects.toThrow(/the range Z1:Z5 of the sheet "Sổ địa chính" of .* holds no cell$/);
    expect((await read(path, { sheet: 'Sổ địa chính'.normalize('NFD') })).rows).toEqual([['1']]);
    const fake = join(tmpdir(), `ddss-fake-${process.pid}.xlsx`);
    writeFileSync(fake, 'id,name\n1,An\n');
    try {
      await expect(read(fake)).rejects.toThrow(/it is not an Excel workbook .*; if it is CSV, give --input-format csv/);
    } finally {
      rmSync(fake, { force: true });
    }
  });

  it('a file that is a zip or a workbook of another kind says what it is (it said "if it is CSV", or a TypeError)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddss-kinds-'));
    try {
      // A password-protected .xlsx is an OLE compound file, as an Excel 97–2003 .xls is.
      const encrypted = join(dir, 'encrypted.xlsx');
      writeFileSync(encrypted, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)]));
      const words = await read(encrypted).then(() => '', (e: unknown) => (e as Error).message);
      expect(words).toMatch(/could not read encrypted\.xlsx: it is a password-protected workbook or an Excel 97–2003 one/);
      expect(words).not.toMatch(/CSV/);
      // An OpenDocument spreadsheet named .xlsx: a zip with no xl/workbook.xml.
      const ods = join(dir, 'sheet.xlsx');
      const zip = new JSZip();
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
      zip.file('content.xml', '<office:document-content/>');
      writeFileSync(ods, await zip.generateAsync({ type: 'nodebuffer' }));
      await expect(read(ods)).rejects.toThrow(/it is not an Excel workbook: its zip has no xl\/workbook\.xml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a workbook whose xl/workbook.xml follows its sheet in the zip says so (it failed with a TypeError)', async () => {
    const path = await writeWorkbook((wb) => { wb.addWorksheet('S').addRows([['id'], ['1']]); });
    const late = await rewriteWorkbook(path, () => undefined, { first: ['[Content_Types].xml', '_rels/.rels',
      'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'] });
    await expect(read(late)).rejects.toThrow(/xl\/worksheets\/sheet1\.xml comes before xl\/workbook\.xml .*save it as \.xlsx/);
  });

  it('reads only the cells of a range, its first row as the header', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['title'], [], ['skip', 'id', 'name'], ['x', '7', 'An'], ['y', '8', 'Bình']]);
    });
    const r = await read(path, { range: 'B3:C4' });
    expect(r.columns).toEqual(['id', 'name']);
    expect(r.rows).toEqual([['7', 'An']]);
  });

  it('reports a value beyond the header as extra_cell, and header problems as for CSV', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'id'], ['1', '2', 'spill']]);
    });
    const r = await read(path);
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate_header', 'extra_cell']);
  });

  it('reads a stream, and records carry typed values', async () => {
    const path = await writeWorkbook((wb) => { wb.addWorksheet('S').addRows([['id', 'n'], ['a', 2]]); });
    const out: unknown[] = [];
    for await (const rec of readXlsx(createReadStream(path))) out.push({ ...rec });
    expect(out).toEqual([{ id: 'a', n: 2 }]);
  });

  it('refuses a range that is not A1 notation', () => {
    expect(() => readXlsx('x.xlsx', { range: 'A1-B2' })).toThrow('is not in A1 notation');
  });
});

describe('readXlsx on long Vietnamese text', () => {
  it('decodes a character cut between two chunks of the sheet whole (exceljs alone gives U+FFFD)', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `Nguyễn Thị Hồng Nhung số ${i} ở Đắk Lắk`);
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('Sổ');
      ws.addRow(['tên']);
      // Inline strings put the text in the sheet itself; shared strings put it in sharedStrings.xml: both are streamed.
      for (const n of names) ws.addRow([n, { richText: [{ text: n }] }]);
    });
    const r = await read(path, { header: ['a', 'b'] });
    expect(r.rows.flat().filter((v) => String(v).includes('\uFFFD'))).toEqual([]);
    expect(r.rows.slice(1).map((row) => row[0])).toEqual(names);
  });
});

const notWorkbooks = mkdtempSync(join(tmpdir(), 'ddss-not-xlsx-'));
afterAll(() => rmSync(notWorkbooks, { recursive: true, force: true }));

describe('readXlsx on what is not a workbook', () => {
  it.each([
    ['a CSV file named .xlsx', () => { const p = join(notWorkbooks, `ddss-not-${process.pid}.xlsx`); writeFileSync(p, 'id,name\n1,An\n'); return p; }],
    ['a missing file', () => join(tmpdir(), 'ddss-no-such-file.xlsx')],
  ])('%s fails the read with an Error naming the source, never a crash', async (_, make) => {
    const source = readXlsx(make());
    await expect(read(make())).rejects.toThrow(/^ddss: could not read ddss-/);
    await expect((async () => { for await (const b of source.batches()) void b; })()).rejects.toThrow();
    expect(source.info().error).toMatch(/^ddss: could not read/);
  });
});

describe('readXlsx leaves no temporary file behind', () => {
  /** exceljs' reader's temporary files of this process (the `tmp` package names them tmp-<pid>-…). */
  const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
  /** The files made since `before` once a cleanup that removes them asynchronously is done (at most 2 s). */
  async function left(before: ReadonlySet<string>): Promise<string[]> {
    const made = () => ours().filter((f) => !before.has(f));
    for (let waited = 0; waited < 2000 && made().length > 0; waited += 20) await new Promise((r) => setTimeout(r, 20));
    return made();
  }

  it('after a read to its end, a read of the first of two sheets, a sheet not found and a stop part-way', async () => {
    // exceljs writes each sheet before the shared strings, as Excel does: its reader buffers such a sheet in a
    // temporary file, and removed it only after parsing it to the end (a read that stops at its sheet never did).
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('A').addRows([['id', 'name'], ...Array.from({ length: 500 }, (_, i) => [`P${i}`, `Tên ${i}`])]);
      wb.addWorksheet('B').addRows([['id'], ['x']]);
    });
    const before = new Set(ours());
    let n = 0;
    for await (const r of readXlsx(path)) { void r; n++; }
    expect(n).toBe(500);
    expect((await read(path, { sheet: 'A' })).rows).toHaveLength(500);
    await expect(read(path, { sheet: 'none' })).rejects.toThrow(/no sheet "none"/);
    for await (const r of readXlsx(path)) { void r; break; }
    // Before: one file (and an open descriptor) per read, until the process exited.
    expect(await left(before)).toEqual([]);
  });
});
