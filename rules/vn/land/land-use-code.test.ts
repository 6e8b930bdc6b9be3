import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { landUseCode } from './land-use-code.js';
import { LAND_USE_CODES_2013, LAND_USE_CODES_2024, parcelCodes } from '../tables/land-use-codes.js';
import { codes, day, runValue } from '../cross/_testkit.js';

describe('landUseCode', () => {
  it.each([
    ['LUC'], ['ONT'], ['ODT'], ['CLN'], ['CNT'], ['DDD'], ['PNK'], ['BCS'], ['NCS'], ['HNK'],
  ])('accepts the 2024 code %s', (code) => {
    expect(codes(runValue(landUseCode({ scheme: '2024', strict: true }), code))).toEqual([]);
  });

  it.each([
    ['NNP', 'group_land_use_code'], ['PNN', 'group_land_use_code'], ['LUA', 'group_land_use_code'],
    ['CSD', 'group_land_use_code'], ['XYZ', 'unknown_land_use_code'], ['luc', 'unknown_land_use_code'],
    [' LUC', 'unknown_land_use_code'], ['DTS', 'unknown_land_use_code'], ['', 'unknown_land_use_code'],
  ])('reports %s under scheme 2024 as %s', (code, expected) => {
    expect(codes(runValue(landUseCode({ scheme: '2024' }), code))).toEqual([expected]);
  });

  it.each([['BHK'], ['NHK'], ['LUN'], ['DDT'], ['DDL']])(
    'leaves the replaced 2013 code %s to landUseCodeCurrent', (code) => {
      expect(runValue(landUseCode({ scheme: '2024', strict: true }), code)).toEqual([]);
    });

  it.each([
    ['BHK', []], ['LUN', []], ['DTS', []], ['HNK', ['group_land_use_code']], ['CNT', ['unknown_land_use_code']],
  ])('under scheme 2013, %s gives %j', (code, expected) => {
    expect(codes(runValue(landUseCode({ scheme: '2013' }), code))).toEqual(expected);
  });

  it('is a warning unless strict, and an error when strict', () => {
    expect(landUseCode().severity).toBe('warning');
    expect(landUseCode({ strict: true }).severity).toBe('error');
    expect(landUseCode({ strict: true, severity: 'info' }).severity).toBe('info');
    expect(landUseCode().criterion).toBe('correct');
  });

  it.each([
    ['2015-03-10', 'DTS', []], ['2024-07-31', 'CNT', ['unknown_land_use_code']], ['2005-01-01', 'BHK', []],
    ['2024-08-01', 'CNT', []], ['2025-01-01', 'DTS', ['unknown_land_use_code']],
  ])('with dateField, a parcel issued on %s with %s gives %j', (issued, code, expected) => {
    const rule = landUseCode({ dateField: 'gcn_issue_date' });
    expect(codes(runValue(rule, code, { gcn_issue_date: day(issued) }))).toEqual(expected);
  });

  it('falls back to the fixed scheme when the date field is missing', () => {
    const rule = landUseCode({ dateField: 'gcn_issue_date', scheme: '2024' });
    expect(codes(runValue(rule, 'DTS', {}))).toEqual(['unknown_land_use_code']);
  });

  it('accepts every code of either scheme (property)', () => {
    for (const table of [LAND_USE_CODES_2013, LAND_USE_CODES_2024]) {
      const rule = landUseCode({ scheme: table.version as '2013' | '2024', strict: true });
      fc.assert(fc.property(fc.constantFrom(...parcelCodes(table)), (code) => runValue(rule, code).length === 0));
    }
  });

  it('never accepts a group code (property)', () => {
    const rule = landUseCode({ strict: true });
    fc.assert(fc.property(fc.constantFrom(...LAND_USE_CODES_2024.entries.groups),
      (code) => codes(runValue(rule, code))[0] === 'group_land_use_code'));
  });

  it('keeps group codes and parcel codes apart in both tables', () => {
    for (const t of [LAND_USE_CODES_2013, LAND_USE_CODES_2024]) {
      for (const g of t.entries.groups) expect(parcelCodes(t).has(g)).toBe(false);
      for (const [old, next] of Object.entries(t.entries.replaced)) {
        expect(parcelCodes(t).has(old)).toBe(false);
        expect(parcelCodes(t).has(next)).toBe(true);
      }
    }
  });
});
