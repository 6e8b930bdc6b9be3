/**
 * A date and time that names no zone, as a `Date` whose UTC fields are its wall-clock fields: an Excel date-time
 * cell, a PostgreSQL `timestamp without time zone`. It is a `Date` to everything that reads one (a date field takes its
 * calendar day, outputs show it as before); a datetime field of a run in a time zone other than UTC reads it as the
 * wall-clock time of that zone (see `zonedDateTimeParser`), as it reads such text.
 * @example new WallClockDate(Date.UTC(2026, 10, 21, 15)).toISOString() // '2026-11-21T15:00:00.000Z' (15:00 on the wall)
 */
export class WallClockDate extends Date {}
