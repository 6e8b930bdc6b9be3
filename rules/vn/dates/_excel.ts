/** Excel serial dates (1900 date system) and fixed-width date formatting, shared by the Excel-serial rules. */

import { stripSpaces } from '../../../src/core/strip-spaces.js';

const DAY = 86_400_000;
/** Day 0 of the 1900 system as Excel counts from March 1900 on (it treats 1900 as a leap year). */
const EPOCH = Date.UTC(1899, 11, 30);

/** The serial Excel gives a UTC day (valid for days from 1 March 1900). */
export function serialOf(date: Date): number {
  return Math.round((date.getTime() - EPOCH) / DAY);
}

/** The UTC date-time of an Excel serial (fractions are the time of day), for serials ≥ 61 (1 March 1900). */
export function dateOfSerial(serial: number): Date {
  return new Date(EPOCH + Math.round(serial * DAY / 60_000) * 60_000);
}

const SERIAL_TEXT = /^\d{1,7}(?:\.\d{1,12})?$/;

/** A number, or decimal text, that could be a serial: non-negative, at most 7 integer digits. */
export function serialValue(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = stripSpaces(v);
  return SERIAL_TEXT.test(t) ? Number(t) : undefined;
}

const TOKEN = /yyyy|MM|dd|HH|mm|ss/g;

/** Formats a UTC date with the fixed-width tokens `yyyy MM dd HH mm ss`; other characters are kept. */
export function formatUtc(date: Date, format: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return format.replace(TOKEN, (t) => {
    switch (t) {
      case 'yyyy': return String(date.getUTCFullYear()).padStart(4, '0');
      case 'MM': return two(date.getUTCMonth() + 1);
      case 'dd': return two(date.getUTCDate());
      case 'HH': return two(date.getUTCHours());
      case 'mm': return two(date.getUTCMinutes());
      default: return two(date.getUTCSeconds());
    }
  });
}

export interface ExcelSerialOptions {
  /**
   * How the suggested date is written (tokens `yyyy MM dd HH mm ss`; a month column's `MM/yyyy` writes the month the
   * serial's day falls in). Default `dd/MM/yyyy`.
   */
  readonly format?: string;
  /** Earliest date a serial may stand for. Default 1920-01-01 (serial 7306). */
  readonly earliest?: Date;
  /** Latest date a serial may stand for. Default 2099-12-31 (serial 73050). */
  readonly latest?: Date;
}

/** The keys of `ExcelSerialOptions`, as the Excel-serial rules declare them (see `RuleMeta.options`). */
export const EXCEL_OPTIONS: Readonly<Record<keyof ExcelSerialOptions, true>> = { format: true, earliest: true, latest: true };

/**
 * Throws when `earliest` is after `latest` (no serial fits such a range, so the rule passed every value), or either is
 * no valid Date.
 * @example checkSerialRange('excelSerial', { earliest: new Date('2099-01-01'), latest: new Date('1920-01-01') }) // throws
 */
export function checkSerialRange(rule: string, o: ExcelSerialOptions): void {
  checkSerialFormat(rule, o.format);
  const { earliest, latest } = o;
  // An Invalid Date made the range NaN, which no comparison excludes: every serial got a suggestion.
  for (const [key, d] of [['earliest', earliest], ['latest', latest]] as const) {
    if (d !== undefined && !(d instanceof Date && !Number.isNaN(d.getTime()))) {
      throw new Error(`ddss: ${rule}: ${key} must be a valid Date, got ${d instanceof Date ? 'an Invalid Date' : typeof d}`);
    }
  }
  if (earliest !== undefined && latest !== undefined && earliest.getTime() > latest.getTime()) {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    throw new Error(`ddss: ${rule}: earliest (${day(earliest)}) is after latest (${day(latest)}), so no serial could be found`);
  }
}

const TOKENS = ['yyyy', 'MM', 'dd', 'HH', 'mm', 'ss'] as const;

/**
 * Throws unless `format` writes a whole date, or a whole month (`MM/yyyy`, for a month column), with the tokens
 * `formatUtc` knows, each once: the suggestion is what `ddss fix` writes in place of the serial, and `"foo"` (no
 * token) or `"DD/MM/YYYY"` (letters kept as they are) wrote "foo" and "DD/01/YYYY" over the data, the run then passing.
 * @example checkSerialFormat('excelSerial', 'dd/MM/yyyy') // fine; 'MM/yyyy' fine; 'DD/MM/YYYY' and 'HH:mm' throw
 */
export function checkSerialFormat(rule: string, format: unknown): void {
  if (format === undefined) return;
  const fail = (why: string): never => {
    throw new Error(`ddss: ${rule}: format ${JSON.stringify(format)} ${why}; it is written with the tokens yyyy, MM, dd ` +
      '(and HH, mm, ss for a time), other characters kept as they are, such as dd/MM/yyyy');
  };
  if (typeof format !== 'string') fail(`is ${typeof format}, not text`);
  const text = format as string;
  const seen = new Set<string>();
  for (let i = 0; i < text.length;) {
    const token = TOKENS.find((t) => text.startsWith(t, i));
    if (token !== undefined) {
      if (seen.has(token)) fail(`gives ${token} twice`);
      seen.add(token);
      i += token.length;
      continue;
    }
    const letters = /^[A-Za-z]+/.exec(text.slice(i))?.[0];
    if (letters !== undefined) {
      // The token of the same letter (`d` → dd, `yy` → yyyy), else of the other case (`DD` → dd, `h` → HH).
      const meant = TOKENS.find((t) => t[0] === letters[0]) ?? TOKENS.find((t) => t[0]?.toLowerCase() === letters[0]?.toLowerCase());
      fail(`has "${letters}", which is no token${meant === undefined ? '' : ` (did you mean ${meant}?)`}`);
    }
    i++;
  }
  // A month (yyyy and MM alone) is whole for a month column; a day or a time needs the whole date.
  const month = !seen.has('dd') && !seen.has('HH');
  const missing = ['yyyy', 'MM', ...(month ? [] : ['dd'])].filter((t) => !seen.has(t));
  if (missing.length > 0) fail(`lacks ${missing.join(' and ')}, so the date written would not be whole`);
  if (seen.has('mm') && !seen.has('HH')) fail('has mm (minutes) without HH (hours)');
  if (seen.has('ss') && !seen.has('mm')) fail('has ss (seconds) without mm (minutes)');
}

/** The suggestion for a value that is a serial within the options' range, else undefined. */
export function serialSuggestion(v: unknown, o: ExcelSerialOptions): string | undefined {
  const serial = serialValue(v);
  if (serial === undefined) return undefined;
  const min = serialOf(o.earliest ?? new Date(Date.UTC(1920, 0, 1)));
  const max = serialOf(o.latest ?? new Date(Date.UTC(2099, 11, 31)));
  if (serial < min || serial >= max + 1) return undefined;
  const date = dateOfSerial(serial);
  const format = o.format ?? 'dd/MM/yyyy';
  // A fraction is a time of day, written when the format has a day to attach it to.
  return formatUtc(date, Number.isInteger(serial) || /HH/.test(format) || !format.includes('dd') ? format : `${format} HH:mm`);
}

export const EXCEL_MESSAGES = {
  excel_serial_date: {
    en: '{field}: "{value}" looks like an Excel serial number, not a date; the date it stands for is in the suggestion',
    vi: '{field}: "{value}" có vẻ là số seri ngày của Excel, không phải ngày tháng; ngày tương ứng nằm trong gợi ý sửa',
  },
} as const;
