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
    ['LUC', 'LAU_DAI', '2020-01-01', []],
    ['LUC', 'not a date', '2020-01-01', []],
    // The code and term without their surrounding whitespace (a spaced "LUC " with a 70-year term passed).
    ['LUC ', '16/10/2063', '2013-10-15', ['agricultural_term_too_long']],
    ['\u00a0NTS', '01/07/2080\t', '2024-07-01', ['agricultural_term_too_long']],
  ])('%s ending %s, issued %s, gives %j', (code, term, issued, expected) => {
    const row = { land_use_code: code, land_use_term: term, gcn_issue_date: day(issued) };
    expect(codes(runRecord(rule, row))).toEqual(expected);
  });

  it('is a warning and skips rows without an issue date', () => {
    expect(rule.severity).toBe('warning');
    expect(runRecord(rule, { land_use_code: 'LUC', land_use_term: '01/01/2199' })).toEqual([]);
  });
});
