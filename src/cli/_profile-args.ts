import { cellRange, choice, sheetName, delimiter, instant, jsonRecords, parse, whole, encodingNote, reportFormat } from './_args.js';
import { usage } from './_errors.js';
import { renameMap, type Rename } from './_rename.js';
import { defaultWorkers } from '../validate.js';
import { INPUT_FORMATS, inputFormatOf, type InputFormat } from './_validate-args.js';
import { refuseDatabase } from './_postgres-args.js';
import type { Locale } from '../core/types.js';

export const PROFILE_FORMATS = ['text', 'json', 'yaml', 'html'] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

/** The flags of `ddss profile`, checked and typed. */
export interface ProfileArgs {
  readonly help: boolean;
  readonly input: string;
  readonly format: ProfileFormat;
  readonly out: string | undefined;
  readonly force: boolean;
  /** `--sample N`: profile the first N data rows only. */
  readonly sample: number | undefined;
  readonly inputFormat: InputFormat;
  readonly encoding: string | undefined;
  readonly delimiter: string | undefined;
  readonly sheet: string | undefined;
  /** `--range`: the cells of the sheet to read (xlsx input only). */
  readonly range: string | undefined;
  /** `--rename FROM=TO` (repeatable): header columns profiled under other names (CSV and xlsx input). */
  readonly rename: Rename | undefined;
  /** `--json-records PATH`: where the records are inside a JSON document (JSON input only). */
  readonly jsonRecords: string | undefined;
  readonly showValues: boolean;
  /** `--now`: the day the recognisers judge on (a CCCD's birth year must not be after it); default now. */
  readonly now: Date | undefined;
  /** `--workers N`: threads for a CSV file (default one per core, as validate). */
  readonly workers: number;
  /** `--communes FILE` (repeatable): commune lists five-digit values are looked up in. */
  readonly communes: readonly string[];
  /** The language of the text and html formats (`--locale`). */
  readonly locale: Locale;
}

/**
 * Parses and checks the arguments of `ddss profile`; every mistake is a usage error (exit 2) naming the flag.
 * @example profileArgs(['parcels.csv', '--format', 'yaml']).format // 'yaml'
 */
export function profileArgs(argv: readonly string[]): ProfileArgs {
  const { values: v, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    sample: { type: 'string' },
    'input-format': { type: 'string' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    sheet: { type: 'string' },
    range: { type: 'string' },
    rename: { type: 'string', multiple: true },
    'json-records': { type: 'string' },
    'show-values': { type: 'boolean' },
    now: { type: 'string' },
    workers: { type: 'string' },
    communes: { type: 'string', multiple: true },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help === true) {
    return { help: true, input: '', format: 'text', out: undefined, force: false, sample: undefined, inputFormat: 'csv',
      encoding: undefined, delimiter: undefined, sheet: undefined, range: undefined, rename: undefined, jsonRecords: undefined, showValues: false,
      now: undefined, workers: 1, communes: [], locale: 'en' };
  }
  if (positionals.length === 0) throw usage('profile needs an <input> file (see ddss profile --help)', 'profile cần một tệp <input> (xem ddss profile --help)');
  if (positionals.length > 1) throw usage(`profile takes one <input> file, got ${positionals.length}: ${positionals.join(' ')}`,
    `profile nhận một tệp <input>, nhận được ${positionals.length}: ${positionals.join(' ')}`);
  const input = positionals[0] as string;
  refuseDatabase(input, 'profile');
  const inputFormat = v['input-format'] === undefined ? inputFormatOf(input) : choice('input-format', v['input-format'], INPUT_FORMATS, 'csv');
  const csv = inputFormat === 'csv' || inputFormat === 'tsv';
  if (!csv && v.delimiter !== undefined) throw usage(`--delimiter applies to CSV input, not ${inputFormat}`, `--delimiter dùng cho đầu vào CSV, không dùng cho ${inputFormat}`);
  if (!csv && v.encoding !== undefined) throw usage(`--encoding applies to CSV input, not ${inputFormat}${encodingNote([inputFormat], ' (', ')')}`,
    `--encoding dùng cho đầu vào CSV, không dùng cho ${inputFormat}${encodingNote([inputFormat], ' (', ')', true)}`);
  if (v.out === '') throw usage('--out needs a file name', '--out cần một tên tệp');
  const sheet = sheetName(inputFormat, v.sheet);
  const range = cellRange(inputFormat, v.range);
  const rename = renameMap(inputFormat, v.rename);
  const format = reportFormat(v.format, v.out, PROFILE_FORMATS, 'text');
  const locale = choice('locale', v.locale, ['en', 'vi'] as const, 'en');
  // The json profile and the yaml suggestion are data (English keys and comments): a locale would be ignored.
  if (v.locale !== undefined && (format === 'json' || format === 'yaml')) {
    throw usage(`--locale applies to the text and html formats, not ${format} (its keys and comments are data, in English)`,
      `--locale dùng cho định dạng text và html, không dùng cho ${format} (các khóa và chú thích của nó là dữ liệu, bằng tiếng Anh)`);
  }
  return {
    help: false,
    input,
    format,
    out: v.out,
    force: v.force === true,
    sample: whole('sample', v.sample, 1),
    inputFormat,
    encoding: v.encoding,
    delimiter: delimiter(v.delimiter) ?? (inputFormat === 'tsv' ? '\t' : undefined),
    sheet,
    range,
    rename,
    jsonRecords: jsonRecords(inputFormat, v['json-records']),
    showValues: v['show-values'] === true,
    now: instant('now', v.now),
    workers: whole('workers', v.workers, 1, 256) ?? defaultWorkers(),
    communes: (v.communes ?? []).map((f) => {
      if (f === '') throw usage('--communes needs a file (a commune list from ddss refdata import)',
        '--communes cần một tệp (danh sách xã từ ddss refdata import)');
      return f;
    }),
    locale,
  };
}
