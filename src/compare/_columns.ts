import { listedColumns } from '../core/columns.js';
import type { Side } from './_side.js';
import { MissingColumnError, type MissingColumn } from './missing-column-error.js';

/** The columns a comparison's options name: its key, the compared columns (default: both sides'), the personal ones. */
export interface NamedColumns {
  readonly key: readonly string[];
  readonly named: readonly string[] | undefined;
  readonly pii: readonly string[];
}

/**
 * The compared columns and those only one side has; throws for a key or named column a header lacks, or a `pii`
 * column neither header has.
 * @example comparedColumns({ key: ['id'], named: undefined, pii: [] }, source, copy, false) // { compared: ['name'], onlyIn: … }
 */
export function comparedColumns(n: NamedColumns, sourceSide: Side, copySide: Side, showValues: boolean) {
  const { key, named } = n;
  for (const c of key) _mustHave(c, 'key', sourceSide, copySide, showValues);
  // A repeated column is compared once, by its first occurrence (the reader reports the repetition: duplicate_header).
  const compared = named === undefined
    ? [...new Set(sourceSide.columns)].filter((c) => !key.includes(c) && (copySide.columns.length === 0 || copySide.columns.includes(c)))
    : columnList('columns', named);
  for (const c of compared) {
    if (key.includes(c)) throw new TypeError(`ddss: column "${c}" is the key; it cannot also be compared`);
    if (named !== undefined) _mustHave(c, 'compared', sourceSide, copySide, showValues);
  }
  // A `pii` column may be one side's only (it is shown there); a misspelt one (`notes` for `note`) masked nothing,
  // silently, and the column it meant was shown in the clear.
  for (const c of n.pii) {
    if (!sourceSide.columns.includes(c) && !copySide.columns.includes(c)) _mustHave(c, 'pii', sourceSide, copySide, showValues);
  }
  const both = sourceSide.columns.length > 0 && copySide.columns.length > 0;
  const onlyIn = {
    source: both ? sourceSide.columns.filter((c) => !copySide.columns.includes(c)) : [],
    copy: both ? copySide.columns.filter((c) => !sourceSide.columns.includes(c)) : [],
  };
  return { compared, onlyIn };
}

/**
 * The columns an option names, checked: non-empty strings, none twice.
 * @example columnList('key', ['id']) // ['id']
 */
export function columnList(option: string, names: readonly string[]): readonly string[] {
  if (!Array.isArray(names) || names.some((c) => typeof c !== 'string' || c === '')) {
    throw new TypeError(`ddss: ${option} must name columns (non-empty strings)`);
  }
  const seen = new Set<string>();
  for (const c of names) {
    if (seen.has(c)) throw new TypeError(`ddss: ${option} names column "${c}" twice`);
    seen.add(c);
  }
  return names;
}

/**
 * A key or compared column must be in each header that was read (an empty side has none), a `pii` column in one of
 * them. The message lists the header, masked when it is a record's values (a file without a header line).
 */
function _mustHave(column: string, role: MissingColumn['role'], source: Side, copy: Side, showValues: boolean): void {
  for (const [name, side] of [['source', source], ['copy', copy]] as const) {
    if (side.columns.length > 0 && !side.columns.includes(column)) {
      throw new MissingColumnError(`ddss: ${role} column "${column}" is not in the ${name} (${listedColumns(side.columns, showValues)})`,
        { column, role, side: name, columns: { source: source.columns, copy: copy.columns } });
    }
  }
}
