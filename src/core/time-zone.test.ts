import { describe, expect, it } from 'vitest';
import { calendarDate, checkTimeZone, runClock } from './time-zone.js';
import { createValidator, defineDataset, field, toJson, validate } from '../index.js';

describe('calendarDate: the date of an instant on a clock in a zone, as UTC midnight', () => {
  it.each([
    ['2026-03-15T01:00:00+07:00', 'Asia/Ho_Chi_Minh', '2026-03-15'],
    ['2026-03-15T01:00:00+07:00', 'UTC', '2026-03-14'],
    ['2026-03-14T23:59:59.999+07:00', 'Asia/Ho_Chi_Minh', '2026-03-14'],
    ['2026-03-15T00:00:00+07:00', 'Asia/Ho_Chi_Minh', '2026-03-15'],
    ['2026-03-15T06:59:59Z', 'America/Los_Angeles', '2026-03-14'],
    ['2024-02-29T20:00:00Z', 'Pacific/Kiritimati', '2024-03-01'],
    ['0050-06-01T12:00:00Z', 'UTC', '0050-06-01'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(calendarDate(new Date(instant), zone).toISOString()).toBe(`${day}T00:00:00.000Z`);
  });
});

describe('the time zone of a run', () => {
  const def = defineDataset({ name: 'd', fields: { day: field.date('dd/MM/yyyy').notInFuture() } });
  const vn = defineDataset({ name: 'vn', timeZone: 'Asia/Ho_Chi_Minh', fields: { day: field.date('dd/MM/yyyy').notInFuture() } });
  const now = '2026-03-15T01:00:00+07:00';
  const row = [{ day: '15/03/2026' }];

  it('is UTC by default, the definition\'s when it names one, and the run\'s above both; the report says which', async () => {
    const cases = [
      [def, {}, 'UTC', 1], [vn, {}, 'Asia/Ho_Chi_Minh', 0],
      [vn, { timeZone: 'UTC' }, 'UTC', 1], [def, { timeZone: 'Asia/Ho_Chi_Minh' }, 'Asia/Ho_Chi_Minh', 0],
    ] as const;
    for (const [d, o, zone, failed] of cases) {
      const report = await validate(d, row, { now, ...o });
      expect([report.timeZone, report.violations.length]).toEqual([zone, failed]);
      expect(JSON.parse(toJson(report)).timeZone).toBe(zone);
    }
  });

  it.each(['Asia/Hanoi', 'ICT', '+07:00', '', ' '])('refuses the unknown zone %j, in options and definitions', async (zone) => {
    await expect(validate(def, row, { now, timeZone: zone })).rejects.toThrow(/timeZone must be an IANA time zone/);
    expect(() => createValidator(def, { timeZone: zone })).toThrow(/IANA time zone/);
    expect(() => defineDataset({ name: 'x', timeZone: zone, fields: { a: field.text() } })).toThrow(/timeZone of dataset "x"/);
  });

  it('is on every rule context: today, todayMs and the field types', async () => {
    const seen: unknown[] = [];
    const d = defineDataset({
      name: 'ctx', fields: {
        day: field.date().check('look', (_v, ctx) => { seen.push([ctx.timeZone, ctx.today.toISOString(), ctx.todayMs, ctx.fieldType('day'), ctx.fieldType('x')]); }),
      },
    });
    await validate(d, [{ day: '2026-01-01' }], { now, timeZone: 'Asia/Ho_Chi_Minh' });
    const today = runClock(new Date(now), 'Asia/Ho_Chi_Minh').today;
    expect(seen).toEqual([['Asia/Ho_Chi_Minh', '2026-03-15T00:00:00.000Z', today.getTime(), 'date', undefined]]);
  });

  it('checkTimeZone trims and keeps the name as given', () => {
    expect(checkTimeZone(' Asia/Ho_Chi_Minh ', 'timeZone')).toBe('Asia/Ho_Chi_Minh');
  });
});
