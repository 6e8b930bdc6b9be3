import type { Locale, Report } from '../core/types.js';
import { readCsv } from '../sources/csv/read-csv.js';
import { readXlsx } from '../sources/xlsx/read-xlsx.js';
import type { TabularSource } from '../core/source.js';
import { readsAgain, type InputOptions } from './_input.js';
import type { Profile } from '../profile/types.js';
import { isStdin } from './_stdin.js';
import { shellArg } from './_shell-arg.js';
import { headerName } from '../core/rename.js';

/** Records looked at for a header below a title: exports put a few lines (agency, title, date) above the table. */
const ROWS = 30;
/** Cells read per record: more than any register has columns. */
const WIDTH = 512;

/** Where a header was found below the first record: its record (1-based), its line (a sheet's row number), columns named. */
export interface HeaderBelow {
  readonly row: number;
  readonly line: number;
  readonly matched: number;
  /**
   * The delimiter of a spreadsheet's directive on line 1 (`sep=;`, which Excel reads and some exports write for it)
   * when the header was found reading the file with it rather than with the run's delimiter.
   */
  readonly delimiter?: string;
  /** Line 1 is such a directive (`sep=;`), whichever delimiter found the header. */
  readonly directive?: string;
}

/**
 * Looks, when most declared columns are missing from the header (`source.missing_column`), for a record below the
 * first that names them: Vietnamese agencies' exports often open with a title (`DANH SÁCH THỬA ĐẤT …`, the
 * agency, a date) above the table, and such a file reads as "none of the declared fields is a column". Reads the
 * first 30 records of the file again (a file given by path: a pipe cannot be read twice); the best record must name
 * at least two declared columns and half of them. `undefined` when there is no such record or the file cannot say.
 * @example await headerBelow(report, 'title.csv', { format: 'csv', encoding: undefined, delimiter: undefined }, fields)
 */
export async function headerBelow(report: Report, path: string, o: InputOptions, declared: readonly string[]):
  Promise<HeaderBelow | undefined> {
  const missing = report.rules.find((r) => r.id === 'source.missing_column')?.failed ?? 0;
  if (declared.length < 2 || missing * 2 < declared.length) return undefined;
  const records = await firstRecords(path, o);
  if (records === undefined) return undefined;
  // A spreadsheet's `sep=;` directive on line 1: the header is below it, in cells separated by its delimiter.
  const directive = o.format === 'csv' || o.format === 'tsv' ? sepDirective(records, o.delimiter ?? (o.format === 'tsv' ? '\t' : ',')) : undefined;
  if (directive !== undefined && directive.delimiter !== directive.read) {
    const again = await firstRecords(path, { ...o, delimiter: directive.delimiter });
    const found = again === undefined ? undefined : bestHeader(again, o.format, declared);
    return found === undefined ? undefined : { ...found, delimiter: directive.delimiter, directive: directive.line };
  }
  const found = bestHeader(records, o.format, declared);
  return found === undefined || directive === undefined ? found : { ...found, directive: directive.line };
}

/**
 * Line 1 as a spreadsheet's delimiter directive (`sep=;`, `sep=,`, `sep=\t`; the name in any case), with the delimiter
 * it names and the one the line was read with; undefined when line 1 is something else.
 */
function sepDirective(records: readonly Leading[], read: string): { line: string; delimiter: string; read: string } | undefined {
  const first = records[0];
  if (first === undefined || first.line !== 1) return undefined;
  // The line's text again: a `sep=,` read with commas is the cells `sep=` and ``.
  const line = first.cells.map((c) => (typeof c === 'string' ? c : '')).join(read);
  const m = /^sep=(.)$/i.exec(line);
  return m === null ? undefined : { line, delimiter: m[1] as string, read };
}

/** The record below the first that names the most declared columns: at least two, and half of them. */
function bestHeader(records: readonly Leading[], format: string, declared: readonly string[]): HeaderBelow | undefined {
  const names = new Set(declared);
  const named = records.map((r) => r.cells.filter((c) => typeof c === 'string' && names.has(c.trim())).length);
  const from = firstBelow(records, format);
  let found: HeaderBelow | undefined;
  for (let k = from; k < records.length; k++) {
    const matched = named[k] as number;
    if (matched > (found?.matched ?? (from === 0 ? 0 : named[0] ?? 0))) found = { row: k + 1, line: (records[k] as Leading).line, matched };
  }
  return found !== undefined && found.matched >= 2 && found.matched * 2 >= declared.length ? found : undefined;
}

/**
 * The first record below the first, among the first 30, that holds every one of `names` as a cell: the header of a
 * table under a title, for `compare`, whose key column is then "not in the header" (the title is). `matched` is
 * the number of `names`. `undefined` when no such record is there or the file cannot say (JSON, standard input).
 * @example await headerHolding('title.xlsx', { format: 'xlsx', encoding: undefined, delimiter: undefined }, ['id']) // { row: 3, line: 3, matched: 1 }
 */
export async function headerHolding(path: string, o: InputOptions, names: readonly string[]): Promise<HeaderBelow | undefined> {
  if (names.length === 0) return undefined;
  const records = await firstRecords(path, o);
  const from = records === undefined ? 1 : firstBelow(records, o.format);
  const k = records?.findIndex((r, i) => i >= from && names.every((n) => r.cells.some((c) => typeof c === 'string' && c.trim() === n))) ?? -1;
  return records === undefined || k < 0 ? undefined : { row: k + 1, line: (records[k] as Leading).line, matched: names.length };
}

/**
 * For a file profiled without a definition: a title above the table shows as a header of one filled cell over rows
 * of many (`extra_cell` in most rows). The header is then the first record below the first that fills nearly as many
 * cells as most records after it do, each a different name (no cell starting with a digit); `matched` is its number of
 * names. `undefined` when the first record fills half the rows' cells or more, or no such record is in the first 30.
 * @example await headerOfTable('title.csv', { format: 'csv', encoding: undefined, delimiter: undefined })
 */
export async function headerOfTable(path: string, o: InputOptions): Promise<HeaderBelow | undefined> {
  const records = await firstRecords(path, o);
  if (records === undefined) return undefined;
  const from = firstBelow(records, o.format);
  if (records.length < 3 - from) return undefined;
  const filled = records.map((r) => r.cells.filter((c) => c !== undefined && c !== null && String(c).trim() !== '').length);
  const widths = new Map<number, number>();
  for (const w of filled.slice(1)) widths.set(w, (widths.get(w) ?? 0) + 1);
  const width = [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  // The title: the first record, or the blank line above it (filling no cell).
  if (width < 2 || (from === 0 ? 0 : filled[0] as number) * 2 > width) return undefined;
  for (let k = from; k < records.length; k++) {
    const texts = (records[k] as Leading).cells.filter((c) => typeof c === 'string' && c.trim() !== '').map((c) => (c as string).trim());
    // Names, not values: nine in ten of the rows' cells filled, all different, none starting with a digit (codes,
    // amounts and dates do).
    if (texts.length * 10 >= width * 9 && new Set(texts).size === texts.length && texts.every((t) => !/^[\d+-]/.test(t))) {
      return { row: k + 1, line: (records[k] as Leading).line, matched: texts.length };
    }
  }
  return undefined;
}

/** A record at the start of a file: its cells as read (text for CSV, Excel's values for a sheet) and its line. */
interface Leading {
  readonly cells: readonly unknown[];
  readonly line: number;
}

/**
 * Where a header below the file's first line may start among `records`: at the first record when blank lines come
 * before it (the reader skips them, so it is not on line 1, where a CSV reader takes the header from: a blank line
 * read as the header names no column), else at the second. A sheet's empty rows are not its header: the reader skips
 * them when it looks for one too.
 */
function firstBelow(records: readonly Leading[], format: string): 0 | 1 {
  return format !== 'xlsx' && records.length > 0 && (records[0] as Leading).line > 1 ? 0 : 1;
}

/** The first `count` records of a CSV file or a sheet, header included, or undefined when it cannot be read so. */
async function firstRecords(path: string, o: InputOptions, count = ROWS): Promise<Leading[] | undefined> {
  if (o.format !== 'csv' && o.format !== 'tsv' && o.format !== 'xlsx') return undefined;
  // A stream (a named pipe, /dev/stdin over a pipe) is the run's to read, once: a look at its first records took them
  // from the run, or waited for ever for a writer that had gone.
  if (!(await readsAgain(path, path))) return undefined;
  const columns = Array.from({ length: WIDTH }, (_, i) => `c${i + 1}`);
  const source: TabularSource = o.format === 'xlsx'
    ? readXlsx(path, { header: columns, ...(o.sheet === undefined ? {} : { sheet: o.sheet }), ...(o.range === undefined ? {} : { range: o.range }) })
    : readCsv(path, { header: columns, ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      delimiter: o.delimiter ?? (o.format === 'tsv' ? '\t' : ','), maxRecordBytes: 1 << 20 });
  const out: Leading[] = [];
  try {
    for await (const batch of source.batches()) {
      for (let i = 0; i < batch.rows.length; i++) {
        out.push({ cells: batch.rows[i] as readonly unknown[], line: batch.lines?.[i] ?? out.length + 1 });
        if (out.length >= count) return out;
      }
    }
  } catch {
    return undefined; // the run's own report already says why the file cannot be read
  }
  return out;
}

/**
 * The hint for a header found below a title, `why` saying what makes it the header: how to read from there (`tail` for
 * a text file, `--range` for a sheet), with the `command` being run.
 * @example headerHint({ row: 3, line: 3, matched: 20 }, 'xlsx', 'title.xlsx', 'it names 20 of the 20 declared columns', 'validate')
 */
export function headerHint(found: HeaderBelow, format: string, given: string, why: string, command: HintCommand,
  locale: Locale = 'en'): string {
  const vi = locale === 'vi';
  if (format === 'xlsx') {
    // A sheet's rows are numbered as Excel shows them (empty rows are skipped by the reader, not renumbered).
    return vi ? `ddss: dòng tiêu đề có vẻ là hàng ${found.line} của trang tính (${why}); các hàng phía trên không phải dữ liệu: ` +
      `hãy đọc từ đó bằng --range ${found.line}:1048576`
      : `ddss: the header seems to be row ${found.line} of the sheet (${why}); the rows above it are no data: ` +
      `read from there with --range ${found.line}:1048576`;
  }
  const from = `tail -n +${found.line} ${shellArg(given)}`;
  // Found reading the cells with a `sep=` directive's delimiter: the command reads them so too.
  // Written as the delimiter hint writes it (`--delimiter ';'`, `--delimiter tab`).
  const d = found.delimiter;
  const flag = d === undefined ? '' : ` --delimiter ${d === '\t' ? 'tab' : d === "'" ? shellArg(d) : `'${d}'`}`;
  // `validate` without --dataset reads its input twice (to suggest a definition): a pipe cannot be, so a file.
  const read = command === 'validate-suggested' ? `${from} > table.csv, ${vi ? 'rồi' : 'then'} ddss validate table.csv${flag}`
    : `${from} | ddss ${command} -${flag} …`;
  return vi ? `ddss: dòng tiêu đề có vẻ là dòng ${found.line} (${why}); các dòng phía trên không phải dữ liệu: hãy xóa chúng, ` +
    `hoặc đọc từ đó: ${read}`
    : `ddss: the header seems to be line ${found.line} (${why}); the lines above it are no data: remove them, or ` +
    `read from there: ${read}`;
}

/** The command a header hint tells how to run from the header on. */
export type HintCommand = 'validate' | 'profile' | 'validate-suggested';

/**
 * For a profiled file (`ddss profile`, `validate` without `--dataset`): when most rows have more cells than the header
 * (`extra_cell`), the hint naming the header below a title ({@link headerOfTable}), else undefined. Standard input is
 * not read again.
 * @example const hint = await titleHint(p, path, 'title.csv', options, 'profile')
 */
export async function titleHint(p: Pick<Profile, 'rows' | 'issues'>, path: string, given: string, o: InputOptions,
  command: HintCommand, locale: Locale = 'en'): Promise<string | undefined> {
  const extra = p.issues.find((i) => i.code === 'extra_cell')?.count ?? 0;
  if (p.rows === 0 || extra * 2 < p.rows || isStdin(given)) return undefined;
  const found = await headerOfTable(path, o);
  if (found === undefined) return undefined;
  const why = locale === 'vi' ? `${found.matched} tên cột, rộng bằng các hàng của bảng` : `${found.matched} column names, as wide as the table's rows`;
  return headerHint(found, o.format, given, why, command, locale);
}

/**
 * The `--rename` columns the file's header does not have (each would rename nothing, and its field would only show as
 * missing), from a read of the header alone; empty when all are there or the header cannot be read here.
 * @example await renamedAbsent('vi.csv', { format: 'csv', encoding: undefined, delimiter: undefined }, { 'Mã thửa': 'parcel_id' })
 */
export async function renamedAbsent(path: string, o: InputOptions, rename: Readonly<Record<string, string>>):
  Promise<{ absent: string[]; columns: string[] }> {
  const records = await firstRecords(path, o, 1);
  const header = (records?.[0]?.cells ?? []).map((c) => (c === undefined || c === null ? '' : String(c)));
  // A sheet's row is read as wide as the columns asked for: the empty cells after its last are no columns of it.
  if (o.format === 'xlsx') while (header.length > 0 && header.at(-1) === '') header.pop();
  if (header.length === 0) return { absent: [], columns: [] };
  // Matched as the reader renames (`renamedAs`): spaces, a byte order mark and accents' composition aside.
  const names = new Set(header.map(headerName));
  return { absent: Object.keys(rename).filter((from) => !names.has(headerName(from))), columns: header };
}
