import { maskValue } from './mask.js';
import type { SourceIssue } from './source.js';
import { nearest } from './nearest.js';

export { nearest } from './nearest.js';

/** Whether columns the definition does not declare are reported (`strict`, the default) or ignored. */
export type ColumnPolicy = 'strict' | 'ignore';

const DELIMITERS: ReadonlyArray<readonly [string, string]> = [[';', ';'], ['\t', 'tab'], ['|', '|']];

/** Distinct top-level keys a JSON source lists as columns; past it (a hostile file) later new keys are not listed. */
export const MAX_RECORD_KEYS = 65_536;

/**
 * The columns a rule read (`ctx.raw`, `ctx.missing`: names that are no field) that no record holds: one
 * `unknown_column` each (sufficient, error), naming the nearest column as its suggestion. Read by a header, such a
 * name throws on the first row (the rule is `error`); JSON records may each leave out a key another holds, so only
 * the finish can tell a misspelt name, read as missing on every row: its rule checked nothing, and the run passed.
 * `unit` numbers the names read.
 * @example unknownColumnIssues(['ownerId'], ['id', 'owner_id']) // [{ code: 'unknown_column', value: 'ownerId', suggestion: 'owner_id', … }]
 */
export function unknownColumnIssues(read: readonly string[], columns: readonly string[]): SourceIssue[] {
  const present = new Set(columns);
  const issues: SourceIssue[] = [];
  read.forEach((name, i) => {
    if (present.has(name)) return;
    const near = nearest(name, columns);
    issues.push({ code: 'unknown_column', criterion: 'sufficient', severity: 'error', scope: 'header', unit: i, value: name,
      params: { name, near: near ?? '' }, ...(near === undefined ? {} : { suggestion: near }) });
  });
  return issues;
}

/**
 * The header checked against the declared fields (issue "column drift"): one `missing_column` per declared field
 * that is not a column (sufficient, error), one `unexpected_column` per column the definition does not declare
 * (clean, warning; none with `policy: 'ignore'`), and `delimiter_mismatch` when the header is a single column that
 * holds `;`, a tab or `|` while the definition declares several fields. A missing field names the closest
 * unexpected column as its suggestion when one is near (same letters ignoring case, diacritics and `_`/space/`-`,
 * or a small edit distance), so `Updated_At` is pointed at rather than every cell being silently missing.
 * A field's other names in `rename` (a definition's) are looked at too (`So CCCD` for `Số CCCD: owner_id`).
 * `unit` numbers what each finding counts: declared fields for `missing_column`, header columns otherwise.
 * @example columnIssues(['id', 'Updated_At'], ['id', 'updated_at'], 'strict')
 *   // [{ code: 'missing_column', field: 'updated_at', suggestion: 'Updated_At', … },
 *   //  { code: 'unexpected_column', value: 'Updated_At', … }]
 */
export function columnIssues(columns: readonly string[], fields: readonly string[], policy: ColumnPolicy,
  rename: Readonly<Record<string, string>> = {}): ColumnIssues {
  const present = new Set(columns);
  const declared = new Set(fields);
  const extra = columns.map((name, i) => ({ name, i })).filter(({ name }) => !declared.has(name) && name.trim() !== '');
  const missing: SourceIssue[] = [];
  // A field's other names (a definition's `rename`): a column near one of them is as likely the field.
  const aliases = Object.entries(rename);
  fields.forEach((name, i) => {
    if (present.has(name)) return;
    const names = extra.map((e) => e.name);
    const near = nearest(name, names) ?? aliases.filter(([, to]) => to === name).map(([from]) => nearest(from, names)).find((n) => n !== undefined);
    missing.push({ code: 'missing_column', criterion: 'sufficient', severity: 'error', scope: 'header', unit: i,
      field: name, params: { near: near ?? '' }, ...(near === undefined ? {} : { suggestion: near }) });
  });
  const unexpected: SourceIssue[] = policy === 'ignore' ? [] : extra.map(({ name, i }) => ({
    code: 'unexpected_column', criterion: 'clean', severity: 'warning', scope: 'header', unit: i, value: name,
    params: { column: i + 1, name },
  }));
  const delimiter = columns.length === 1 && fields.length > 1 ? seemsDelimited(columns[0] as string) : undefined;
  return {
    missing,
    unexpected,
    delimiter: delimiter === undefined ? undefined : {
      code: 'delimiter_mismatch', criterion: 'correct', severity: 'error', scope: 'file', value: columns[0] as string,
      params: { delimiter: delimiter[1] }, suggestion: delimiter[0],
    },
  };
}

export interface ColumnIssues {
  readonly missing: readonly SourceIssue[];
  readonly unexpected: readonly SourceIssue[];
  readonly delimiter: SourceIssue | undefined;
}

/**
 * The delimiter a lone header cell seems to be split by: the most frequent of `;`, tab and `|` (with its name).
 * @example seemsDelimited('code;name') // [';', ';']
 */
export function seemsDelimited(header: string): readonly [string, string] | undefined {
  let best: readonly [string, string] | undefined;
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d[0]).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** A cell that is a value rather than a name: a number, a code of digits, a date or a date-time. */
const VALUE_CELL = /^\s*[+-]?\d[\d\s.,/:+T-]*Z?\s*$/;

/**
 * Whether a header reads as a record rather than as column names: one of its cells (or of the parts of a lone cell
 * split at `;`, tab or `|`) is a number, a code of digits or a date (`079123456789`, `12`, `29/11/2019`). A file
 * without a header line has its first record taken for one, so its cells, personal data among them, would be quoted
 * as column names.
 * @example headerLooksLikeRecord(['P000000001', 'Nguyễn Văn An', '079123456789']) // true
 * @example headerLooksLikeRecord(['parcel_id', 'owner_name']) // false
 */
export function headerLooksLikeRecord(columns: readonly string[]): boolean {
  return columns.some((c) => c.split(/[;\t|]/).some((part) => VALUE_CELL.test(part)));
}

/**
 * A header as an error message lists it: `its columns: id, name`; when the header reads as a record (a file without
 * a header line), its cells masked, since they are a record's values, unless `showValues`.
 * `vi`: in Vietnamese (the CLI's `--locale vi`).
 * @example listedColumns(['P1', '079123456789']) // 'its first line reads as a record, not a header: **, 0791******89'
 */
export function listedColumns(columns: readonly string[], showValues = false, vi = false): string {
  // A blank first line read as the header: `its columns: ` would list nothing.
  if (columns.length === 0) return vi ? 'tệp không có cột nào' : 'it has no column';
  if (columns.every((c) => c.trim() === '')) {
    return columns.length === 1 ? vi ? 'dòng đầu của tệp trống' : 'its first line is blank' : vi ? 'dòng tiêu đề không nêu tên cột nào' : 'its header names no column';
  }
  if (showValues || !headerLooksLikeRecord(columns)) return `${vi ? 'các cột của tệp' : 'its columns'}: ${columns.join(', ')}`;
  return `${vi ? 'dòng đầu của tệp đọc như một bản ghi, không phải dòng tiêu đề' : 'its first line reads as a record, not a header'}: ${columns.map(maskValue).join(', ')}`;
}
