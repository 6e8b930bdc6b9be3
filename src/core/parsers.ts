import { INVALID, type Parser } from './types.js';
import { compileDateFormat, parseIsoDateTime } from './date-format.js';
import { wallClockReader } from './wall-clock.js';
import { WallClockDate } from './wall-clock-date.js';
import { InstantDate } from './instant-date.js';
import { calendarDate } from './time-zone.js';
import { checkBooleanFormatArg, checkNumberFormatArg } from './format-args.js';

/** Text: strings as they are; numbers, bigints and booleans as their decimal text (no silent trimming). */
export const parseText: Parser = (raw) => {
  switch (typeof raw) {
    case 'string': return raw;
    case 'number': return Number.isFinite(raw) ? String(raw) : INVALID;
    case 'bigint':
    case 'boolean': return String(raw);
    default: return INVALID;
  }
};

/** Integers: JS safe integers, or decimal text without separators (`"42"`, `"-7"`, `"007"`). */
export const parseInteger: Parser = (raw) => {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : INVALID;
  if (typeof raw === 'bigint') return raw >= BigInt(Number.MIN_SAFE_INTEGER) && raw <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(raw) : INVALID;
  if (typeof raw !== 'string') return INVALID;
  const quick = simpleDecimal(raw, false);
  if (quick === quick) return quick; // not NaN: the common case, in one pass
  if (!isIntegerText(raw)) return INVALID;
  const n = plainValue(raw);
  return Number.isSafeInteger(n) ? n : INVALID;
};

export interface NumberFormat {
  /** Decimal separator in text input. Default `.`; Vietnamese spreadsheets often use `,`. */
  readonly decimal?: '.' | ',';
  /** Thousands separator allowed in text input (`1.234.567,5` with `decimal: ','`). Default: none. */
  readonly thousands?: '.' | ',' | ' ';
}

/**
 * Finite numbers, or decimal text (optional exponent); never `NaN`, `Infinity` or hex. Throws when the thousands
 * separator is the decimal one (`thousands: '.'` with the default decimal `.`): every separator was dropped, so
 * "1.5" read as 15 and passed its type check.
 */
export function numberParser(format: NumberFormat = {}): Parser {
  checkNumberFormatArg(format);
  const decimal = format.decimal ?? '.';
  const thousands = format.thousands;
  if (thousands === decimal) {
    throw new Error(`ddss: number format: "${thousands}" cannot be both the thousands and the decimal separator${format.decimal === undefined ? ' (the decimal separator is "." unless decimal says ",")' : ''}`);
  }
  return (raw) => {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : INVALID;
    if (typeof raw !== 'string') return INVALID;
    let text = raw;
    if (thousands !== undefined && text.includes(thousands)) {
      if (!thousandsGrouped(text, thousands, decimal)) return INVALID;
      text = text.split(thousands).join('');
    }
    if (decimal === ',') {
      if (text.includes('.')) return INVALID;
      text = text.replace(',', '.');
    }
    const quick = simpleDecimal(text, true);
    if (quick === quick) return quick; // not NaN: the common case, in one pass
    if (!isPlainNumber(text)) return INVALID;
    const n = plainValue(text);
    return Number.isFinite(n) ? n : INVALID;
  };
}

// Character loops rather than regexes: these run once per numeric cell, and a loop is several times faster.

/** `/^[+-]?\d+$/`: an optional sign and ASCII digits. */
function isIntegerText(text: string): boolean {
  const n = text.length;
  const c = text.charCodeAt(0);
  const start = c === 43 || c === 45 ? 1 : 0;
  return start < n && digitsEnd(text, start) === n;
}

/** `/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/`: decimal text with an optional exponent. */
function isPlainNumber(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  const intEnd = digitsEnd(text, i);
  let mantissa = intEnd > i;
  i = intEnd;
  if (text.charCodeAt(i) === 46) {
    const fracEnd = digitsEnd(text, i + 1);
    mantissa ||= fracEnd > i + 1;
    i = fracEnd;
  }
  if (!mantissa) return false;
  if (i < n && (text.charCodeAt(i) | 0x20) === 101) { // e or E
    i++;
    if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
    const expEnd = digitsEnd(text, i);
    if (expEnd === i) return false;
    i = expEnd;
  }
  return i === n;
}

/**
 * The value of a sign, 1–15 digits and (if `point`) at most one decimal point, read in one pass, as
 * {@link plainValue} reads it; NaN for any other text (an exponent, more digits, other characters, no digit), which
 * the callers then check and read as before. Why: checking and reading were two passes over every numeric cell.
 */
function simpleDecimal(text: string, point: boolean): number {
  const n = text.length;
  const sign = text.charCodeAt(0);
  let i = sign === 43 || sign === 45 ? 1 : 0;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && point && scale < 0) {
      scale = 0;
      continue;
    }
    if (c < 48 || c > 57 || ++digits > 15) return NaN;
    m = m * 10 + (c - 48);
    if (scale >= 0) scale++;
  }
  if (digits === 0) return NaN;
  const v = scale > 0 ? m / (POW10[scale] as number) : m;
  return sign === 45 ? -v : v;
}

/** Exact powers of ten (every one up to 10^22 is a double). */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `Number(text)` for text `isPlainNumber` accepted, computed directly when that is exact: with at most 15 digits
 * and no exponent, the digits form an integer below 2^53 and the value is that integer divided by an exact power of
 * ten, one correctly rounded operation (Clinger's fast path, as in V8's own conversion). Other text uses `Number`.
 */
function plainValue(text: string): number {
  let i = 0;
  const sign = text.charCodeAt(0);
  if (sign === 43 || sign === 45) i = 1;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      scale = 0;
      continue;
    }
    if (c < 48 || c > 57 || ++digits > 15) return Number(text); // an exponent, or too many digits
    m = m * 10 + (c - 48);
    if (scale >= 0) scale++;
  }
  const v = scale > 0 ? m / (POW10[scale] as number) : m;
  return sign === 45 ? -v : v;
}

/** The index after the run of ASCII digits starting at `i`. */
function digitsEnd(text: string, i: number): number {
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) break;
  }
  return j;
}

function thousandsGrouped(text: string, sep: string, decimal: string): boolean {
  const cut = text.indexOf(decimal);
  // A thousands separator after the decimal one is the other notation (`1,234.5` read with decimal ',' and thousands
  // '.'): dropping it made 1.2345, a value a thousand times off, where the text is no number of this format.
  if (cut >= 0 && text.includes(sep, cut + 1)) return false;
  const whole = cut < 0 ? text : text.slice(0, cut);
  const groups = whole.replace(/^[+-]/, '').split(sep);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
}

export interface BooleanFormat {
  readonly true?: readonly string[];
  readonly false?: readonly string[];
}

/**
 * Booleans, or text from the given lists (case-insensitive). Default `true/false`, `1/0`, `yes/no`. Throws when a
 * text is in both lists (it was read as true without a word) or a list is empty (no value could be that one).
 */
export function booleanParser(format: BooleanFormat = {}): Parser {
  checkBooleanFormatArg(format);
  const yes = new Set((format.true ?? ['true', '1', 'yes', 'y']).map((s) => s.toLowerCase()));
  const no = new Set((format.false ?? ['false', '0', 'no', 'n']).map((s) => s.toLowerCase()));
  if (yes.size === 0 || no.size === 0) throw new Error(`ddss: boolean format: the ${yes.size === 0 ? 'true' : 'false'} list is empty`);
  const both = [...yes].find((s) => no.has(s));
  if (both !== undefined) throw new Error(`ddss: boolean format: "${both}" is in both the true and the false list`);
  return (raw) => {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : INVALID;
    if (typeof raw !== 'string') return INVALID;
    // Text already as listed (`true`, `0`) needs no lower-case copy: lower-casing is idempotent, so a listed value
    // is its own lower case and the answer is the same.
    if (yes.has(raw)) return true;
    if (no.has(raw)) return false;
    const s = raw.toLowerCase();
    return yes.has(s) ? true : no.has(s) ? false : INVALID;
  };
}

/** Dates in one declared format (never guessed per value), or valid `Date` objects. */
export function dateParser(format: string): Parser {
  const parse = compileDateFormat(format);
  return (raw) => {
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? INVALID : raw;
    if (typeof raw !== 'string') return INVALID;
    const ms = parse(raw);
    return Number.isNaN(ms) ? INVALID : new Date(ms);
  };
}

/**
 * The date parser of a run in `timeZone`: an {@link InstantDate} (a PostgreSQL `timestamptz`) is the calendar day it
 * names in the zone, as UTC midnight of that day; everything else as `dateParser(format)` reads it (text in its
 * format, any other `Date` as its UTC day). A format with an hour keeps the instant, as it keeps the time.
 * @example zonedDateParser('dd/MM/yyyy', 'Asia/Ho_Chi_Minh')(new InstantDate(Date.parse('2026-11-21T17:30:00Z'))) // Date 2026-11-22T00:00:00.000Z
 */
export function zonedDateParser(format: string, timeZone: string): Parser {
  const parse = dateParser(format);
  if (formatHasHour(format)) return parse;
  return (raw) => (raw instanceof InstantDate && !Number.isNaN(raw.getTime()) ? calendarDate(raw, timeZone) : parse(raw));
}

/**
 * Whether a date format reads an hour (outside quoted text): such a date field keeps the time of what it reads.
 * @example formatHasHour('yyyyMMddHHmm') // true; formatHasHour("dd/MM/yyyy 'h'") // false
 */
export function formatHasHour(format: string): boolean {
  return /[Hh]/.test(format.replace(/'[^']*'/g, ''));
}

/** ISO 8601 date-times (offset optional, UTC when absent: a run in UTC), or valid `Date` objects. */
export const parseDateTime: Parser = (raw) => {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? INVALID : raw;
  if (typeof raw !== 'string') return INVALID;
  const ms = parseIsoDateTime(raw);
  return Number.isNaN(ms) ? INVALID : new Date(ms);
};

/**
 * The datetime parser of a run in `timeZone`: a date-time without an offset (`2026-11-21 15:00`, an Excel date-time
 * cell, a PostgreSQL `timestamp`: a {@link WallClockDate}) is the wall-clock time of the zone, the instant it
 * happened there; with an offset or `Z`, and any other `Date`, the instant it names, as in UTC. A time the zone's
 * clocks skip or repeat takes the offset before the change (see `wallClockReader`). UTC: `parseDateTime` itself.
 * @example zonedDateTimeParser('Asia/Ho_Chi_Minh')('2026-11-21T15:00:00') // Date 2026-11-21T08:00:00.000Z
 */
export function zonedDateTimeParser(timeZone: string): Parser {
  const wall = wallClockReader(timeZone);
  if (wall === undefined) return parseDateTime;
  return (raw) => {
    if (raw instanceof Date) {
      const ms = raw.getTime();
      if (Number.isNaN(ms)) return INVALID;
      return raw instanceof WallClockDate ? new Date(wall(ms)) : raw;
    }
    if (typeof raw !== 'string') return INVALID;
    const ms = parseIsoDateTime(raw, wall);
    return Number.isNaN(ms) ? INVALID : new Date(ms);
  };
}

/** Any value, as it is. */
export const parseAny: Parser = (raw) => raw;
