import { describe, expect, it } from 'vitest';
import { compileDateFormat, dateFormatter, parseIsoDateTime } from './date-format.js';

const iso = (ms: number) => (Number.isNaN(ms) ? 'invalid' : new Date(ms).toISOString());

describe('compileDateFormat', () => {
  it.each([
    ['dd/MM/yyyy', '03/04/2025', '2025-04-03T00:00:00.000Z'],
    ['dd/MM/yyyy', '29/02/2024', '2024-02-29T00:00:00.000Z'],
    ['dd/MM/yyyy', '31/02/2024', 'invalid'],
    ['dd/MM/yyyy', '29/02/2023', 'invalid'],
    ['dd/MM/yyyy', '3/4/2025', 'invalid'],
    ['dd/MM/yyyy', '03-04-2025', 'invalid'],
    ['dd/MM/yyyy', '00/00/2025', 'invalid'],
    ['yyyyMMdd', '20250403', '2025-04-03T00:00:00.000Z'],
    ['MM/yyyy', '07/2026', '2026-07-01T00:00:00.000Z'],
    ['yyyyMMddHHmm', '202504031530', '2025-04-03T15:30:00.000Z'],
    ['yyyyMMddHHmm', '202504032530', 'invalid'],
    // A format with other tokens goes through date-fns, still read as a UTC calendar day.
    ['d/M/yyyy', '3/4/2025', '2025-04-03T00:00:00.000Z'],
    ['d/M/yyyy', '31/2/2025', 'invalid'],
    // date-fns reads yyyy as 1–4 digits: a two-digit year was the year 19, a valid date 2000 years ago. A year is
    // four digits in every format, as dd/MM/yyyy reads it (a zero-padded 0019 is still the year 19 in both).
    ['d/M/yyyy', '29/11/19', 'invalid'],
    ['d/M/yyyy', '3/4/193', 'invalid'],
    ['d/M/yyyy', '29/11/0019', '0019-11-29T00:00:00.000Z'],
    ['dd/MM/yyyy', '29/11/0019', '0019-11-29T00:00:00.000Z'],
    ["'ngày' d 'tháng' M 'năm' yyyy", 'ngày 29 tháng 11 năm 2019', '2019-11-29T00:00:00.000Z'],
    ["'ngày' d 'tháng' M 'năm' yyyy", 'ngày 29 tháng 11 năm 19', 'invalid'],
    // date-fns accepts whitespace after the date, dd/MM/yyyy does not: neither trims silently.
    ['dd/MM/yyyy', '29/11/2019 ', 'invalid'],
    ['d/M/yyyy', '29/11/2019 ', 'invalid'],
    ['d/M/yyyy', '29/11/2019\u00a0', 'invalid'],
    ['d/M/yyyy', '29/11/2019\t', 'invalid'],
    ["d/M/yyyy' '", '29/11/2019 ', '2019-11-29T00:00:00.000Z'],
  ])('%s parses %j as %s', (format, text, expected) => {
    const parse = compileDateFormat(format);
    expect(iso(parse(text))).toBe(expected);
    expect(iso(parse(text))).toBe(expected); // second call comes from the cache
  });
});

describe('compileDateFormat refuses a format it cannot read as written', () => {
  it.each([
    ['DD/MM/YYYY', 'ddss: date format "DD/MM/YYYY": DD is the day of the year'],
    ['dd/mm/yyyy', 'ddss: date format "dd/mm/yyyy": mm is minutes'],
  ])('%s', (format, message) => {
    expect(() => compileDateFormat(format)).toThrow(message);
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T10:20:30', '2026-11-01T10:20:30.000Z'],
    ['2026-11-01T10:20:30.5Z', '2026-11-01T10:20:30.500Z'],
    ['2026-11-01T10:20:30+07:00', '2026-11-01T03:20:30.000Z'],
    ['2026-11-01 10:20', '2026-11-01T10:20:00.000Z'],
    ['2026-02-30', 'invalid'],
    ['01/11/2026', 'invalid'],
    ['2026-11-01T25:00:00Z', 'invalid'],
    ['', 'invalid'],
  ])('%s → %s', (text, expected) => expect(iso(parseIsoDateTime(text))).toBe(expected));
});

describe('dateFormatter', () => {
  it.each([
    ['dd/MM/yyyy', '2025-04-03T00:00:00Z', '03/04/2025'],
    ['MM/yyyy', '2026-07-01T00:00:00Z', '07/2026'],
    ['yyyyMMdd', '0099-12-31T00:00:00Z', '00991231'],
    ['yyyy-MM-dd HH:mm', '2026-03-15T23:59:00Z', '2026-03-15 23:59'],
    ['d MMM yyyy', '2026-03-05T00:00:00Z', '5 Mar 2026'],
  ])('%s writes %s as %s, which the format reads back', (format, iso, text) => {
    const d = new Date(iso);
    expect(dateFormatter(format)(d)).toBe(text);
    expect(compileDateFormat(format)(text)).toBe(d.getTime());
  });
});
