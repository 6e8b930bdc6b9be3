import { describe, expect, it } from 'vitest';
import { postalCode } from './postal-code.js';
import { postalProvince } from './postal-province.js';
import { POSTAL_PREFIXES_2018 } from './postal-prefixes.js';
import { PROVINCES_2008 } from '../tables/provinces.js';
import { codes, findings } from './_check.js';

describe('postalCode', () => {
  const rule = postalCode();

  it('is a correct rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['postalCode', 'correct', 'error']);
  });

  it.each(['10000', '70000', '01000', ' 47816'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([['100000', 'bad_length'], ['100', 'bad_length'], ['1000O', 'non_digit_character']])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('reports a lost leading zero', () => {
    expect(findings(rule, 4000)[0]).toMatchObject({ code: 'leading_zero_lost', suggestion: '04000' });
  });
});

describe('postalProvince', () => {
  const rule = postalProvince();

  it('is a correct rule with severity warning', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['postalProvince', 'correct', 'warning']);
  });

  it('maps every 2008 province to at least one prefix', () => {
    const provinces = new Set(POSTAL_PREFIXES_2018.entries.values());
    expect([...provinces].sort()).toEqual(PROVINCES_2008.entries.map((p) => p.code).sort());
  });

  it.each(['10000', '70000', '47816', '98000', '1000'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([['00000', '00'], ['99123', '99'], ['09000', '09']])('warns about %j (prefix %s)', (v, prefix) => {
    expect(findings(rule, v)).toEqual([{ code: 'unknown_postal_prefix', params: { prefix } }]);
  });

  it.each([
    ['10000', '01', []], ['10000', '79', ['postal_province_mismatch']],
    ['75000', '74', []], ['75000', '79', []], ['75000', '01', ['postal_province_mismatch']],
    ['16000', '24', []], ['16000', '27', []], ['16000', '', []], ['16000', undefined, []],
  ])('%s in province %j → %j', (v, province, expected) => {
    expect(codes(postalProvince({ provinceField: 'province_code' }), v, undefined, { province_code: province })).toEqual(expected);
  });
});
