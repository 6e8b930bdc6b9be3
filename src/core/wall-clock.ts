/**
 * Reading wall-clock times (a date-time written without a UTC offset) as the instants they are in a time zone.
 * A wall-clock time is handed over as epoch ms of the same calendar fields in UTC (`2026-11-21T15:00` → the ms of
 * `2026-11-21T15:00Z`), the form the ISO reader, PostgreSQL `timestamp` and Excel cells already produce; the zone
 * then says how far to move it.
 */

import { parseIsoDateTime } from './date-format.js';

const DAY = 86_400_000;
/** Offsets are remembered per hour of UTC (an hour in which the offset changes is computed per value, see below). */
const SLICE = 3_600_000;

/**
 * A reader of wall-clock times in `timeZone` (an IANA name already checked): wall ms in, instant ms out, `NaN` stays
 * `NaN`. A time that happens twice (the hour clocks are turned back) is the earlier instant, and a time that never
 * happens (the hour skipped when clocks go forward) is read with the offset in force before the change, so it lands
 * as far after the change as it is written after the skipped hour's start — Temporal's `compatible`. UTC needs no
 * reader: undefined.
 * @example wallClockReader('Asia/Ho_Chi_Minh')?.(Date.UTC(2026, 10, 21, 15)) // Date.UTC(2026, 10, 21, 8)
 * @example wallClockReader('UTC') // undefined
 */
export function wallClockReader(timeZone: string): ((wallMs: number) => number) | undefined {
  if (isUtc(timeZone)) return undefined;
  const offsetAt = offsetLookup(timeZone);
  return (wall) => {
    if (!Number.isFinite(wall)) return NaN;
    // No zone changes offset twice within two days, so the offsets a day before and a day after are the only two.
    const before = offsetAt(wall - DAY);
    const after = offsetAt(wall + DAY);
    if (before === after) return wall - before;
    const early = wall - before;
    if (offsetAt(early) === before) return early; // happens before the change: once, or first of two
    const late = wall - after;
    return offsetAt(late) === after ? late : early; // after the change, or in the skipped hour
  };
}

/** Zones whose clock is UTC all year, read without a lookup. */
function isUtc(timeZone: string): boolean {
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu'].includes(timeZone);
}

/**
 * The offset of `timeZone` (ms ahead of UTC) at an instant, remembered per hour: formatting a date in a zone costs
 * microseconds, and a column's values share few hours. An hour whose two ends disagree (the offset changes inside it)
 * is not remembered but computed for each instant.
 */
function offsetLookup(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23', era: 'short',
    year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const exact = (ms: number): number => {
    let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, bc = false;
    for (const p of format.formatToParts(new Date(ms))) {
      switch (p.type) {
        case 'year': year = Number(p.value); break;
        case 'month': month = Number(p.value); break;
        case 'day': day = Number(p.value); break;
        case 'hour': hour = Number(p.value); break;
        case 'minute': minute = Number(p.value); break;
        case 'second': second = Number(p.value); break;
        case 'era': bc = p.value === 'BC' || p.value === 'B'; break;
        default:
      }
    }
    const wall = new Date(0);
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999. Years before 1 AD count from 0 (ISO).
    wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    return wall.getTime() - Math.floor(ms / 1000) * 1000;
  };
  const cache = new Map<number, number>();
  return (ms) => {
    const slice = Math.floor(ms / SLICE);
    let offset = cache.get(slice);
    if (offset !== undefined) return offset;
    offset = exact(slice * SLICE);
    if (exact(slice * SLICE + SLICE - 1000) !== offset) return exact(ms);
    // Bounded: a column of instants spread over centuries must not grow memory without limit.
    if (cache.size >= 100_000) cache.clear();
    cache.set(slice, offset);
    return offset;
  };
}

/**
 * The instant an ISO date or date-time names as the time of a run (`now`, `--now`), in ms, or `NaN` for text that is
 * none. With an offset or `Z`, that instant; a date-time without one is the wall-clock time of `timeZone`, as data
 * values are; a date alone is midnight UTC of that day, as it always was (a day on which that instant falls in every
 * zone from UTC to UTC+14, Vietnam's included), so a run pinned to `--now 2026-11-22` reports as before.
 * @example runInstant('2026-11-22T08:00:00', 'Asia/Ho_Chi_Minh') // Date.UTC(2026, 10, 22, 1)
 * @example runInstant('2026-11-22', 'Asia/Ho_Chi_Minh') // Date.UTC(2026, 10, 22)
 */
export function runInstant(text: string, timeZone: string): number {
  return parseIsoDateTime(text, text.length > 10 ? wallClockReader(timeZone) : undefined);
}
