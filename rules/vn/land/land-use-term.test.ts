import { describe, expect, it } from 'vitest';
import { landUseTerm } from './land-use-term.js';
import { codes, day, runValue } from '../cross/_testkit.js';

describe('landUseTerm', () => {
  it.each([['LAU_DAI'], ['15/10/2063'], ['29/02/2072'], [day('2070-01-01')]])('accepts %s', (term) => {
    expect(runValue(landUseTerm(), term)).toEqual([]);
  });

  it.each([['lâu dài'], ['LAU DAI'], ['31/02/2070'], ['2070-01-01'], ['15/10/63'], [''], [2063]])('reports %s', (term) => {
    expect(codes(runValue(landUseTerm(), term))).toEqual(['invalid_land_use_term']);
  });

  // Regression: "LAU_DAI " and a spaced end date were invalid terms: a right term with a stray space is `trimmed`'s.
  it.each([['LAU_DAI '], ['\u00a0LAU_DAI'], ['\ufeff15/10/2063'], ['15/10/2063\t']])('judges %j without its surrounding whitespace', (term) => {
    expect(runValue(landUseTerm(), term)).toEqual([]);
  });

  it('reads another declared format', () => {
    expect(runValue(landUseTerm({ format: 'yyyyMMdd' }), '20700101')).toEqual([]);
  });
});

