import { afterAll, describe, expect, it } from 'vitest';
import { removeWorkbooks, rewriteWorkbook, writeWorkbook } from '../../../test/_workbook.js';
import { readXlsx, type XlsxOptions } from './read-xlsx.js';
import { defaultSheet, type SheetChoice } from './sheet-choice.js';

afterAll(removeWorkbooks);

async function read(path: string, options: XlsxOptions = {}) {
  const chosen: SheetChoice[] = [];
  const source = readXlsx(path, { ...options, onSheet: (c) => { chosen.push(c); } });
  const rows: unknown[] = [];
  for await (const b of source.batches()) rows.push(...b.rows);
  return { rows, info: source.info(), chosen };
}

// An agency's workbook often opens with a hidden sheet (an old copy of the register, lookup lists, a template): read by
// default, a run validated the hidden old copy and could pass while the visible data sheet was never read.
describe('the sheet read by default', () => {
  it.each(['hidden', 'veryHidden'])('is the first visible one: a %s sheet before it is not read', async (state) => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('Old copy', { state }).addRows([['id'], ['old']]);
      wb.addWorksheet('Data').addRows([['id'], ['1']]);
      wb.addWorksheet('Lists').addRows([['code'], ['01']]);
    });
    const r = await read(path);
    expect(r.rows).toEqual([['1']]);
    expect(r.info).toEqual({ kind: 'xlsx', name: expect.any(String), sheet: 'Data', records: 1 });
    expect(r.chosen).toEqual([{ name: 'Data', asked: false, sheets: [
      { name: 'Old copy', state }, { name: 'Data', state: 'visible' }, { name: 'Lists', state: 'visible' }] }]);
  });

  it('is the first visible one in workbook order when the zip holds the parts in another (Excel\'s order)', async () => {
    const path = await rewriteWorkbook(await writeWorkbook((wb) => {
      wb.addWorksheet('Template', { state: 'hidden' }).addRows([['id'], ['t']]);
      wb.addWorksheet('Data').addRows([['id'], ['1']]);
    }), () => undefined, { excelOrder: true });
    expect((await read(path)).rows).toEqual([['1']]);
  });

  it('a hidden sheet is read when asked for by name, and the report names it', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('Old copy', { state: 'hidden' }).addRows([['id'], ['old']]);
      wb.addWorksheet('Data').addRows([['id'], ['1']]);
    });
    const r = await read(path, { sheet: 'Old copy' });
    expect(r.rows).toEqual([['old']]);
    expect(r.info.sheet).toBe('Old copy');
    expect(r.chosen.map((c) => [c.name, c.asked])).toEqual([['Old copy', true]]);
  });

  it('a workbook whose sheets are all hidden is not read: it lists them and asks for one by name', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('A', { state: 'hidden' }).addRows([['id'], ['1']]);
      wb.addWorksheet('B', { state: 'veryHidden' }).addRows([['id'], ['2']]);
    });
    const source = readXlsx(path);
    await expect((async () => { for await (const b of source.batches()) void b; })()).rejects.toThrow(
      /every sheet of .*\.xlsx is hidden: "A" \(hidden\), "B" \(very hidden\); choose the one to read with the sheet option$/);
    expect(source.info().error).toMatch(/every sheet .* is hidden/);
    expect((await read(path, { sheet: 'B' })).rows).toEqual([['2']]);
  });
});

describe('defaultSheet', () => {
  it.each([
    [[{ name: 'A', state: 'visible' }], 'A'],
    [[{ name: 'A', state: 'hidden' }, { name: 'B', state: 'visible' }], 'B'],
    [[{ name: 'A', state: 'veryHidden' }, { name: 'B', state: 'hidden' }], undefined],
    [[], undefined],
  ] as const)('of %j is %s', (sheets, expected) => {
    expect(defaultSheet(sheets)).toBe(expected);
  });
});
