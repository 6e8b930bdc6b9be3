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

  it('with dateField, takes the list of the row\'s date or a later one in force', () => {
    const byRegistration = province({ dateField: 'registered_at' });
    const at = (registered: string | undefined, code: string, now = after) =>
      codes(runValue(byRegistration, code, registered === undefined ? {} : { registered_at: day(registered) }, now));
    // Registered from 1/7/2025: only the 34-province list.
    expect(at('2025-10-02', '27')).toEqual(['unknown_province_code']);
    expect(at('2025-07-01', '74')).toEqual(['unknown_province_code']);
    expect(at('2025-10-02', '24')).toEqual([]);
    // Registered before: its own list or the one that followed (a record updated to the new codes).
    expect(at('2010-03-15', '27')).toEqual([]);
    expect(at('2010-03-15', '24')).toEqual([]);
    expect(at('2010-03-15', '03')).toEqual(['unknown_province_code']);
    expect(runValue(byRegistration, '03', { registered_at: day('2010-03-15') })[0]?.params).toEqual({ scheme: '2008-08-01 / 2025-07-01' });
    // A later list not yet in force on the run's date does not count.
    expect(at('2010-03-15', '27', before)).toEqual([]);
    // No valid date: as 'auto'.
    expect(at(undefined, '27')).toEqual([]);
    expect(at(undefined, '03')).toEqual(['unknown_province_code']);
    expect(at('2025-10-02', '1')).toEqual(['province_code_format']);
    expect(() => province({ dateField: 'd', scheme: 'auto' })).toThrow(/not both/);
  });

  it('rejects an unknown scheme at definition time', () => {
    expect(() => province({ scheme: '1999-01-01' as '2025-07-01' })).toThrow();
  });
});

