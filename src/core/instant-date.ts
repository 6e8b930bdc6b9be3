/**
 * A date and time that names an instant (a PostgreSQL `timestamptz`): a `Date` to everything that reads one, so a
 * datetime field reads the instant; a date field of a run in a time zone takes its calendar day in that zone (see
 * `zonedDateParser`), the day it was there. Why: read as its UTC day, `2026-11-22 00:30+07` was 21 November, and every
 * date stored at midnight in Vietnam (as applications store a date in a `timestamptz`) a day early.
 * @example new InstantDate(Date.parse('2026-11-22T00:30:00+07:00')) // a date field in Asia/Ho_Chi_Minh reads 22/11/2026
 */
export class InstantDate extends Date {}
