import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cccd, parseCccd } from './cccd.js';
import { cccdPlausible } from './cccd-plausible.js';
import { codes, findings } from './_check.js';
import { PROVINCES_2008 } from '../tables/provinces.js';

describe('parseCccd', () => {
  // The parts as the ID's text writes them, sliced and looked up the plain way (parseCccd reads the prefix from tables).
  const names = new Map(PROVINCES_2008.entries.map((p) => [p.code, p.name]));
  const plain = (t: string) => {
    const code = t.startsWith('0') ? t.slice(1, 3) : undefined;
    const name = code === undefined ? undefined : names.get(code);
    const g = Number(t[3]);
    const century = 1900 + 100 * Math.floor(g / 2);
    return { province: t.slice(0, 3), provinceCode: name === undefined ? undefined : code, provinceName: name, century,
      gender: g % 2 === 0 ? 'Nam' : 'Nữ', birthYear: century + Number(t.slice(4, 6)), serial: t.slice(6) };
  };

  it('splits any 12 digits as their text writes them (property)', () => {
    const id = fc.oneof(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^0\d{11}$/), fc.stringMatching(/^0[0-9][0-9]\d{9}$/));
    fc.assert(fc.property(id, (t) => { expect(parseCccd(t)).toStrictEqual(plain(t)); }), { numRuns: 5000 });
  });

  it.each([
    ['001089012345', { province: '001', provinceCode: '01', provinceName: 'Hà Nội', century: 1900, gender: 'Nam', birthYear: 1989, serial: '012345' }],
    ['079301123456', { province: '079', provinceCode: '79', provinceName: 'TP Hồ Chí Minh', century: 2000, gender: 'Nữ', birthYear: 2001, serial: '123456' }],
    ['840512000001', { province: '840', provinceCode: undefined, provinceName: undefined, century: 2100, gender: 'Nữ', birthYear: 2112, serial: '000001' }],
  ])('splits %s', (text, parts) => {
    expect(parseCccd(text)).toEqual(parts);
  });

  it.each(['0010890123456', '00108901234', '00108901234a', '', '００1089012345'])('rejects %j', (text) => {
    expect(parseCccd(text)).toBeUndefined();
  });
});

describe('cccd', () => {
  const rule = cccd();

  it('is a correct rule with severity error named cccd', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['cccd', 'correct', 'error']);
  });

  it.each([
    '001089012345', '079301123456', ' 001089012345 ', '096199000001', '840089012345', '001926000000', '001326000000',
  ])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['0010890123456', 'bad_length'],
    ['00108901', 'bad_length'],
    ['001089O12345', 'non_digit_character'],
    ['001 089 012345', 'non_digit_character'],
    ['-1089012345', 'non_digit_character'],
    ['001327000000', 'future_birth_year'],
    ['001299000000', 'future_birth_year'],
    ['012345678', 'bad_length'],
  ])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it.each([
    [1089012345, '001089012345'],
    ['79301123456', '079301123456'],
    [1_079_301_123, '001079301123'],
  ])('reports %j as a lost leading zero with the padded value as suggestion', (v, fixed) => {
    expect(findings(rule, v)).toEqual([{ code: 'leading_zero_lost', suggestion: fixed, params: expect.any(Object) }]);
  });

  // Regression: an ID Excel wrote in scientific notation (its General display of a number of 12 digits, which CSV
  // exports keep) was `non_digit_character`, which told the user to look for a stray letter; its digits are lost.
  it.each([
    ['1.08901E+11', { digits: 12 }],
    ['1,08901E+11', { digits: 12 }],
    ['7.93011E+10', { digits: 11 }],
    ['1E+11', { digits: 12 }],
    [' 1.08901e11 ', { digits: 12 }],
  ])('reports %j as scientific notation, its digits lost', (v, params) => {
    expect(findings(rule, v)).toEqual([{ code: 'scientific_notation', params }]);
  });

  it('suggests the ID when the notation kept every digit, its lost leading zero put back', () => {
    expect(findings(rule, '7.9301123456E+10')).toEqual([{ code: 'scientific_notation', suggestion: '079301123456', params: { digits: 11 } }]);
    expect(findings(rule, '8.40089012345E+11')[0]?.suggestion).toBe('840089012345');
    // Every digit, but not an ID: no suggestion (a future birth year; too short to pad).
    expect(findings(rule, '1.29901234E+8')).toEqual([{ code: 'scientific_notation', params: { digits: 9 } }]);
    expect(findings(rule, '1.327000000E+9')[0]?.suggestion).toBeUndefined();
  });

  it.each(['1.08901E+1111', '0.108901E+12', '1.08901E-11', '1.08901E+', '1.0.8901E+11', 'E+11', '1.08901X+11'])(
    'leaves %j, no spreadsheet notation, to non_digit_character', (v) => {
      expect(codes(rule, v)).toEqual(['non_digit_character']);
    });

  it('reads a bigint as its decimal text', () => {
    expect(findings(rule, BigInt('1089012345'))[0]?.suggestion).toBe('001089012345');
    expect(codes(rule, BigInt('-1'))).toEqual(['non_digit_character']);
  });

  it('offers the separator-free value when it is well-formed', () => {
    expect(findings(rule, '001-089-012345')[0]?.suggestion).toBe('001089012345');
    expect(findings(rule, '001-089-01234')[0]?.suggestion).toBeUndefined();
  });

  it('judges the future by the run date', () => {
    expect(codes(rule, '001226000000', new Date('2026-01-01'))).toEqual([]);
    expect(codes(rule, '001226000000', new Date('2025-12-31'))).toEqual(['future_birth_year']);
  });

  it('accepts a CMND only when asked, and pads an 8-digit one', () => {
    expect(codes(rule, '012345678')).toEqual(['bad_length']);
    const legacy = cccd({ acceptCmnd: true });
    expect(codes(legacy, '012345678')).toEqual([]);
    expect(findings(legacy, 12345678)[0]).toMatchObject({ code: 'leading_zero_lost', suggestion: '012345678' });
  });

  it('honours the options every rule takes', () => {
    const r = cccd({ id: 'x', severity: 'warning', criterion: 'clean', threshold: 0.9 });
    expect([r.id, r.severity, r.criterion, r.threshold]).toEqual(['x', 'warning', 'clean', 0.9]);
  });
});

describe('cccdPlausible', () => {
  const rule = cccdPlausible();

  it('is a correct rule with severity warning', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['cccdPlausible', 'correct', 'warning']);
    expect(cccdPlausible({ severity: 'info' }).severity).toBe('info');
  });

  it.each(['001089012345', '079301123456', '096399999999', '00108901234', 'abc'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['840089012345', ['unknown_province_code']],
    ['003089012345', ['unknown_province_code']],
    ['001489012345', ['unlikely_century']],
    ['001989012345', ['unlikely_century']],
    ['999989012345', ['unknown_province_code', 'unlikely_century']],
  ])('warns about %j: %j', (v, expected) => {
    expect(codes(rule, v)).toEqual(expected);
  });

  it('does not turn a far century into an error of cccd()', () => {
    expect(codes(cccd(), '001489012345')).toEqual([]);
  });
});

describe('cccd on empty text', () => {
  it('reports a bad length (the engine never passes missing values; a direct call may)', () => {
    expect(codes(cccd(), '')).toEqual(['bad_length']);
  });
});
