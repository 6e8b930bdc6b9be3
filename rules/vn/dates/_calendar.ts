/** Calendar arithmetic on UTC days, the way the date parsers read dates (no time zone of the machine involved). */
import { daysFromCivil } from '../../../src/core/date-format.js';

const DAY = 86_400_000;

/** Epoch ms of the start of the UTC day containing `ms`. */
export function utcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/**
 * The same calendar day `years` later (or earlier), in UTC; 29 February becomes 28 February in a common year
 * (as date-fns `addYears`).
 */
export function addYearsUtc(date: Date, years: number): Date {
  const y = date.getUTCFullYear() + years;
  const m = date.getUTCMonth();
  const d = Math.min(date.getUTCDate(), daysIn(y, m));
  const out = new Date(date.getTime());
  out.setUTCFullYear(y, m, d);
  return out;
}

/**
 * {@link addYearsUtc} on epoch milliseconds, without a `Date`: NaN for NaN, or where the result is not a time a
 * `Date` can hold. Why: rules that compare a term per row (`agriculturalTerm`) allocated two dates a row for it.
 * @example addYearsUtcMs(Date.UTC(2024, 1, 29), 50) === Date.UTC(2074, 1, 28) // true
 */
export function addYearsUtcMs(ms: number, years: number): number {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_TIME || !Number.isInteger(years)) return addYearsUtc(new Date(ms), years).getTime();
  const day = Math.floor(ms / DAY);
  const time = ms - day * DAY;
  const { y, m, d } = civil(day);
  const y2 = y + years;
  const out = daysFromCivil(y2, m + 1, Math.min(d, daysIn(y2, m))) * DAY + time;
  return Math.abs(out) <= MAX_TIME ? out : NaN;
}

/** The largest time value a `Date` holds (ECMA-262 TimeClip: 8.64e15 ms either side of 1970). */
const MAX_TIME = 8.64e15;

/** Year, month (0-based) and day of UTC day number `z` (days since 1970-01-01): H. Hinnant's civil_from_days. */
function civil(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 2 : mp - 10;
  return { y: yoe + era * 400 + (m <= 1 ? 1 : 0), m, d };
}

function daysIn(y: number, m: number): number {
  // Arithmetic for every year a Date can hold with room to spare (no Date allocated per row); a Date beyond.
  if (Number.isInteger(y) && Math.abs(y) <= 200_000 && m >= 0 && m <= 11) {
    if (m === 1) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return m === 3 || m === 5 || m === 8 || m === 10 ? 30 : 31;
  }
  const last = new Date(0);
  last.setUTCFullYear(y, m + 1, 0);
  return last.getUTCDate();
}

/** `yyyy-MM-dd` of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
