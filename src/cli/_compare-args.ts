import { tableFormat } from './_table-format.js';
import type { Locale } from '../core/types.js';
import { choice, parse, whole, reportFormat } from './_args.js';
import { isStdin } from './_stdin.js';
import { usage } from './_errors.js';
import { renameOf, type Rename } from './_rename.js';
import { compareInputs, type CompareInputs, type CompareSide } from './_compare-inputs.js';

export type { CompareSide } from './_compare-inputs.js';

export const COMPARE_FORMATS = ['text', 'json', 'html', 'md'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** The flags of `ddss compare`, checked and typed. Paths are as given (resolved by the command). */
export interface CompareArgs extends CompareInputs {
  readonly help: boolean;
  readonly source: string;
  readonly copy: string;
  readonly key: readonly string[];
  readonly columns: readonly string[] | undefined;
  readonly dataset: string | undefined;
  readonly format: CompareFormat;
  readonly out: string | undefined;
  readonly changes: { readonly path: string; readonly format: 'csv' | 'ndjson' } | undefined;
  readonly force: boolean;
  readonly ignoreCase: boolean;
  readonly ignoreWhitespace: boolean;
  readonly normalize: 'nfc' | undefined;
  readonly pii: readonly string[];
  readonly piiKey: string | undefined;
  readonly showValues: boolean;
  readonly maxSamples: number | undefined;
  /** `--memory-budget` in MiB. */
  readonly memoryBudget: number | undefined;
  /**
   * Header columns read under other names, by flag: `--rename` renames both inputs' columns, `--rename-source` and
   * `--rename-copy` one input's (checked together: no column named twice, no two columns read as one field per input).
   * `--key`, `--columns` and `--pii` name the columns as renamed.
   */
  readonly rename: { readonly both: Rename | undefined; readonly source: Rename | undefined; readonly copy: Rename | undefined };
  readonly locale: Locale;
}

/**
 * Parses and checks the arguments of `ddss compare`; every mistake is a usage error (exit 2) naming the flag.
 * @example compareArgs(['a.csv', 'b.csv', '--key', 'id']).key // ['id']
 */
export function compareArgs(argv: readonly string[]): CompareArgs {
  const { values: v, positionals } = parse(argv, {
    key: { type: 'string', short: 'k' },
    columns: { type: 'string' },
    dataset: { type: 'string', short: 'd' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    changes: { type: 'string' },
    force: { type: 'boolean' },
    'ignore-case': { type: 'boolean' },
    'ignore-whitespace': { type: 'boolean' },
    normalize: { type: 'string' },
    pii: { type: 'string' },
    'pii-key': { type: 'string' },
    'show-values': { type: 'boolean' },
    'max-samples': { type: 'string' },
    'memory-budget': { type: 'string' },
    'input-format': { type: 'string' },
    'input-format-source': { type: 'string' },
    'input-format-copy': { type: 'string' },
    encoding: { type: 'string' },
    'encoding-source': { type: 'string' },
    'encoding-copy': { type: 'string' },
    delimiter: { type: 'string' },
    'delimiter-source': { type: 'string' },
    'delimiter-copy': { type: 'string' },
    sheet: { type: 'string' },
    'sheet-source': { type: 'string' },
    'sheet-copy': { type: 'string' },
    range: { type: 'string' },
    'range-source': { type: 'string' },
    'range-copy': { type: 'string' },
    'json-records': { type: 'string' },
    'json-records-source': { type: 'string' },
    'json-records-copy': { type: 'string' },
    rename: { type: 'string', multiple: true },
    'rename-source': { type: 'string', multiple: true },
    'rename-copy': { type: 'string', multiple: true },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help === true) return { ...EMPTY, help: true };
  if (positionals.length !== 2) {
    const got = `${positionals.length}${positionals.length > 0 ? `: ${positionals.join(' ')}` : ''}`;
    throw usage(`compare takes a <source> and a <copy> file, got ${got} (see ddss compare --help)`,
      `compare nhận một tệp <source> và một tệp <copy>, nhận được ${got} (xem ddss compare --help)`);
  }
  const [source, copy] = positionals as [string, string];
  if (isStdin(source) && isStdin(copy)) throw usage('only one of the two inputs can be standard input ("-")', 'chỉ một trong hai đầu vào được là đầu vào chuẩn ("-")');
  if (v.key === undefined) throw usage('compare needs --key COLS (the column or comma-separated columns naming a record)',
    'compare cần --key COLS (cột, hoặc các cột cách nhau bằng dấu phẩy, xác định một bản ghi)');
  const inputs = compareInputs(v, { source, copy });
  for (const flag of ['out', 'changes', 'dataset'] as const) {
    if (v[flag] === '') throw usage(`--${flag} needs a value`, `--${flag} cần một giá trị`);
  }
  const budget = whole('memory-budget', v['memory-budget'], 16);
  // Each input's rename as one map (a conflict between --rename and its own flag is a usage error), in input order.
  (['source', 'copy'] as const).forEach((side) => renameOf(inputs.formats[side],
    [{ flag: 'rename', values: v.rename }, { flag: `rename-${side}`, values: v[`rename-${side}`] }]));
  return {
    help: false,
    source,
    copy,
    key: _columns('key', v.key),
    columns: v.columns === undefined ? undefined : _columns('columns', v.columns),
    dataset: v.dataset,
    format: reportFormat(v.format, v.out, COMPARE_FORMATS, 'text'),
    out: v.out,
    changes: v.changes === undefined ? undefined : { path: v.changes, format: tableFormat('changes', v.changes) },
    force: v.force === true,
    ignoreCase: v['ignore-case'] === true,
    ignoreWhitespace: v['ignore-whitespace'] === true,
    normalize: v.normalize === undefined ? undefined : choice('normalize', v.normalize, ['nfc'] as const, 'nfc'),
    pii: v.pii === undefined ? [] : _columns('pii', v.pii),
    piiKey: v['pii-key'],
    showValues: v['show-values'] === true,
    maxSamples: whole('max-samples', v['max-samples'], 0),
    memoryBudget: budget,
    ...inputs,
    // By flag, for the check of each header (the formats were checked above: 'csv' stands for any they allow).
    rename: {
      both: renameOf('csv', [{ flag: 'rename', values: v.rename }]),
      source: renameOf('csv', [{ flag: 'rename-source', values: v['rename-source'] }]),
      copy: renameOf('csv', [{ flag: 'rename-copy', values: v['rename-copy'] }]),
    },
    locale: choice('locale', v.locale, ['en', 'vi'] as const, 'en'),
  };
}

const EMPTY: CompareArgs = {
  help: false, source: '', copy: '', key: [], columns: undefined, dataset: undefined, format: 'text', out: undefined,
  changes: undefined, force: false, ignoreCase: false, ignoreWhitespace: false, normalize: undefined, pii: [],
  piiKey: undefined, showValues: false, maxSamples: undefined, memoryBudget: undefined,
  formats: { source: 'csv', copy: 'csv' }, encoding: { source: undefined, copy: undefined },
  delimiter: { source: undefined, copy: undefined }, sheet: { source: undefined, copy: undefined },
  range: { source: undefined, copy: undefined }, jsonRecords: { source: undefined, copy: undefined }, shared: { encoding: undefined, delimiter: undefined },
  rename: { both: undefined, source: undefined, copy: undefined }, locale: 'en',
};

/**
 * The rename of one input: `--rename`'s columns and its own flag's (which `compareArgs` checked do not conflict).
 * @example sideRename({ both: { a: 'x' }, source: { b: 'y' }, copy: undefined }, 'source') // { a: 'x', b: 'y' }
 */
export function sideRename(rename: CompareArgs['rename'], side: CompareSide): Rename | undefined {
  const own = rename[side];
  if (rename.both === undefined) return own;
  return own === undefined ? rename.both : { ...rename.both, ...own };
}

function _columns(flag: string, text: string): readonly string[] {
  const names = text.split(',').map((c) => c.trim());
  if (names.some((c) => c === '')) throw usage(`--${flag} must name columns separated by commas, got "${text}"`, `--${flag} phải nêu các cột cách nhau bằng dấu phẩy, nhận được "${text}"`);
  const dup = names.find((c, i) => names.indexOf(c) !== i);
  if (dup !== undefined) throw usage(`--${flag} names column "${dup}" twice`, `--${flag} nêu cột "${dup}" hai lần`);
  return names;
}

