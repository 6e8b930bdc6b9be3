import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { communeCurrent } from './commune-current.js';
import { loadAdminUnits } from './load-admin-units.js';
import { codes, day, runValue } from '../cross/_testkit.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const old = loadAdminUnits(fixture('communes-2008.csv'), { scheme: '2008-08-01', validFrom: '2008-08-01', validTo: '2025-06-30', source: 'fixture' });
const current = loadAdminUnits(fixture('communes-2025.json'));
const after = day('2026-11-22');
const before = day('2025-01-01');

describe('communeCurrent', () => {
  const withSuccessors = { ...old, entries: old.entries.map((e) => (e.code === '00001' ? { ...e, successors: ['00004'] } : e.code === '00006' ? { ...e, successors: ['00004', '00008'] } : e)) };
  const rule = communeCurrent({ tables: [withSuccessors, current] });
  it.each([
    ['00001', after, ['retired_commune_code'], '00004'], ['00006', after, ['retired_commune_code'], undefined],
    ['00004', after, [], undefined], ['26734', after, [], undefined], ['12345', after, [], undefined],
    ['00001', before, [], undefined],
  ])('judges %s at %s as %j (suggestion %s)', (code, now, expected, suggestion) => {
    const found = runValue(rule, code, {}, now);
    expect(codes(found)).toEqual(expected);
    expect(found[0]?.suggestion).toBe(suggestion);
  });
});

// Each passed every row without a word: no list (or one) can make no code retired; an empty list is not a list.
describe('communeCurrent refuses lists it could only misjudge with', () => {
  it.each([
    ['no list', [], /give the list in force and at least one earlier list \(given 0\)/],
    ['one list', [current], /give the list in force and at least one earlier list \(given 1\)/],
    ['an empty list', [old, { ...current, entries: [] }], /the commune list "[^"]+" has no entries/],
  ])('%s', (_, tables, message) => {
    expect(() => communeCurrent({ tables })).toThrow(message);
  });
});
