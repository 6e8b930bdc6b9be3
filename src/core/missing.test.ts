import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_VALUES, missingTest } from './missing.js';

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
