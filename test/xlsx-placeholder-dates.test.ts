import { afterAll, describe, expect, it } from 'vitest';
import { defineDataset, field, readCsv, readXlsx, validate } from '../src/index.js';
import { VN_MISSING_VALUES } from '../rules/vn/dates/missing-values.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';

afterAll(removeWorkbooks);

const NOW = new Date('2026-11-22T00:00:00Z');
const dataset = (missingValues: readonly string[]) => defineDataset({
  name: 'so', missingValues, fields: { id: field.text().required(), issued: field.date('dd/MM/yyyy').required().notInFuture() },
});

/** A workbook whose `issued` column holds date cells: Excel's serial 1 (shown 01/01/1900, the "no date" placeholder) and a real day. */
async function workbook(): Promise<string> {
  return writeWorkbook((wb) => {
    const ws = wb.addWorksheet('S');
    ws.addRow(['id', 'issued']);
    ws.addRow(['P1', 1]);
    ws.addRow(['P2', 45000]);
    for (const r of [2, 3]) ws.getRow(r).getCell(2).numFmt = 'dd/mm/yyyy';
  });
}

describe('a placeholder date written as a date cell', () => {
  it('is missing where its text is (01/01/1900 of the Vietnamese placeholders), as the same export saved as CSV', async () => {
    const fromXlsx = await validate(dataset(VN_MISSING_VALUES), readXlsx(await workbook()), { now: NOW });
    const fromCsv = await validate(dataset(VN_MISSING_VALUES), readCsv(Buffer.from('id,issued\nP1,01/01/1900\nP2,15/03/2023\n')), { now: NOW });
    for (const r of [fromXlsx, fromCsv]) {
      expect(r.rules.find((x) => x.id === 'issued.required')).toMatchObject({ failed: 1 });
      expect(r.rules.find((x) => x.id === 'issued.notInFuture')).toMatchObject({ checked: 1, failed: 0 });
    }
  });

  it('is a date like any other where the dataset does not count that day as missing', async () => {
    const r = await validate(dataset([]), readXlsx(await workbook()), { now: NOW });
    expect(r.rules.find((x) => x.id === 'issued.required')).toMatchObject({ failed: 0 });
    expect(r.rules.find((x) => x.id === 'issued.notInFuture')).toMatchObject({ checked: 2, failed: 0 });
  });
});
