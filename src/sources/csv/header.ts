import { isKeyedObject, shownArg } from '../../core/arg-kind.js';
import type { SourceIssue } from '../../core/source.js';
import { composeRename, headerName, renamedAs, type Rename } from '../../core/rename.js';

/** The `header` option: read the first line (`true`), use these names (no header line), or read and rename. */
export type HeaderOption = true | readonly string[] | Readonly<Record<string, string>>;

/**
 * Throws unless `option` is a `header` a reader takes: `true`, a list of names, or a `{ from: to }` rename map of
 * texts. Why: it was read by shape, so `false`, `0` or `'none'` (meaning "this file has no header line") fell through
 * to `true` and the first record was read as the header without a word, and a rename to a number renamed to nothing.
 * An empty list (a RangeError) names no column.
 * @example checkHeaderOption(false, 'readCsv') // throws: header must be true, a list of the column names …
 */
export function checkHeaderOption(option: unknown, reader: string): void {
  if (option === undefined || option === true) return;
  // `Array.from`: a hole of a sparse list (`new Array(2)`) is undefined, which `every` skipped; the read then crashed.
  const values = Array.isArray(option) ? Array.from(option as unknown[]) : isKeyedObject(option) ? Object.values(option) : undefined;
  if (values !== undefined && values.every((v) => typeof v === 'string')) {
    // No name: every cell of the file is an extra cell and every field a missing column, which no one means.
    if (Array.isArray(option) && option.length === 0) {
      throw new RangeError(`ddss: ${reader} header must name the columns of a file without a header row (header: ['id', 'name']), ` +
        'got an empty list; true reads them from its first row');
    }
    return;
  }
  const what = values === undefined ? shownArg(option) : Array.isArray(option) ? 'a list holding what is not a text'
    : 'a rename map to what is not a text';
  throw new TypeError(`ddss: ${reader} header must be true (the file's first row names the columns), a list of the column names ` +
    `(a file without a header row: header: ['id', 'name']) or a rename map ({ 'Mã thửa': 'parcel_id' }), got ${what}`);
}

export interface Header {
  /** Column names as the engine sees them: blank and repeated names kept, in file order. */
  readonly columns: readonly string[];
  /** Keys of the record objects: unique (see `recordKeys`). */
  readonly keys: readonly string[];
  readonly issues: readonly SourceIssue[];
}

/**
 * Resolves the header: applies a rename map (its keys matched as `renamedAs` does: spaces, a no-break space, a byte
 * order mark and accents' composition aside), and reports each blank name (`blank_header`), each repeat of an
 * earlier name (`duplicate_header`, on the later column), and each column read as a name it is written as only in
 * another form (`header_form`, info: `Mã thửa` with its accents decomposed read as the declared `Mã thửa`), so the
 * match is seen, never silent. Both columns of a duplicate are kept; the engine reads a field from the first one, and
 * the second stays reachable by position.
 * @example resolveHeader(['id', 'id', ''], true, 1).issues.map((i) => i.code) // ['duplicate_header', 'blank_header']
 */
export function resolveHeader(names: readonly string[], option: HeaderOption, line: number | undefined): Header {
  const as = Array.isArray(option) || option === true ? undefined : renamedAs(option as Rename);
  const columns = as === undefined ? [...names] : names.map((n) => as(n) ?? n);
  const issues: SourceIssue[] = [];
  const first = new Map<string, number>();
  columns.forEach((name, i) => {
    const at = line === undefined ? {} : { line };
    if (name.trim() === '') {
      issues.push({ code: 'blank_header', criterion: 'clean', severity: 'warning', scope: 'header', ...at,
        params: { column: i + 1 } });
    } else if (first.has(name)) {
      issues.push({ code: 'duplicate_header', criterion: 'clean', severity: 'error', scope: 'header', ...at,
        field: name, params: { column: i + 1, first: (first.get(name) as number) + 1 } });
    } else {
      first.set(name, i);
      const cell = names[i] as string;
      if (cell !== name && headerName(cell) === headerName(name)) {
        issues.push({ code: 'header_form', criterion: 'clean', severity: 'info', scope: 'header', ...at, field: name,
          value: cell, params: { column: i + 1, name: cell, form: formOf(cell) } });
      }
    }
  });
  return { columns, keys: recordKeys(columns), issues };
}

/**
 * What sets a header cell apart from its `headerName`, in words of Unicode that read alike in every locale:
 * `BOM` (a byte order mark before it), `spaces` (around it), `NBSP` (a no-break space inside it), `NFD` (accents
 * decomposed).
 * @example formOf(' Mã\u00A0thửa'.normalize('NFD')) // 'spaces, NBSP, NFD'
 */
export function formOf(cell: string): string {
  const bare = cell.replace(/^\uFEFF/, '');
  const inner = bare.trim();
  return [...(bare === cell ? [] : ['BOM']), ...(inner === bare ? [] : ['spaces']),
    ...(inner.includes('\u00A0') ? ['NBSP'] : []), ...(inner === inner.normalize('NFC') ? [] : ['NFD'])].join(', ');
}

/**
 * Whether a data record is the header line again: as many cells as the header has (at least 2), each equal to its
 * header cell exactly, as read (no trimming, no case folding: a record that differs in any way may be data). A byte
 * order mark before the first cell is allowed: `cat a.csv b.csv` of two exports with a BOM leaves one there.
 * `header` is the header line's cells before any rename. The caller compares first cells first, so a data row costs
 * one string comparison.
 * @example repeatsHeader(['id', 'name'], ['id', 'name']) // true
 */
export function repeatsHeader(cells: readonly string[], header: readonly string[]): boolean {
  if (header.length < 2 || cells.length !== header.length) return false;
  const first = cells[0] as string;
  if (first !== header[0] && first !== `\uFEFF${header[0] as string}`) return false;
  for (let i = 1; i < cells.length; i++) if (cells[i] !== header[i]) return false;
  return true;
}

/**
 * The `header` option with a definition's rename under it (`TabularSource.batches`): a header line read as it is
 * is read under `rename`; a rename map of the source's own (`--rename`) wins for the same header or field; names
 * given for a file without a header line are the fields' already.
 * @example headerWith(true, { 'Mã xã': 'commune_code' }) // { 'Mã xã': 'commune_code' }
 */
export function headerWith(option: HeaderOption, rename: Rename | undefined): HeaderOption {
  if (rename === undefined || Array.isArray(option)) return option;
  return composeRename(rename, option === true ? undefined : option as Rename) ?? option;
}

/**
 * Unique keys for record objects. A name keeps itself the first time it appears; a blank or repeated name at
 * column n (1-based) is keyed `<name>_<n>` (`id_3`, `_2` for a blank one), with more underscores if that is taken.
 * @example recordKeys(['id', 'name', 'id', '']) // ['id', 'name', 'id_3', '_4']
 */
export function recordKeys(columns: readonly string[]): string[] {
  const taken = new Set<string>(columns.filter((c) => c.trim() !== ''));
  const used = new Set<string>();
  return columns.map((name, i) => {
    if (name.trim() !== '' && !used.has(name)) {
      used.add(name);
      return name;
    }
    let key = `${name}_${i + 1}`;
    while (taken.has(key) || used.has(key)) key = `${name}_${key.slice(name.length)}`;
    used.add(key);
    return key;
  });
}
