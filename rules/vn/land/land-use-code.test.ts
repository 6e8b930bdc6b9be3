import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { landUseCode } from './land-use-code.js';
import { landUseCodeProvisional } from './land-use-code-provisional.js';
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
    ['L UC', 'unknown_land_use_code'], ['DTS', 'unknown_land_use_code'], ['', 'unknown_land_use_code'],
  ])('reports %s under scheme 2024 as %s', (code, expected) => {
    expect(codes(runValue(landUseCode({ scheme: '2024' }), code))).toEqual([expected]);
  });

  // Regression: "LUC " was "not a land-use type code": a right code with a stray space is `trimmed`'s clean finding.
  it.each([[' LUC'], ['LUC '], ['LUC\u00a0'], ['\ufeffLUC'], ['LUC\t'], [' PNN\r\n']])('judges %j without its surrounding whitespace', (code) => {
    const strict = landUseCode({ scheme: '2024', strict: true });
    expect(codes(runValue(strict, code))).toEqual(code.includes('PNN') ? ['group_land_use_code'] : []);
  });

  it.each([['BHK'], ['NHK'], ['LUN'], ['DDT'], ['DDL']])(
    'leaves the replaced 2013 code %s to landUseCodeCurrent', (code) => {
      expect(runValue(landUseCode({ scheme: '2024', strict: true }), code)).toEqual([]);
    });

  it.each([
    // HNK was a parcel code on certificates of 2014–2024 (BHK/NHK are its subdivisions): no group code there.
    ['BHK', []], ['LUN', []], ['DTS', []], ['HNK', []], ['CHN', ['group_land_use_code']], ['CNT', ['unknown_land_use_code']],
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
    ['2019-03-15', 'HNK', []],
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

describe('landUseCode under strict, and landUseCodeProvisional: no error rests on the unverified 2013 table', () => {
  const options = { dateField: 'gcn_issue_date' } as const;
  const strict = landUseCode({ ...options, strict: true });
  const provisional = landUseCodeProvisional(options);
  const lenient = landUseCode(options);

  it('marks the 2013 table unverified and the 2024 one not', () => {
    expect(LAND_USE_CODES_2013.warnOnly).toBe(true);
    expect(LAND_USE_CODES_2024.warnOnly).toBeUndefined();
  });

  it.each<[string, string, readonly string[], readonly string[]]>([
    // [certificate date, code, strict rule (error), provisional rule (warning)]
    ['2019-03-15', 'XYZ', [], ['unknown_land_use_code']],
    ['2019-03-15', 'CHN', [], ['group_land_use_code']],
    ['2005-01-01', 'XYZ', [], ['unknown_land_use_code']], // before any scheme: judged by a table not in force
    ['2025-01-01', 'XYZ', ['unknown_land_use_code'], []],
    ['2025-01-01', 'NNP', ['group_land_use_code'], []],
    ['2025-01-01', 'LUC', [], []],
  ])('a certificate of %s with %s: strict %j, provisional %j', (issued, code, byStrict, byProvisional) => {
    const row = { gcn_issue_date: day(issued) };
    expect(codes(runValue(strict, code, row))).toEqual(byStrict);
    expect(codes(runValue(provisional, code, row))).toEqual(byProvisional);
  });

  it('has the severities: strict error, provisional warning (an error severity is refused)', () => {
    expect([strict.severity, provisional.severity, lenient.severity]).toEqual(['error', 'warning', 'warning']);
    expect(landUseCodeProvisional({ severity: 'info' }).severity).toBe('info');
    expect(() => landUseCodeProvisional({ severity: 'error' })).toThrow(/warn-only/);
    // An error severity asked for directly is strict: it leaves the 2013 rows alone too.
    expect(codes(runValue(landUseCode({ ...options, severity: 'error' }), 'XYZ', { gcn_issue_date: day('2019-03-15') }))).toEqual([]);
  });

  it('a fixed 2013 scheme under strict leaves every row to the provisional rule', () => {
    expect(codes(runValue(landUseCode({ scheme: '2013', strict: true }), 'XYZ'))).toEqual([]);
    expect(codes(runValue(landUseCodeProvisional({ scheme: '2013' }), 'XYZ'))).toEqual(['unknown_land_use_code']);
  });

  it('strict and provisional together report what the lenient rule reports, never an error from 2013 (property)', () => {
    const codeArb = fc.constantFrom(...parcelCodes(LAND_USE_CODES_2013), ...parcelCodes(LAND_USE_CODES_2024),
      ...LAND_USE_CODES_2013.entries.groups, 'XYZ', 'HNK', '');
    const dateArb = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true });
    fc.assert(fc.property(codeArb, dateArb, (code, date) => {
      const row = { gcn_issue_date: date };
      const byStrict = codes(runValue(strict, code, row));
      const byProvisional = codes(runValue(provisional, code, row));
      const under2013 = date < day('2024-08-01');
      return (!under2013 || byStrict.length === 0) && (under2013 || byProvisional.length === 0) &&
        JSON.stringify([...byStrict, ...byProvisional]) === JSON.stringify(codes(runValue(lenient, code, row)));
    }));
  });
});
