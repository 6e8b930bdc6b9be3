import { describe, expect, it } from 'vitest';
import { excelSerialDates, serialDate } from './excel-serial-dates.js';

describe('excelSerialDates', () => {
  it.each<[string, string, number, number, 'name' | 'values' | undefined]>([
    ['ngay_cap', 'integer', 43831, 46000, 'name'],
    ['Ngày sinh', 'integer', 21916, 38000, 'name'],
    ['gcn_issue_date', 'number', 43831.25, 46000.5, 'name'],
    ['registered_at', 'integer', 43831, 46000, 'name'],
    ['issuedOn', 'integer', 43831, 46000, 'name'],
    ['c7', 'integer', 43831, 46000, 'values'],
    // Amounts, codes and counts in the same range are left alone when the name says so, and numbers with decimals.
    ['so_tien', 'integer', 43831, 46000, undefined],
    ['charter_capital', 'integer', 30000, 50000, undefined],
    ['c7', 'number', 43831.5, 46000, undefined],
    // Outside 1920–2099 (a year, a day count), or of 1920–1969 without a name saying date.
    ['ngay_cap', 'integer', 2019, 2024, undefined],
    ['ngay_cap', 'integer', 43831, 80000, undefined],
    ['c7', 'integer', 10000, 20000, undefined],
    ['ngay_cap', 'text', 43831, 46000, undefined],
  ])('%s (%s, %d – %d) → %s', (name, type, min, max, expected) => {
    expect(excelSerialDates(name, type, min, max)).toBe(expected);
  });

  it('reads serials as Excel does from 1 March 1900 on', () => {
    expect(serialDate(43831)).toBe('01/01/2020');
    expect(serialDate(46000)).toBe('09/12/2025');
    expect(serialDate(61)).toBe('01/03/1900');
  });
});
