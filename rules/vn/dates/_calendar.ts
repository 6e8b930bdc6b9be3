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
