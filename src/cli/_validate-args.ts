import { defaultWorkers } from '../validate.js';

/**
 * The input per worker thread below which `ddss validate` without `--workers` stays on fewer threads. Measured with 2
 * cores (docs/cli.md, "--workers"; whole `ddss validate` runs, start included, five alternating pairs each,
 * 2026-12-07): a second thread took 1.03–1.05 × one thread's time on 34 MB of land-parcels, 1.11 × on 34 MB of
 * insurance-participants, 1.01 × on 41 MB of land-parcels, 0.95 × on 47 MB of enterprise-register and 49 MB of
 * land-parcels, 0.90 × on 64 MB — so two threads from 40 MiB, where they measured even (a worker loads ddss and
 * compiles its code again, over a second of CPU time: on smaller files that costs more than the second core gives).
 * It was 32 MiB until merging uniqueness states became appending their logs, then 16 MiB until the engine's
 * per-thread speed-ups of 2026-12-06/07 left the worker's fixed cost a larger share.
 */
export const CLI_MIN_BYTES_PER_WORKER = 20 * 1024 * 1024;
import { basename, extname } from 'node:path';
import type { Locale } from '../core/types.js';
import { cellRange, choice, sheetName, delimiter, instant, jsonRecords, parse, ratio, wallClock, whole, encodingNote, reportFormat } from './_args.js';
import { renameMap, type Rename } from './_rename.js';
import { isStdin } from './_stdin.js';
import { shellArg } from './_shell-arg.js';
import { UnknownFormatError, usage } from './_errors.js';
import { tableFormat } from './_table-format.js';
import { zoneFlag } from './_zone-flag.js';
import { REFERENCE_FLAGS, referenceArgs, type ReferenceArgs } from './_references.js';
import { HISTORY_FLAGS, historyArgs, type HistoryArgs } from './_history-args.js';
import { POSTGRES_FLAGS, postgresArgs, type PostgresArgs } from './_postgres-args.js';
import { redactUrl } from '../sources/postgres/redact.js';
import { shardArgs } from './_shard-args.js';
import type { ShardSpec } from '../parallel/shard-spec.js';

export const FORMATS = ['text', 'json', 'html', 'junit', 'md'] as const;
export type ReportFormat = (typeof FORMATS)[number];
export const INPUT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'xlsx'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The flags of `ddss validate`, checked and typed. Paths are as given (resolved by the command). */
export interface ValidateArgs extends ReferenceArgs, HistoryArgs {
  readonly help: boolean;
  readonly input: string;
  /** Undefined: validate against the definition `ddss profile` suggests for the input. */
  readonly dataset: string | undefined;
  readonly format: ReportFormat;
  readonly out: string | undefined;
  readonly violations: { readonly path: string; readonly format: 'csv' | 'ndjson' } | undefined;
  /** `--grades FILE`: graded records, only those with findings unless `all` (`--grades-all`). */
  readonly grades: { readonly path: string; readonly format: 'csv' | 'ndjson'; readonly all: boolean;
    /** `--grades-columns a,b`: fields whose cells each graded record carries (to group a worklist by). */
    readonly columns: readonly string[] } | undefined;
  /** `--group-by COL`: the report breaks the graded records down by this field. */
  readonly groupBy: string | undefined;
  /** `--worst N`: the report lists the N worst graded records (grades the records). */
  readonly worst: number | undefined;
  readonly force: boolean;
  /** Start a `--violations` CSV file with a UTF-8 BOM (default; `--no-bom` omits it). */
  readonly bom: boolean;
  readonly failUnder: number | undefined;
  readonly now: Date | undefined;
  /** `--now` is a date-time without an offset: `now` holds its wall-clock fields as UTC (see `runNow`). */
  readonly nowWall: boolean;
  /** The IANA time zone deciding which calendar day `now` is (checked); undefined: the definition's, else UTC. */
  readonly timeZone: string | undefined;
  /** `--pii-key` (the command falls back to the DDSS_PII_KEY environment variable). */
  readonly piiKey: string | undefined;
  readonly inputFormat: InputFormat;
  readonly encoding: string | undefined;
  readonly delimiter: string | undefined;
  /** `--sheet`: the workbook sheet to read (xlsx input only); undefined: the first visible sheet. */
  readonly sheet: string | undefined;
  /** `--range`: the cells of the sheet to read, in A1 notation (xlsx input only); undefined: the whole sheet. */
  readonly range: string | undefined;
  /** `--rename FROM=TO` (repeatable): header columns read under a field's name (CSV and xlsx input). */
  readonly rename: Rename | undefined;
  /** `--json-records PATH`: where the records are inside a JSON document (`data`, `result.items`, `/v1.0/data`). */
  readonly jsonRecords: string | undefined;
  readonly locale: Locale;
  readonly showValues: boolean;
  /** `--timings`: measure where the time goes (the report's `timings`, a table in the text summary). */
  readonly timings: boolean;
  readonly maxSamples: number | undefined;
  readonly workers: number;
  /**
   * Without `--workers`: the input each worker thread needs at least (`CLI_MIN_BYTES_PER_WORKER`), so a file too
   * small to gain from a second thread is read by one; with `--workers N`, undefined (the library's 4 MiB).
   */
  readonly minBytesPerWorker: number | undefined;
  /** `--baseline FILE`: the violations file of an earlier run; the verdict judges new violations only. */
  readonly baseline: string | undefined;
  /** A `postgresql://` input: what to read from it (undefined for a file). */
  readonly postgres: PostgresArgs | undefined;
  /** `--shard K/N` (K from 1) with `--state-out FILE`: validate one shard and write its state for `ddss merge`. */
  readonly shard: { readonly spec: ShardSpec; readonly stateOut: string } | undefined;
}

const EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
};

/**
 * Parses and checks the arguments of `ddss validate`; every mistake is a usage error (exit 2) naming the flag.
 * @example validateArgs(['parcels.csv', '--dataset', 'land-parcels', '--format', 'json']).format // 'json'
 */
export function validateArgs(argv: readonly string[]): ValidateArgs {
  const { values: v, positionals } = parse(argv, {
    dataset: { type: 'string', short: 'd' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    violations: { type: 'string' },
    grades: { type: 'string' },
    'grades-all': { type: 'boolean' },
    'grades-columns': { type: 'string' },
    'group-by': { type: 'string' },
    worst: { type: 'string' },
    force: { type: 'boolean' },
    'no-bom': { type: 'boolean' },
    'fail-under': { type: 'string' },
    now: { type: 'string' },
    'time-zone': { type: 'string' },
    'pii-key': { type: 'string' },
    'input-format': { type: 'string' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    sheet: { type: 'string' },
    range: { type: 'string' },
    rename: { type: 'string', multiple: true },
    'json-records': { type: 'string' },
    locale: { type: 'string' },
    'show-values': { type: 'boolean' },
    timings: { type: 'boolean' },
    'max-samples': { type: 'string' },
    workers: { type: 'string' },
    baseline: { type: 'string' },
    shard: { type: 'string' },
    'state-out': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...REFERENCE_FLAGS,
    ...HISTORY_FLAGS,
    ...POSTGRES_FLAGS,
  });
  const help = v.help === true;
  if (help) return { ...EMPTY, help };
  if (positionals.length === 0) {
    throw usage('validate needs an <input> file or postgresql:// URL (see ddss validate --help)',
      'validate cần một tệp <input> hoặc một URL postgresql:// (xem ddss validate --help)');
  }
  if (positionals.length > 1) throw usage(`validate takes one <input> file, got ${positionals.length}: ${positionals.map(redactUrl).join(' ')}`,
    `validate nhận một tệp <input>, nhận được ${positionals.length}: ${positionals.map(redactUrl).join(' ')}`);
  const input = positionals[0] as string;
  if (v.dataset === '') throw usage('validate needs --dataset <builtin|file.ts|file.json|file.yaml> (see ddss datasets)',
    'validate cần --dataset <builtin|file.ts|file.json|file.yaml> (xem ddss datasets)');
  const postgres = postgresArgs(input, v);
  if (postgres !== undefined && v.dataset === undefined) throw usage('a postgresql:// input needs --dataset (ddss profile reads files)',
    'đầu vào postgresql:// cần --dataset (ddss profile chỉ đọc tệp)');
  if (postgres !== undefined && v['input-format'] !== undefined) throw usage('--input-format applies to files, not a postgresql:// input',
    '--input-format dùng cho tệp, không dùng cho đầu vào postgresql://');
  const inputFormat = postgres !== undefined ? 'csv' : v['input-format'] === undefined ? _inputFormat(input) : choice('input-format', v['input-format'], INPUT_FORMATS, 'csv');
  if (postgres !== undefined) {
    for (const f of ['encoding', 'delimiter', 'sheet', 'range', 'rename', 'json-records'] as const) {
      if (v[f] !== undefined) throw usage(`--${f} applies to files, not a postgresql:// input`, `--${f} dùng cho tệp, không dùng cho đầu vào postgresql://`);
    }
  }
  const csv = inputFormat === 'csv' || inputFormat === 'tsv';
  if (!csv && v.delimiter !== undefined) throw usage(`--delimiter applies to CSV input, not ${inputFormat}`, `--delimiter dùng cho đầu vào CSV, không dùng cho ${inputFormat}`);
  if (!csv && v.encoding !== undefined) throw usage(`--encoding applies to CSV input, not ${inputFormat}${encodingNote([inputFormat], ' (', ')')}`,
    `--encoding dùng cho đầu vào CSV, không dùng cho ${inputFormat}${encodingNote([inputFormat], ' (', ')', true)}`);
  const sheet = sheetName(inputFormat, v.sheet);
  const range = cellRange(inputFormat, v.range);
  const rename = renameMap(inputFormat, v.rename);
  const records = jsonRecords(inputFormat, v['json-records']);
  if (v.encoding !== undefined && v.encoding.trim() === '') throw usage('--encoding needs a value', '--encoding cần một giá trị');
  if (v['grades-all'] === true && v.grades === undefined) throw usage('--grades-all needs --grades <file.csv|file.ndjson>', '--grades-all cần --grades <file.csv|file.ndjson>');
  if (v['grades-columns'] !== undefined && v.grades === undefined) throw usage('--grades-columns needs --grades <file.csv|file.ndjson>', '--grades-columns cần --grades <file.csv|file.ndjson>');
  const gradeColumns = (v['grades-columns'] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (v['grades-columns'] !== undefined && gradeColumns.length === 0) throw usage('--grades-columns needs field names, e.g. commune_code', '--grades-columns cần tên trường, ví dụ commune_code');
  if (v['group-by'] !== undefined && v['group-by'].trim() === '') throw usage('--group-by needs a field name, e.g. commune_code', '--group-by cần một tên trường, ví dụ commune_code');
  for (const flag of ['out', 'violations', 'grades', 'baseline'] as const) {
    if (v[flag] === '') throw usage(`--${flag} needs a file name`, `--${flag} cần một tên tệp`);
  }
  const shard = shardArgs(v, inputFormat);
  if (shard !== undefined && postgres?.query !== undefined) {
    throw usage('--shard reads a key range of a table, and a query has no key ranges: make the query a view ' +
      '(CREATE VIEW … AS …) and shard it with --table VIEW --order-by KEY, or validate the query in one process',
    '--shard đọc một khoảng khóa của bảng, mà truy vấn không có khoảng khóa: hãy tạo view từ truy vấn ' +
      '(CREATE VIEW … AS …) rồi chia phần với --table VIEW --order-by KEY, hoặc kiểm tra truy vấn trong một tiến trình');
  }
  if (shard !== undefined && isStdin(input)) throw usage('--shard reads its part of a file by its path: give the file, not standard input ("-")',
    '--shard đọc phần của mình trong tệp theo đường dẫn: hãy nêu tệp, không dùng đầu vào chuẩn ("-")');
  if (shard !== undefined && postgres?.unordered === true) throw usage('--shard cuts a table into ranges of its order key: drop --unordered',
    '--shard chia bảng thành các khoảng theo khóa sắp xếp: hãy bỏ --unordered');
  if (shard !== undefined && v.dataset === undefined) throw usage('--shard needs --dataset: every shard must validate against one definition',
    '--shard cần --dataset: mọi phần phải được kiểm tra theo cùng một định nghĩa');
  if (shard !== undefined && v.timings === true) throw usage('--timings times a whole run: not for a shard', '--timings đo thời gian của cả lần chạy: không dùng cho một phần');
  for (const flag of ['baseline', 'history'] as const) {
    if (shard !== undefined && v[flag] !== undefined) throw usage(`--${flag} judges a whole run: give it to ddss merge, not to a shard`,
      `--${flag} đánh giá cả lần chạy: hãy dùng nó với ddss merge, không dùng cho một phần`);
  }
  return {
    help,
    input,
    dataset: v.dataset,
    format: reportFormat(v.format, v.out, FORMATS, 'text'),
    out: v.out,
    violations: v.violations === undefined ? undefined : { path: v.violations, format: tableFormat('violations', v.violations) },
    grades: v.grades === undefined ? undefined
      : { path: v.grades, format: tableFormat('grades', v.grades), all: v['grades-all'] === true, columns: gradeColumns },
    groupBy: v['group-by'],
    worst: whole('worst', v.worst, 0, 1000),
    force: v.force === true,
    bom: v['no-bom'] !== true,
    failUnder: ratio('fail-under', v['fail-under']),
    now: instant('now', v.now),
    nowWall: wallClock(v.now),
    timeZone: zoneFlag(v['time-zone']),
    piiKey: v['pii-key'],
    inputFormat,
    encoding: v.encoding,
    delimiter: delimiter(v.delimiter) ?? (inputFormat === 'tsv' ? '\t' : undefined),
    sheet,
    range,
    rename,
    jsonRecords: records,
    locale: choice('locale', v.locale, ['en', 'vi'] as const, 'en'),
    showValues: v['show-values'] === true,
    timings: v.timings === true,
    maxSamples: whole('max-samples', v['max-samples'], 0),
    // A shard runs in one thread: the job runner starts as many shards as there are cores to use.
    workers: shard === undefined ? whole('workers', v.workers, 1, 256) ?? defaultWorkers() : 1,
    minBytesPerWorker: v.workers === undefined ? CLI_MIN_BYTES_PER_WORKER : undefined,
    baseline: v.baseline,
    postgres,
    shard,
    ...referenceArgs(v),
    ...historyArgs(v),
  };
}

const EMPTY: ValidateArgs = {
  help: false, input: '', dataset: '', format: 'text', out: undefined, violations: undefined, grades: undefined, groupBy: undefined, worst: undefined, force: false, bom: true,
  failUnder: undefined, now: undefined, nowWall: false, timeZone: undefined, piiKey: undefined, inputFormat: 'csv', encoding: undefined, delimiter: undefined, sheet: undefined, range: undefined, rename: undefined, jsonRecords: undefined, locale: 'en',
  showValues: false, timings: false, maxSamples: undefined, workers: defaultWorkers(), minBytesPerWorker: CLI_MIN_BYTES_PER_WORKER, baseline: undefined, postgres: undefined, shard: undefined,
  references: [], referenceEncoding: undefined, referenceDelimiter: undefined, referenceJsonRecords: undefined, history: undefined, historyTable: undefined, historyThresholds: {},
};

/**
 * The input format an input file's extension names, or a usage error (an .xls workbook, an unknown extension) saying
 * which flag to add: `flag`, when a command reads two files (`compare`'s `--input-format-copy`).
 * @example inputFormatOf('parcels.tsv') // 'tsv'
 */
export function inputFormatOf(input: string, flag = 'input-format'): InputFormat {
  return _inputFormat(input, flag);
}

function _inputFormat(input: string, flag = 'input-format'): InputFormat {
  if (isStdin(input)) return 'csv'; // standard input has no extension: CSV unless --input-format says otherwise
  const ext = extname(input).toLowerCase();
  // The binary Excel 97–2003 format has no maintained streaming reader; Excel converts it in one step.
  if (ext === '.xls') {
    throw usage(`"${input}" is an Excel 97–2003 workbook (.xls), which ddss does not read; open it in Excel and save it as .xlsx`,
      `"${input}" là sổ tính Excel 97–2003 (.xls), mà ddss không đọc; hãy mở nó trong Excel và lưu thành .xlsx`);
  }
  const kind = EXTENSIONS[ext];
  const unpack = UNPACK[ext];
  // `parcels.csv.gz`: the format is known, the bytes are not text; say how to get the file ddss reads.
  if (kind === undefined && unpack !== undefined) {
    const inner = basename(input).slice(0, -ext.length);
    const gives = ext === '.zip' || ext === '.7z' ? '' : ` gives "${inner}"`;
    throw usage(`"${input}" is ${unpack.what}: ${unpack.how} first (${unpack.command} ${shellArg(input)}${gives})`,
      `"${input}" là ${unpack.vi}: hãy ${unpack.viHow} trước (${unpack.command} ${shellArg(input)}${gives === '' ? '' : ` cho ra "${inner}"`})`);
  }
  if (kind === undefined) {
    throw new UnknownFormatError(`cannot tell the format of "${input}" from its extension; add --${flag} ${INPUT_FORMATS.join('|')}`, input,
      `không biết định dạng của "${input}" từ phần mở rộng của tên tệp; hãy thêm --${flag} ${INPUT_FORMATS.join('|')}`);
  }
  return kind;
}

/** Compressed files and archives, by extension: what they are and the command that gives the file inside. */
const UNPACK: Readonly<Record<string, { what: string; how: string; command: string; vi: string; viHow: string }>> = {
  '.gz': { what: 'gzip-compressed', how: 'decompress it', command: 'gunzip -k', vi: 'tệp nén gzip', viHow: 'giải nén nó' },
  '.bz2': { what: 'bzip2-compressed', how: 'decompress it', command: 'bunzip2 -k', vi: 'tệp nén bzip2', viHow: 'giải nén nó' },
  '.xz': { what: 'xz-compressed', how: 'decompress it', command: 'unxz -k', vi: 'tệp nén xz', viHow: 'giải nén nó' },
  '.zst': { what: 'zstd-compressed', how: 'decompress it', command: 'unzstd', vi: 'tệp nén zstd', viHow: 'giải nén nó' },
  '.zip': { what: 'a zip archive', how: 'extract it', command: 'unzip', vi: 'một tệp lưu trữ zip', viHow: 'giải nén nó' },
  '.7z': { what: 'a 7z archive', how: 'extract it', command: '7z x', vi: 'một tệp lưu trữ 7z', viHow: 'giải nén nó' },
};
