import { describe, expect, it } from 'vitest';
import { residentialTermPermanent } from './residential-term-permanent.js';
import { codes, day, runRecord } from '../cross/_testkit.js';

describe('residentialTermPermanent', () => {
  const rule = residentialTermPermanent({ code: 'land_use_code', term: 'land_use_term' });
  it.each([
    ['ONT', 'LAU_DAI', []], ['ODT', 'LAU_DAI', []], ['LUC', '01/01/2070', []], ['CLN', 'LAU_DAI', []],
    ['ONT', '01/01/2070', ['residential_term_not_permanent']], ['ODT', 'lau dai', ['residential_term_not_permanent']],
    ['ODT', day('2070-01-01'), ['residential_term_not_permanent']],
    // Both columns without their surrounding whitespace: a spaced LAU_DAI was "not permanent", a spaced ODT not residential.
    ['ODT', 'LAU_DAI\u00a0', []], ['ONT ', ' LAU_DAI', []], ['\ufeffODT', '01/01/2070', ['residential_term_not_permanent']],
  ])('%s with term %s gives %j', (code, term, expected) => {
    expect(codes(runRecord(rule, { land_use_code: code, land_use_term: term }))).toEqual(expected);
  });

  it('suggests LAU_DAI on the term column', () => {
    const [f] = runRecord(rule, { land_use_code: 'ONT', land_use_term: '01/01/2070' });
    expect([f?.field, f?.suggestion]).toEqual(['land_use_term', 'LAU_DAI']);
  });
});
