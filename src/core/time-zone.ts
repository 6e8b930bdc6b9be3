/**
 * Time zones decide two things in ddss: which calendar day the run's `now` is, and which instant a date-time written
 * without an offset is (the wall-clock time of the zone: see `wall-clock.ts`). Dates in data are calendar days (read
 * as UTC midnight of their date, whatever the zone); "today" is the date of `now` on a clock in the run's zone.
 */

/** The zone used when neither the run nor the definition names one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * Checks an IANA time-zone name (`Asia/Ho_Chi_Minh`, `UTC`) and returns it trimmed; throws a clear error naming
 * `what` for anything the platform's time-zone database does not know (`+07:00`, `ICT`, a typo).
 * @example checkTimeZone('Asia/Ho_Chi_Minh', 'timeZone') // 'Asia/Ho_Chi_Minh'
 */
export function checkTimeZone(name: unknown, what: string): string {
  const zone = typeof name === 'string' ? name.trim() : '';
  if (zone !== '') {
    try {
      dayFormat(zone);
      return zone;
    } catch {
      // RangeError "Invalid time zone specified": reported below in ddss's words.
    }
  }
  throw new Error(`ddss: ${what} must be an IANA time zone such as "Asia/Ho_Chi_Minh" or "UTC", got ${JSON.stringify(name)}`);
}

/**
 * The calendar date of `instant` on a clock in `timeZone`, as UTC midnight of that date — the form date fields are
 * read in, so a date value compares with it directly.
 * @example calendarDate(new Date('2026-03-15T01:00:00+07:00'), 'Asia/Ho_Chi_Minh').toISOString() // '2026-03-15T00:00:00.000Z'
 * @example calendarDate(new Date('2026-03-15T01:00:00+07:00'), 'UTC').toISOString() // '2026-03-14T00:00:00.000Z'
 */
export function calendarDate(instant: Date, timeZone: string): Date {
  let year = 0;
  let month = 0;
  let day = 0;
  let bc = false;
  for (const p of dayFormat(timeZone).formatToParts(instant)) {
    if (p.type === 'year') year = Number(p.value);
    else if (p.type === 'month') month = Number(p.value);
    else if (p.type === 'day') day = Number(p.value);
    else if (p.type === 'era') bc = p.value === 'BC' || p.value === 'B';
  }
  const out = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999. Years before 1 AD count from 0 (ISO).
  out.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  return out;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Year, month, day and era in the Gregorian calendar with Latin digits, whatever the machine's locale. One formatter
 * per zone: building one costs far more than formatting, and date fields read each `timestamptz` value with it.
 */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
    });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** The time of a run as rule contexts carry it: `now`, its calendar date in the zone (`today`), both also in ms. */
export interface RunClock {
  readonly now: Date;
  readonly nowMs: number;
  readonly timeZone: string;
  readonly today: Date;
  readonly todayMs: number;
}

/**
 * The clock fields of a rule context for a run at `now` in `timeZone` (the engine's, and contexts built by hand to
 * call a rule directly, as tests do). Checks the zone.
 * @example runClock(new Date('2026-03-15T01:00:00+07:00'), 'Asia/Ho_Chi_Minh').today // 2026-03-15T00:00:00.000Z
 */
export function runClock(now: Date, timeZone: string = DEFAULT_TIME_ZONE): RunClock {
  const zone = checkTimeZone(timeZone, 'timeZone');
  const today = calendarDate(now, zone);
  return { now, nowMs: now.getTime(), timeZone: zone, today, todayMs: today.getTime() };
}
