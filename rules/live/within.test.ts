import { describe, expect, it } from 'vitest';
import { within } from './within.js';
import { codes } from '../../test/_ctx.js';
import { defineDataset, field, validate } from '../../src/index.js';

describe('within', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  const rule = within({ days: 365 });
  it.each([
    [new Date('2025-11-22T00:00:00Z'), []],
    [new Date('2025-11-21T23:59:59Z'), ['stale_record']],
    [new Date('2026-11-01T00:00:00Z'), []],
  ])('%j → %j', (v, expected) => expect(codes(rule, v, now)).toEqual(expected));
  it('renders its duration in both locales', () => {
    expect(rule.params?.maxAge).toEqual({ en: '365 days', vi: '365 ngày' });
  });
});

describe('within measures the age of a date in calendar days from today in the run\'s time zone', () => {
  const def = defineDataset({ name: 'd', fields: { day: field.date('dd/MM/yyyy').within({ days: 1 }), at: field.datetime().within({ days: 1 }) } });
  const stale = async (row: Record<string, string>, now: string, timeZone?: string) =>
    (await validate(def, [row], { now, ...(timeZone === undefined ? {} : { timeZone }) })).violations.map((v) => v.field);

  it.each<[string, Record<string, string>, string, string | undefined, string[]]>([
    // 08:00 in Vietnam on 15 March: yesterday is one day old, whatever the hour.
    ['yesterday, in the morning', { day: '14/03/2026' }, '2026-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh', []],
    ['two days ago', { day: '13/03/2026' }, '2026-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh', ['day']],
    // 01:00 in Vietnam is 14 March in UTC: 13 March is two days old in Vietnam, one in UTC.
    ['13 March seen from Vietnam at 01:00', { day: '13/03/2026' }, '2026-03-15T01:00:00+07:00', 'Asia/Ho_Chi_Minh', ['day']],
    ['13 March seen from UTC at the same instant', { day: '13/03/2026' }, '2026-03-15T01:00:00+07:00', 'UTC', []],
    ['an instant 25 hours old', { at: '2026-03-14T07:00:00+07:00' }, '2026-03-15T08:00:00+07:00', 'Asia/Ho_Chi_Minh', ['at']],
    ['an instant 23 hours old', { at: '2026-03-14T09:00:00+07:00' }, '2026-03-15T08:00:00+07:00', 'UTC', []],
  ])('%s', async (_name, row, now, timeZone, expected) => {
    expect(await stale(row, now, timeZone)).toEqual(expected);
  });
});
