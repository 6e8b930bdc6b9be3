/**
 * Whether a text is a date with a two-digit year — day and month in either order, then two digits, separated by `/`,
 * `.` or `-` (`29/11/19`, `3.4.20`, `12-31-99`) — which no date format of ddss reads: the century would be a guess.
 * Used to keep such a column a date column in a profile, and to say why its dates do not read.
 * @example twoDigitYear('29/11/19') // true
 * @example twoDigitYear('29/11/2019') // false
 */
export function twoDigitYear(text: string): boolean {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2\d\d$/.exec(text);
  if (m === null) return false;
  const a = Number(m[1]);
  const b = Number(m[3]);
  return a >= 1 && b >= 1 && Math.min(a, b) <= 12 && Math.max(a, b) <= 31;
}
