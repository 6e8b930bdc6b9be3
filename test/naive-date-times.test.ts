import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineDataset, field, readCsv, readXlsx, rule, toJson, validate } from '../src/index.js';
import type { DatasetDefinition, Report } from '../src/core/types.js';
import { scratch } from './fixtures/cli/harness.js';
import { zonedRegister } from './fixtures/parallel/zoned-register.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';

// A date-time without an offset is the wall-clock time of the run's time zone (README "timeZone"). It used to be read
// as UTC: a Vietnamese system's 05:00 (22:00Z the day before) was read 7 hours late, so a record written 2 hours
// before --now was `future_date`, and `freshness`/`within` saw every record 7 hours fresher than it is.
const NOW = new Date('2026-11-22T00:00:00Z'); // 07:00 on 22 November in Vietnam

/** A land-parcels/insurance-style register: `updated_at` as the built-in datasets declare it. */
const register = (timeZone?: string): DatasetDefinition => defineDataset({
  name: 'register', key: 'id', ...(timeZone === undefined ? {} : { timeZone }),
  fields: {
    id: field.text().required(),
    updated_at: field.datetime().required().notInFuture().within({ hours: 12 }),
  },
  rules: [rule.freshness('updated_at', { hours: 12 })],
});

const failed = (report: Report, id: string): number => report.rules.find((r) => r.id === id)?.failed ?? NaN;
const status = (report: Report, id: string): string | undefined => report.rules.find((r) => r.id === id)?.status;

describe('a date-time without an offset, in a run in Asia/Ho_Chi_Minh', () => {
  it.each(['2026-11-22T05:00:00', '2026-11-22 05:00', '2026-11-22T05:00:00.000'])(
    'written 2 hours before now (%s) is not in the future', async (at) => {
      const report = await validate(register('Asia/Ho_Chi_Minh'), [{ id: '1', updated_at: at }], { now: NOW });
      expect(failed(report, 'updated_at.notInFuture')).toBe(0);
      expect(report.rules.find((r) => r.id === 'updated_at.notInFuture')?.checked).toBe(1);
    });

  it('is in the future when it is after now on the clock of Vietnam', async () => {
    const report = await validate(register('Asia/Ho_Chi_Minh'), [{ id: '1', updated_at: '2026-11-22T07:00:01' }], { now: NOW });
    expect(failed(report, 'updated_at.notInFuture')).toBe(1);
  });

  it('is as old as it is: 14:30 the day before is 16.5 hours before now, stale for within and freshness of 12 hours', async () => {
    const report = await validate(register('Asia/Ho_Chi_Minh'), [{ id: '1', updated_at: '2026-11-21T14:30:00' }], { now: NOW });
    expect(failed(report, 'updated_at.within')).toBe(1);
    expect(status(report, 'updated_at.freshness')).toBe('failed');
    expect(report.violations.find((v) => v.code === 'stale_table')?.value).toBe('2026-11-21T07:30:00.000Z');
  });

  it('takes the run\'s time zone over the definition\'s', async () => {
    const report = await validate(register('UTC'), [{ id: '1', updated_at: '2026-11-22T05:00:00' }],
      { now: NOW, timeZone: 'Asia/Ho_Chi_Minh' });
    expect(failed(report, 'updated_at.notInFuture')).toBe(0);
  });
});

describe('what does not change', () => {
  it('a UTC run reads a date-time without an offset as UTC, as before', async () => {
    for (const def of [register(), register('UTC')]) {
      const report = await validate(def, [{ id: '1', updated_at: '2026-11-22T05:00:00' }, { id: '2', updated_at: '2026-11-21T14:30:00' }], { now: NOW });
      expect([failed(report, 'updated_at.notInFuture'), failed(report, 'updated_at.within'), status(report, 'updated_at.freshness')])
        .toEqual([1, 0, 'passed']);
    }
    const zoned = await validate(register('Asia/Ho_Chi_Minh'), [{ id: '1', updated_at: '2026-11-22T05:00:00' }], { now: NOW, timeZone: 'UTC' });
    expect(failed(zoned, 'updated_at.notInFuture')).toBe(1);
  });

  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'Europe/Berlin'])('a date-time with an offset or Z is the instant it names in %s', async (timeZone) => {
    const rows = [
      { id: '1', updated_at: '2026-11-22T06:00:00+07:00' }, // 23:00Z the day before: past
      { id: '2', updated_at: '2026-11-22T01:00:00Z' }, // future
      { id: '3', updated_at: '2026-11-21T16:00:00-05:00' }, // 21:00Z: past
    ];
    const report = await validate(register(timeZone), rows, { now: NOW });
    expect(report.violations.filter((v) => v.rule === 'updated_at.notInFuture').map((v) => v.row)).toEqual([1]);
  });
});

describe('daylight saving time: a wall-clock time in a gap or an overlap takes the offset before the change', () => {
  const seen = defineDataset({ name: 'berlin', timeZone: 'Europe/Berlin', fields: { at: field.datetime() } });
  const read = async (at: string): Promise<string> => {
    const instants: string[] = [];
    const def = defineDataset({
      name: 'berlin', timeZone: 'Europe/Berlin',
      fields: { at: field.datetime().check('look', (v) => { instants.push((v as Date).toISOString()); }) },
    });
    await validate(def, [{ at }], { now: NOW });
    return instants[0] ?? 'not read';
  };

  it.each([
    ['2026-01-10T12:00:00', '2026-01-10T11:00:00.000Z'], // winter, +01:00
    ['2026-07-01T12:00:00', '2026-07-01T10:00:00.000Z'], // summer, +02:00
    ['2026-03-29T01:59:59', '2026-03-29T00:59:59.000Z'], // the last second before the gap
    ['2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z'], // in the gap: +01:00, i.e. 03:30 summer time
    ['2026-03-29T03:00:00', '2026-03-29T01:00:00.000Z'], // the first wall-clock time after the gap
    ['2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z'], // in the overlap: the earlier, +02:00
    ['2026-10-25T03:00:00', '2026-10-25T02:00:00.000Z'], // after the overlap, +01:00
    ['2026-10-25T01:59:00', '2026-10-24T23:59:00.000Z'], // before the overlap, +02:00
  ])('%s is %s', async (at, instant) => {
    expect(await read(at)).toBe(instant);
  });

  it('a value in the gap is valid (no invalid_type)', async () => {
    const report = await validate(seen, [{ at: '2026-03-29T02:30:00' }], { now: NOW });
    expect(report.violations).toEqual([]);
  });
});

describe('with workers', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => { tmp = scratch(); });
  afterEach(() => tmp.remove());

  it('one thread and two read a date-time without an offset the same', async () => {
    const path = tmp.path('register.csv');
    const lines = Array.from({ length: 4000 }, (_, i) => {
      const minutes = i % 720; // 05:00 back to 17:01 the day before, wall-clock time in Vietnam
      const at = new Date(Date.UTC(2026, 10, 22, 5, 0) - minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
      return `${i},${at}`;
    });
    writeFileSync(path, `id,updated_at\n${lines.join('\n')}\n`);
    const options = { now: NOW, minBytesPerWorker: 1024 } as const;
    const one = await validate(zonedRegister, readCsv(path), { ...options, workers: 1 });
    const two = await validate(zonedRegister, readCsv(path), { ...options, workers: 2, timings: true });
    expect(two.timings?.threads).toBe(2);
    delete (two as { timings?: unknown }).timings;
    expect(failed(one, 'updated_at.notInFuture')).toBe(0);
    // 17:01 to 18:59 the day before are more than 12 hours before 07:00: 119 minutes of each 720 (5 whole cycles)
    expect(failed(one, 'updated_at.within')).toBe(5 * 119);
    expect(toJson(two)).toBe(toJson(one));
  });
});

describe('a workbook\'s date-time cells name no zone', () => {
  afterAll(removeWorkbooks);

  it('a datetime field reads them as the wall-clock time of the run\'s zone', async () => {
    // exceljs writes a Date as the serial of its UTC fields: the cell shows 22/11/2026 05:00, 2 hours before now in Vietnam.
    const path = await writeWorkbook((wb) => {
      const sheet = wb.addWorksheet('S');
      sheet.addRow(['id', 'updated_at']);
      sheet.addRow(['1', new Date(Date.UTC(2026, 10, 22, 5))]);
      sheet.getCell('B2').numFmt = 'dd/mm/yyyy hh:mm';
    });
    const vn = await validate(register('Asia/Ho_Chi_Minh'), readXlsx(path), { now: NOW });
    expect([failed(vn, 'updated_at.notInFuture'), vn.rules.find((r) => r.id === 'updated_at.type')?.checked]).toEqual([0, 1]);
    const utc = await validate(register(), readXlsx(path), { now: NOW });
    expect(failed(utc, 'updated_at.notInFuture')).toBe(1);
  });
});
