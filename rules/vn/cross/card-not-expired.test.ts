import { describe, expect, it } from 'vitest';
import { cardNotExpired } from './card-not-expired.js';
import { codes, day, runRecord } from './_testkit.js';

const rule = cardNotExpired({ status: 'status', validTo: 'card_valid_to' });
const now = new Date('2026-11-22T15:30:00Z');

describe('cardNotExpired', () => {
  it.each([
    ['active', '2026-12-31'], ['active', '2026-11-22'], ['suspended', '2025-01-01'], ['closed', '2020-01-01'],
    [' active ', '2027-01-01'],
  ])('accepts status %s with a card valid to %s', (status, to) => {
    expect(runRecord(rule, { status, card_valid_to: day(to) }, now)).toEqual([]);
  });

  it.each([['active', '2026-11-21'], ['active', '2025-12-31'], [' active', '2000-01-01']])(
    'reports status %s with a card valid to %s', (status, to) => {
      expect(codes(runRecord(rule, { status, card_valid_to: day(to) }, now))).toEqual(['expired_card_active']);
    });

  it('takes other active values and is a live rule', () => {
    const r = cardNotExpired({ status: 'tt', validTo: 'den' }, { active: ['Đang hoạt động'] });
    expect(codes(runRecord(r, { tt: 'Đang hoạt động', den: day('2026-01-01') }, now))).toEqual(['expired_card_active']);
    expect(runRecord(r, { tt: 'active', den: day('2026-01-01') }, now)).toEqual([]);
    expect(rule.criterion).toBe('live');
  });
});
