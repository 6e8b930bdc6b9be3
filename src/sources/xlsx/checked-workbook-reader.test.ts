import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { patchEntry, prefixedXml, removeWorkbooks, rewriteWorkbook, writeWorkbook, type RewriteOptions } from '../../../test/_workbook.js';
import { defineDataset } from '../../define.js';
import { field } from '../../field.js';
import { validate } from '../../validate.js';
import { readXlsx } from './read-xlsx.js';

afterAll(removeWorkbooks);

const SHEET = 'xl/worksheets/sheet1.xml';
const STRINGS = 'xl/sharedStrings.xml';

/** A register of 300 rows: an id, a name (a shared string), an area. */
const register = () => writeWorkbook((wb) => {
  wb.addWorksheet('Sổ địa chính').addRows([['id', 'name', 'area'],
    ...Array.from({ length: 300 }, (_, i) => [`P${i}`, `Nguyễn Văn ${i}`, 100 + i])]);
});
const def = defineDataset({ name: 'parcels', fields: { id: field.text().required(), name: field.text().required(), area: field.number() } });

async function rows(path: string, options = {}): Promise<number> {
  let n = 0;
  for await (const b of readXlsx(path, options).batches()) n += b.rows.length;
  return n;
}

// The ways a zip holds a sheet that exceljs' reader takes different paths through: after the shared strings (parsed
// straight from the zip, as Excel orders it) or before them (buffered in a temporary file, as exceljs writes it), its
// CRC-32 in the entry's header or in a data descriptor after its data (streaming writers).
const layouts: [string, RewriteOptions][] = [
  ['in exceljs\' order', {}],
  ['in Excel\'s order', { excelOrder: true }],
  ['in exceljs\' order, with data descriptors', { descriptors: true }],
  ['in Excel\'s order, with data descriptors', { excelOrder: true, descriptors: true }],
];

describe.each(layouts)('readXlsx on a damaged workbook (%s)', (_, layout) => {
  it('reads the whole workbook when nothing is damaged', async () => {
    expect(await rows(await rewriteWorkbook(await register(), () => undefined, layout))).toBe(300);
  });

  it('fails a sheet cut short inside a valid zip, naming it (it read as fewer rows, with no finding)', async () => {
    const cut = await rewriteWorkbook(await register(), (name, text) => (name === SHEET ? text.slice(0, text.length / 2) : undefined), layout);
    await expect(rows(cut)).rejects.toThrow(
      /^ddss: could not read w\d+\.xlsx: the workbook is damaged: the sheet "Sổ địa chính" \(xl\/worksheets\/sheet1\.xml\) ends before its XML does \(no closing <\/worksheet>\): it was cut short/);
  });

  it('fails a shared-string table cut short (the cells whose strings were cut read as empty)', async () => {
    const cut = await rewriteWorkbook(await register(), (name, text) => (name === STRINGS ? text.slice(0, text.length / 2) : undefined), layout);
    await expect(rows(cut)).rejects.toThrow(/the workbook is damaged: the shared-string table \(xl\/sharedStrings\.xml\), .* ends before its XML does/);
  });

  it('fails a sheet whose cell refers to a shared string beyond the table, naming the cell (it read as empty)', async () => {
    const path = await rewriteWorkbook(await register(), (name, text) => (name === SHEET
      ? text.replace(/(<c r="B151"[^>]*t="s"[^>]*><v>)\d+/, '$1999') : undefined), layout);
    await expect(rows(path)).rejects.toThrow(new RegExp('^ddss: could not read w\\d+\\.xlsx: the workbook is damaged: the sheet "Sổ địa chính" ' +
      '\\(xl/worksheets/sheet1\\.xml\\) holds a cell \\(B151\\) referring to shared string number 1000, but the shared-string ' +
      'table holds 603 strings: the sheet and its text do not match \\(a damaged export\\)$'));
  });

  it('fails a sheet whose bytes changed but still make well-formed XML: its CRC-32 differs (a value read as another)', async () => {
    const path = await rewriteWorkbook(await register(), () => undefined, { ...layout, store: true });
    patchEntry(path, SHEET, (data) => {
      const at = data.indexOf('<v>150</v>');
      data.write('<v>750</v>', at);
    });
    await expect(rows(path)).rejects.toThrow(/the sheet "Sổ địa chính" \(xl\/worksheets\/sheet1\.xml\) does not match the checksum \(CRC-32\)/);
  });

  it('fails a sheet whose deflate data is damaged, naming it, at once (it waited forever: "the run stopped")', async () => {
    const path = await rewriteWorkbook(await register(), () => undefined, layout);
    const before = new Set(readdirSync(tmpdir()));
    patchEntry(path, SHEET, (data) => { data[0] = 0x07; }); // a final block of the reserved type 3
    await expect(rows(path)).rejects.toThrow(/the workbook is damaged: the sheet (file |"Sổ địa chính" \()xl\/worksheets\/sheet1\.xml\)? cannot be decompressed \(invalid block type\)/);
    // The temporary file exceljs was writing the sheet to is not left behind (its removal is asynchronous: ≤ 2 s).
    const made = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`) && !before.has(f));
    for (let waited = 0; waited < 2000 && made().length > 0; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(made()).toEqual([]);
  });

  it('fails a sheet whose XML is not well-formed, naming it and where', async () => {
    const bad = await rewriteWorkbook(await register(), (name, text) => (name === SHEET ? text.replace('<row r="7"', '<row r="7" <') : undefined), layout);
    await expect(rows(bad)).rejects.toThrow(/the sheet "Sổ địa chính" \(xl\/worksheets\/sheet1\.xml\) is not well-formed XML at line \d+, column \d+/);
  });
});

/** What reading `path` gives: the header, the rows, their lines and the issues. */
async function readAll(path: string, options = {}) {
  const out = { columns: [] as readonly string[], rows: [] as unknown[], lines: [] as number[], issues: [] as unknown[] };
  for await (const b of readXlsx(path, options).batches()) {
    if (b.columns !== undefined) out.columns = b.columns;
    out.rows.push(...b.rows);
    out.lines.push(...Array.from(b.lines ?? []));
    out.issues.push(...(b.issues ?? []));
  }
  return out;
}

// Every part with the elements of SpreadsheetML (and of the relationships) named x:…, as the .NET Open XML SDK writes.
const dotnet = (path: string, layout: RewriteOptions, edit: (text: string) => string = (t) => t) =>
  rewriteWorkbook(path, (name, text) => {
    if (!/\.(xml|rels)$/.test(name)) return undefined;
    const x = prefixedXml(text);
    // The parts exceljs reads: each must come out prefixed, or the test proves nothing.
    if (/^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/.test(name) &&
      !x.includes('<x:')) throw new Error(`${name} was not prefixed`);
    return edit(x);
  }, layout);

describe.each(layouts)('readXlsx on a workbook whose elements are named with a prefix (%s)', (_, layout) => {
  it('reads every row and cell as the same workbook unprefixed (exceljs read no row: "the sheet is empty")', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('Ghi chú').addRow(['not this sheet']);
      const ws = wb.addWorksheet('Sổ địa chính');
      ws.addRow(['id', 'name', 'area', 'owner', 'date', 'ok', 'bad', 'sum']);
      for (let i = 0; i < 300; i++) {
        ws.addRow([`P${i}`, { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: `Văn ${i}` }] }, 100 + i,
          `Trần Thị ${i}`, new Date(Date.UTC(2024, 0, 1 + i)), i % 2 === 0, i === 7 ? { error: '#N/A' } : 'x', { formula: `C${i + 2}*2`, result: 2 * (100 + i) }]);
      }
      ws.getColumn(5).numFmt = 'dd/mm/yyyy';
    });
    const x = await dotnet(path, layout);
    const plain = await readAll(path, { sheet: 'Sổ địa chính' });
    expect(plain.rows).toHaveLength(300);
    expect(await readAll(x, { sheet: 'Sổ địa chính' })).toEqual(plain);
    expect(await readAll(x)).toEqual(await readAll(path));
  });

  it('still fails a cell referring to a shared string beyond the table, naming it', async () => {
    const path = await dotnet(await register(), layout, (text) => text.replace(/(<x:c r="B151"[^>]*t="s"[^>]*><x:v>)\d+/, '$1999'));
    await expect(rows(path)).rejects.toThrow(/the sheet "Sổ địa chính" \(xl\/worksheets\/sheet1\.xml\) holds a cell \(B151\) referring to shared string number 1000/);
  });

  it('still fails a prefixed sheet cut short', async () => {
    const path = await dotnet(await register(), layout);
    const cut = await rewriteWorkbook(path, (name, text) => (name === SHEET ? text.slice(0, text.length / 2) : undefined), layout);
    await expect(rows(cut)).rejects.toThrow(/the sheet "Sổ địa chính" .* ends before its XML does \(no closing <\/worksheet>\)/);
  });
});

describe('readXlsx on a file cut short (an incomplete download)', () => {
  it.each([
    [0.5, /the sheet file xl\/worksheets\/sheet1\.xml is cut short: the file ends inside it/],
    [0.995, /its zip ends before its last record, after the part xl\/workbook\.xml/],
    [0.0005, /its zip ends before its first part/],
  ])('at %d of its bytes fails naming where it ends', async (at, message) => {
    const path = await register();
    writeFileSync(path, readFileSync(path).subarray(0, Math.floor(statSync(path).size * at)));
    await expect(rows(path)).rejects.toThrow(message);
  });
});

describe('readXlsx on inline strings and a pretty-printed sheet', () => {
  const cell = (ref: string, xml: string) => (name: string, text: string) => (name === SHEET
    ? text.replace(new RegExp(`<c r="${ref}"[^>]*>.*?</c>`), xml) : undefined);
  it.each([
    // exceljs started the text anew at each <t>: a string of runs read as its last run, "Văn 1".
    ['runs, joined', '<c r="B3" t="inlineStr"><is><r><t xml:space="preserve">Nguyễn </t></r><r><rPr><b/></rPr><t>Văn 1</t></r></is></c>', 'Nguyễn Văn 1'],
    // A phonetic guide replaced the text.
    ['without its phonetic guide', '<c r="B3" t="inlineStr"><is><t>Lê</t><rPh sb="0" eb="1"><t>LE</t></rPh></is></c>', 'Lê'],
    // exceljs added every text after the <t> to it: the line breaks and indents of the XML ended the name.
    ['laid out on lines', '<c r="B3" t="inlineStr">\n  <is>\n    <t>Trần &amp; Lê</t>\n  </is>\n</c>', 'Trần & Lê'],
    ['a formula\'s text laid out on lines', '<c r="B3" t="str">\n <f>"y"</f>\n <v>Đỗ</v>\n</c>', 'Đỗ'],
    ['spaces that are its text', '<c r="B3" t="inlineStr"><is><t xml:space="preserve">  </t></is></c>', '  '],
  ])('reads an inline string %s as Excel shows it', async (_, xml, expected) => {
    const path = await rewriteWorkbook(await register(), cell('B3', xml));
    const { rows: read } = await readAll(path);
    expect((read[1] as unknown[])[1]).toBe(expected);
    expect(read).toHaveLength(300);
  });
});

describe('readXlsx on a number cell whose value is no number', () => {
  // exceljs read it with parseFloat: "1,5" as 1, "12abc" as 12, "1.2.3" as 1.2, without a word.
  it.each([['1,5'], ['12abc'], ['1.2.3'], ['1.234.567'], ['12345678901234567890']])('hands %s over as the text it holds', async (v) => {
    const path = await rewriteWorkbook(await register(), (name, text) => (name === SHEET
      ? text.replace(/<c r="C3"([^>]*)>.*?<\/c>/, `<c r="C3"$1><v>${v}</v></c>`) : undefined));
    const { rows: read } = await readAll(path);
    expect((read[1] as unknown[])[2]).toBe(v);
    expect((read[2] as unknown[])[2]).toBe(102);
  });
  it.each([['-1.5'], ['1.2E+15'], ['0.1e-3']])('reads %s as the number it is', async (v) => {
    const path = await rewriteWorkbook(await register(), (name, text) => (name === SHEET
      ? text.replace(/<c r="C3"([^>]*)>.*?<\/c>/, `<c r="C3"$1><v>${v}</v></c>`) : undefined));
    const { rows: read } = await readAll(path);
    expect((read[1] as unknown[])[2]).toBe(Number(v));
  });
});

describe('readXlsx on a sheet whose row number is no row of Excel', () => {
  // The blank rows up to row 900,000,000 were counted one by one: the read took minutes and gigabytes.
  it.each([['900000000'], ['1048577'], ['0']])('fails a row numbered %s, naming the sheet, at once', async (r) => {
    const bad = await rewriteWorkbook(await register(), (name, text) => (name === SHEET
      ? text.replace('</sheetData>', `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>z</t></is></c></row></sheetData>`) : undefined));
    const started = Date.now();
    await expect(rows(bad)).rejects.toThrow(new RegExp(`the sheet "Sổ địa chính" \\(xl/worksheets/sheet1\\.xml\\) has a row numbered ${r}, .*1,048,576`));
    expect(Date.now() - started).toBeLessThan(5000);
  });
  // A row number again, or going back, is a sheet Excel calls damaged: it was read silently (two records, both line 2),
  // and a small zip repeating one row for hundreds of MB kept the read going for minutes.
  it.each([['2', 'a repeated row'], ['1', 'a row going back']])('fails row %s after the last row (%s), at once', async (r) => {
    const bad = await rewriteWorkbook(await register(), (name, text) => (name === SHEET
      ? text.replace('</sheetData>', `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>z</t></is></c></row></sheetData>`) : undefined));
    await expect(rows(bad)).rejects.toThrow(new RegExp(`the sheet "Sổ địa chính" \\(xl/worksheets/sheet1\\.xml\\) has row ${r} after row \\d+, where a sheet's rows come in increasing order`));
  });
  it('reads row 1,048,576, the last row of Excel', async () => {
    const last = await rewriteWorkbook(await register(), (name, text) => (name === SHEET
      ? text.replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>z</t></is></c></row></sheetData>') : undefined));
    const { lines } = await readAll(last);
    expect(lines.at(-1)).toBe(1048576);
  });
});

describe('readXlsx on a workbook with a damaged sheet it does not read', () => {
  it('reads the sheet asked for: nothing of it is lost', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('Ghi chú').addRows(Array.from({ length: 50 }, (_, i) => [`ghi chú ${i}`]));
      wb.addWorksheet('Sổ').addRows([['id'], ['1'], ['2']]);
    });
    const cut = await rewriteWorkbook(path, (name, text) => (name === SHEET ? text.slice(0, 300) : undefined));
    expect(await rows(cut, { sheet: 'Sổ' })).toBe(2);
    await expect(rows(cut)).rejects.toThrow(/the sheet "Ghi chú" .* ends before its XML does/);
  });
});

describe('readXlsx on a small workbook whose entries are stored', () => {
  // unzipper said 'end' once it had parsed the whole zip, while exceljs was still writing the first sheet to a
  // temporary file: the entries parsed meanwhile were lost (about one read in two here, so ten reads each).
  it.each([
    ['in exceljs\' order (the workbook last: a TypeError about `sheets`)', []],
    ['in Excel\'s order (the sheet before the shared strings: text cells read as "[object Object]")',
      ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', SHEET]],
  ])('loses no entry, %s', async (_, first) => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'name'], ...Array.from({ length: 40 }, (_, i) => [`P${i}`, `Tên ${i}`])]);
    });
    const stored = await rewriteWorkbook(path, () => undefined, { store: true, first });
    for (let k = 0; k < 10; k++) {
      const got: unknown[][] = [];
      // The whole file in one chunk: the zip is parsed while the sheet is being written to its temporary file.
      for await (const b of readXlsx(Readable.from([readFileSync(stored)])).batches()) got.push(...(b.rows as unknown[][]));
      expect(got).toHaveLength(40);
      expect(got[39]).toEqual(['P39', 'Tên 39']);
    }
  });
});

describe('validate on a damaged workbook', () => {
  it('is a partial report with status error, not a score of the rows read', async () => {
    const cut = await rewriteWorkbook(await register(), (name, text) => (name === SHEET ? text.slice(0, text.length / 2) : undefined));
    const report = await validate(def, readXlsx(cut), { now: new Date('2026-11-22') });
    expect(report.partial).toBe(true);
    expect(report.status).toBe('error');
    expect(report.score).toBeNull();
    expect(report.source?.error).toMatch(/the sheet "Sổ địa chính" .* ends before its XML does/);
  });
});

describe.each(layouts)('readXlsx on a workbook whose relationships name its sheets from the package root (%s)', (_, layout) => {
  // openpyxl (pandas' to_excel) writes Target="/xl/worksheets/sheet1.xml": such a workbook read as "no sheets".
  const absolute = async () => rewriteWorkbook(await writeWorkbook((wb) => {
    wb.addWorksheet('Ghi chú').addRows([['note'], ['not this sheet']]);
    wb.addWorksheet('Thửa đất').addRows([['id', 'name', 'area'], ['P1', 'Nguyễn Văn A', 100], ['P2', 'Trần Thị B', 200]]);
  }), (name, text) => (name === 'xl/_rels/workbook.xml.rels' ? text.replace(/Target="(?!\/)/g, 'Target="/xl/') : undefined), layout);

  it('reads the first sheet by default and another by its name', async () => {
    const path = await absolute();
    expect(await rows(path)).toBe(1);
    const sheet: unknown[][] = [];
    for await (const b of readXlsx(path, { sheet: 'Thửa đất' }).batches()) sheet.push(...(b.rows as unknown[][]));
    expect(sheet).toEqual([['P1', 'Nguyễn Văn A', 100], ['P2', 'Trần Thị B', 200]]);
  });
});
