import { DamagedPart, SHARED_STRINGS_LABEL } from './damaged-part.js';

/** What one stored cell holds: a value for the engine, or a finding about why it holds none. */
export type CellReading =
  | { readonly value: string | number | boolean | Date }
  | { readonly code: 'error_cell' | 'formula_without_value'; readonly params: Readonly<Record<string, unknown>> };

const DATE_FORMAT = /[dmyhs]/i;

/**
 * Reads an exceljs cell value as Excel stored it: text (shared, inline, rich text joined, a hyperlink's text),
 * numbers, booleans and dates stay typed; a formula gives its cached result; an error cell (`#N/A`) or a formula
 * without a cached result gives a finding instead of a value. Empty → `''`, as an empty CSV cell. Throws a
 * `DamagedPart` for a reference to a shared string when the workbook has no shared-string table (its text would have
 * read as "[object Object]").
 * @example cellValue({ formula: 'A1+1', result: 3 }) // { value: 3 }
 */
export function cellValue(v: unknown, numFmt?: string, date1904 = false): CellReading {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'number') return { value: v };
  if (v instanceof Date) return { value: v };
  if (typeof v !== 'object') return { value: String(v) };
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { code: 'error_cell', params: { value: o.error } };
  // exceljs hands over the index of a shared string when the workbook gave it no table to look it up in.
  if (typeof o.sharedString === 'number') {
    throw new DamagedPart('xl/sharedStrings.xml', SHARED_STRINGS_LABEL, 'is missing, yet the sheet\'s cells refer to it');
  }
  if (Array.isArray(o.richText)) {
    return { value: (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('') };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = String(o.formula ?? o.sharedFormula);
    const r = o.result;
    if (r === undefined || r === null) return { code: 'formula_without_value', params: { formula } };
    // exceljs reads a cached error of a formula as NaN (it parses the `#N/A` text as a number).
    if (typeof r === 'number' && Number.isNaN(r)) return { code: 'error_cell', params: { value: 'formula error', formula } };
    if (typeof r === 'object' && typeof (r as { error?: unknown }).error === 'string') {
      return { code: 'error_cell', params: { value: (r as { error: string }).error, formula } };
    }
    if (typeof r === 'number' && numFmt !== undefined && isDateFormat(numFmt)) return { value: excelDate(r, date1904) };
    return cellValue(r, numFmt, date1904);
  }
  if ('text' in o) return cellValue(o.text, numFmt, date1904);
  return { value: String(v) };
}

/** True for a number format that shows a date or time (quoted text and colours removed first). */
function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return bare !== 'General' && DATE_FORMAT.test(bare);
}

/** Excel's serial day number as a UTC date, in the 1900 system (with its phantom 29 Feb 1900) or the 1904 one. */
export function excelDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}
