// Subpaths, not the package root: the root re-exports all of date-fns (~250 modules, ~0.1 s more at every start of
// ddss and of each worker thread).
import { format as formatWithDateFns } from 'date-fns/format';
import { parse as parseWithDateFns } from 'date-fns/parse';
import { checkDateFormat } from './check-date-format.js';

/**
 * Compiles a date-fns format string into a strict parser returning epoch milliseconds (UTC calendar date) or `NaN`.
 * Purely numeric fixed-width formats (`dd/MM/yyyy`, `yyyyMMdd`, `MM/yyyy`, `yyyy-MM-dd HH:mm`) get a hand-written
 * fast path, cheaper than hashing the text for a cache lookup; other formats go through date-fns `parse`, with each
 * distinct string parsed once (a date column has far fewer distinct values than rows). No rollover: `31/02/2024` is
 * invalid. Both paths read a year in four digits and no whitespace after the date (`29/11/19`, `29/11/2019 ` are
 * invalid in `d/M/yyyy` as in `dd/MM/yyyy`). A format `checkDateFormat` refuses (`DD/MM/YYYY`, `dd/mm/yyyy`) throws here, when the definition is built,
 * never on the first value.
 * @example compileDateFormat('dd/MM/yyyy')('03/04/2025') // 1743638400000 (2025-04-03T00:00:00Z)
 */
export function compileDateFormat(format: string): (text: string) => number {
  const problem = checkDateFormat(format);
  if (problem !== undefined) throw new Error(`ddss: date format ${problem}`);
  const fixed = fixedWidthParser(format);
  if (fixed !== undefined) return fixed;
  const cache = new Map<string, number>();
  return (text) => {
    let ms = cache.get(text);
    if (ms === undefined) {
      ms = viaDateFns(text, format);
      // Bounded: a column of mostly distinct values must not grow memory without limit.
      if (cache.size >= 200_000) cache.clear();
      cache.set(text, ms);
    }
    return ms;
  };
}

type Part = 'y' | 'M' | 'd' | 'H' | 'm' | 's' | 'S';
const TOKENS: ReadonlyArray<readonly [string, Part]> = [
  ['yyyy', 'y'], ['MM', 'M'], ['dd', 'd'], ['HH', 'H'], ['mm', 'm'], ['ss', 's'], ['SSS', 'S'],
];

function fixedWidthParser(format: string): ((text: string) => number) | undefined {
  const slots: Array<{ part: Part; at: number; width: number }> = [];
  const literals: Array<{ at: number; code: number }> = [];
  let i = 0;
  let at = 0;
  while (i < format.length) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      slots.push({ part: token[1], at, width: token[0].length });
      i += token[0].length;
      at += token[0].length;
    } else {
      const ch = format[i] as string;
      if (/[A-Za-z']/.test(ch)) return undefined; // another date-fns token: not fixed-width
      literals.push({ at, code: ch.charCodeAt(0) });
      i++;
      at++;
    }
  }
  const width = at;
  if (!slots.some((s) => s.part === 'y')) return undefined;
  // Flat typed arrays and numeric part codes (indexes into PARTS) rather than objects: this runs for every date cell.
  const literalAt = Int32Array.from(literals, (l) => l.at);
  const literalCode = Int32Array.from(literals, (l) => l.code);
  const slotAt = Int32Array.from(slots, (s) => s.at);
  const slotEnd = Int32Array.from(slots, (s) => s.at + s.width);
  const slotPart = Int32Array.from(slots, (s) => PARTS.indexOf(s.part));
  return (text) => {
    if (text.length !== width) return NaN;
    for (let i = 0; i < literalAt.length; i++) if (text.charCodeAt(literalAt[i] as number) !== literalCode[i]) return NaN;
    let y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0;
    for (let i = 0; i < slotAt.length; i++) {
      let v = 0;
      for (let k = slotAt[i] as number; k < (slotEnd[i] as number); k++) {
        const c = text.charCodeAt(k) - 48;
        if (c < 0 || c > 9) return NaN;
        v = v * 10 + c;
      }
      switch (slotPart[i]) {
        case 0: y = v; break;
        case 1: mo = v; break;
        case 2: d = v; break;
        case 3: h = v; break;
        case 4: mi = v; break;
        case 5: s = v; break;
        default: ms = v;
      }
    }
    return utc(y, mo, d, h, mi, s, ms);
  };
}

const PARTS: readonly Part[] = ['y', 'M', 'd', 'H', 'm', 's', 'S'];

/** Epoch ms of a UTC calendar time, or NaN when any part is out of range (no rollover). */
export function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return NaN;
  // Years 0–9999 (every 4-digit year): exact integer arithmetic, no Date allocated per value.
  if (y >= 0 && y <= 9999 && Number.isInteger(y)) {
    return daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, month 1–12 (H. Hinnant's `days_from_civil`; floored division,
 * so years before 0 too).
 */
export function daysFromCivil(y: number, mo: number, d: number): number {
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/**
 * date-fns `parse`, held to what the fixed-width path reads: a year in four digits, and no text after the date.
 * date-fns reads `yyyy` as one to four digits, so `29/11/19` in `d/M/yyyy` was 29 November of the year 19 — every
 * two-digit year a valid date some 2000 years ago, never in the future, of no CCCD's birth year —; a year below 1000
 * is read only when written zero-padded (`0019`), as `dd/MM/yyyy` reads it. date-fns also accepts whitespace after
 * the date, which `dd/MM/yyyy` refuses (`29/11/2019 ` is `invalid_type` there): refused here too, so one format does
 * not trim silently where another reports.
 */
function viaDateFns(text: string, format: string): number {
  const local = parseWithDateFns(text, format, new Date(2000, 0, 1));
  if (Number.isNaN(local.getTime())) return NaN;
  const year = local.getFullYear();
  if (year < 1000 && !text.includes(String(year).padStart(4, '0'))) return NaN;
  // Trailing whitespace the format does not end with: the date without it reads (a format ending in a quoted
  // space, `d/M/yyyy' '`, does not, and keeps date-fns's reading).
  const trimmed = text.trimEnd();
  if (trimmed !== text && !Number.isNaN(parseWithDateFns(trimmed, format, new Date(2000, 0, 1)).getTime())) return NaN;
  // date-fns builds a local-time Date; keep its calendar fields, in UTC, so results do not depend on the machine.
  return utc(year, local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes(),
    local.getSeconds(), local.getMilliseconds());
}

/**
 * Strict ISO 8601 date or date-time to epoch ms, or NaN. A value without an offset is a wall-clock time: `wall` (see
 * `wallClockReader`) turns its ms, those of the same fields in UTC, into the instant it is in the run's time zone;
 * without `wall` it is read as UTC, so results never depend on the machine's time zone. Accepts exactly
 * `^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$`, read with
 * a character loop: every optional part starts with a character nothing else may have there, so no backtracking is
 * needed, and a regex match would allocate eight strings per value.
 */
export function parseIsoDateTime(text: string, wall?: (wallMs: number) => number): number {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return NaN;
  let h = 0, mi = 0, s = 0, frac = 0;
  let i = 10;
  let c = text.charCodeAt(i); // NaN past the end
  if (c === 84 || c === 32) { // 'T' or ' '
    if (n < i + 6 || text.charCodeAt(i + 3) !== 58) return NaN;
    h = digits(text, i + 1, 2);
    mi = digits(text, i + 4, 2);
    if (h < 0 || mi < 0) return NaN;
    i += 6;
    if (text.charCodeAt(i) === 58) { // ':ss'
      s = digits(text, i + 1, 2);
      if (n < i + 3 || s < 0) return NaN;
      i += 3;
      c = text.charCodeAt(i);
      if (c === 46 || c === 44) { // '.' or ',' then 1–9 digits
        let j = i + 1;
        while (j < n && j - i <= 9 && isDigit(text.charCodeAt(j))) j++;
        if (j === i + 1 || (j < n && isDigit(text.charCodeAt(j)))) return NaN;
        frac = Math.floor(Number(`0.${text.slice(i + 1, j)}`) * 1000);
        i = j;
      }
    }
  }
  const base = utc(y, mo, d, h, mi, s, frac);
  if (i === n) return wall === undefined ? base : wall(base);
  c = text.charCodeAt(i);
  if (c === 90) return i + 1 === n ? base : NaN; // 'Z'
  if (c !== 43 && c !== 45) return NaN; // '+' or '-'
  const zh = digits(text, i + 1, 2);
  const colon = text.charCodeAt(i + 3) === 58 ? 1 : 0;
  const zm = digits(text, i + 3 + colon, 2);
  if (zh < 0 || zm < 0 || i + 5 + colon !== n) return NaN;
  if (Number.isNaN(base)) return base;
  const minutes = zh * 60 + zm;
  if (minutes > 14 * 60) return NaN;
  return base - (c === 45 ? -1 : 1) * minutes * 60_000;
}

/** The value of `width` ASCII digits at `at`, or -1 when one of them is not a digit (or is past the end). */
function digits(text: string, at: number, width: number): number {
  let v = 0;
  for (let k = at; k < at + width; k++) {
    const c = text.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The inverse of `compileDateFormat`: a date as text in a date-fns format, from its UTC calendar fields (dates are
 * UTC days in ddss), so a date read from a database or a workbook is shown as the same date written in a CSV file.
 * Fixed-width numeric formats are written directly; others go through date-fns `format` with the UTC fields.
 * @example dateFormatter('dd/MM/yyyy')(new Date('2025-04-03T00:00:00Z')) // '03/04/2025'
 */
export function dateFormatter(format: string): (date: Date) => string {
  const parts: Array<string | Part> = [];
  let i = 0;
  let fixed = true;
  while (i < format.length) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token !== undefined) {
      parts.push(token[1]);
      i += token[0].length;
      continue;
    }
    const ch = format[i] as string;
    if (/[A-Za-z']/.test(ch)) fixed = false;
    parts.push(ch);
    i++;
  }
  if (!fixed) {
    return (d) => {
      const local = new Date(2000, 0, 1);
      local.setFullYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      local.setHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
      return formatWithDateFns(local, format);
    };
  }
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return (d) => parts.map((p) => {
    switch (p) {
      case 'y': return pad(d.getUTCFullYear(), 4);
      case 'M': return pad(d.getUTCMonth() + 1, 2);
      case 'd': return pad(d.getUTCDate(), 2);
      case 'H': return pad(d.getUTCHours(), 2);
      case 'm': return pad(d.getUTCMinutes(), 2);
      case 's': return pad(d.getUTCSeconds(), 2);
      case 'S': return pad(d.getUTCMilliseconds(), 3);
      default: return p;
    }
  }).join('');
}
