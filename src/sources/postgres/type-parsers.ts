import type { PgTypes } from './pg.js';
import { WallClockDate } from '../../core/wall-clock-date.js';
import { InstantDate } from '../../core/instant-date.js';

/** Type OIDs of PostgreSQL's built-in types (pg_type.oid), fixed since PostgreSQL 8. */
const OID = {
  int8: 20, bpchar: 1042, numeric: 1700, float4: 700, float8: 701, date: 1082, timestamp: 1114, timestamptz: 1184, interval: 1186,
  dateArray: 1182, timestampArray: 1115, timestamptzArray: 1185, intervalArray: 1187,
} as const;

const text = (s: string): string => s;

/**
 * Exact values for a validation run, as one query's type parsers (pg's global table is never changed, so a pool the
 * caller shares keeps its own parsing): `bigint` is a number when it is a safe integer, else its exact text;
 * `numeric` is its exact text; a float that is not finite (`NaN`, `Infinity`) is its text, never a missing `NaN`;
 * `date` is midnight of its calendar date on the wall clock and `timestamp` its wall-clock time, each a
 * `WallClockDate` (its fields as UTC, so a date field takes its day, and a datetime field reads it in the run's time
 * zone, as it reads ISO text without an offset such as `2026-03-15`); `timestamptz` is the instant it names (an
 * `InstantDate`: a date field takes its day in the run's zone). Dates and times PostgreSQL prints in another form
 * (`infinity`, BC years) stay text, so a date field reports them as `invalid_type` rather than guessing (a
 * connection printing non-ISO dates is refused: see `requireExactText`). Intervals and arrays of dates stay text.
 * `char(n)` is its text without the trailing padding (see `unpad`).
 * Other types parse as pg parses them (int2/int4 and floats → number, bool → boolean, json/jsonb → value, arrays of
 * those and of text → arrays). An array of an enum or of a domain, which pg leaves as its text (`{LUC,ONT}`), parses
 * as the built-in array type `arrays` maps it to (see `arrayTypes`: an enum's as text[], a domain's as its base
 * type's array), so it reaches rules as that array would, elements unquoted and unescaped, `NULL` as null.
 * @example pgTypes(defaults).getTypeParser(1082)('2026-03-15') // Date 2026-03-15T00:00:00.000Z
 * @example pgTypes(defaults, new Map([[16425, 1009]])).getTypeParser(16425)('{LUC,"a b"}') // ['LUC', 'a b']
 */
export function pgTypes(defaults: PgTypes, arrays: ReadonlyMap<number, number> = new Map()): PgTypes {
  const types: PgTypes = {
    getTypeParser(oid, format) {
      if (format === 'binary') return defaults.getTypeParser(oid, format);
      // Parsed by the built-in array's own parser (pg's, on postgres-array), so it is the same form as text[] is.
      const builtIn = arrays.get(oid);
      if (builtIn !== undefined) return types.getTypeParser(builtIn, format);
      switch (oid) {
        case OID.int8: return parseInt8;
        case OID.bpchar: return unpad;
        case OID.numeric: case OID.interval: case OID.intervalArray:
        case OID.dateArray: case OID.timestampArray: case OID.timestamptzArray: return text;
        case OID.float4: case OID.float8: return parseFloatText;
        case OID.date: return parseDate;
        case OID.timestamp: return (s) => parseTimestamp(s, false);
        case OID.timestamptz: return (s) => parseTimestamp(s, true);
        default: return defaults.getTypeParser(oid, format);
      }
    },
  };
  return types;
}

/**
 * A bigint as a number when every digit survives, else its exact text.
 * @example parseInt8('9007199254740993') // '9007199254740993'
 */
export function parseInt8(s: string): number | string {
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : s;
}

/**
 * A `char(n)` value without its trailing spaces: the server pads to n and treats the padding as no data (its text
 * cast, `length()` and comparisons drop it), so a CCCD in a `char(15)` failed its 12-digit pattern and `trimmed` on
 * every row. Leading spaces are data and stay.
 * @example unpad('079123456789   ') // '079123456789'
 */
export function unpad(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

function parseFloatText(s: string): number | string {
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

const DATE = /^(\d{4,})-(\d\d)-(\d\d)$/;
const STAMP = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-]\d\d(?::\d\d){0,2})?$/;

/**
 * `YYYY-MM-DD` as midnight on the wall clock of that date, a `WallClockDate` (UTC midnight as a `Date`, so a date
 * field takes its day; a datetime field reads midnight in the run's time zone, as it reads the text `2026-03-15`,
 * where a plain UTC midnight was 07:00 in Vietnam); anything else as its text.
 * @example parseDate('2026-03-15') // WallClockDate 2026-03-15T00:00:00.000Z; parseDate('infinity') // 'infinity'
 */
export function parseDate(s: string): Date | string {
  const m = DATE.exec(s);
  if (m === null) return s;
  const d = utc(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, 0);
  return d === undefined ? s : new WallClockDate(d.getTime());
}

/**
 * ISO `YYYY-MM-DD HH:MM:SS[.ffffff][±HH[:MM[:SS]]]`: without an offset a `WallClockDate` (the wall-clock fields as
 * UTC, read in the run's time zone by datetime fields); microseconds past ms dropped.
 * @example parseTimestamp('2026-03-15 01:00:00+07', true) // InstantDate 2026-03-14T18:00:00.000Z
 * @example parseTimestamp('2026-03-15 01:00:00', false) // WallClockDate 2026-03-15T01:00:00.000Z
 */
export function parseTimestamp(s: string, zoned: boolean): Date | string {
  const m = STAMP.exec(s);
  if (m === null || (m[8] !== undefined) !== zoned) return s;
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const d = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
  if (d === undefined) return s;
  if (m[8] === undefined) return new WallClockDate(d.getTime());
  const digits = m[8].slice(1).split(':'); // PostgreSQL prints +07, +05:30, or +07:06:40 (old local mean times)
  const offset = ((Number(digits[0]) * 60 + Number(digits[1] ?? 0)) * 60 + Number(digits[2] ?? 0)) * 1000;
  return new InstantDate(d.getTime() - (m[8].startsWith('-') ? -offset : offset));
}

function utc(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number): Date | undefined {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // setUTCFullYear: years below 100 stay themselves (Date.UTC maps them to 19xx)
  date.setUTCHours(h, mi, sec, ms);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}
