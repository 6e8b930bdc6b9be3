import { describe, expect, it } from 'vitest';
import { genderReader, recordBirth, registerBirth, registerDate, registerMissing } from './_person-register.js';

describe('the population register format', () => {
  it.each([
    ['NULL', true], ['N/A', true], ['-', true], [' -- ', true], ['00/00/0000', true], ['01/01/1900', true], ['', true],
    ['00/00/1975', false], ['1975', false], ['Nam', false], ['Nguyễn Văn An', false],
  ])('the cell %j is a placeholder for nothing: %s', (text, expected) => {
    expect(registerMissing(text)).toBe(expected);
  });

  it.each([
    ['03/04/2025', Date.UTC(2025, 3, 3)], ['3/4/2025', Date.UTC(2025, 3, 3)], ['2025-04-03', Date.UTC(2025, 3, 3)],
    [' 29/02/2024 ', Date.UTC(2024, 1, 29)], ['29/02/2023', undefined], ['31/04/2025', undefined], ['2025-02-30', undefined],
    ['04/03/25', undefined], ['', undefined], ['không rõ', undefined], ['2025', undefined],
  ])('a date %j reads as %s (no rollover)', (text, expected) => {
    expect(registerDate(text)).toBe(expected);
  });

  it.each([
    ['1975', { year: 1975 }], ['00/00/1975', { year: 1975 }], ['15/03/1989', { year: 1989, date: Date.UTC(1989, 2, 15) }],
    ['1989-03-15', { year: 1989, date: Date.UTC(1989, 2, 15) }], ['00/03/1975', undefined], ['31/02/1990', undefined], ['', undefined],
  ])('a birth %j reads as %j', (text, expected) => {
    expect(registerBirth(text)).toEqual(expected);
  });

  it.each([
    [new Date('1989-03-15T00:00:00Z'), { year: 1989, date: Date.UTC(1989, 2, 15) }], [1989, { year: 1989 }], ['1989', { year: 1989 }],
    [1989.5, undefined], [new Date(Number.NaN), undefined], [null, undefined],
  ])('a record value %j reads as %j', (value, expected) => {
    expect(recordBirth(value)).toEqual(expected);
  });

  it.each([
    ['Nam', 'Nam'], [' NỮ ', 'Nữ'], ['Nu\u031b\u0303', 'Nữ'], ['Nũ', undefined], ['nam', 'Nam'], ['Khác', undefined], [1, undefined], [undefined, undefined],
  ])('the gender %j reads as %j by default', (value, expected) => {
    expect(genderReader({ male: ['Nam'], female: ['Nữ'] })(value)).toBe(expected);
  });

  it('reads a coded vocabulary, numbers as their text', () => {
    const read = genderReader({ male: [1, 'M'], female: [2, 'F'] });
    expect([read('1'), read(2), read('m'), read('F'), read('0')]).toEqual(['Nam', 'Nữ', 'Nam', 'Nữ', undefined]);
  });
});
