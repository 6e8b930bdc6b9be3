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

/** A serial as exceljs hands over a cell whose format it takes for a date's: a Date counted from 30/12/1899 (1900) or 01/01/1904. */
const exceljsDate = (serial: number, date1904 = false): Date =>
  new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
/** 36 hours 30 minutes, 1.5208333333333333 days: as Excel stores `36:30` (a binary fraction a hair off). */
const H36M30 = 36.5 / 24;
const S = 1 / 86_400;

describe('a cell formatted as an elapsed duration', () => {
  // exceljs and ddss' own test of a formula's format took `[h]:mm` for a date's format: 36:30 reached the rules as
  // the date 01/01/1900 12:30, which a date field accepted. It is the text Excel shows, as a CSV export writes it.
  it.each([
    ['[h]:mm', H36M30, '36:30'],
    ['[h]:mm:ss', H36M30, '36:30:00'],
    ['[mm]:ss', H36M30, '2190:00'],
    ['[hh]:mm', 1.5 / 24, '01:30'],
    ['[h]:mm:ss.0', H36M30 + 0.3 * S, '36:30:00.3'],
    ['[h]:mm:ss.000', H36M30 + 0.123 * S, '36:30:00.123'],
    ['[Red][h]:mm', H36M30, '36:30'],
    ['[$-42A][h]:mm:ss', H36M30, '36:30:00'],
    ['[h]"h"mm', H36M30, '36h30'],
    ['[h] "giờ" mm "phút"', H36M30, '36 giờ 30 phút'],
    ['[h]\\h\\ mm', H36M30, '36h 30'],
    ['[h]:mm;@', H36M30, '36:30'],
    ['[<1]mm:ss;[h]:mm:ss', 15 / 1440, '15:00'],
    ['[<1]mm:ss;[h]:mm:ss', H36M30, '36:30:00'],
    // Rounded to the second (or the fraction shown), then cut to the unit shown, as Excel shows it: 12:29:59.6 is
    // 12:30:00, and 12:29:40 under [h]:mm is 12:29, not 12:30.
    ['[h]:mm:ss', (12 * 3600 + 29 * 60 + 59.6) * S, '12:30:00'],
    ['[h]:mm', (12 * 3600 + 29 * 60 + 40) * S, '12:29'],
    ['[h]:mm', 12.5 / 24, '12:30'],
  ])('%s of %d days is %s', (fmt, serial, text) => {
    expect(cellValue(exceljsDate(serial), fmt, false)).toEqual({ value: text });
    expect(cellValue(exceljsDate(serial, true), fmt, true)).toEqual({ value: text });
    expect(cellValue({ formula: 'B2-A2', result: serial }, fmt, false)).toEqual({ value: text });
    expect(cellValue({ formula: 'B2-A2', result: serial }, fmt, true)).toEqual({ value: text });
  });

  // exceljs hands these over as numbers (nothing is left once it drops the brackets): they were the day fraction.
  it.each([
    ['[ss]', H36M30, '131400'],
    ['[s].00', 8.64 * S, '8.64'],
    ['[h]', H36M30, '36'],
    ['[mm]', H36M30, '2190'],
  ])('%s of %d days is %s, not the serial', (fmt, serial, text) => {
    expect(cellValue(serial, fmt, false)).toEqual({ value: text });
    expect(cellValue({ formula: 'B2-A2', result: serial }, fmt, false)).toEqual({ value: text });
  });

  it('a value that is no finite number is left as it is, not written as NaN:NaN', () => {
    expect(cellValue(Number.NaN, '[h]:mm', false)).toEqual({ value: Number.NaN });
    expect(cellValue(new Date(Number.NaN), 'h:mm', true)).toEqual({ value: new Date(Number.NaN) });
  });

  it('a negative duration is the number stored in the 1900 system (Excel shows ####), signed in the 1904 one', () => {
    expect(cellValue(exceljsDate(-1.5 / 24), '[h]:mm', false)).toEqual({ value: -0.0625 });
    expect(cellValue({ formula: 'A2-B2', result: -1.5 / 24 }, '[h]:mm', false)).toEqual({ value: -0.0625 });
    expect(cellValue(exceljsDate(-1.5 / 24, true), '[h]:mm', true)).toEqual({ value: '-1:30' });
    expect(cellValue(-1.5 / 24, '[ss]', true)).toEqual({ value: '-5400' });
  });
});

describe('a cell formatted as a time of day', () => {
  // It read as the time `12:30:00` whatever its format in the 1900 system, and as a date (01/01/1904 12:30, or the day
  // a full serial names) in the 1904 one or with a date in its serial, which a date field accepted: it is what Excel
  // shows, as for a duration.
  it.each([
    ['h:mm', 12.5 / 24, '12:30'],
    ['hh:mm:ss', 12.5 / 24, '12:30:00'],
    ['h:mm AM/PM', 12.5 / 24, '12:30 PM'],
    ['h:mm AM/PM', 6 / 24, '6:00 AM'],
    ['h:mm AM/PM', 0, '12:00 AM'],
    ['hh:mm am/pm', 18.25 / 24, '06:15 pm'],
    ['h:mm A/P', 6 / 24, '6:00 A'],
    ['h:mm:ss AM/PM', (12 * 3600 + 29 * 60 + 59.6) / 86_400, '12:30:00 PM'],
    ['mm:ss', 12.5 / 24, '30:00'],
    ['mmss.0', (30 * 60 + 5.25) / 86_400, '3005.3'],
    ['[$-409]h:mm:ss AM/PM;@', 12.5 / 24, '12:30:00 PM'],
    ['[$-42A]h:mm', 12.5 / 24, '12:30'],
    ['[Blue]h "giờ" mm', 12.5 / 24, '12 giờ 30'],
    ['h\\hmm', 12.5 / 24, '12h30'],
    // A date and time shown as a time only: the time shown (a CSV export has no date either).
    ['h:mm', 45000.75, '18:00'],
    ['hh:mm', 45000 + 23.999 / 24, '23:59'],
  ])('%s of %d days is %s', (fmt, serial, text) => {
    expect(cellValue(exceljsDate(serial), fmt, false)).toEqual({ value: text });
    expect(cellValue(exceljsDate(serial, true), fmt, true)).toEqual({ value: text });
    expect(cellValue({ formula: 'NOW()', result: serial }, fmt, false)).toEqual({ value: text });
    expect(cellValue({ formula: 'NOW()', result: serial }, fmt, true)).toEqual({ value: text });
  });
});

describe('a cell stored as an ISO 8601 date (t="d") in a time format', () => {
  // Such a cell read as its date and time whatever its format: it shows what a number of the same day would.
  it.each([
    ['2024-03-05T13:45:30', 'h:mm', false, '13:45'],
    ['2024-03-05T13:45:30', 'h:mm:ss AM/PM', true, '1:45:30 PM'],
    ['1899-12-31T12:30:00', 'hh:mm', false, '12:30'],
    // The serial of 01/01/1900 12:30 is 1.52 (serial 1 is that day), of 02/01/1904 12:30 in the 1904 system too.
    ['1900-01-01T12:30:00', '[h]:mm', false, '36:30'],
    ['1904-01-02T12:30:00', '[h]:mm', true, '36:30'],
    ['2024-03-05T13:45:30', 'dd/mm/yyyy hh:mm', false, new Date(Date.UTC(2024, 2, 5, 13, 45, 30))],
  ])('%s in %s (1904: %s) is %j', (iso, fmt, date1904, expected) => {
    expect(cellValue(iso, fmt, date1904, 'd')).toEqual({ value: expected });
    expect(cellValue({ formula: 'NOW()', result: iso }, fmt, date1904, 'd')).toEqual({ value: expected });
  });
});

describe('date formats stay dates, number formats numbers', () => {
  const day = new Date(Date.UTC(2023, 2, 15, 18, 30));
  it.each([
    'dd/mm/yyyy', 'yyyy-mm-dd hh:mm', '[$-42A]dd/mm/yyyy', '[$-F800]dddd, mmmm dd, yyyy', 'mmm', 'mmm-yy', 'd-mmm',
    '[Red]dd/mm/yyyy', 'dd/mm/yyyy" lúc "hh"h"mm', 'm/d/yy "h":mm', 'dd/mm/yyyy [h]:mm',
  ])('%s: a Date, and a formula result a Date', (fmt) => {
    expect(cellValue(day, fmt, false)).toEqual({ value: day });
    expect(cellValue({ formula: 'A1', result: 45000.7708333333 }, fmt, false)).toEqual({ value: new Date(Date.UTC(2023, 2, 15, 18, 30)) });
  });
  it.each(['0" h"', '"h"0', '#,##0 "giờ"', '0.00', 'General', '0.00E+00', '@'])('%s: the number', (fmt) => {
    expect(cellValue(1.5, fmt, false)).toEqual({ value: 1.5 });
    expect(cellValue({ formula: 'A1', result: 1.5 }, fmt, false)).toEqual({ value: 1.5 });
  });
});
