import { describe, expect, it } from 'vitest';
import { cmnd } from './cmnd.js';
import { cmndRetired } from './cmnd-retired.js';
import { codes, findings } from './_check.js';

describe('cmnd', () => {
  const rule = cmnd();

  it('is a correct rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['cmnd', 'correct', 'error']);
  });

  it.each(['012345678', '123456789', ' 271234567'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['0123456789', 'bad_length'], ['1234567', 'bad_length'], ['01234567X', 'non_digit_character'],
    ['', 'bad_length'], [12.5, 'non_digit_character'], [true, 'non_digit_character'],
  ])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('suggests the padded value for a lost leading zero', () => {
    expect(findings(rule, 12345678)[0]).toMatchObject({ code: 'leading_zero_lost', suggestion: '012345678' });
  });

  it('reports a value in scientific notation, with the digits only when the notation kept them all', () => {
    expect(findings(rule, '1.2345E+8')).toEqual([{ code: 'scientific_notation', params: { digits: 9 } }]);
    expect(findings(rule, '1.23456789E+8')).toEqual([{ code: 'scientific_notation', suggestion: '123456789', params: { digits: 9 } }]);
    expect(findings(rule, '1.2345678E+7')).toEqual([{ code: 'scientific_notation', suggestion: '012345678', params: { digits: 8 } }]);
  });
});

describe('cmndRetired', () => {
  const rule = cmndRetired();

  it('is a live rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['cmndRetired', 'live', 'error']);
  });

  it.each([
    ['012345678', '2025-01-01T00:00:00Z', ['retired_cmnd']],
    ['012345678', '2026-11-22T00:00:00Z', ['retired_cmnd']],
    ['012345678', '2024-12-31T23:59:59Z', []],
    ['001089012345', '2026-11-22T00:00:00Z', []],
    ['01234567', '2026-11-22T00:00:00Z', []],
    ['01234567a', '2026-11-22T00:00:00Z', []],
  ])('%j on %s → %j', (v, now, expected) => {
    expect(codes(rule, v, new Date(now))).toEqual(expected);
  });
});
