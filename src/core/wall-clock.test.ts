import { describe, expect, it } from 'vitest';
import { runInstant, wallClockReader } from './wall-clock.js';
import { WallClockDate } from './wall-clock-date.js';
import { parseDateTime, zonedDateTimeParser } from './parsers.js';
import { INVALID } from './types.js';
import { parseTimestamp } from '../sources/postgres/type-parsers.js';
import { cellValue, excelDate } from '../sources/xlsx/cell-value.js';
import { defineDataset, field, validate } from '../index.js';

const at = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

describe('wallClockReader: a wall-clock time as the instant it is in a zone', () => {
  it.each([
    ['Asia/Ho_Chi_Minh', Date.UTC(2026, 10, 21, 15), '2026-11-21T08:00:00.000Z'],
    ['America/New_York', Date.UTC(2026, 10, 21, 15), '2026-11-21T20:00:00.000Z'],
    ['Asia/Kathmandu', Date.UTC(2026, 0, 1, 12), '2026-01-01T06:15:00.000Z'],
    ['Europe/Berlin', Date.UTC(2026, 2, 29, 2, 30), '2026-03-29T01:30:00.000Z'], // skipped: the offset before, +01:00
    ['Europe/Berlin', Date.UTC(2026, 9, 25, 2, 30), '2026-10-25T00:30:00.000Z'], // twice: the earlier
    ['America/New_York', Date.UTC(2026, 2, 8, 2, 30), '2026-03-08T07:30:00.000Z'], // skipped: -05:00
    ['America/New_York', Date.UTC(2026, 10, 1, 1, 30), '2026-11-01T05:30:00.000Z'], // twice: the earlier, -04:00
  ])('%s: %d is %s', (zone, wall, instant) => {
    expect(new Date(wallClockReader(zone)?.(wall) ?? NaN).toISOString()).toBe(instant);
  });

  it('is undefined for UTC (nothing to move) and keeps NaN', () => {
    expect(wallClockReader('UTC')).toBeUndefined();
    expect(wallClockReader('Asia/Ho_Chi_Minh')?.(NaN)).toBeNaN();
  });
});

describe('zonedDateTimeParser', () => {
  const vn = zonedDateTimeParser('Asia/Ho_Chi_Minh');

  it('reads text without an offset in the zone, and with one as the instant it names', () => {
    expect([vn('2026-11-21T15:00:00'), vn('2026-11-21 15:00'), vn('2026-11-21'), vn('2026-11-21T15:00:00+07:00'), vn('2026-11-21T15:00:00Z')].map(at))
      .toEqual(['2026-11-21T08:00:00.000Z', '2026-11-21T08:00:00.000Z', '2026-11-20T17:00:00.000Z', '2026-11-21T08:00:00.000Z', '2026-11-21T15:00:00.000Z']);
  });

  it('reads a WallClockDate (a workbook cell, a PostgreSQL timestamp) in the zone, any other Date as it is', () => {
    const instant = new Date('2026-11-21T15:00:00Z');
    expect([vn(new WallClockDate(instant.getTime())), vn(instant)].map(at)).toEqual(['2026-11-21T08:00:00.000Z', '2026-11-21T15:00:00.000Z']);
    expect([vn('2026-02-30T10:00:00'), vn(new WallClockDate(NaN)), vn(42)]).toEqual([INVALID, INVALID, INVALID]);
  });

  it('is parseDateTime itself in UTC', () => {
    expect(zonedDateTimeParser('UTC')).toBe(parseDateTime);
  });
});

describe('sources hand over date-times without a zone as WallClockDate', () => {
  it('PostgreSQL timestamp (without time zone), not timestamptz', () => {
    expect(parseTimestamp('2026-03-15 01:00:00', false)).toBeInstanceOf(WallClockDate);
    expect(parseTimestamp('2026-03-15 01:00:00+07', true)).not.toBeInstanceOf(WallClockDate);
  });

  it('Excel: a date-formatted serial, a Date from exceljs, an ISO cell without a zone', () => {
    expect(excelDate(46347.625, false)).toBeInstanceOf(WallClockDate);
    const cells = [cellValue(new Date('2026-11-21T15:00:00Z')), cellValue('2026-11-21T15:00:00', undefined, false, 'd')];
    for (const c of cells) expect('value' in c && c.value).toBeInstanceOf(WallClockDate);
  });

  it('a run in Asia/Ho_Chi_Minh reads them as the wall-clock time there; a UTC run as before', async () => {
    const def = defineDataset({ name: 'db', timeZone: 'Asia/Ho_Chi_Minh', fields: { at: field.datetime().notInFuture(), day: field.date().notInFuture() } });
    const row = { at: parseTimestamp('2026-11-22 05:00:00', false), day: excelDate(46348.2, false) }; // 22/11/2026 04:48
    const now = '2026-11-22T00:00:00Z';
    expect((await validate(def, [row], { now })).violations).toEqual([]);
    expect((await validate(def, [row], { now, timeZone: 'UTC' })).violations.map((v) => v.rule)).toEqual(['at.notInFuture']);
  });
});

describe('runInstant: the time of a run', () => {
  it.each([
    ['2026-11-22T08:00:00', 'Asia/Ho_Chi_Minh', '2026-11-22T01:00:00.000Z'],
    ['2026-11-22 08:00', 'Asia/Ho_Chi_Minh', '2026-11-22T01:00:00.000Z'],
    ['2026-11-22T08:00:00Z', 'Asia/Ho_Chi_Minh', '2026-11-22T08:00:00.000Z'],
    ['2026-11-22T08:00:00+07:00', 'UTC', '2026-11-22T01:00:00.000Z'],
    ['2026-11-22', 'Asia/Ho_Chi_Minh', '2026-11-22T00:00:00.000Z'],
    ['2026-11-22T08:00:00', 'UTC', '2026-11-22T08:00:00.000Z'],
  ])('%s in %s is %s', (text, zone, instant) => {
    expect(new Date(runInstant(text, zone)).toISOString()).toBe(instant);
  });

  it('is the option now of a run: a date-time without an offset in the run\'s zone', async () => {
    const def = defineDataset({ name: 'n', timeZone: 'Asia/Ho_Chi_Minh', fields: { at: field.datetime() } });
    expect((await validate(def, [], { now: '2026-11-22T08:00:00' })).now).toBe('2026-11-22T01:00:00.000Z');
    expect((await validate(def, [], { now: '2026-11-22T08:00:00', timeZone: 'UTC' })).now).toBe('2026-11-22T08:00:00.000Z');
    expect((await validate(def, [], { now: '2026-11-22' })).now).toBe('2026-11-22T00:00:00.000Z');
  });
});

describe('outputs show a date-time without a zone as it was written', () => {
  it('a failing PostgreSQL timestamp is quoted without the Z, which would name another instant', async () => {
    const def = defineDataset({ name: 'db', timeZone: 'Asia/Ho_Chi_Minh', fields: { at: field.datetime().notInFuture() } });
    const report = await validate(def, [{ at: parseTimestamp('2026-11-22 12:00:00', false) }], { now: '2026-11-22T00:00:00Z' });
    expect(report.violations.map((v) => v.value)).toEqual(['2026-11-22T12:00:00.000']);
  });
});
