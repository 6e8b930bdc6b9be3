import { cellRange, choice, delimiter, jsonRecords, sheetName, encodingNote } from './_args.js';
import { usage } from './_errors.js';
import { delimiterArg } from './_shell-arg.js';
import { checkEncoding } from './_input.js';
import { INPUT_FORMATS, inputFormatOf, type InputFormat } from './_validate-args.js';
import { refuseDatabase } from './_postgres-args.js';
import type { Locale } from '../core/types.js';

/** One of the two inputs of a comparison. */
export type CompareSide = 'source' | 'copy';

/** A value for each input of a comparison. */
export type Sides<T> = Readonly<Record<CompareSide, T>>;

export const SIDES: readonly CompareSide[] = ['source', 'copy'];

/** How each input of `ddss compare` is read, besides its renames. */
export interface CompareInputs {
  /**
   * By extension, as `validate` tells it (`.xlsx` a workbook, `.xls` refused), unless `--input-format` (both files) or
   * `--input-format-source`/`--input-format-copy` says.
   */
  readonly formats: Sides<InputFormat>;
  /** The encoding of a CSV input, canonical (`--encoding`, `--encoding-source`, `--encoding-copy`); undefined: UTF-8. */
  readonly encoding: Sides<string | undefined>;
  /** The delimiter of a CSV input (`--delimiter`, `--delimiter-source`, `--delimiter-copy`); undefined: by format. */
  readonly delimiter: Sides<string | undefined>;
  /** The sheet of a workbook input (`--sheet`, `--sheet-source`, `--sheet-copy`); undefined: its first visible sheet. */
  readonly sheet: Sides<string | undefined>;
  /** The cells of a workbook input's sheet (`--range`, `--range-source`, `--range-copy`); undefined: all of it. */
  readonly range: Sides<string | undefined>;
  /**
   * Where the records are inside a JSON input (`--json-records`, `--json-records-source`, `--json-records-copy`);
   * undefined: the document is the array.
   */
  readonly jsonRecords: Sides<string | undefined>;
  /**
   * `--encoding` and `--delimiter` as checked, for the hints: a per-file flag beside them is a usage error, so a hint
   * naming one says what to give in their place.
   */
  readonly shared: { readonly encoding: string | undefined; readonly delimiter: string | undefined };
}

/** A setting with a flag for both inputs and one per input (`--sheet`, `--sheet-source`, `--sheet-copy`). */
type Setting = 'input-format' | 'encoding' | 'delimiter' | 'sheet' | 'range' | 'json-records';

/** The flags `compareInputs` reads, as `parseArgs` gives them. */
export type InputFlags = { readonly [F in Setting | `${Setting}-${CompareSide}`]?: string | undefined };

/** What a setting gives, and the inputs its flag of both is for, in the error for a flag of both beside one's own. */
const NOUNS: Readonly<Record<Setting, readonly [string, string]>> = {
  'input-format': ['format', 'files'], encoding: ['encoding', 'CSV files'], delimiter: ['delimiter', 'CSV files'],
  sheet: ['sheet', 'workbooks'], range: ['range', 'workbooks'], 'json-records': ['records path', 'JSON files'],
};

const isCsv = (format: InputFormat): boolean => format === 'csv' || format === 'tsv';

/**
 * Tells how each input is read, with the extension rules and the wording of `validate` (one function tells a format
 * for every command). The inputs may differ: a CSV against a workbook, last year's TCVN3 export separated by `;`
 * against this year's UTF-8 one. A flag of both inputs (`--encoding`, `--delimiter`, `--sheet`, `--range`) applies to
 * the inputs it fits and is a usage error when it fits neither; `--encoding-copy`, `--sheet-copy` and the like are one
 * input's, a usage error for an input they do not fit (naming it), and beside the flag of both (which of them would
 * win is not obvious, so neither does). Each value is checked as `validate` checks its flag.
 * @example compareInputs({ 'encoding-source': 'tcvn3' }, { source: 'a.csv', copy: 'b.csv' }).encoding // { source: 'tcvn3', copy: undefined }
 */
export function compareInputs(v: InputFlags, paths: Sides<string>): CompareInputs {
  for (const side of SIDES) refuseDatabase(paths[side], 'compare');
  const given = v['input-format'] === undefined ? undefined : choice('input-format', v['input-format'], INPUT_FORMATS, 'csv');
  const format = (side: CompareSide): InputFormat => {
    const flag = `input-format-${side}` as const;
    const own = v[flag] === undefined ? undefined : choice(flag, v[flag], INPUT_FORMATS, 'csv');
    return _oneOf('input-format', side, v, own, given) ?? inputFormatOf(paths[side], flag);
  };
  const formats: Sides<InputFormat> = { source: format('source'), copy: format('copy') };
  const kinds = [...new Set(SIDES.map((s) => formats[s]))].join(' and ');
  if (v.encoding !== undefined && v.encoding.trim() === '') throw usage('--encoding needs a value', '--encoding cần một giá trị');
  if (!SIDES.some((s) => isCsv(formats[s]))) {
    if (v.delimiter !== undefined) throw usage(`--delimiter applies to CSV input, not ${kinds}`, `--delimiter dùng cho đầu vào CSV, không dùng cho ${kinds}`);
    if (v.encoding !== undefined) {
      throw usage(`--encoding applies to CSV input, not ${kinds}${encodingNote(SIDES.map((s) => formats[s]), ' (', ')')}`,
        `--encoding dùng cho đầu vào CSV, không dùng cho ${kinds}${encodingNote(SIDES.map((s) => formats[s]), ' (', ')', true)}`);
    }
  }
  const workbook = SIDES.some((s) => formats[s] === 'xlsx') ? 'xlsx' : kinds;
  const shared = { encoding: v.encoding === undefined ? undefined : checkEncoding(v.encoding), delimiter: delimiter(v.delimiter) };
  const json = SIDES.some((s) => formats[s] === 'json') ? 'json' : kinds;
  const both = { sheet: sheetName(workbook, v.sheet), range: cellRange(workbook, v.range), 'json-records': jsonRecords(json, v['json-records']) };
  const text = (setting: 'encoding' | 'delimiter', side: CompareSide): string | undefined => {
    const flag = `${setting}-${side}` as const;
    const value = v[flag];
    if (value === undefined) return _oneOf(setting, side, v, undefined, isCsv(formats[side]) ? shared[setting] : undefined);
    if (!isCsv(formats[side])) {
      const json = setting === 'encoding' ? encodingNote([formats[side]], '; ') : '';
      const jsonVi = setting === 'encoding' ? encodingNote([formats[side]], '; ', '', true) : '';
      throw usage(`--${flag} applies to CSV input, not ${formats[side]} (the ${side}${json})`,
        `--${flag} dùng cho đầu vào CSV, không dùng cho ${formats[side]} (${side === 'copy' ? 'bản sao' : 'tệp nguồn'}${jsonVi})`);
    }
    if (setting === 'encoding' && value.trim() === '') throw usage(`--${flag} needs a value`, `--${flag} cần một giá trị`);
    return _oneOf(setting, side, v, setting === 'encoding' ? checkEncoding(value, flag) : delimiter(value, flag), shared[setting]);
  };
  const cells = (setting: 'sheet' | 'range' | 'json-records', side: CompareSide): string | undefined => {
    const flag = `${setting}-${side}` as const;
    const own = (setting === 'sheet' ? sheetName : setting === 'range' ? cellRange : jsonRecords)(formats[side], v[flag], flag, ` (the ${side})`);
    return _oneOf(setting, side, v, own, formats[side] === (setting === 'json-records' ? 'json' : 'xlsx') ? both[setting] : undefined);
  };
  return {
    formats,
    encoding: { source: text('encoding', 'source'), copy: text('encoding', 'copy') },
    delimiter: { source: text('delimiter', 'source'), copy: text('delimiter', 'copy') },
    sheet: { source: cells('sheet', 'source'), copy: cells('sheet', 'copy') },
    range: { source: cells('range', 'source'), copy: cells('range', 'copy') },
    jsonRecords: { source: cells('json-records', 'source'), copy: cells('json-records', 'copy') },
    shared,
  };
}

/**
 * The flags reading one input with `value` for a setting, as a hint gives them (`--encoding-copy utf8`): beside
 * `--encoding` or `--delimiter` a per-file flag is a usage error, so then both files' flags in its place (or, when it
 * applies to this file alone, itself with the value).
 * @example sideFlags(inputs, 'encoding', 'copy', 'utf8') // '--encoding-source tcvn3 --encoding-copy utf8 in place of --encoding tcvn3'
 */
export function sideFlags(inputs: CompareInputs, setting: 'encoding' | 'delimiter', side: CompareSide, value: string,
  locale: Locale = 'en'): string {
  const show = (x: string): string => (setting === 'encoding' ? x : delimiterArg(x));
  const shared = inputs.shared[setting];
  if (shared === undefined) return `--${setting}-${side} ${show(value)}`;
  const other = side === 'source' ? 'copy' : 'source';
  if (!isCsv(inputs.formats[other])) return `--${setting} ${show(value)}`;
  const values: Sides<string> = side === 'source' ? { source: value, copy: shared } : { source: shared, copy: value };
  return `--${setting}-source ${show(values.source)} --${setting}-copy ${show(values.copy)} ${locale === 'vi' ? 'thay cho' : 'in place of'} --${setting} ${show(shared)}`;
}

/** One input's own value of a setting, else the value of both; a usage error when both flags are given. */
function _oneOf<T>(setting: Setting, side: CompareSide, v: InputFlags, own: T | undefined, both: T | undefined): T | undefined {
  if (own !== undefined && v[setting] !== undefined) {
    const [what, files] = NOUNS[setting];
    throw usage(`--${setting} and --${setting}-${side} both give the ${side}'s ${what}: give --${setting} for both ${files}, ` +
      `or --${setting}-source and --${setting}-copy`);
  }
  return own ?? both;
}
