// Subpaths: the package root loads all of date-fns (see src/core/date-format.ts).
import { formatDuration } from 'date-fns/formatDuration';
import { sub } from 'date-fns/sub';
import type { Duration } from 'date-fns';
import { vi } from 'date-fns/locale/vi';
import { nearest } from '../../src/core/columns.js';

const UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];

/**
 * Throws for a duration that says no age: not an object, a key that is no unit (`{ dayz: 30 }` was read as no time
 * at all, so only today's records were current), a count that is not a whole number ≥ 0 (`-1`, `NaN`, `1.5`: the
 * cutoff became NaN, a future day, or dropped the half), or no unit at all. Definition files refuse the same.
 * @example checkDuration('within', { dayz: 30 }) // throws: did you mean "days"?
 */
export function checkDuration(rule: string, d: unknown): void {
  if (typeof d !== 'object' || d === null) throw new TypeError(`ddss: ${rule} takes a duration such as { days: 30 }, got ${d === null ? 'null' : typeof d}`);
  const keys = Object.keys(d).filter((k) => (d as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) throw new TypeError(`ddss: ${rule}: the duration names no unit (${UNITS.join(', ')})`);
  for (const key of keys) {
    if (!UNITS.includes(key)) {
      const near = nearest(key, UNITS);
      throw new TypeError(`ddss: ${rule}: ${JSON.stringify(key)} is not a unit of a duration` +
        `${near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`}; its units are ${UNITS.join(', ')}`);
    }
    const n = (d as Record<string, unknown>)[key];
    if (!(typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
      throw new TypeError(`ddss: ${rule}: ${key} must be a whole number ≥ 0, got ${typeof n === 'string' ? JSON.stringify(n) : String(n)}`);
    }
  }
}

/** A duration in words, in both locales, for messages ("365 days" / "365 ngày"). */
export function durationText(d: Duration): { en: string; vi: string } {
  return { en: formatDuration(d), vi: formatDuration(d, { locale: vi }) };
}

/** The instant `duration` before `nowMs` (calendar arithmetic: a month back from 31 March is 28/29 February). */
export function cutoff(nowMs: number, d: Duration): number {
  return sub(new Date(nowMs), d).getTime();
}

/**
 * The calendar day `duration` before the day `dayMs` (UTC midnight, as `ctx.todayMs` and date values are), in UTC
 * arithmetic, so the machine's time zone and its daylight-saving shifts play no part. As date-fns `sub`: years and
 * months first (a month back from 31 March is 28/29 February), then weeks and days, then hours, minutes, seconds.
 * @example new Date(cutoffDay(Date.UTC(2026, 2, 31), { months: 1 })).toISOString() // '2026-02-28T00:00:00.000Z'
 */
export function cutoffDay(dayMs: number, d: Duration): number {
  const date = new Date(dayMs);
  const months = Math.trunc((d.years ?? 0) * 12 + (d.months ?? 0));
  if (months !== 0) {
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() - months;
    const last = new Date(0);
    last.setUTCFullYear(y, m + 1, 0); // day 0 of the next month: the last day of month m
    date.setUTCFullYear(y, m, Math.min(date.getUTCDate(), last.getUTCDate()));
  }
  const days = Math.trunc((d.weeks ?? 0) * 7 + (d.days ?? 0));
  if (days !== 0) date.setUTCDate(date.getUTCDate() - days);
  return date.getTime() - (((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60 + (d.seconds ?? 0)) * 1000;
}

/**
 * Caches the cutoff per reference time, since checks run per row and the time is fixed for a run: `day` arithmetic
 * from `ctx.todayMs` for calendar dates, instant arithmetic from `ctx.nowMs` otherwise.
 */
export function cutoffCache(d: Duration, day = false): (referenceMs: number) => number {
  let at = Number.NaN;
  let value = 0;
  return (ms) => {
    if (ms !== at) {
      at = ms;
      value = day ? cutoffDay(ms, d) : cutoff(ms, d);
    }
    return value;
  };
}
