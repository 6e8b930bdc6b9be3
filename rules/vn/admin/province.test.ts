import { describe, expect, it } from 'vitest';
import { province } from './province.js';
import { codes, day, runValue } from '../cross/_testkit.js';

const before = day('2025-06-30');
const after = day('2026-11-22');

describe('province', () => {
  it.each([
    ['2008-08-01', '01'], ['2008-08-01', '27'], ['2008-08-01', '96'], ['2025-07-01', '24'], ['2025-07-01', '96'],
    ['2025-07-01', '01'], ['auto', '27'], ['auto', '86'],
  ] as const)('scheme %s accepts %s', (scheme, code) => {
    expect(runValue(province({ scheme }), code, {}, after)).toEqual([]);
  });

  it.each([
    ['2008-08-01', '03', 'unknown_province_code'], ['2008-08-01', '99', 'unknown_province_code'],
    ['2025-07-01', '27', 'unknown_province_code'], ['2025-07-01', '02', 'unknown_province_code'],
    ['auto', '03', 'unknown_province_code'], ['auto', '1', 'province_code_format'], ['auto', '001', 'province_code_format'],
    ['auto', 'HN', 'province_code_format'], ['auto', '', 'province_code_format'],
  ] as const)('scheme %s reports %j as %s', (scheme, code, expected) => {
    expect(codes(runValue(province({ scheme }), code, {}, after))).toEqual([expected]);
  });

  it('suggests the padded code for a lost leading zero', () => {
    expect(runValue(province(), 1)[0]?.suggestion).toBe('01');
    expect(runValue(province(), '8')[0]?.suggestion).toBe('08');
  });

  it('with auto, judges by the list in force at now', () => {
    expect(runValue(province(), '27', {}, before)).toEqual([]);
    expect(runValue(province(), '27', {}, after)).toEqual([]);
    expect(codes(runValue(province(), '03', {}, before))).toEqual(['unknown_province_code']);
  });

  it('rejects an unknown scheme at definition time', () => {
    expect(() => province({ scheme: '1999-01-01' as '2025-07-01' })).toThrow();
  });
});

