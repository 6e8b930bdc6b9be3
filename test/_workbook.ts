import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { loadExcelJs } from '../src/sources/xlsx/exceljs.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the workbook writer is used only by tests, untyped */
const dir = mkdtempSync(join(tmpdir(), 'ddss-xlsx-'));
// Registered in the test file that imports this helper: its workbooks go when its tests are done.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/**
 * Writes a workbook built by `build` with exceljs (the library ddss reads workbooks with) and returns its path.
 * @example const path = await writeWorkbook((wb) => wb.addWorksheet('S').addRows([['id'], ['1']]));
 */
export async function writeWorkbook(build: (wb: any) => void): Promise<string> {
  const ExcelJS = await loadExcelJs();
  const wb: any = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, `w${n++}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

/**
 * A CSV file as a workbook sheet of text cells (the header row, then each record), as Excel keeps a column of text.
 * @example const path = await csvAsWorkbook('examples/land/parcels.csv', 'Sổ địa chính');
 */
export async function csvAsWorkbook(csv: string, sheet: string): Promise<string> {
  const rows: (readonly string[])[] = [];
  for await (const batch of readCsv(csv).batches()) {
    if (batch.columns !== undefined) rows.push(batch.columns);
    rows.push(...(batch.rows as readonly string[][]));
  }
  return writeWorkbook((wb) => {
    wb.addWorksheet('Ghi chú').addRow(['not this sheet']);
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => { if (v !== '') { row.getCell(j + 1).value = v; row.getCell(j + 1).numFmt = '@'; } });
    });
  });
}
