import { describe, expect, it } from 'vitest';
import { bhyt, parseBhyt } from './bhyt.js';
import { bhytObjectCode } from './bhyt-object-code.js';
import { bhytBenefitLevel } from './bhyt-benefit-level.js';
import { codes, findings } from './_check.js';

describe('parseBhyt', () => {
  it('splits a card code', () => {
    expect(parseBhyt('DN4010123456789')).toEqual({ objectCode: 'DN', benefitLevel: 4, province: '01', bhxh: '0123456789' });
    // Shared by the rules of a row (remembered): frozen, so that no caller changes another's parts.
    expect(Object.isFrozen(parseBhyt('DN4010123456789'))).toBe(true);
    expect(parseBhyt('HT3790000000001')).toEqual({ objectCode: 'HT', benefitLevel: 3, province: '79', bhxh: '0000000001' });
    expect(parseBhyt('DN4010123456789')).toEqual({ objectCode: 'DN', benefitLevel: 4, province: '01', bhxh: '0123456789' });
  });

  it.each(['dn4010123456789', 'DN6010123456789', 'DN401012345678', 'DN40101234567890', 'D14010123456789', 'DN 4010123456789'])(
    'rejects %j', (v) => {
      expect(parseBhyt(v)).toBeUndefined();
    });
});

describe('bhyt', () => {
  const rule = bhyt();

  it('is a correct rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['bhyt', 'correct', 'error']);
  });

  it.each(['DN4010123456789', 'HT3790123456789', 'QN5970123456789', 'CA5980123456789', 'ZZ4010123456789', ' GD4790123456789 '])(
    'accepts %j', (v) => {
      expect(codes(rule, v)).toEqual([]);
    });

  it.each([
    ['DN6010123456789', 'bad_format'], ['DN0010123456789', 'bad_format'], ['DN401012345678', 'bad_format'],
    ['DN4010123456789X', 'bad_format'], ['D4010123456789', 'bad_format'], ['Đ14010123456789', 'bad_format'],
    ['DN4030123456789', 'unknown_province_code'], ['DN4990123456789', 'unknown_province_code'],
    [123456789012345, 'bad_format'],
  ])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('suggests the canonical form when case or spaces are the only defect', () => {
    expect(findings(rule, 'dn 4 01 0123456789')[0]).toEqual({ code: 'bad_format', suggestion: 'DN4010123456789' });
    expect(findings(rule, 'dn4030123456789')[0]).toEqual({ code: 'bad_format' });
  });
});

describe('bhytObjectCode', () => {
  const rule = bhytObjectCode();

  it('is a correct rule with severity warning', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['bhytObjectCode', 'correct', 'warning']);
  });

  it.each(['DN4010123456789', 'TE1790123456789', 'CN3010123456789', 'GD4010123456789', 'junk'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['ZZ4010123456789', 'unknown_object_code'], ['AB4010123456789', 'unknown_object_code'],
    ['AK4010123456789', 'unverified_object_code'], ['TL2010123456789', 'unverified_object_code'],
  ])('warns about %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('passes when no table is in force at the chosen date', () => {
    expect(codes(bhytObjectCode({ at: new Date('2010-01-01') }), 'ZZ4010123456789')).toEqual([]);
  });
});

describe('bhytBenefitLevel', () => {
  const rule = bhytBenefitLevel();
  const before = new Date('2025-06-01');
  const after = new Date('2026-03-01');

  it('is a correct rule with severity warning', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['bhytBenefitLevel', 'correct', 'warning']);
  });

  it.each([
    ['DN4010123456789', before, []], ['HT3010123456789', before, []], ['QN5010123456789', before, []],
    ['TE1010123456789', before, []], ['CK2010123456789', before, []], ['TC3010123456789', before, []],
    ['HT4010123456789', before, ['benefit_level_mismatch']], ['DN5010123456789', before, ['benefit_level_mismatch']],
    ['CN3010123456789', before, []], ['CN2010123456789', before, ['benefit_level_mismatch']],
    ['CN2010123456789', after, []], ['CN3010123456789', after, ['benefit_level_mismatch']],
    ['AK1010123456789', after, []], ['ZZ1010123456789', after, []],
  ])('%s on %s → %j', (v, now, expected) => {
    expect(codes(rule, v, now)).toEqual(expected);
  });

  it('chooses the table by a date field of the record, else `at`, else now', () => {
    const byField = bhytBenefitLevel({ dateField: 'valid_from', at: after });
    expect(codes(byField, 'CN3010123456789', after, { valid_from: new Date('2025-01-01') })).toEqual([]);
    expect(codes(byField, 'CN3010123456789', before, { valid_from: undefined })).toEqual(['benefit_level_mismatch']);
    expect(findings(rule, 'HT4010123456789', before)[0]?.params).toEqual(
      { objectCode: 'HT', level: 4, expected: 3, version: '2015-11-16' });
  });
});
