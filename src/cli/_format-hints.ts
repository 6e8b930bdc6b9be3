import type { TabularSource } from '../core/source.js';
import { INVALID, type DatasetDefinition, type FieldSpecData, type Locale, type Parser, type Report, type RuleResult } from '../core/types.js';
import { dateParser, numberParser, type NumberFormat } from '../core/parsers.js';
import { missingTest } from '../core/missing.js';
import { DATE_FORMATS } from '../profile/type-candidates.js';
import { twoDigitYear } from '../profile/two-digit-year.js';
import { missingValuesDeclaration, noValueWords, valueCause } from './_value-causes.js';
import { builtinDeclaration } from './_builtin-declaration.js';

/** Values looked at per field: enough to tell a format, few enough to cost nothing next to the run. */
const VALUES = 1000;
/**
 * Rows read at most for them: a sparse column (a status date filled in one row of ten) would otherwise have the whole
 * file read again, and a field is looked at now whenever its type rule failed once.
 */
const ROWS = 50_000;

/** A way to read a column's text, as the hint names it and as a definition declares it. */
interface Reading {
  readonly name: string;
  readonly declare: string;
  readonly parse: Parser;
}

/** Number formats of the spreadsheets agencies export: Vietnamese (`1.234,5`), English (`1,234.5`), spaced. */
const NUMBER_FORMATS: readonly NumberFormat[] = [
  { decimal: ',' }, { decimal: ',', thousands: '.' }, { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: ',' }, { decimal: '.', thousands: ' ' },
];

/** The readings tried for a field of this spec: other date formats for a date, other separators for a number. */
function readings(spec: FieldSpecData, vi = false): Reading[] {
  if (spec.type === 'date' && spec.format !== undefined) {
    return DATE_FORMATS.filter((f) => f !== spec.format).map((f) => ({ name: f, declare: `format: ${f}`, parse: dateParser(f) }));
  }
  if (spec.type === 'number') {
    return NUMBER_FORMATS.map((f) => {
      const keys = `decimal: '${f.decimal ?? '.'}'${f.thousands === undefined ? '' : `, thousands: '${f.thousands}'`}`;
      const name = vi ? `số có dấu thập phân "${f.decimal ?? '.'}"${f.thousands === undefined ? '' : ` và dấu hàng nghìn "${f.thousands}"`}`
        : `numbers with decimal "${f.decimal ?? '.'}"${f.thousands === undefined ? '' : ` and thousands "${f.thousands}"`}`;
      return { name, declare: keys, parse: numberParser(f) };
    });
  }
  return [];
}

/**
 * The words of the format hints, in the report's language: the commonest causes (a Vietnamese-notation number
 * `1.234,5`, dates in another format, "chưa cập nhật" for no value) are a Vietnamese export's.
 */
const HINT_WORDS = {
  en: {
    failed: (n: number, name: string) => `${n} rows failed ${name}.type`,
    of: (n: number) => `of its first ${n} values`,
    declared: (name: string, expected: string) => `ddss: ${name} is declared as ${expected}, but`,
    noValue: (words: string, declare: string) => `are words meaning "no value" (${words}), which its missing values do not list: declare ${declare}`,
    padded: (expected: string) => `read as ${expected} only without the spaces around them (a no-break space or a tab counts), which ddss does not trim: remove them`,
    paddedAs: (name: string, declare: string) => `read as ${name} once the spaces around them (a no-break space or a tab counts) are removed, which ddss does not do: remove them and declare ${declare}`,
    twoDigits: 'are dates with a two-digit year (dd/MM/yy), whose century no format guesses: export the year in four digits',
    serials: 'are Excel serial numbers (days since 30/12/1899), not dates: export the column formatted as dates',
    readAs: (name: string) => `read as ${name}`,
    or: (names: string) => ` (or ${names})`,
    declare: (keys: string) => `: declare ${keys}`,
    swapped: (n: number) => `; the ${n} rows it read may have day and month swapped`,
  },
  vi: {
    failed: (n: number, name: string) => `${n} hàng không đạt ${name}.type`,
    of: (n: number) => `trong ${n} giá trị đầu tiên của nó`,
    declared: (name: string, expected: string) => `ddss: ${name} được khai báo là ${expected}, nhưng`,
    noValue: (words: string, declare: string) => `là các từ mang nghĩa "không có giá trị" (${words}), mà danh sách giá trị trống của nó không liệt kê: hãy khai báo ${declare}`,
    padded: (expected: string) => `chỉ đọc được là ${expected} khi bỏ khoảng trắng quanh chúng (kể cả khoảng trắng không ngắt hay tab), mà ddss không tự cắt: hãy bỏ chúng`,
    paddedAs: (name: string, declare: string) => `đọc được là ${name} khi bỏ khoảng trắng quanh chúng (kể cả khoảng trắng không ngắt hay tab), việc ddss không tự làm: hãy bỏ chúng và khai báo ${declare}`,
    twoDigits: 'là ngày có năm hai chữ số (dd/MM/yy), mà không định dạng nào đoán được thế kỷ: hãy xuất năm với bốn chữ số',
    serials: 'là số sê-ri ngày của Excel (số ngày kể từ 30/12/1899), không phải ngày: hãy xuất cột ở định dạng ngày',
    readAs: (name: string) => `đọc được là ${name}`,
    or: (names: string) => ` (hoặc ${names})`,
    declare: (keys: string) => `: hãy khai báo ${keys}`,
    swapped: (n: number) => `; ${n} hàng đã đọc được có thể bị đảo ngày và tháng`,
  },
} satisfies Record<Locale, unknown>;

/** Excel's serial numbers of 1920–2099 (7306–73050), as `vn.excelSerial` reads them by default. */
function excelSerial(text: string): boolean {
  const t = text.trim();
  if (!/^\d{4,5}(?:\.\d{1,12})?$/.test(t)) return false;
  const n = Number(t);
  return n >= 7306 && n < 73051;
}

/** Whether two date formats differ only in padding (`d/M/yyyy` reads whatever `dd/MM/yyyy` does). */
function sameShape(a: string, b: string | undefined): boolean {
  const shape = (f: string): string => f.replace(/dd/g, 'd').replace(/MM/g, 'M');
  return b !== undefined && shape(a) === shape(b);
}

/** Failures enough for a field's column to be read again when they are fewer than half its rows. */
const FEW = 5;

/** The field types whose failing values a hint can tell something of. */
const HINTED = new Set(['date', 'datetime', 'number', 'integer']);

/** A hint's line, and the field's keys it tells the user to declare (none when only the file can change). */
interface FieldHint {
  readonly text: string;
  readonly declare?: string;
}

/** Whether a type rule failed at least half the rows it checked (two at least): the column, not a few cells. */
function mostFailed(rule: RuleResult): boolean {
  return rule.checked >= 2 && rule.failed * 2 >= rule.checked;
}

/** A date format with day and month swapped (`dd/MM/yyyy` ↔ `MM/dd/yyyy`), or undefined without both. */
function swapped(format: string | undefined): string | undefined {
  if (format === undefined || !format.includes('d') || !format.includes('M')) return undefined;
  return format.replace(/d+|M+/g, (t) => (t.startsWith('d') ? 'M' : 'd').repeat(t.length));
}

/**
 * Hints for fields declared in one text format while the file writes another — a date field declared `yyyy-MM-dd`
 * over `29/11/2019`, a number field over `1.234,5` —: every such cell fails the field's type rule, and the summary says
 * only "not a valid date". For each date, datetime, number or integer field whose type rule failed, the first 1,000
 * values of its column (read again from `source`, a fresh read of the input; missing ones left out) are looked at.
 * When at least half of the failing ones are words meaning "no value" (`chưa cập nhật`, `N/A`), the hint names them
 * and the `missingValues` that lists them, however few rows failed (five at least). When the rule failed at least half
 * its rows, the hint says what most of the failing ones are — values of the declared format with spaces around them
 * (which nothing trims), full-width digits, SQL date-times in a date field, numbers followed by a unit, integers
 * grouped by thousands, dates with a two-digit year, Excel serial numbers —, else names another date format a profile
 * knows or the decimal and thousands separators of agencies' spreadsheets that reads nine in ten of them, with any
 * other that reads as many (`dd/MM/yyyy` and `MM/dd/yyyy` when no day is past the 12th). The other order of day and
 * month is named however few rows failed — in a US-order column only days past the 12th fail, and the rows that read
 * were read with day and month swapped —, saying so. Values are never printed: only formats, counts, words of the
 * fixed no-value list and the units of a field that is not personal. With `builtin` (the built-in `--dataset` named),
 * lines follow saying how to declare what the hints say in a definition file that extends it.
 * @example await formatHints(report, definition, openInput(…)) // ['ddss: gcn_issue_date is declared as date (yyyy-MM-dd), …']
 */
export async function formatHints(report: Report, definition: DatasetDefinition, source: TabularSource, builtin?: string): Promise<string[]> {
  const fields = Object.entries(definition.fields).flatMap(([name, spec]) => {
    const rule = report.rules.find((r) => r.id === `${name}.type`);
    // A column is read again for a few failures only when they may be the other order of day and month; for five or
    // more, which may be words meaning "no value" among valid values.
    const looked = rule !== undefined && rule.failed > 0 && HINTED.has(spec.type) &&
      (mostFailed(rule) || rule.failed >= FEW || (spec.type === 'date' && DATE_FORMATS.some((f) => sameShape(f, swapped(spec.format)))));
    return looked ? [{ name, spec, rule }] : [];
  });
  if (fields.length === 0) return [];
  const values = await firstValues(source, fields.map(({ name, spec }) => ({ name, missing: missingTest([...definition.missingValues, ...spec.missingValues]) })));
  const hints: string[] = [];
  const declared: Array<{ name: string; declare: string }> = [];
  for (const { name, spec, rule } of fields) {
    const hint = fieldHint(name, spec, rule, values?.get(name) ?? [], report.locale);
    if (hint === undefined) continue;
    hints.push(hint.text);
    if (hint.declare !== undefined) declared.push({ name, declare: hint.declare });
  }
  // A built-in cannot be edited: say how to declare it, in a definition file that extends the built-in.
  return builtin === undefined || declared.length === 0 ? hints : [...hints, ...builtinDeclaration(definition, builtin, declared, report.locale)];
}

function fieldHint(name: string, spec: FieldSpecData, rule: RuleResult, list: readonly string[], locale: Locale = 'en'): FieldHint | undefined {
  const failing = list.filter((v) => spec.parse(v) === INVALID);
  if (failing.length === 0) return undefined;
  const vi = locale === 'vi';
  const w = HINT_WORDS[vi ? 'vi' : 'en'];
  const expected = typeof spec.expected === 'string' ? spec.expected : spec.expected[vi ? 'vi' : 'en'];
  const failed = w.failed(rule.failed, name);
  const tail = `(${failed})`;
  const of = w.of(list.length);
  const declared = w.declared(name, expected);
  const most = (n: number): boolean => n * 2 >= failing.length;
  // A column-wide cause when at least half the rows failed; a few failures are told by their own findings (an Excel
  // serial by `excelSerialIn`), except the other order of day and month, below.
  const mostRows = mostFailed(rule);
  // Words meaning "no value" (`chưa cập nhật`, `N/A`) are told however few rows failed, when most failures are them.
  const empty = noValueWords(failing);
  if ((mostRows || rule.failed >= FEW) && most(empty.count)) {
    const declare = missingValuesDeclaration(empty.words);
    return { text: `${declared} ${empty.count} ${of} ${w.noValue(empty.words.join(', '), declare)} ${tail}`, declare };
  }
  // What the failing values are, when most of them are one thing no declaration reads.
  const padded = failing.filter((v) => v.trim() !== v && spec.parse(v.trim()) !== INVALID).length;
  if (mostRows && most(padded)) {
    return { text: `ddss: ${name}: ${padded} ${of} ${w.padded(expected)} ${tail}` };
  }
  // Padded and in another format too (a suggestion declared the format of the few values that read as written).
  const trimmedRead = (r: Reading): number => failing.filter((v) => v.trim() !== v && r.parse(v.trim()) !== INVALID).length;
  const padding = readings(spec, vi).map((r) => ({ r, read: trimmedRead(r) })).find((c) => most(c.read));
  if (mostRows && padding !== undefined) {
    return { text: `${declared} ${padding.read} ${of} ${w.paddedAs(padding.r.name, padding.r.declare)} ${tail}`, declare: padding.r.declare };
  }
  const cause = mostRows ? valueCause(spec, failing, most, readings(spec, vi), locale) : undefined;
  if (cause !== undefined) {
    return { text: `${declared} ${cause.count} ${of} ${cause.text} ${tail}`,
      ...(cause.declare === undefined ? {} : { declare: cause.declare }) };
  }
  if (mostRows && spec.type === 'date') {
    const short = failing.filter((v) => twoDigitYear(v.trim())).length;
    if (most(short)) return { text: `${declared} ${short} ${of} ${w.twoDigits} ${tail}` };
    const serials = failing.filter(excelSerial).length;
    if (most(serials)) return { text: `${declared} ${serials} ${of} ${w.serials} ${tail}` };
  }
  // Another format or notation, tried on every value.
  const counts = readings(spec, vi).map((r) => ({ r, read: list.filter((v) => r.parse(v) !== INVALID).length }));
  if (counts.length === 0) return undefined;
  const best = Math.max(...counts.map((c) => c.read));
  if (best * 10 < list.length * 9) return undefined;
  // `d/M/yyyy` reads whatever `dd/MM/yyyy` does, `1.234,5` reads `5,5`: of readings that read the same values, the
  // first is named, and only a different order of day and month as an alternative.
  const tied = counts.filter((c) => c.read === best).map((c) => c.r);
  const named = spec.type === 'date' ? tied.filter((r, i) => tied.findIndex((s) => sameShape(s.name, r.name)) === i) : tied.slice(0, 1);
  const first = named[0] as Reading;
  const other = swapped(spec.format);
  const swap = named.some((r) => sameShape(r.name, other));
  if (!mostRows && !(swap && best > list.length - failing.length)) return undefined;
  const read = rule.checked - rule.failed;
  const note = swap && read > 0 ? w.swapped(read) : '';
  return { text: `${declared} ${best} ${of} ${w.readAs(first.name)}` +
    `${named.length > 1 ? w.or(named.slice(1).map((r) => r.name).join(', ')) : ''}${w.declare(first.declare)} (${failed}${note})`,
  declare: first.declare };
}

/**
 * The first 1,000 values of each named column that are not missing, as the file writes them (spaces kept), within
 * the first 50,000 rows, or undefined when the input cannot be read.
 */
async function firstValues(source: TabularSource, wanted: ReadonlyArray<{ name: string; missing: (raw: unknown) => boolean }>): Promise<Map<string, string[]> | undefined> {
  const values = new Map<string, string[]>(wanted.map((w) => [w.name, []]));
  try {
    let columns: readonly string[] | undefined;
    let rows = 0;
    for await (const batch of source.batches()) {
      columns = batch.columns ?? columns;
      for (const row of batch.rows) {
        if (++rows > ROWS) return values;
        for (const { name, missing } of wanted) {
          const list = values.get(name) as string[];
          const at = columns?.indexOf(name) ?? -1;
          const v = Array.isArray(row) ? (at < 0 ? undefined : row[at]) : (row as Record<string, unknown>)[name];
          if (typeof v === 'string' && !missing(v) && list.length < VALUES) list.push(v);
        }
        if ([...values.values()].every((l) => l.length >= VALUES)) return values;
      }
    }
  } catch {
    return undefined; // the run's own report says why the input cannot be read
  }
  return values;
}
