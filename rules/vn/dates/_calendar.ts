/** Calendar arithmetic on UTC days, the way the date parsers read dates (no time zone of the machine involved). */

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

function daysIn(y: number, m: number): number {
  const last = new Date(0);
  last.setUTCFullYear(y, m + 1, 0);
  return last.getUTCDate();
}

/** `yyyy-MM-dd` of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
