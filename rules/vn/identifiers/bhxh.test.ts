import { describe, expect, it } from 'vitest';
import { bhxh } from './bhxh.js';
import { bhxhProvince } from './bhxh-province.js';
import { codes, findings } from './_check.js';

describe('bhxh', () => {
  const rule = bhxh();

  it('is a correct rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['bhxh', 'correct', 'error']);
  });

  it.each(['0123456789', '7912345678', '9712345678', ' 0123456789'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['01234567890', 'bad_length'], ['01234567', 'bad_length'], ['012345678O', 'non_digit_character'],
    ['0123 456 789', 'non_digit_character'],
  ])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('reports a lost leading zero with the padded value', () => {
    expect(findings(rule, 123456789)[0]).toMatchObject({ code: 'leading_zero_lost', suggestion: '0123456789' });
  });

  it('offers the number without separators', () => {
    expect(findings(rule, '0123 456 789')[0]?.suggestion).toBe('0123456789');
  });
});

describe('bhxhProvince', () => {
  const rule = bhxhProvince();

  it('is a correct rule with severity warning (DOMAIN-VN [warn-only])', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['bhxhProvince', 'correct', 'warning']);
  });

  it.each(['0123456789', '7912345678', '9712345678', '9812345678', '2712345678', '123'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each(['0312345678', '9912345678', '0012345678', '2812345678'])('warns about %j', (v) => {
    expect(findings(rule, v)).toEqual([{ code: 'unknown_province_code', params: { code: v.slice(0, 2) } }]);
  });
});
