import { afterAll, describe, expect, it } from 'vitest';
import { removeWorkbooks, rewriteWorkbook, writeWorkbook } from '../../../test/_workbook.js';
import { readXlsx } from './read-xlsx.js';
import { cellRefs } from './cell-refs.js';

afterAll(removeWorkbooks);

const BARE = '<sheetData><row><c t="s"><v>0</v></c><c/><c><v>2</v></c></row><row r="4" spans="1:3"><c r="B4"><v>5</v></c>' +
  '<c><v>6</v></c></row><row><c><v>7</v></c></row></sheetData><cols><col min="1"/></cols>';
const WITH_REFS = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/><c r="C1"><v>2</v></c></row><row r="4" spans="1:3">' +
  '<c r="B4"><v>5</v></c><c r="C4"><v>6</v></c></row><row r="5"><c r="A5"><v>7</v></c></row></sheetData><cols><col min="1"/></cols>';

describe('cellRefs', () => {
  it.each(Array.from({ length: BARE.length + 1 }, (_, cut) => cut))('gives each row and cell its reference, the text cut at %i', (cut) => {
    const s = cellRefs();
    expect(s.scan(BARE.slice(0, cut)) + s.scan(BARE.slice(cut)) + s.end()).toBe(WITH_REFS);
  });

  it('passes a sheet whose rows and cells have their references unchanged', () => {
    const s = cellRefs();
    expect(s.scan(WITH_REFS) + s.end()).toBe(WITH_REFS);
  });
});

describe('readXlsx on a sheet stored without row and cell references', () => {
  it('reads the rows as Excel does (it failed as a damaged sheet: "reading \'length\'")', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('S').addRows([['id', 'name', 'n'], ['P1', 'Hà Nội', 1], ['P2', 'Huế', 2]]);
    });
    const bare = await rewriteWorkbook(path, (name, text) =>
      (name === 'xl/worksheets/sheet1.xml' ? text.replace(/(<(?:row|c)) r="[A-Z]*\d+"/g, '$1') : undefined));
    const rows: unknown[][] = [];
    const lines: number[] = [];
    for await (const b of readXlsx(bare).batches()) {
      rows.push(...(b.rows as unknown[][]));
      lines.push(...Array.from(b.lines ?? []));
    }
    expect(rows).toEqual([['P1', 'Hà Nội', 1], ['P2', 'Huế', 2]]);
    expect(lines).toEqual([2, 3]);
  });
});
