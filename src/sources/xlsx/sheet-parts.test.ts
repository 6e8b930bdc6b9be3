import { afterAll, describe, expect, it } from 'vitest';
import { patchEntry, removeWorkbooks, rewriteWorkbook, writeWorkbook } from '../../../test/_workbook.js';
import { readXlsx, type XlsxOptions } from './read-xlsx.js';

afterAll(removeWorkbooks);

async function rows(path: string, options: XlsxOptions = {}): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const b of readXlsx(path, options).batches()) out.push(...b.rows);
  return out;
}

/**
 * A workbook of two sheets whose parts are named `renamed` (sheet1, sheet2), targets in the relationships to match;
 * `sheetsFirst`: the sheets before every other part in the zip, else Excel's order (the relationships first).
 */
async function renamedParts(renamed: readonly [string, string], { sheetsFirst = false, store = false } = {}) {
  const path = await writeWorkbook((wb) => {
    wb.addWorksheet('Lists').addRows([['code'], ['01']]);
    wb.addWorksheet('Data').addRows([['id'], ['1'], ['2']]);
  });
  const rename = { 'xl/worksheets/sheet1.xml': renamed[0], 'xl/worksheets/sheet2.xml': renamed[1] };
  return rewriteWorkbook(path, (name, text) => {
    if (name !== 'xl/_rels/workbook.xml.rels' && name !== '[Content_Types].xml') return undefined;
    return Object.entries(rename).reduce((t, [from, to]) => t.replaceAll(from.slice('xl/'.length), to.slice('xl/'.length)), text);
  }, { ...(sheetsFirst ? { first: Object.keys(rename) } : { excelOrder: true }), store, rename });
}

// ECMA-376 names a sheet's part by its relationship, not by its name: a workbook whose parts are not sheetN.xml (as
// some generators write them) read as "the workbook has no sheets" though workbook.xml lists them — exceljs' reader
// only looks for xl/worksheets/sheetN.xml.
describe('sheet parts named otherwise than sheetN.xml', () => {
  it.each([
    ['the relationships before the sheets (Excel\'s order)', false],
    ['the sheets before the relationships', true],
  ])('are read, by name and by default: %s', async (_, sheetsFirst) => {
    const path = await renamedParts(['xl/worksheets/lists.xml', 'xl/worksheets/data.xml'], { sheetsFirst });
    expect(await rows(path)).toEqual([['01']]);
    expect(await rows(path, { sheet: 'Data' })).toEqual([['1'], ['2']]);
  });

  it('are read anywhere in the package when the relationships come first', async () => {
    const path = await renamedParts(['xl/tables/lists.xml', 'xl/data/register.xml']);
    expect(await rows(path, { sheet: 'Data' })).toEqual([['1'], ['2']]);
  });

  it('a part that cannot be found as a sheet is named in the error, with why (not "the workbook has no sheets")', async () => {
    const path = await renamedParts(['xl/tables/lists.xml', 'xl/data/register.xml'], { sheetsFirst: true });
    await expect(rows(path, { sheet: 'Data' })).rejects.toThrow(/the sheet "Data" \(xl\/data\/register\.xml\) was not read: its part .* before the workbook's relationships/);
    await expect(rows(path)).rejects.toThrow(/the sheet "Lists" \(xl\/tables\/lists\.xml\) was not read/);
  });

  it.each([false, true])('a damaged one is named by its own path (sheets first: %s)', async (sheetsFirst) => {
    const path = await renamedParts(['xl/worksheets/lists.xml', 'xl/worksheets/data.xml'], { store: true, sheetsFirst });
    patchEntry(path, 'xl/worksheets/data.xml', (data) => { data[data.indexOf('<v>') + 3] = 0x37; });
    await expect(rows(path, { sheet: 'Data' })).rejects.toThrow(/the sheet "Data" \(xl\/worksheets\/data\.xml\)/);
  });
});
