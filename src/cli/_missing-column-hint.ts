import { headerLooksLikeRecord, nearest } from '../core/columns.js';
import type { MissingColumn } from '../compare/missing-column-error.js';
import { SIDES, sideFlags, type CompareInputs, type CompareSide, type Sides } from './_compare-inputs.js';
import { headerHolding } from './_header-below.js';
import type { InputOptions } from './_input.js';
import type { Rename } from './_rename.js';
import { isStdin } from './_stdin.js';
import { shellArg } from './_shell-arg.js';
import { listedColumns } from '../core/columns.js';
import { SIDE_VI } from '../outputs/_comparison-labels.js';
import type { Locale } from '../core/types.js';

/** What the hint needs to know of the run beside the error: how each input is read and what the flags named. */
export interface HintContext {
  /** The inputs' paths, resolved (to read a title above a table), and as given (to quote them). */
  readonly paths: Sides<string>;
  readonly given: Sides<string>;
  /** How the inputs are read, by flag: a hint names the flag of the input it is about. */
  readonly inputs: CompareInputs;
  readonly options: (side: CompareSide) => InputOptions;
  readonly rename: Sides<Rename | undefined>;
  readonly key: readonly string[];
  readonly columns: readonly string[] | undefined;
  /** The `--pii` columns, as given. */
  readonly pii: readonly string[];
  readonly showValues: boolean;
  /** The language of the hint (`--locale`). */
  readonly locale?: Locale;
}

const ROLE_VI: Readonly<Record<MissingColumn['role'], string>> = { key: 'khóa', compared: 'đối chiếu', pii: 'cá nhân' };

/**
 * The rejection itself in Vietnamese (compare's own message is English): `cột khóa "id" không có trong bản sao (các
 * cột của tệp: ID, name)`, the header masked as compare masks it.
 * @example missingColumnVi({ column: 'id', role: 'key', side: 'copy', columns: { source: ['id'], copy: ['ID'] } }, false)
 */
export function missingColumnVi(m: MissingColumn, showValues: boolean): string {
  return `cột ${ROLE_VI[m.role]} ${JSON.stringify(m.column)} không có trong ${SIDE_VI[m.side]} (${listedColumns(m.columns[m.side], showValues, true)})`;
}

const DELIMITERS: ReadonlyArray<readonly [string, string]> = [[';', "';'"], ['\t', 'tab'], ['|', "'|'"], [',', "','"]];

/**
 * What to do about a key or `--columns` column a header lacks (or a `--pii` column neither has), as the end of `compare`'s usage error (`; the copy has
 * "Parcel ID": read it as "parcel_id" with --rename-copy "Parcel ID=parcel_id"`), for each file lacking it: a header found
 * below a title (the `--range-copy` or `tail` to read from it), a header that is one column holding another delimiter,
 * a near column and the `--rename-source`/`--rename-copy` to give (or, when both files have the same near name, the
 * `--key` to give). Before, the error only listed the header, and a user had to work out which flag renames which file.
 * A header that reads as a record (no header line) has values, not names: none is quoted unless `showValues`.
 * @example await missingColumnHint({ column: 'id', role: 'key', side: 'copy', columns: { source: ['id'], copy: ['ID'] } }, c)
 *   // '; the copy has "ID": read it as "id" with --rename-copy "ID=id"'
 */
export async function missingColumnHint(m: MissingColumn, c: HintContext): Promise<string> {
  const vi = c.locale === 'vi';
  const lacking = SIDES.filter((s) => m.columns[s].length > 0 && !m.columns[s].includes(m.column));
  if (m.role === 'pii') return _piiHint(m, lacking, c);
  const flag = m.role === 'key' ? 'key' : 'columns';
  const named = (as: string): string => _word((m.role === 'key' ? c.key : c.columns ?? [m.column]).map((n) => (n === m.column ? as : n)).join(','));
  // The message names the first side lacking it only.
  const parts = lacking.length === 2 ? [vi ? 'cũng không có trong bản sao' : 'nor in the copy'] : [];
  const near = { source: _near(m, 'source', lacking, c), copy: _near(m, 'copy', lacking, c) };
  // Both files have the same near name: the flag misspells it, rather than both files naming the column otherwise.
  if (lacking.length === 2 && near.source !== undefined && near.source === near.copy) {
    const both = vi ? `cả hai tệp có ${JSON.stringify(near.source)}` : `both files have ${JSON.stringify(near.source)}`;
    return `; ${[...parts, `${both}: --${flag} ${named(near.source)}`].join('; ')}`;
  }
  for (const side of lacking) {
    const hint = await _title(m, side, c) ?? _delimiter(m, side, c) ?? _rename(m, side, near[side], lacking, c, flag, named);
    if (hint !== undefined) parts.push(hint);
  }
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/**
 * A `--pii` column neither file has: the other file lacking it too, and the near column of either to give instead
 * (no rename: a personal column is named as it is, not read as another).
 */
function _piiHint(m: MissingColumn, lacking: readonly CompareSide[], c: HintContext): string {
  const vi = c.locale === 'vi';
  const parts = lacking.length === 2 ? [vi ? 'cũng không có trong bản sao' : 'nor in the copy'] : [];
  const names = SIDES.flatMap((s) => (c.showValues || !headerLooksLikeRecord(m.columns[s]) ? m.columns[s] : []));
  const near = nearest(m.column, [...new Set(names)]);
  if (near !== undefined) {
    const given = [...new Set(c.pii.map((n) => (n === m.column ? near : n)))];
    parts.push(`${vi ? 'có phải ý bạn là' : 'did you mean'} ${JSON.stringify(near)}: --pii ${_word(given.join(','))}`);
  }
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/** The column of `side` near the one missing, among those it could stand for (not one the other file also has). */
function _near(m: MissingColumn, side: CompareSide, lacking: readonly CompareSide[], c: HintContext): string | undefined {
  const columns = m.columns[side];
  if (!lacking.includes(side) || (!c.showValues && headerLooksLikeRecord(columns))) return undefined;
  const other = m.columns[side === 'source' ? 'copy' : 'source'];
  // A renamed column was named on purpose; a column both files have is compared as itself (unless both lack the key).
  const renamed = new Set(Object.values(c.rename[side] ?? {}));
  return nearest(m.column, columns.filter((x) => !renamed.has(x) && (lacking.length === 2 || !other.includes(x))));
}

/** A title above the table (an agency's exports often have one): the row or line the header seems to be on. */
async function _title(m: MissingColumn, side: CompareSide, c: HintContext): Promise<string | undefined> {
  const o = c.options(side);
  if (isStdin(c.given[side]) || o.range !== undefined) return undefined;
  const found = await headerHolding(c.paths[side], o, [m.column]);
  if (found === undefined) return undefined;
  const vi = c.locale === 'vi';
  const why = vi ? `nó có ${JSON.stringify(m.column)}` : `it holds ${JSON.stringify(m.column)}`;
  if (o.format === 'xlsx') {
    return vi ? `dòng tiêu đề của ${SIDE_VI[side]} có vẻ là hàng ${found.line} của trang tính (${why}): hãy đọc từ đó bằng ` +
      `--range-${side} ${found.line}:1048576`
      : `the header of the ${side} seems to be row ${found.line} of its sheet (${why}): read from there with ` +
      `--range-${side} ${found.line}:1048576`;
  }
  const other = side === 'source' ? 'copy' : 'source';
  const tail = `tail -n +${found.line} ${shellArg(c.given[side])}`;
  // The file is read from its header on as standard input, the other file as it was given (only one can be "-").
  const piped = `${tail} | ddss compare ${side === 'source' ? `- ${shellArg(c.given.copy)}` : `${shellArg(c.given.source)} -`} …`;
  if (vi) {
    const read = isStdin(c.given[other]) ? 'hãy xóa chúng' : `hãy xóa chúng, hoặc đọc từ đó: ${piped}`;
    return `dòng tiêu đề của ${SIDE_VI[side]} có vẻ là dòng ${found.line} (${why}); các dòng phía trên không phải dữ liệu: ${read}`;
  }
  const read = isStdin(c.given[other]) ? 'remove them' : `remove them, or read from there: ${piped}`;
  return `the header of the ${side} seems to be line ${found.line} (${why}); the lines above it are no data: ${read}`;
}

/** A CSV header that is one column holding another delimiter: the file is separated by it. */
function _delimiter(m: MissingColumn, side: CompareSide, c: HintContext): string | undefined {
  const o = c.options(side);
  const [header] = m.columns[side];
  if ((o.format !== 'csv' && o.format !== 'tsv') || m.columns[side].length !== 1 || header === undefined) return undefined;
  const used = o.delimiter ?? ',';
  const best = DELIMITERS.filter(([d]) => d !== used).map(([d, name]) => ({ d, name, n: header.split(d).length - 1 }))
    .sort((a, b) => b.n - a.n)[0];
  if (best === undefined || best.n === 0) return undefined;
  // The other file may well be separated by what it was read with (last year's `;` export, this year's `,` one).
  const declare = sideFlags(c.inputs, 'delimiter', side, best.d);
  return c.locale === 'vi' ? `dòng tiêu đề của ${SIDE_VI[side]} chỉ có một cột: tệp có vẻ được phân tách bằng ${best.name}; hãy khai báo ${declare}`
    : `the header of the ${side} is one column: the file seems separated by ${best.name}; declare ${declare}`;
}

/** The near column and the rename to give; or, with none near, the form of that rename. */
function _rename(m: MissingColumn, side: CompareSide, near: string | undefined, lacking: readonly CompareSide[], c: HintContext,
  flag: string, named: (as: string) => string): string | undefined {
  const renames = (s: CompareSide) => ['csv', 'tsv', 'xlsx'].includes(c.options(s).format);
  const other = side === 'source' ? 'copy' : 'source';
  const vi = c.locale === 'vi';
  const col = JSON.stringify(m.column);
  if (near === undefined) {
    if (!renames(side) || lacking.length !== 1) return undefined;
    const flagged = `--rename-${side} ${shellArg(`COLUMN=${m.column}`)}`;
    return vi ? `nếu ${SIDE_VI[side]} gọi cột này bằng tên khác, hãy đọc cột đó thành ${col} bằng ${flagged}`
      : `if the ${side} names it otherwise, read that column as ${col} with ${flagged}`;
  }
  const has = vi ? `${SIDE_VI[side]} có ${JSON.stringify(near)}` : `the ${side} has ${JSON.stringify(near)}`;
  const renamed = `--rename-${side} ${shellArg(`${near}=${m.column}`)}`;
  if (renames(side)) return vi ? `${has}: hãy đọc nó thành ${col} bằng ${renamed}` : `${has}: read it as ${col} with ${renamed}`;
  // A JSON record's keys are its columns: rename the other file's column to the JSON name instead.
  const cannot = vi ? ' (không đổi tên được khóa của bản ghi JSON)' : ' (a JSON record\'s keys cannot be renamed)';
  if (lacking.length !== 1 || !renames(other)) return `${has}${cannot}`;
  const back = `--rename-${other} ${shellArg(`${m.column}=${near}`)}`;
  const key = `--${flag} ${named(near)}`;
  return vi ? `${has}${cannot}: hãy đọc cột ${col} của ${SIDE_VI[other]} thành tên đó bằng ${back} và ${key}`
    : `${has}${cannot}: read the ${other}'s ${col} as it with ${back} and ${key}`;
}

/** A flag's value as a shell reads it: bare when it is letters, digits and `_.,-`, else quoted as `shellArg` quotes. */
function _word(text: string): string {
  return /^[\p{L}\p{N}_.,-]+$/u.test(text) ? text : shellArg(text);
}
