import { describe, expect, it } from 'vitest';
import { cardPeriodOrdered } from './card-period-ordered.js';
import { codes, day, runRecord } from './_testkit.js';

const rule = cardPeriodOrdered({ validFrom: 'from', validTo: 'to' });

describe('cardPeriodOrdered', () => {
  it.each([['2026-01-01', '2026-12-31'], ['2026-01-01', '2026-01-01'], ['2020-02-29', '2030-02-28']])(
    'accepts %s → %s', (from, to) => {
      expect(runRecord(rule, { from: day(from), to: day(to) })).toEqual([]);
    });

  it.each([['2026-12-31', '2026-01-01'], ['2026-01-02', '2026-01-01']])('reports %s → %s', (from, to) => {
    const found = runRecord(rule, { from: day(from), to: day(to) });
    expect(codes(found)).toEqual(['card_period_reversed']);
    expect(found[0]?.field).toBe('to');
  });
});
