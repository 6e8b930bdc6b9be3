import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_VALUES, missingDate, missingTest } from './missing.js';

describe('missingTest', () => {
  const missing = missingTest([...DEFAULT_MISSING_VALUES, '-', '01/01/1900']);
  it.each([
    [undefined], [null], [''], ['   '], ['\t'], ['\u00a0'], ['N/A'], [' NULL '], ['-'], ['01/01/1900'], [Number.NaN],
  ])('%j is missing', (v) => expect(missing(v)).toBe(true));
  it.each([
    ['0'], ['a'], [' a '], ['N/A2'], [0], [false], ['01/01/1901'], ['—'],
  ])('%j is present', (v) => expect(missing(v)).toBe(false));
});

describe('DEFAULT_MISSING_VALUES', () => {
  const missing = missingTest(DEFAULT_MISSING_VALUES);
  it.each([['-'], ['--'], [' - '], ['NULL'], ['N/A'], ['#N/A']])('%j is missing by default', (v) => expect(missing(v)).toBe(true));
  it.each([['-5'], ['---'], ['—'], ['a-b'], ['0']])('%j is present by default', (v) => expect(missing(v)).toBe(false));
});

describe('missingDate', () => {
  const missing = missingTest(['1900-01-01', '0001-01-01', '01/01/1900']);
  it.each([['1900-01-01T00:00:00Z'], ['0001-01-01T00:00:00Z']])('a Date at midnight of %s is missing', (iso) => {
    expect(missing(new Date(iso))).toBe(true);
  });
  it.each([['1900-01-01T00:00:01Z'], ['1900-01-02T00:00:00Z'], ['1901-01-01T00:00:00Z']])('a Date at %s is present', (iso) => {
    expect(missing(new Date(iso))).toBe(false);
  });
  it('only tokens written yyyy-MM-dd name days: 01/01/1900 alone makes no Date missing', () => {
    expect(missingDate(['01/01/1900', 'NULL'])(new Date('1900-01-01T00:00:00Z'))).toBe(false);
  });
});
