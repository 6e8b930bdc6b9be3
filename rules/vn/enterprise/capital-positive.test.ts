import { describe, expect, it } from 'vitest';
import { capitalPositive } from './capital-positive.js';
import { codes, runRecord } from '../cross/_testkit.js';

describe('capitalPositive', () => {
  const rule = capitalPositive({ capital: 'charter_capital', type: 'type' });
  it.each([
    [0, 'CN'], [0, 'VPDD'], [1, 'CP'], [5_000_000_000, 'DNTN'], [-5, 'CP'], [0, 'XX'], [0, ' CN '],
  ])('accepts %s for %s', (capital, type) => {
    expect(runRecord(rule, { charter_capital: capital, type })).toEqual([]);
  });

  it.each([[0, 'CP'], [0, 'TNHH1TV'], [0, ' DNTN '], [0, 'HD'], [0, 'TNHH2TV']])('reports %s for %s', (capital, type) => {
    expect(runRecord(rule, { charter_capital: capital, type })).toEqual([
      { code: 'zero_charter_capital', field: 'charter_capital', params: { type: type.trim() } },
    ]);
  });

  it('takes its own list of enterprise types', () => {
    const r = capitalPositive({ capital: 'c', type: 't' }, { enterprises: ['HTX'] });
    expect(codes(runRecord(r, { c: 0, t: 'HTX' }))).toEqual(['zero_charter_capital']);
    expect(runRecord(r, { c: 0, t: 'CP' })).toEqual([]);
  });
});
