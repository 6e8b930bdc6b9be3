import { describe, expect, it } from 'vitest';
import { closedNotEdited } from './closed-not-edited.js';
import { codes, contextOf, day, expectMessages } from '../cross/_testkit.js';

const now = new Date('2026-11-22T03:00:00Z');

describe('closedNotEdited', () => {
  const rule = closedNotEdited({ status: 'status', statusDate: 'status_date', updatedAt: 'updated_at' });
  const types = { status_date: 'date', updated_at: 'datetime' } as const;
  const run = (status: string, since: string, updated: string, timeZone = 'Asia/Ho_Chi_Minh') => {
    const row = { status, status_date: day(since), updated_at: new Date(updated) };
    const found = rule.check(row, contextOf(row, now, row, timeZone, types));
    const list = found === undefined ? [] : [found].flat() as { code: string }[];
    expectMessages(rule, list);
    return codes(list);
  };

  it.each([
    ['dissolved', '2026-03-01', '2026-03-01T10:00:00+07:00'],
    ['dissolved', '2026-03-01', '2026-03-31T23:59:00+07:00'],
    ['revoked', '2026-03-01', '2026-02-01T00:00:00Z'],
    ['active', '2020-01-01', '2026-11-01T00:00:00Z'],
    ['suspended', '2020-01-01', '2026-11-01T00:00:00Z'],
  ])('accepts %s on %s updated at %s', (status, since, updated) => {
    expect(run(status, since, updated)).toEqual([]);
  });

  it.each([
    ['dissolved', '2026-03-01', '2026-04-01T00:30:00+07:00'],
    [' revoked ', '2025-01-01', '2026-11-20T00:00:00Z'],
  ])('reports %s on %s updated at %s', (status, since, updated) => {
    expect(run(status, since, updated)).toEqual(['edited_after_closure']);
  });

  it('reads the day of the update in the run\'s time zone', () => {
    // 31/03 17:30 UTC is 01/04 00:30 in Vietnam: day 31 after 01/03 there, day 30 in UTC.
    expect(run('dissolved', '2026-03-01', '2026-03-31T17:30:00Z')).toEqual(['edited_after_closure']);
    expect(run('dissolved', '2026-03-01', '2026-03-31T17:30:00Z', 'UTC')).toEqual([]);
  });

  it('is a live warning and refuses a grace that is not a number of days', () => {
    expect([rule.criterion, rule.severity]).toEqual(['live', 'warning']);
    expect(() => closedNotEdited({ status: 'a', statusDate: 'b', updatedAt: 'c' }, { graceDays: -1 })).toThrow(/graceDays/);
  });
});
