import { INVALID, type FieldSpecData, type Locale, type Parser } from '../core/types.js';
import { parseIsoDateTime } from '../core/date-format.js';
import { numberParser } from '../core/parsers.js';

/** What most failing values of a typed column are, and the declaration that reads them (when one does). */
export interface ValueCause {
  /** How many of the failing values have this cause. */
  readonly count: number;
  /** What they are and what to do, as the hint says it after "N of its first M values". */
  readonly text: string;
  /** The field's keys that read them, as a definition writes them (`type: datetime`); none when only the file can change. */
  readonly declare?: string;
}

/**
 * Words exports write for "no value" in a typed column: Vietnamese (`không có`, `chưa cập nhật`) and English (`N/A`,
 * `null`, `-`). Compared exactly after trimming — as `missingValues` compares them — in these spellings only, so what
 * a hint prints is always a word of this list, never other text of a cell (a personal field's included).
 */
const NO_VALUE_WORDS: readonly string[] = [
  'không có', 'không', 'chưa có', 'chưa cập nhật', 'chưa xác định', 'không xác định', 'không rõ', 'chưa rõ', 'trống',
  'n/a', 'na', '#n/a', 'null', 'none', 'nil', 'nan', 'unknown', '-', '--', '?',
].flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]);
const NO_VALUE = new Set(NO_VALUE_WORDS);

/** Full-width digits (`１２３`, U+FF10–FF19), as East Asian input methods type them. */
const FULL_WIDTH = /[\uff10-\uff19]/;

/** A number followed by a unit (`120 m2`, `120m²`, `1.200 m²`, `5 năm`): the number, then the unit. */
const WITH_UNIT = /^([+-]?\d(?:[\d.,\s]*\d)?)\s*([\p{L}²³%°][\p{L}\p{N}²³%°/.]*)$/u;

/**
 * A number in scientific notation (`1e5`, `1.2345E+11`), as spreadsheets show large numbers and some tools export them.
 * Its exponent is no unit: `e5` read as one said "export the numbers alone".
 */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;

/** An integer grouped by thousands (`1.234.567`, `1,234,567`, `1 234 567`): the separator, or undefined. */
function thousandsOf(text: string): '.' | ',' | ' ' | undefined {
  const m = /^[+-]?\d{1,3}([., ])\d{3}(?:\1\d{3})*$/.exec(text);
  return m?.[1] as '.' | ',' | ' ' | undefined;
}

/** The keys of a number field reading integers grouped by `sep`, and still only integers (`decimals: 0`). */
function groupedKeys(sep: '.' | ',' | ' '): string {
  return `type: number, decimal: '${sep === '.' ? ',' : '.'}', thousands: '${sep}', decimals: 0`;
}

/** How an integer field can read integers grouped by thousands: as a number field with that separator. */
const GROUPED_INTEGERS: ReadonlyArray<{ declare: string; parse: Parser }> = (['.', ',', ' '] as const).map((sep) => ({
  declare: groupedKeys(sep), parse: numberParser({ decimal: sep === '.' ? ',' : '.', thousands: sep }),
}));

/** Whether `parse` reads `text`, and a number grouped like thousands (`1.200`) as the thousands it is (1200). */
function readsAsWritten(parse: Parser, text: string): boolean {
  const v = parse(text);
  if (v === INVALID) return false;
  const sep = thousandsOf(text);
  return sep === undefined || v === Number(text.split(sep).join(''));
}

/** The distinct no-value words among `values`, most frequent first, with how many values are one of them. */
export function noValueWords(values: readonly string[]): { count: number; words: string[] } {
  const counts = new Map<string, number>();
  for (const v of values) {
    const t = v.trim();
    if (NO_VALUE.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  return { count: [...counts.values()].reduce((a, b) => a + b, 0), words };
}

/** The `missingValues` entry declaring these words (quoted: `-` and `?` are YAML syntax unquoted). */
export function missingValuesDeclaration(words: readonly string[]): string {
  return `missingValues: [${words.map((w) => `'${w}'`).join(', ')}]`;
}

/**
 * What most of a typed column's failing values are, for causes no other format or separator reads: full-width
 * digits, date-times in a date field (SQL's `2026-11-21 15:00:00`), integers in scientific notation, numbers followed
 * by a unit, integers grouped by thousands. `most(n)`: whether n of the failing values are enough to name their cause; `others`: the parsers of the
 * other notations a hint may name (a unit may follow `1.200`, a Vietnamese-notation number). Units are named only for a
 * field that is not personal; no other text of a value is ever part of the cause.
 * @example valueCause(spec, ['１２３'], (n) => n >= 1) // { count: 1, text: 'are written with full-width digits …' }
 */
export function valueCause(spec: FieldSpecData, failing: readonly string[], most: (n: number) => boolean,
  others: ReadonlyArray<{ declare: string; parse: Parser }> = [], locale: Locale = 'en'): ValueCause | undefined {
  const vi = locale === 'vi';
  const reads = (v: string): boolean => spec.parse(v) !== INVALID;
  const wide = failing.filter((v) => FULL_WIDTH.test(v) && reads(v.normalize('NFKC'))).length;
  if (most(wide)) {
    return { count: wide, text: vi ? 'được viết bằng chữ số toàn độ rộng (U+FF10–FF19, như các bộ gõ Đông Á tạo ra), mà ddss chỉ ' +
      'đọc như chữ số ASCII: hãy chuyển chúng (Unicode NFKC) khi xuất dữ liệu'
      : 'are written with full-width digits (U+FF10–FF19, as East Asian input methods type them), ' +
      'which ddss reads only as ASCII digits: convert them (Unicode NFKC) in the export' };
  }
  if (spec.type === 'date') {
    const timed = failing.filter((v) => v.trim().length > 10 && !Number.isNaN(parseIsoDateTime(v.trim()))).length;
    if (most(timed)) {
      return { count: timed, text: vi ? 'là ngày giờ (yyyy-MM-dd HH:mm:ss, như cơ sở dữ liệu SQL xuất ra): hãy khai báo type: ' +
        'datetime, kiểu đọc được chúng (giờ không có độ lệch được hiểu là giờ địa phương theo múi giờ của lần chạy), hoặc chỉ xuất phần ngày'
        : 'are date-times (yyyy-MM-dd HH:mm:ss, as SQL databases export them): declare type: ' +
        'datetime, which reads them (a time without an offset as the wall-clock time of the run\'s time zone), or export the date alone', declare: 'type: datetime' };
    }
  }
  if (spec.type !== 'number' && spec.type !== 'integer') return undefined;
  // A number field reads an exponent; an integer field does not, and the digits past a spreadsheet's 15 may be gone.
  const scientific = failing.filter((v) => SCIENTIFIC.test(v.trim())).length;
  if (spec.type === 'integer' && most(scientific)) {
    return { count: scientific, text: vi ? 'ở dạng ký hiệu khoa học (1.2E+11), mà trường số nguyên không đọc: hãy xuất chúng với ' +
      'đầy đủ chữ số (bảng tính hiển thị số lớn như vậy, và có thể đã làm tròn chúng)'
      : 'are in scientific notation (1.2E+11), which an integer field does not read: export them ' +
      'with all their digits (a spreadsheet shows large numbers so, and may have rounded them)' };
  }
  const units = failing.filter((v) => !SCIENTIFIC.test(v.trim())).map((v) => WITH_UNIT.exec(v.trim())).filter((m) => m !== null);
  // The field's own reading first, then the other notations; a number grouped like thousands (`1.200 m²`) counts as
  // read only when read so (1200, not 1.2), since an export that groups one number groups them all.
  const readings = [{ declare: undefined, parse: spec.parse }, ...others, ...(spec.type === 'integer' ? GROUPED_INTEGERS : [])];
  const read = readings.map((r) => ({ r, read: units.filter((m) => readsAsWritten(r.parse, m[1] as string)).length }))
    .find((c) => most(c.read));
  if (read !== undefined) {
    const names = [...new Set(units.map((m) => m[2] as string))];
    const which = spec.privacy !== false ? '' : ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
    const declare = read.r.declare;
    return { count: read.read, text: vi ? `là số kèm theo đơn vị${which}, mà ddss không tự bỏ: hãy chỉ xuất phần số (nhãn của ` +
      `trường có thể ghi đơn vị)${declare === undefined ? '' : `, và khai báo ${declare}`}`
      : `are numbers followed by a unit${which}, which ddss does not strip: export the numbers ` +
      `alone (a field's label can name the unit)${declare === undefined ? '' : `, and declare ${declare}`}`,
    ...(declare === undefined ? {} : { declare }) };
  }
  if (spec.type !== 'integer') return undefined;
  const grouped = failing.map((v) => thousandsOf(v.trim())).filter((s) => s !== undefined);
  const sep = grouped[0];
  if (sep === undefined || !most(grouped.filter((s) => s === sep).length)) return undefined;
  const keys = groupedKeys(sep);
  return { count: grouped.filter((s) => s === sep).length, text: vi ? `là số nguyên được nhóm theo hàng nghìn ("${sep}"), mà ` +
    `trường số nguyên không đọc: hãy xuất chúng không có dấu phân cách, hoặc khai báo ${keys}`
    : `are integers grouped by thousands ("${sep}"), which an ` +
    `integer field does not read: export them without separators, or declare ${keys}`, declare: keys };
}
