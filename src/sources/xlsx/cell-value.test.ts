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
  ])('serial %d (1904: %s) is %s', (serial, date1904, iso) => {
    expect(excelDate(serial, date1904).toISOString()).toBe(iso);
  });
});

describe('cellValue of a shared string the workbook has no table for', () => {
  it('throws, naming the missing table (it read as "[object Object]")', () => {
    expect(() => cellValue({ sharedString: 3 })).toThrow(/the shared-string table \(xl\/sharedStrings\.xml\).* is missing, yet the sheet's cells refer to it/);
  });
});
