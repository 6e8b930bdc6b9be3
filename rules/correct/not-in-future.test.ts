import { describe, expect, it } from 'vitest';
import { notInFuture } from './not-in-future.js';
import { codes } from '../../test/_ctx.js';
import { defineDataset, field, validate } from '../../src/index.js';

describe('notInFuture', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  it.each([
    [new Date('2026-11-22T00:00:00Z'), []],
    [new Date('2020-01-01T00:00:00Z'), []],
    [new Date('2026-11-23T00:00:00Z'), ['future_date']],
  ])('%j → %j', (v, expected) => expect(codes(notInFuture(), v, now)).toEqual(expected));
});

describe('notInFuture compares a date with the calendar day of now in the run\'s time zone', () => {
  // 01:00 on 15 March in Vietnam is still 14 March in UTC.
  const now = '2026-03-15T01:00:00+07:00';
  const def = defineDataset({
    name: 'd', fields: { day: field.date('dd/MM/yyyy').notInFuture(), at: field.datetime().notInFuture() },
  });
  const found = async (row: Record<string, string>, timeZone?: string) =>
    (await validate(def, [row], { now, ...(timeZone === undefined ? {} : { timeZone }) })).violations.map((v) => `${v.field}:${v.code}`);

  it.each<[string, Record<string, string>, string | undefined, string[]]>([
    ['a registration dated today in Vietnam', { day: '15/03/2026' }, 'Asia/Ho_Chi_Minh', []],
    ['the same date by the UTC calendar', { day: '15/03/2026' }, 'UTC', ['day:future_date']],
    ['the same date without a zone (UTC)', { day: '15/03/2026' }, undefined, ['day:future_date']],
    ['tomorrow in Vietnam', { day: '16/03/2026' }, 'Asia/Ho_Chi_Minh', ['day:future_date']],
    ['today in UTC', { day: '14/03/2026' }, 'UTC', []],
    ['a zone west of UTC, where it is still 14 March', { day: '15/03/2026' }, 'America/Los_Angeles', ['day:future_date']],
    ['an instant half an hour after now, whatever the zone', { at: '2026-03-15T01:30:00+07:00' }, 'Asia/Ho_Chi_Minh', ['at:future_date']],
    ['an instant half an hour before now', { at: '2026-03-15T00:30:00+07:00' }, 'UTC', []],
  ])('%s', async (_name, row, timeZone, expected) => {
    expect(await found(row, timeZone)).toEqual(expected);
  });
});

describe('notInFuture on a date field whose format keeps the time of day', () => {
  // Insurance XML writes yyyyMMddHHmm (QĐ 130/QĐ-BYT). At 07:00 in Vietnam, an admission at 05:30 that day was
  // reported in the future: the day's time was compared with the start of today.
  const def = defineDataset({ name: 'd', timeZone: 'Asia/Ho_Chi_Minh', fields: { at: field.date('yyyyMMddHHmm').notInFuture() } });
  const now = '2026-11-22T00:00:00Z'; // 07:00 on 22 November in Vietnam

  it.each<[string, string, string[]]>([
    ['05:30 today', '202611220530', []],
    ['23:59 today (a date field holds days: today is never the future)', '202611222359', []],
    ['23:30 yesterday', '202611212330', []],
    ['00:00 tomorrow', '202611230000', ['future_date']],
    ['01:00 tomorrow', '202611230100', ['future_date']],
  ])('%s', async (_name, at, expected) => {
    expect((await validate(def, [{ at }], { now })).violations.map((v) => v.code)).toEqual(expected);
  });
});
