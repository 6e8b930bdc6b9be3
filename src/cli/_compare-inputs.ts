import { cellRange, choice, sheetName } from './_args.js';
import { usage } from './_errors.js';
import { INPUT_FORMATS, inputFormatOf, type InputFormat } from './_validate-args.js';

/** One of the two inputs of a comparison. */
export type CompareSide = 'source' | 'copy';

/** A value for each input of a comparison. */
export type Sides<T> = Readonly<Record<CompareSide, T>>;

export const SIDES: readonly CompareSide[] = ['source', 'copy'];

/** How each input of `ddss compare` is read, besides its encoding, delimiter and renames. */
export interface CompareInputs {
  /** By extension, as `validate` tells it (`.xlsx` a workbook, `.xls` refused), unless `--input-format` says. */
  readonly formats: Sides<InputFormat>;
  /** The sheet of a workbook input (`--sheet`, `--sheet-source`, `--sheet-copy`); undefined: its first sheet. */
  readonly sheet: Sides<string | undefined>;
  /** The cells of a workbook input's sheet (`--range`, `--range-source`, `--range-copy`); undefined: all of it. */
  readonly range: Sides<string | undefined>;
}

/** The flags `compareInputs` reads, as `parseArgs` gives them. */
export interface InputFlags {
  readonly 'input-format'?: string | undefined;
  readonly encoding?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly sheet?: string | undefined;
  readonly range?: string | undefined;
  readonly 'sheet-source'?: string | undefined;
  readonly 'sheet-copy'?: string | undefined;
  readonly 'range-source'?: string | undefined;
  readonly 'range-copy'?: string | undefined;
}

/**
 * Tells how each input is read, with the extension rules and the wording of `validate` (one function tells a format
 * for every command). The inputs may differ: a CSV against a workbook. A flag of both inputs (`--encoding`,
 * `--delimiter`, `--sheet`, `--range`) applies to the inputs it fits and is a usage error when it fits neither;
 * `--sheet-copy` and the like are one input's, and a usage error beside the flag of both (which of them would win is
 * not obvious, so neither does).
 * @example compareInputs({ sheet: 'Data' }, { source: 'a.csv', copy: 'b.xlsx' }).sheet // { source: undefined, copy: 'Data' }
 */
export function compareInputs(v: InputFlags, paths: Sides<string>): CompareInputs {
  const given = v['input-format'] === undefined ? undefined : choice('input-format', v['input-format'], INPUT_FORMATS, 'csv');
  const formats: Sides<InputFormat> = { source: given ?? inputFormatOf(paths.source), copy: given ?? inputFormatOf(paths.copy) };
  const kinds = [...new Set(SIDES.map((s) => formats[s]))].join(' and ');
  if (!SIDES.some((s) => formats[s] === 'csv' || formats[s] === 'tsv')) {
    if (v.delimiter !== undefined) throw usage(`--delimiter applies to CSV input, not ${kinds}`);
    if (v.encoding !== undefined) throw usage(`--encoding applies to CSV input, not ${kinds} (JSON is UTF-8)`);
  }
  const workbook = SIDES.some((s) => formats[s] === 'xlsx') ? 'xlsx' : kinds;
  const both = { sheet: sheetName(workbook, v.sheet), range: cellRange(workbook, v.range) };
  const perSide = (what: 'sheet' | 'range', side: CompareSide): string | undefined => {
    const flag = `${what}-${side}` as const;
    const own = (what === 'sheet' ? sheetName : cellRange)(formats[side], v[flag], flag, ` (the ${side})`);
    if (own !== undefined && both[what] !== undefined) {
      throw usage(`--${what} and --${flag} both give the ${side}'s ${what}: give --${what} for both workbooks, ` +
        `or --${what}-source and --${what}-copy`);
    }
    return own ?? (formats[side] === 'xlsx' ? both[what] : undefined);
  };
  return {
    formats,
    sheet: { source: perSide('sheet', 'source'), copy: perSide('sheet', 'copy') },
    range: { source: perSide('range', 'source'), copy: perSide('range', 'copy') },
  };
}
