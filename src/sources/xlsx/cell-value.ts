import { WallClockDate } from '../../core/wall-clock-date.js';
import { DamagedPart, SHARED_STRINGS_LABEL } from './damaged-part.js';
import { timeFormat } from './time-format.js';
import { timeText } from './time-text.js';
import type { StoredType } from './typed-cells.js';
import type { SourceIssue } from '../../core/source.js';
import { CONTROL } from '../csv/assembler.js';

/** What one stored cell holds: a value for the engine, or a finding about why it holds none. */
export type CellReading =
  | { readonly value: string | number | boolean | Date }
  | { readonly code: 'error_cell' | 'formula_without_value'; readonly params: Readonly<Record<string, unknown>> };

const DATE_FORMAT = /[dmyhs]/i;

/**
 * Reads an exceljs cell value as Excel stored it: text (shared, inline, rich text joined, a hyperlink's text),
 * numbers, booleans and dates stay typed (a 1900-system date cell that names no day, serial 0 or 60 or below 0, as
 * what it holds: `serialValue`), except that a number in a duration's or a time of day's format (`[h]:mm`,
 * `h:mm AM/PM`), a formula's result too, is the text Excel shows (`36:30`, `12:30 PM`); a formula gives its cached
 * result (`0`, `''` and FALSE included); an error cell (`#N/A`), a formula whose cached result is an error
 * (`#DIV/0!`) or a formula without a cached result gives a finding instead of a value. Empty → `''`, as an empty CSV cell. `stored` is the cell's type as the sheet stores it
 * when exceljs loses it (`typedCellScanner`): `e`, an error, whose words exceljs was handed as text; `b`, a boolean,
 * which exceljs reads as 1 or 0 in a formula's result; `d`, an ISO 8601 date or time (`2024-03-05T00:00:00`), handed
 * over as text: a `Date` like a date-formatted number's (its wall-clock time as UTC), or the text itself when it names
 * a zone or is no calendar date (the rules then judge the text). Throws a `DamagedPart` for a reference to a shared string
 * when the workbook has no shared-string table (its text would have read as "[object Object]").
 * @example cellValue({ formula: 'A1+1', result: 3 }) // { value: 3 }
 * @example cellValue({ formula: '1/0', result: '#DIV/0!' }, undefined, false, 'e') // error_cell, value '#DIV/0!'
 */
export function cellValue(v: unknown, numFmt?: string, date1904 = false, stored?: StoredType): CellReading {
  if (stored === 'e') return storedError(v);
  if (stored === 'd') return storedDate(v, numFmt, date1904);
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string') return { value: ooxmlText(v) };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'number') return { value: shownTime(v, numFmt, date1904) ?? v };
  // exceljs gives a date-formatted cell as a Date of its wall-clock fields in UTC (a workbook names no zone), counted
  // from 30/12/1899 in the 1900 system: its serial is taken back, for the days before March 1900 it gets wrong, and
  // for a duration or a time of day (`[h]:mm`, `h:mm`), which exceljs takes for a date.
  if (v instanceof Date) {
    const shown = shownTime((v.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY, numFmt, date1904);
    if (shown !== undefined) return { value: shown };
    if (!date1904 && v.getTime() < MARCH_1900) return { value: serialValue((v.getTime() - EPOCH_1900) / DAY, false) };
    return { value: v instanceof WallClockDate ? v : new WallClockDate(v.getTime()) };
  }
  if (typeof v !== 'object') return { value: String(v) };
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { code: 'error_cell', params: { value: o.error } };
  // exceljs hands over the index of a shared string when the workbook gave it no table to look it up in.
  if (typeof o.sharedString === 'number') {
    throw new DamagedPart('xl/sharedStrings.xml', SHARED_STRINGS_LABEL, 'is missing, yet the sheet\'s cells refer to it');
  }
  if (Array.isArray(o.richText)) {
    return { value: ooxmlText((o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('')) };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = String(o.formula ?? o.sharedFormula);
    const r = o.result;
    if (r === undefined || r === null) return { code: 'formula_without_value', params: { formula } };
    if (stored === 'b' && typeof r === 'number') return { value: r !== 0 };
    // exceljs reads a cached error of a formula as NaN (it parses the `#N/A` text as a number).
    if (typeof r === 'number' && Number.isNaN(r)) return { code: 'error_cell', params: { value: 'formula error', formula } };
    if (typeof r === 'object' && typeof (r as { error?: unknown }).error === 'string') {
      return { code: 'error_cell', params: { value: (r as { error: string }).error, formula } };
    }
    if (typeof r === 'number' && numFmt !== undefined && isDateFormat(numFmt) && timeFormat(numFmt) === undefined) {
      return { value: serialValue(r, date1904) };
    }
    return cellValue(r, numFmt, date1904);
  }
  if ('text' in o) return cellValue(o.text, numFmt, date1904);
  return { value: String(v) };
}

/**
 * Text as Excel shows it: OOXML writes a character XML cannot hold (a control character, a CR) as `_xHHHH_`, and a
 * literal `_x` sequence with its underscore escaped (`_x005F_x0030_` is the text `_x0030_`); exceljs hands the escapes
 * over as they are, so `P00000_x0030_001` was read where Excel shows `P000000001`, and a control character written so
 * was never found. Left to right, so an escaped underscore is not read again.
 * @example ooxmlText('Lai_x000D_Châu') // 'Lai\rChâu'
 */
export function ooxmlText(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * The code point (`0001`) of the first control character in a text cell, as a CSV cell's is found
 * (`control_character`); undefined when it holds none. Tab, LF and CR are text.
 * @example controlCharacter('Lai\u0001Châu') // '0001'
 */
export function controlCharacter(value: unknown): string | undefined {
  const m = typeof value === 'string' ? CONTROL.exec(value) : null;
  return m === null ? undefined : m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The `control_character` findings of a row's cells (written `_x0001_`, decoded by `cellValue`), as a CSV cell's are.
 * @example controlCharacterIssues(['P1', 'Lai\u0001Châu'], ['id', 'note'], 0, 2)[0]?.params // { codepoint: '0001', column: 2 }
 */
export function controlCharacterIssues(values: readonly unknown[], columns: readonly string[], index: number, line: number): SourceIssue[] {
  const out: SourceIssue[] = [];
  values.forEach((v, c) => {
    const codepoint = controlCharacter(v);
    if (codepoint !== undefined) {
      out.push({ code: 'control_character', criterion: 'clean', severity: 'error', scope: 'row', index, line,
        field: columns[c] as string, params: { codepoint, column: c + 1 } });
    }
  });
  return out;
}

/** A cell stored as an error (`t="e"`), its words handed over as text: the cell itself, or a formula's result. */
function storedError(v: unknown): CellReading {
  const o = typeof v === 'object' && v !== null ? v as Record<string, unknown> : undefined;
  const isFormula = o !== undefined && ('formula' in o || 'sharedFormula' in o);
  const words = isFormula ? o.result : o !== undefined && 'error' in o ? o.error : v;
  const formula = isFormula ? { formula: String(o.formula ?? o.sharedFormula) } : {};
  if (words === undefined || words === null || words === '') {
    return isFormula ? { code: 'formula_without_value', params: formula } : { value: '' };
  }
  return { code: 'error_cell', params: { value: typeof words === 'string' ? words : 'formula error', ...formula } };
}

/**
 * A cell stored as an ISO 8601 date (`t="d"`), its value handed over as text: the cell itself, or a formula's result.
 * Without a zone it is a wall-clock date and time, as a date-formatted number is: the same `Date` (its time as UTC).
 * With one (`Z`, `+07:00`) it is an instant whose calendar day depends on the zone, and text that is no calendar date
 * (`2024-02-30`) is no date: either is handed over as the text it is, never as a different day. In a duration's or a
 * time of day's format it is the text that format shows, as a number of the same serial would be (`shownTime`).
 */
function storedDate(v: unknown, numFmt: string | undefined, date1904: boolean): CellReading {
  const o = typeof v === 'object' && v !== null ? v as Record<string, unknown> : undefined;
  const isFormula = o !== undefined && ('formula' in o || 'sharedFormula' in o);
  const text = isFormula ? o.result : v;
  if (isFormula && (text === undefined || text === null || text === '')) {
    return { code: 'formula_without_value', params: { formula: String(o.formula ?? o.sharedFormula) } };
  }
  if (typeof text !== 'string') return cellValue(text);
  const m = ISO_DATE.exec(text.trim());
  if (m === null) return { value: text };
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  const date = new WallClockDate(Date.UTC(y, mo - 1, d, h, mi, sec, ms));
  // Date.UTC rolls 30 February over to March and reads years 0–99 as 1900–1999: such text is no date it can be.
  const same = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && sec < 60;
  if (!same) return { value: text };
  return { value: shownTime(isoSerial(date.getTime(), date1904), numFmt, date1904) ?? date };
}

/** The serial of a wall-clock date and time (its fields as UTC): in the 1900 system serial 1 is 01/01/1900. */
function isoSerial(ms: number, date1904: boolean): number {
  if (date1904) return (ms - EPOCH_1904) / DAY;
  return (ms - EPOCH_1900) / DAY - (ms < MARCH_1900 ? 1 : 0);
}

// A date, or a date and time, without a zone: what a date-formatted number holds.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** True for a number format that shows a date or time (quoted text and colours removed first). */
function isDateFormat(fmt: string): boolean {
  // A bracket stops at the next '[' too: the format comes from the file, and "[[[[…" without a ']' was quadratic.
  const bare = fmt.replace(/"[^"]*"|\[[^\][]*\]|\\./g, '');
  return bare !== 'General' && DATE_FORMAT.test(bare);
}

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MARCH_1900 = Date.UTC(1900, 2, 1);

/**
 * The text a duration's or a time of day's format (`[h]:mm`, `h:mm`) shows for a serial, as a CSV export of the sheet
 * writes it (`36:30`, not the date 01/01/1900 12:30 exceljs makes of it; `12:30`, not 30/12/1899 or 01/01/1904 12:30,
 * nor the day a serial with a date names), so that text rules judge what the user sees and a date field reads no day
 * the sheet does not show; undefined when `numFmt` is no such format. A negative one in the 1900 system, which Excel
 * shows as ####, is the number stored (`serialValue`).
 */
function shownTime(serial: number, numFmt: string | undefined, date1904: boolean): Date | string | number | undefined {
  // NaN (an invalid Date) is no time to write: it is left to the path it took before.
  const format = numFmt === undefined || !Number.isFinite(serial) ? undefined : timeFormat(numFmt);
  if (format === undefined) return undefined;
  return serial < 0 && !date1904 ? serialValue(serial, false) : timeText(serial, format);
}

/**
 * Excel's serial day number as a date and time in the 1900 system or the 1904 one: a `WallClockDate` (its fields as
 * UTC), since a serial names no zone. In the 1900 system serial 1 is 01/01/1900 and 60 the 29/02/1900 that never was,
 * so the serials from 61 on count from 30/12/1899 and those before from 31/12/1899 (`serialValue` says which serials
 * name no day).
 * @example excelDate(45000, false) // 2023-03-15T00:00:00.000Z
 */
export function excelDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? EPOCH_1900 + DAY : EPOCH_1900;
  return new WallClockDate(epoch + Math.round(serial * DAY));
}

/**
 * A date-formatted number's value: its date, or what it holds when it names no day, rather than a day it is not.
 * Why: in the 1900 system Excel shows serial 60 as 29/02/1900, serial 0 as 00/01/1900 (the day of a time-only cell)
 * and a negative serial as ####; counted as days from 30/12/1899 they read as 28/02/1900, 30/12/1899 and earlier
 * days, real dates that pass `notInFuture` and the like. They are handed over as text a date field does not read
 * (`1900-02-29`, `1900-01-00`), a time-only cell as its time of day (`18:00:00`), a negative serial as the number.
 */
function serialValue(serial: number, date1904: boolean): Date | string | number {
  if (date1904 || serial >= 61 || (serial >= 1 && serial < 60)) return excelDate(serial, date1904);
  if (serial < 0) return Math.round(serial * 1e9) / 1e9;
  const ms = Math.round((serial % 1) * DAY);
  const time = new Date(ms).toISOString().slice(11, 19);
  if (serial >= 60) return ms === 0 ? '1900-02-29' : `1900-02-29T${time}`;
  return ms === 0 ? '1900-01-00' : time;
}
