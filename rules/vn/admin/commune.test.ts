import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { commune } from './commune.js';
import { loadAdminUnits } from './load-admin-units.js';
import { codes, day, runValue } from '../cross/_testkit.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const old = loadAdminUnits(fixture('communes-2008.csv'), { scheme: '2008-08-01', validFrom: '2008-08-01', validTo: '2025-06-30', source: 'fixture' });
const current = loadAdminUnits(fixture('communes-2025.json'));
const after = day('2026-11-22');
const before = day('2025-01-01');

describe('commune without a table', () => {
  it('checks the format only, and says so', () => {
    expect(commune().params).toEqual({ check: 'format only' });
  });

  it.each([['00001'], ['99999'], ['26734']])('accepts %s', (code) => {
    expect(runValue(commune(), code)).toEqual([]);
  });

  it.each([['1'], ['0001'], ['000001'], ['0000A'], ['']])('reports %j as commune_code_format', (code) => {
    expect(codes(runValue(commune(), code))).toEqual(['commune_code_format']);
  });

  it('suggests the padded code', () => {
    expect(runValue(commune(), 4)[0]?.suggestion).toBe('00004');
  });

  it('needs a table to check the province', () => {
    expect(() => commune({ provinceField: 'province_code' })).toThrow();
  });
});

describe('commune with a table', () => {
  const rule = commune({ table: current, provinceField: 'province_code' });
  it.each([
    ['00004', '01', []], ['26734', '79', []], ['09190', '24', []], ['26740', undefined, []],
    ['00001', '01', ['unknown_commune_code']], ['26734', '01', ['commune_province_mismatch']],
    ['09190', '27', ['commune_province_mismatch']], ['1234', '01', ['commune_code_format']],
  ])('commune %s in province %s gives %j', (code, prov, expected) => {
    expect(codes(runValue(rule, code, { province_code: prov }))).toEqual(expected);
  });

  it('accepts codes of earlier dated lists (their retirement is live)', () => {
    const both = commune({ tables: [old, current], provinceField: 'province_code' });
    expect(runValue(both, '00001', { province_code: '01' }, after)).toEqual([]);
    expect(codes(runValue(both, '00001', { province_code: '79' }, after))).toEqual(['commune_province_mismatch']);
    expect(codes(runValue(both, '12345', { province_code: '01' }, after))).toEqual(['unknown_commune_code']);
    expect(codes(runValue(both, '26740', {}, before))).toEqual(['unknown_commune_code']);
  });

  it('with dated lists, a commune in the row\'s province in any of them is consistent', () => {
    const both = commune({ tables: [old, current], provinceField: 'province_code' });
    // 09190 was in province 27 until 2025, in 24 since: both pairs are consistent (the retirement is a live finding).
    expect([runValue(both, '09190', { province_code: '27' }, after), runValue(both, '09190', { province_code: '24' }, after)]).toEqual([[], []]);
    expect(runValue(both, '09190', { province_code: '01' }, after)[0]).toMatchObject({ code: 'commune_province_mismatch', params: { province: '24', rowProvince: '01' } });
  });
});


// An empty list made every code "not a commune code of the list": a list loaded wrong, reported as the data's fault.
describe('commune refuses an empty list', () => {
  it.each([
    ['table', () => commune({ table: { ...current, entries: [] } })],
    ['tables', () => commune({ tables: [old, { ...current, entries: [] }] })],
  ])('given as %s', (_, make) => {
    expect(make).toThrow(/^ddss: commune: the commune list "[^"]+" has no entries \(load it with loadAdminUnits\)$/);
  });
});
