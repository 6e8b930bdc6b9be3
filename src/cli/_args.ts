import { extname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseIsoDateTime } from '../core/date-format.js';
import { DEFAULT_TIME_ZONE } from '../core/time-zone.js';
import { wallClockReader } from '../core/wall-clock.js';
import { usage, type CliError } from './_errors.js';
import { parseRange } from '../sources/xlsx/range.js';
import { recordsPath } from '../sources/json/records-path.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` in strict mode, with its errors turned into one-line usage errors (exit 2). */
export function parse<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    const text = (e as Error).message;
    const ambiguous = /^Option '(--[^' ]+)(?: <value>)?' argument is ambiguous/.exec(text);
    if (ambiguous !== null) throw usage(ambiguousValue(argv, ambiguous[1] as string), ambiguousValue(argv, ambiguous[1] as string, 'vi'));
    // Node adds a long hint about `--` after unknown options; the first sentence is the useful part.
    const first = (text.split(/\.\s/)[0] ?? text).replace(/\.$/, '');
    throw usage(`${first} (see --help)`, nodeWordsVi(first));
  }
}

/** Node's words for the parse errors users make, in Vietnamese (undefined for any other: it stays as Node says it). */
function nodeWordsVi(text: string): string | undefined {
  const unknown = /^Unknown option '([^']+)'$/.exec(text);
  if (unknown !== null) return `không có tùy chọn '${unknown[1] as string}' (xem --help)`;
  const missing = /^Option '([^']+)' argument missing$/.exec(text);
  if (missing !== null) return `tùy chọn '${missing[1] as string}' thiếu giá trị (xem --help)`;
  return undefined;
}

/**
 * `--top -1`: parseArgs takes a value starting with a dash for an option and calls it "ambiguous", which says nothing
 * of what to write instead. Names the value and the form that passes it (or says the flag has no value).
 */
function ambiguousValue(argv: readonly string[], flag: string, locale: 'en' | 'vi' = 'en'): string {
  const i = argv.lastIndexOf(flag);
  const value = i >= 0 ? argv[i + 1] : undefined;
  const vi = locale === 'vi';
  if (value === undefined || !value.startsWith('-')) return vi ? `${flag} cần một giá trị (xem --help)` : `${flag} needs a value (see --help)`;
  return vi ? `sau ${flag} là "${value}", được đọc như một tùy chọn: hãy viết ${flag}=${value} để đặt giá trị đó, ` +
    `hoặc đặt cho ${flag} một giá trị (xem --help)`
    : `${flag} is followed by "${value}", which reads as an option: write ${flag}=${value} to give it that value, ` +
    `or give ${flag} a value (see --help)`;
}

/** One of a fixed list of values. */
export function choice<const T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"`,
    `--${flag} phải là một trong các giá trị ${allowed.join(', ')}, nhận được "${value}"`);
}

/** The report format each output file extension names. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'json', '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.xml': 'junit', '.csv': 'csv',
  '.yaml': 'yaml', '.yml': 'yaml', '.txt': 'text',
};
/** Extensions of files that hold plain text, which `--out` without `--format` fills with the console text. */
const TEXT_NAMES: readonly string[] = ['.log', '.text'];
/** Names that say nothing of a format: any `--format` may be written under them (`--format json --out run.log`). */
const NEUTRAL_NAMES: readonly string[] = ['', '.', '.txt', ...TEXT_NAMES];
const KIND: Readonly<Record<string, string>> = {
  json: 'a JSON', html: 'an HTML', md: 'a Markdown', junit: 'a JUnit XML', csv: 'a CSV', yaml: 'a YAML', text: 'a text',
};
/**
 * Well-known data files no command writes a report as: a report under such a name is read by the next tool as that
 * kind of file (`--format json --out r.csv` was a JSON report in a .csv file, opened as a table).
 */
const DATA_KIND_OF_EXTENSION: Readonly<Record<string, string>> = {
  '.ndjson': 'an NDJSON', '.jsonl': 'a JSON Lines', '.tsv': 'a TSV', '.xlsx': 'an Excel', '.xls': 'an Excel',
  '.ods': 'an OpenDocument spreadsheet', '.sarif': 'a SARIF', '.parquet': 'a Parquet', '.pdf': 'a PDF',
  '.ddss-state': 'a ddss state',
};

/**
 * `--format` of a command that writes a report to `--out`: the one given, else the one the `--out` file's extension
 * names (`--out report.html` is an HTML page, not the console summary in a file called .html), else `fallback` for a
 * name without an extension (or a text file's: `.txt`, `.log`, `.text`). The name must not say the file is another
 * kind than it will be: without `--format`, an extension naming no format the command writes (`--out r.sarif`,
 * `compare --out x.xml`) is a usage error, since the console text under that name was not what was asked for; with
 * `--format`, so is an extension naming another format (`--format json --out report.html`: one of the two is a
 * mistake) or a well-known data file (`--format json --out r.csv`, `.ndjson`, `.xlsx`, `.sarif`), which the next
 * tool would open as one. A text file's name, or one that names no format (`run.out`), takes any `--format`.
 * @example reportFormat(undefined, 'report.html', ['text', 'json', 'html'], 'text') // 'html'
 */
export function reportFormat<const T extends string>(value: string | undefined, out: string | undefined,
  allowed: readonly T[], fallback: T): T {
  const given = choice('format', value, allowed, fallback);
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  const named = FORMAT_OF_EXTENSION[ext];
  const writes = named !== undefined && (allowed as readonly string[]).includes(named);
  if (value === undefined) {
    if (writes) return named as T;
    if (ext.length > 1 && !TEXT_NAMES.includes(ext)) {
      throw usage(unwrittenExtension(out ?? '', ext, [...allowed]), unwrittenExtension(out ?? '', ext, [...allowed], true));
    }
    return given;
  }
  if (NEUTRAL_NAMES.includes(ext) || named === given) return given;
  if (writes) {
    throw usage(`--format ${given}, but --out "${out}" is named as ${KIND[named] ?? named} file: ` +
      `give --format ${named}, or name the file for ${given}`,
    `--format ${given}, nhưng --out "${out}" được đặt tên như tệp ${viKind(KIND[named] ?? named)}: ` +
      `hãy dùng --format ${named}, hoặc đặt tên tệp cho ${given}`);
  }
  const kind = named === undefined ? DATA_KIND_OF_EXTENSION[ext] : KIND[named];
  if (kind !== undefined) {
    throw usage(`--format ${given}, but --out "${out}" is named as ${kind} file, which this command does not write: ` +
      `name the file ${orList(extensionsOf(given))}`,
    `--format ${given}, nhưng --out "${out}" được đặt tên như tệp ${viKind(kind)}, loại tệp lệnh này không ghi: ` +
      `hãy đặt tên tệp ${orList(extensionsOf(given), 'hoặc')}`);
  }
  return given;
}

/**
 * The kind of file an output name says it is (`a JSON`, `an Excel`), for the extensions of reports and well-known
 * data files, else undefined (`.csv` and `.tsv` included: they are what `fix` writes).
 * @example namedKind('fixed.json') // 'a JSON'
 */
export function namedKind(out: string): string | undefined {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || NEUTRAL_NAMES.includes(ext)) return undefined;
  const named = FORMAT_OF_EXTENSION[ext];
  return named === undefined ? DATA_KIND_OF_EXTENSION[ext] : KIND[named];
}

/** The extensions that name `format` (a text report: `.txt`, `.log`, `.text`). */
function extensionsOf(format: string): string[] {
  const named = Object.keys(FORMAT_OF_EXTENSION).filter((e) => FORMAT_OF_EXTENSION[e] === format);
  return format === 'text' ? [...named, ...TEXT_NAMES] : named;
}

/** `a, b or c`. */
function orList(xs: readonly string[], or = 'or'): string {
  return xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${or} ${xs.at(-1) ?? ''}`;
}

/** `whose` of the flags of one input (`" (the copy)"`, `compare`'s) in Vietnamese. */
function viWhose(whose: string): string {
  return whose === ' (the copy)' ? ' (bản sao)' : whose === ' (the source)' ? ' (tệp nguồn)' : whose;
}

/** A kind of file (`a JSON`, `an Excel`) as a Vietnamese line names it (`JSON`, `Excel`). */
export function viKind(kind: string): string {
  return kind.replace(/^an? /, '');
}

/**
 * The error for an `--out` whose extension names no format the command writes: the extensions it does and, where a
 * `--format` would be written under that name (one that names no kind of data file), the formats, so either fix is
 * one edit.
 * @example unwrittenExtension('r.out', '.out', ['text', 'json']) // '--out "r.out": this command writes no .out file; name the file .json or .txt, …'
 */
function unwrittenExtension(out: string, ext: string, allowed: readonly string[], vi = false): string {
  const extensions = [...Object.keys(FORMAT_OF_EXTENSION).filter((e) => allowed.includes(FORMAT_OF_EXTENSION[e] as string)), ...TEXT_NAMES];
  const dataFile = FORMAT_OF_EXTENSION[ext] !== undefined || DATA_KIND_OF_EXTENSION[ext] !== undefined;
  if (vi) {
    return `--out "${out}": lệnh này không ghi tệp ${ext}; hãy đặt tên tệp ${orList(extensions, 'hoặc')}` +
      `${dataFile ? '' : `, hoặc dùng --format ${allowed.join('|')}`}`;
  }
  return `--out "${out}": this command writes no ${ext} file; name the file ${orList(extensions)}` +
    `${dataFile ? '' : `, or give --format ${allowed.join('|')}`}`;
}

/** A number in [0, 1]. */
export function ratio(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Decimal only: Number() read "0x1" as 1 and "1e-0" as 1, thresholds nobody writes on purpose.
  const n = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 1)) {
    throw usage(`--${flag} must be a number between 0 and 1, got "${value}"`, `--${flag} phải là một số từ 0 đến 1, nhận được "${value}"`);
  }
  return n;
}

/** A whole number ≥ `min` (and ≤ `max`). */
export function whole(flag: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= max)) {
    const unbounded = max === Number.MAX_SAFE_INTEGER;
    throw usage(`--${flag} must be a whole number ${unbounded ? `≥ ${min}` : `from ${min} to ${max}`}, got "${value}"`,
      `--${flag} phải là một số nguyên ${unbounded ? `≥ ${min}` : `từ ${min} đến ${max}`}, nhận được "${value}"`);
  }
  return n;
}

/**
 * An ISO 8601 date or date-time, read as UTC; a date-time without an offset is a wall-clock time, moved to the run's
 * time zone by {@link runNow} once the zone is known (the definition's may decide it).
 */
export function instant(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const ms = parseIsoDateTime(value.trim());
  if (Number.isNaN(ms)) {
    throw usage(`--${flag} must be an ISO date or date-time (2026-11-22 or 2026-11-22T08:00:00Z), got "${value}"`,
      `--${flag} phải là một ngày hoặc ngày giờ ISO (2026-11-22 hoặc 2026-11-22T08:00:00Z), nhận được "${value}"`);
  }
  return new Date(ms);
}

/**
 * Whether `--now` is a wall-clock time: a date-time (not a date alone) without an offset or `Z`.
 * @example wallClock('2026-11-22T08:00') // true
 */
export function wallClock(value: string | undefined): boolean {
  const text = value?.trim() ?? '';
  return text.length > 10 && !/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(text);
}

/**
 * `--now` as the run reads it: a wall-clock time (see {@link wallClock}) is the time on a clock in the run's zone
 * (`--time-zone`, else the definition's, else UTC), as date-times without an offset in the data are; any other value
 * is the instant `instant` read (a date alone: midnight UTC).
 * @example runNow({ now: new Date('2026-11-22T08:00:00Z'), nowWall: true, timeZone: undefined }, 'Asia/Ho_Chi_Minh') // 01:00Z
 */
export function runNow(args: { readonly now: Date | undefined; readonly nowWall: boolean; readonly timeZone: string | undefined },
  definitionZone: string | undefined): Date | undefined {
  if (args.now === undefined || !args.nowWall) return args.now;
  const read = wallClockReader(args.timeZone ?? definitionZone ?? DEFAULT_TIME_ZONE);
  return read === undefined ? args.now : new Date(read(args.now.getTime()));
}

/**
 * A one-character CSV delimiter; `\t` and `tab` mean a tab. `flag` names the flag in the error when a command has
 * several (`compare`'s `--delimiter-copy`), so each says the same about the same mistake.
 */
export function delimiter(value: string | undefined, flag = 'delimiter'): string | undefined {
  if (value === undefined) return undefined;
  const d = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
  if (Array.from(d).length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw usage(`--${flag} must be one character other than a quote or line break (\\t for tab), got "${value}"`,
      `--${flag} phải là một ký tự, không phải dấu ngoặc kép hay ngắt dòng (\\t cho tab), nhận được "${value}"`);
  }
  return d;
}

/**
 * `--sheet`: the workbook sheet to read; only for workbooks. `flag` and `whose` name the flag and the input in the
 * error when a command reads two (`compare`'s `--sheet-copy`, `" (the copy)"`), so every command says the same.
 * @example sheetName('csv', 'Data') // throws: --sheet applies to .xlsx workbooks, not csv
 */
export function sheetName(inputFormat: string, value: string | undefined, flag = 'sheet', whose = ''): string | undefined {
  if (value === undefined) return undefined;
  if (inputFormat !== 'xlsx') throw notWorkbook(flag, inputFormat, whose);
  if (value.trim() === '') throw usage(`--${flag} needs a sheet name`, `--${flag} cần một tên trang tính`);
  return value;
}

/** The error of a workbook's flag given for another kind of input. */
function notWorkbook(flag: string, inputFormat: string, whose: string): CliError {
  return usage(`--${flag} applies to .xlsx workbooks, not ${inputFormat}${whose}`,
    `--${flag} dùng cho sổ tính .xlsx, không dùng cho ${inputFormat}${viWhose(whose)}`);
}

/**
 * `--range`: the cells of an .xlsx sheet to read (`A3:T2000`, `B:F`, `3:1048576` for row 3 on), checked here so that a
 * typo is a usage error before anything is read; only for workbooks. `flag` and `whose` as for {@link sheetName}.
 * @example cellRange('xlsx', 'A3:T2000') // 'A3:T2000'
 */
export function cellRange(inputFormat: string, value: string | undefined, flag = 'range', whose = ''): string | undefined {
  if (value === undefined) return undefined;
  if (inputFormat !== 'xlsx') throw notWorkbook(flag, inputFormat, whose);
  try {
    parseRange(value);
  } catch (e) {
    throw usage(`--${flag}: ${(e as Error).message.replace(/^ddss: /, '')}`);
  }
  return value;
}

/**
 * `--json-records`: where the records are inside a JSON document (`data`, `result.items`, `/v1.0/data`), checked as
 * `readJson` reads it so that a typo is a usage error before anything is read; only for JSON documents (an NDJSON
 * line is a record). `flag` and `whose` as for {@link sheetName}.
 * @example jsonRecords('json', 'result.items') // 'result.items'
 */
export function jsonRecords(inputFormat: string, value: string | undefined, flag = 'json-records', whose = ''): string | undefined {
  if (value === undefined) return undefined;
  if (inputFormat === 'ndjson') {
    throw usage(`--${flag} reads the records inside one JSON document; NDJSON${whose} has one record per line`,
      `--${flag} đọc các bản ghi bên trong một văn bản JSON; NDJSON${viWhose(whose)} có một bản ghi mỗi dòng`);
  }
  if (inputFormat !== 'json') {
    throw usage(`--${flag} applies to JSON input, not ${inputFormat}${whose}`, `--${flag} dùng cho đầu vào JSON, không dùng cho ${inputFormat}${viWhose(whose)}`);
  }
  try {
    recordsPath(value);
  } catch (e) {
    throw usage(`--${flag}: ${(e as Error).message.replace(/^ddss: /, '')}`);
  }
  return value;
}

/**
 * Why a text encoding cannot be declared for inputs of these formats, for a usage error's end: JSON is UTF-8 by its
 * standard, a workbook keeps its text as Unicode (saying "JSON is UTF-8" of an .xlsx input explained nothing).
 * @example encodingNote(['xlsx'], ' (', ')') // ' (a workbook keeps its text as Unicode)'
 */
export function encodingNote(formats: readonly string[], before = '', after = '', vi = false): string {
  const why = [formats.some((f) => f === 'json' || f === 'ndjson') ? vi ? 'JSON luôn là UTF-8' : 'JSON is UTF-8' : undefined,
    formats.includes('xlsx') ? vi ? 'sổ tính lưu chữ ở dạng Unicode' : 'a workbook keeps its text as Unicode' : undefined].filter((x) => x !== undefined);
  return why.length === 0 ? '' : `${before}${why.join('; ')}${after}`;
}
