import { describe, expect, it } from 'vitest';
import { cellValue, excelDate } from './cell-value.js';

describe('cellValue', () => {
  it.each([
    ['empty', null, undefined, { value: '' }],
    ['text', 'Hà Nội', undefined, { value: 'Hà Nội' }],
    ['a number', 1089012345, undefined, { value: 1089012345 }],
    ['a boolean', false, undefined, { value: false }],
    ['rich text, joined', { richText: [{ text: 'Lê ' }, { text: 'Thị' }] }, undefined, { value: 'Lê Thị' }],
    ['a hyperlink, its text', { text: 'cổng', hyperlink: 'https://x.vn' }, undefined, { value: 'cổng' }],
    ['a formula, its cached number', { formula: 'A1*2', result: 4 }, undefined, { value: 4 }],
    ['a formula, its cached text', { formula: 'A1&"x"', result: 'ax' }, undefined, { value: 'ax' }],
    ['a shared formula', { sharedFormula: 'B2', result: 7 }, undefined, { value: 7 }],
    ['a dated formula result, as a date', { formula: 'TODAY()', result: 45000 }, 'dd/mm/yyyy', { value: new Date(Date.UTC(2023, 2, 15)) }],
    ['a number formatted as a number, not a date', { formula: 'A1', result: 45000 }, '#,##0', { value: 45000 }],
    ['an error cell', { error: '#N/A' }, undefined, { code: 'error_cell', params: { value: '#N/A' } }],
    ['a formula whose cached result is an error', { formula: '1/0', result: Number.NaN }, undefined,
      { code: 'error_cell', params: { value: 'formula error', formula: '1/0' } }],
    ['a formula without a cached result', { formula: 'SUM(A:A)' }, undefined, { code: 'formula_without_value', params: { formula: 'SUM(A:A)' } }],
  ])('%s', (_, v, fmt, expected) => {
    expect(cellValue(v, fmt)).toEqual(expected);
  });
});

describe('excelDate', () => {
  it.each([
    [45000, false, '2023-03-15T00:00:00.000Z'],
    [61, false, '1900-03-01T00:00:00.000Z'],
    [45000 - 1462, true, '2023-03-15T00:00:00.000Z'],
    [0, true, '1904-01-01T00:00:00.000Z'],
    [45000.5, false, '2023-03-15T12:00:00.000Z'],
    // Excel's serial 1 is 01/01/1900: before its phantom 29/02/1900 (serial 60) the days count from 31/12/1899.
    [1, false, '1900-01-01T00:00:00.000Z'],
    [59.25, false, '1900-02-28T06:00:00.000Z'],
  ])('serial %d (1904: %s) is %s', (serial, date1904, iso) => {
    expect(excelDate(serial, date1904).toISOString()).toBe(iso);
  });
});

describe('a date cell of the 1900 system before 1 March 1900', () => {
  const day = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
  // exceljs hands a date-formatted number over as a Date counted from 30/12/1899, a day early before March 1900.
  it.each([
    ['serial 1, the placeholder 01/01/1900, is that day', day(1899, 12, 31), { value: day(1900, 1, 1) }],
    ['serial 59 is 28/02/1900', day(1900, 2, 27), { value: day(1900, 2, 28) }],
    ['serial 60, 29/02/1900, a day that never was, is no date', day(1900, 2, 28), { value: '1900-02-29' }],
    ['serial 60.5 keeps its time', day(1900, 2, 28, 12), { value: '1900-02-29T12:00:00' }],
    ['serial 0, the day 00/01/1900 Excel shows, is no date', day(1899, 12, 30), { value: '1900-01-00' }],
    ['a time-only cell (0.75) is its time of day, no date', day(1899, 12, 30, 18), { value: '18:00:00' }],
    ['a negative serial (Excel shows ####) is the number stored', day(1899, 12, 29), { value: -1 }],
    ['serial 61 is 01/03/1900, as before', day(1900, 3, 1), { value: day(1900, 3, 1) }],
  ])('%s', (_, exceljsDate, expected) => {
    expect(cellValue(exceljsDate, 'dd/mm/yyyy', false)).toEqual(expected);
  });
  it.each([
    ['serial 1', 1, { value: day(1900, 1, 1) }],
    ['serial 60', 60, { value: '1900-02-29' }],
    ['serial 0', 0, { value: '1900-01-00' }],
  ])('a dated formula result: %s', (_, serial, expected) => {
    expect(cellValue({ formula: 'A1', result: serial }, 'dd/mm/yyyy', false)).toEqual(expected);
  });
  it('leaves the 1904 system as it is: its serial 0 is 01/01/1904', () => {
    expect(cellValue(day(1904, 1, 1), 'dd/mm/yyyy', true)).toEqual({ value: day(1904, 1, 1) });
  });
});

describe('cellValue of a shared string the workbook has no table for', () => {
  it('throws, naming the missing table (it read as "[object Object]")', () => {
    expect(() => cellValue({ sharedString: 3 })).toThrow(/the shared-string table \(xl\/sharedStrings\.xml\).* is missing, yet the sheet's cells refer to it/);
  });
});
