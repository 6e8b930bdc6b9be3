import { describe, expect, it } from 'vitest';
import { mst, mstCheckDigit, splitMst } from './mst.js';
import { mstDashed } from './mst-dashed.js';
import { cccd } from './cccd.js';
import { cccdPlausible } from './cccd-plausible.js';
import { codes, findings } from './_check.js';

describe('mstCheckDigit', () => {
  it.each([
    ['010010910', 6], ['030144237', 9], ['030058856', 9], ['010124315', 0],
  ])('of %s is %i', (first9, c) => {
    expect(mstCheckDigit(first9)).toBe(c);
  });

  it('is undefined when the remainder is 0 (c = 10) or the input is not nine digits', () => {
    // 000000000: Σ = 0, so c would be 10, a value never issued.
    expect(mstCheckDigit('000000000')).toBeUndefined();
    expect(mstCheckDigit('01001091')).toBeUndefined();
    expect(mstCheckDigit('01001091a')).toBeUndefined();
  });
});

describe('mst', () => {
  const rule = mst();

  it('is a correct rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['mst', 'correct', 'error']);
  });

  it.each(['0100109106', '0301442379', '0300588569', '0101243150', '0100109106-001', '0100109106-999',
    '0100109106001', ' 0301442379 '])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['0100109107', 'bad_check_digit'],
    ['0000000000', 'bad_check_digit'],
    ['0100109106-000', 'bad_branch_code'],
    ['0100109106000', 'bad_branch_code'],
    ['0100109107-001', 'bad_check_digit'],
    ['010010910', 'bad_format'],
    ['01001091066', 'bad_format'],
    ['0100109106-01', 'bad_format'],
    ['0100109106_001', 'bad_format'],
    ['010010910a', 'bad_format'],
    ['', 'bad_format'],
  ])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('reports a lost leading zero with the padded code', () => {
    expect(findings(rule, 100109106)[0]).toMatchObject({ code: 'leading_zero_lost', suggestion: '0100109106' });
    expect(codes(rule, 100109107)).toEqual(['bad_format']);
  });

  it('reports a personal tax code or a branch code in scientific notation, its digits lost', () => {
    expect(findings(rule, '1.08901E+11')).toEqual([{ code: 'scientific_notation', params: { digits: 12 } }]);
    expect(findings(rule, '1.001091060E+12')).toEqual([{ code: 'scientific_notation', params: { digits: 13 } }]);
    // Every digit kept: a valid branch code (dash left out), a valid personal ID from 1/7/2025.
    expect(findings(mst({ acceptPersonalId: false }), '1.00109106001E+11')[0]?.suggestion).toBe('0100109106001');
    // Both a personal ID and, its leading zero put back, a branch code: which one is unknown, so no suggestion.
    expect(findings(rule, '1.00109106001E+11')[0]?.suggestion).toBeUndefined();
    expect(findings(mst({ acceptPersonalId: false }), '1.00109107001E+11')[0]?.suggestion).toBeUndefined();
    expect(findings(rule, '8.40089012345E+11')[0]?.suggestion).toBe('840089012345');
    expect(findings(rule, '8.40089012345E+11', new Date('2025-06-30'))[0]?.suggestion).toBeUndefined();
  });

  it('accepts a 12-digit personal ID as a tax code from 1/7/2025 only', () => {
    expect(codes(rule, '001089012345', new Date('2025-07-01'))).toEqual([]);
    expect(codes(rule, '001089012345', new Date('2025-06-30'))).toEqual(['bad_format']);
    expect(codes(mst({ acceptPersonalId: false }), '001089012345')).toEqual(['bad_format']);
  });

  // Regression: any 12 digits passed. A personal tax code is the owner's personal ID, checked as `cccd()` checks it.
  it.each<[string, readonly string[]]>([
    ['001089012345', []], ['079301123456', []], [' 001089012345 ', []],
    // century digit 2 → 2000 + 99: a birth year after the run's 2026
    ['001299012345', ['future_birth_year']], ['079327000001', ['future_birth_year']],
    // structure holds; province and century digit are cccdPlausible's warnings, as for cccd()
    ['999999999999', []], ['000000000000', []], ['123456789012', []],
    ['00108901234X', ['bad_format']], ['00108901234', ['bad_format']],
  ])('checks the 12-digit personal form %j as cccd() does → %j', (v, expected) => {
    expect(codes(rule, v)).toEqual(expected);
    expect(codes(rule, v)).toEqual(v.trim().length === 12 && /^\d+$/.test(v.trim()) ? codes(cccd(), v) : expected);
  });

  it.each<[string, readonly string[]]>([
    ['999999999999', ['unknown_province_code', 'unlikely_century']],
    ['000000000000', ['unknown_province_code']],
    ['123456789012', ['unknown_province_code', 'unlikely_century']],
    ['001089012345', []], ['0100109106', []], ['0100109106-001', []],
  ])('leaves the plausibility of %j to cccdPlausible (warnings) → %j', (v, expected) => {
    expect(codes(cccdPlausible(), v)).toEqual(expected);
  });

  it('splits the forms', () => {
    expect(splitMst('0100109106-001')).toEqual({ code: '0100109106', branch: '001' });
    expect(splitMst('0100109106')).toEqual({ code: '0100109106', branch: undefined });
    expect(splitMst('0100109106+001')).toBeUndefined();
  });
});

describe('mstDashed', () => {
  const rule = mstDashed();

  it('is a clean rule with severity warning', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['mstDashed', 'clean', 'warning']);
  });

  it.each(['0100109106', '0100109106-001', 'abc', '01001091060011'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it('suggests the dashed form of 13 digits', () => {
    expect(findings(rule, '0100109106001')).toEqual([{ code: 'undashed_branch_code', suggestion: '0100109106-001' }]);
  });
});
