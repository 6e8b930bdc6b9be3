import { describe, expect, it } from 'vitest';
import { idBirthYear } from './id-birth-year.js';
import { codes, day, runRecord } from './_testkit.js';

const rule = idBirthYear({ id: 'owner_id', birthYear: 'owner_birth_year' });

describe('idBirthYear', () => {
  it.each([
    ['001089012345', 1989], ['079301123456', 2001], ['001089012345', '1989'], ['079301123456', day('2001-05-17')],
    ['001189012345', 1989], [' 001089012345 ', 1989], ['034205000123', 2005],
  ])('accepts ID %s with birth year %s', (id, year) => {
    expect(runRecord(rule, { owner_id: id, owner_birth_year: year })).toEqual([]);
  });

  it.each([
    ['001089012345', 1990], ['001089012345', 2089], ['079301123456', 1901], ['079301123456', day('2000-12-31')],
  ])('reports ID %s with birth year %s', (id, year) => {
    expect(codes(runRecord(rule, { owner_id: id, owner_birth_year: year }))).toEqual(['id_birth_year_mismatch']);
  });

  it.each([
    ['012345678', 1950], ['00108901234', 1990], ['0010890123456', 1990], ['00108901234X', 1990], ['001089012345', 'unknown'],
  ])('skips ID %s with %s (CMND, malformed or unreadable year)', (id, year) => {
    expect(runRecord(rule, { owner_id: id, owner_birth_year: year })).toEqual([]);
  });

  it('puts the derived year in the suggestion on the birth-year column, not in the params', () => {
    const [f] = runRecord(rule, { owner_id: '001089012345', owner_birth_year: 1990 });
    expect(f?.field).toBe('owner_birth_year');
    expect(f?.suggestion).toBe('1989');
    expect(JSON.stringify(f?.params ?? {})).not.toContain('1989');
  });

  it('skips rows missing a column', () => {
    expect(runRecord(rule, { owner_id: '001089012345' })).toEqual([]);
  });
});
