import { describe, expect, it } from 'vitest';
import { agriculturalTerm } from './agricultural-term.js';
import { codes, day, runRecord } from '../cross/_testkit.js';

describe('agriculturalTerm', () => {
  const rule = agriculturalTerm({ code: 'land_use_code', term: 'land_use_term', issueDate: 'gcn_issue_date' });
  it.each([
    ['LUC', '15/10/2063', '2013-10-15', []],
    ['LUC', '15/10/2063', '2013-10-16', []],
    ['LUC', '16/10/2063', '2013-10-15', ['agricultural_term_too_long']],
    ['CLN', '01/07/2074', '2024-07-01', []],
    ['NTS', '01/07/2080', '2024-07-01', ['agricultural_term_too_long']],
    ['HNK', '28/02/2074', '2024-02-29', []],
    ['HNK', '01/03/2074', '2024-02-29', ['agricultural_term_too_long']],
    ['RSX', '01/01/2099', '2020-01-01', ['agricultural_term_too_long']],
    ['RPH', '01/01/2099', '2020-01-01', []],
    ['ODT', '01/01/2099', '2020-01-01', []],
    // Regression: a permanent term on agricultural land passed while 50 years and a day was flagged (DOMAIN-VN §4.3).
    ['LUC', 'LAU_DAI', '2020-01-01', ['agricultural_term_permanent']],
    ['CLN', ' LAU_DAI', '2020-01-01', ['agricultural_term_permanent']],
    ['ODT', 'LAU_DAI', '2020-01-01', []],
    ['RPH', 'LAU_DAI', '2020-01-01', []],
    ['LUC', 'not a date', '2020-01-01', []],
    // The code and term without their surrounding whitespace (a spaced "LUC " with a 70-year term passed).
    ['LUC ', '16/10/2063', '2013-10-15', ['agricultural_term_too_long']],
    ['\u00a0NTS', '01/07/2080\t', '2024-07-01', ['agricultural_term_too_long']],
  ])('%s ending %s, issued %s, gives %j', (code, term, issued, expected) => {
    const row = { land_use_code: code, land_use_term: term, gcn_issue_date: day(issued) };
    expect(codes(runRecord(rule, row))).toEqual(expected);
  });

  it('is a warning and compares a dated term only where the issue date is valid', () => {
    expect(rule.severity).toBe('warning');
    expect(runRecord(rule, { land_use_code: 'LUC', land_use_term: '01/01/2199' })).toEqual([]);
  });

  it('reports a permanent term on the term column without a suggestion, whether or not an issue date is given', () => {
    for (const row of [{ land_use_code: 'HNK', land_use_term: 'LAU_DAI' }, { land_use_code: 'HNK', land_use_term: 'LAU_DAI', gcn_issue_date: day('2019-03-15') }]) {
      const [f, ...rest] = runRecord(rule, row);
      expect(rest).toEqual([]);
      expect([f?.code, f?.field, f?.suggestion, f?.params]).toEqual(['agricultural_term_permanent', 'land_use_term', undefined, { code: 'HNK' }]);
    }
    expect(rule.fields).toEqual(['land_use_code', 'land_use_term']);
  });
});
