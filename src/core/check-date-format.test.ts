import { parse } from 'date-fns';
import { describe, expect, it, vi } from 'vitest';
import { checkDateFormat } from './check-date-format.js';

describe('checkDateFormat', () => {
  it.each([
    ['dd/MM/yyyy'], ['yyyy-MM-dd'], ['yyyyMMdd'], ['MM/yyyy'], ['d/M/yyyy'], ['dd.MM.yyyy'], ['dd MMM yyyy'],
    ['MMMM d, yyyy'], ['do MMMM yyyy'], ["'ngày' dd 'tháng' MM 'năm' yyyy"], ["yyyy-MM-dd'T'"], ["dd/MM/yyyy 'o''clock'"],
  ])('accepts the date format %s', (format) => {
    expect(checkDateFormat(format)).toBeUndefined();
  });

  it.each([
    ['yyyy-MM-dd HH:mm'], ['yyyyMMddHHmm'], ['dd/MM/yyyy HH:mm:ss.SSS'], ['dd/MM/yyyy hh:mm a'], ['dd/MM/yyyy KK:mm a'],
    ['dd/MM/yyyy HH'],
  ])('accepts the date-time format %s (a whole time, from the hour)', (format) => {
    expect(checkDateFormat(format)).toBeUndefined();
  });

  it.each([
    ['DD/MM/YYYY', '"DD/MM/YYYY": DD is the day of the year and YYYY the week-numbering year; did you mean dd/MM/yyyy?'],
    ['YYYY-MM-DD', '"YYYY-MM-DD": YYYY is the week-numbering year and DD the day of the year; did you mean yyyy-MM-dd?'],
    ['dd/MM/YYYY', '"dd/MM/YYYY": YYYY is the week-numbering year; did you mean dd/MM/yyyy?'],
    ['dd/mm/yyyy', '"dd/mm/yyyy": mm is minutes; did you mean MM (month)?'],
    ['yyyy-mm-dd', '"yyyy-mm-dd": mm is minutes; did you mean MM (month)?'],
    ['dd/MM/yyyy mm:ss', '"dd/MM/yyyy mm:ss": mm is minutes; did you mean MM (month)?'],
    ['dd/MM/yyyy HH:ss', '"dd/MM/yyyy HH:ss": ss (seconds) without mm (minutes)'],
    ['dd/MM/yyyy HH:mm.SSS', '"dd/MM/yyyy HH:mm.SSS": SSS (fractions of a second) without ss (seconds)'],
    ['dd/XX/yyyy', '"dd/XX/yyyy": unknown or unsupported date-fns token "XX"'],
    ['ngày dd/MM/yyyy', '"ngày dd/MM/yyyy": unknown or unsupported date-fns token "n"'],
    ['EEE dd/MM/yyyy', '"EEE dd/MM/yyyy": unknown or unsupported date-fns token "EEE" (the day of the week is not checked'],
    ['dd/LL/yyyy', 'did you mean MM (month)?'],
    ['dd/MM/yyyy dd', '"dd/MM/yyyy dd": d is given twice'],
    ['dd/MM/yy', '"dd/MM/yy": yy is a two-digit year, whose century would be guessed; did you mean yyyy?'],
    ['dd/MM', '"dd/MM": no year (yyyy)'],
    ['dd/yyyy', '"dd/yyyy": no month (MM)'],
    ['yyyy', '"yyyy": no month (MM)'],
    ['', '"": no year (yyyy)'],
    ['dd MMMMM yyyy', 'MMMMM (one-letter month name) is ambiguous'],
  ])('refuses the date format %j: %s', (format, reason) => {
    expect(checkDateFormat(format)).toContain(reason);
  });

  it.each([
    ['dd/MM/yyyy HH:mm a', 'a (AM/PM) needs a 12-hour token'],
    ['dd/MM/yyyy hh:mm', 'a 12-hour clock needs a (AM/PM)'],
    ['dd/MM/yyyy HH:mm kk', 'H and k are both hours'],
    ['DD/MM/yyyy HH:mm', 'DD is the day of the year'],
  ])('refuses the date-time format %j: %s', (format, reason) => {
    expect(checkDateFormat(format)).toContain(reason);
  });

  // The formats refused first of all are those date-fns itself throws on while parsing: every format accepted here
  // must parse a matching value without throwing.
  it.each([
    ['dd/MM/yyyy', '03/04/2025'], ['d/M/yyyy', '3/4/2025'], ['dd MMM yyyy', '03 Apr 2025'], ['do MMMM yyyy', '3rd April 2025'],
    ["'ngày' dd 'tháng' MM 'năm' yyyy", 'ngày 03 tháng 04 năm 2025'],
  ])('an accepted format %s parses %s with date-fns', (format, text) => {
    expect(checkDateFormat(format)).toBeUndefined();
    expect(parse(text, format, new Date(2000, 0, 1)).getDate()).toBe(3);
  });

  it.each([['DD/MM/YYYY', '31/02/2024'], ['dd/MM/yyyy dd', '01/01/2025 01'], ['dd/MM/yyyy HH a', '01/02/2025 10 PM'], ['dd/nn/yyyy', '01/nn/2025']])(
    'refuses %s, which date-fns throws on while parsing %s', (format, text) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined); // date-fns warns before throwing
      expect(() => parse(text, format, new Date(2000, 0, 1))).toThrow();
      warn.mockRestore();
      expect(checkDateFormat(format)).toBeDefined();
    });
});
