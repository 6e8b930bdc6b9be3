import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_VALUES, missingDate, missingTest } from './missing.js';
import { defineDataset, field, validate } from '../index.js';

describe('missingTest', () => {
  const missing = missingTest([...DEFAULT_MISSING_VALUES, '-', '01/01/1900']);
  it.each([
    [undefined], [null], [''], ['   '], ['\t'], ['\u00a0'], ['N/A'], [' NULL '], ['-'], ['01/01/1900'], [Number.NaN],
  ])('%j is missing', (v) => expect(missing(v)).toBe(true));
  it.each([
    ['0'], ['a'], [' a '], ['N/A2'], [0], [false], ['01/01/1901'], ['—'],
  ])('%j is present', (v) => expect(missing(v)).toBe(false));
});

// A name of one zero-width space passed `required`: JavaScript's trim keeps U+200B, so the cell was not blank.
describe('a cell of invisible characters only', () => {
  const missing = missingTest(DEFAULT_MISSING_VALUES);
  it.each([['\u200b'], ['\u200b\u200b'], ['\u200c'], ['\u200d'], ['\u2060'], [' \u200b '], ['\u202f'], ['\u200bNULL\u200b'], ['\u205f-']])(
    '%j is missing', (v) => expect(missing(v)).toBe(true));
  it.each([['a\u200b'], ['\u200bb'], ['Lan\u200d']])('%j is present', (v) => expect(missing(v)).toBe(false));

  it('fails required in a run (the evaluator decides it too)', async () => {
    const def = defineDataset({ name: 'd', fields: { name: field.text().required() } });
    const report = await validate(def, [{ name: '\u200b' }, { name: '\u2060\u200d' }, { name: 'An' }], { now: new Date('2026-11-22') });
    expect(report.rules.find((r) => r.id === 'name.required')?.failed).toBe(2);
  });
});

describe('DEFAULT_MISSING_VALUES', () => {
  const missing = missingTest(DEFAULT_MISSING_VALUES);
  it.each([['-'], ['--'], [' - '], ['NULL'], ['Null'], ['N/A'], ['N/a'], ['n/A'], ['#N/A']])('%j is missing by default', (v) => expect(missing(v)).toBe(true));
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
