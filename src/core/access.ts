import type { Plan } from './compile.js';
import { CheckResultError } from './_validator-helpers.js';
import { didYouMean } from './rename-problem.js';

/** Reads a row's cells into the plan's field order, whatever the row's shape. */
export interface RowAccessors {
  /**
   * Whether an array row is read: only by a source's header (`columns`), which names its cells. Without one an array
   * names no field: read by the definition's field order it was a guess, and cells past the fields were dropped
   * without a finding; the validator makes it a row that is not a record (`non_object_element`), as README documents.
   */
  readonly readsArrays: boolean;
  /** Each field's position in an array row (-1: the header has no such column), in the plan's field order. */
  readonly positions: Int32Array;
  read(row: unknown, into: unknown[]): void;
  /**
   * The cell of a column that may not be a field (`ctx.raw`). On a row read by a header, a name the header does not
   * have throws (see `unknownColumn`); elsewhere it reads undefined.
   */
  column(row: unknown, name: string): unknown;
}

/**
 * Builds readers for object rows (one generated getter per field, so each property load stays monomorphic),
 * `Map` rows, and array rows (by the header's positions; without a header an array reads as no cells, see
 * `readsArrays`). Names that exist on `Object.prototype` (`__proto__`, `constructor`) are read as own properties only.
 * @example rowAccessors(plan, ['n', 'id']).read([5, '1'], raws) // raws: ['1', 5] for fields id, n
 */
export function rowAccessors(plan: Plan, columns: readonly string[] | null): RowAccessors {
  const names = plan.fields.map((f) => f.name);
  const getters = names.map(objectGetter);
  const positions = Int32Array.from(names, (name) => (columns === null ? -1 : columns.indexOf(name)));
  const n = names.length;
  // Each column's position, the first when a name repeats (as `indexOf` found it): `ctx.raw` looks a name up per row.
  const at = new Map<string, number>();
  columns?.forEach((c, p) => { if (!at.has(c)) at.set(c, p); });
  const unknown = new Map<string, CheckResultError>();
  return {
    readsArrays: columns !== null,
    positions,
    read(row, into) {
      if (Array.isArray(row)) {
        for (let i = 0; i < n; i++) {
          const p = positions[i] as number;
          into[i] = p < 0 ? undefined : row[p];
        }
      } else if (row instanceof Map) {
        for (let i = 0; i < n; i++) into[i] = row.get(names[i]);
      } else if (typeof row === 'object' && row !== null) {
        for (let i = 0; i < n; i++) into[i] = (getters[i] as (r: unknown) => unknown)(row);
      } else {
        into.fill(undefined);
      }
    },
    column(row, name) {
      if (Array.isArray(row)) {
        const p = at.get(name);
        if (p !== undefined) return row[p];
        // Only a header (CSV, a sheet, a query's columns) is every column of every row; an array without one names
        // no cell. One error per name, made once: the rule throws it on every row it reads the name.
        if (columns === null) return undefined;
        let e = unknown.get(name);
        if (e === undefined) unknown.set(name, e = unknownColumn(name, columns));
        throw e;
      }
      // An object (JSON records, rows given in code) is read as it is: a key one record lacks may be an optional
      // property left out (as zod's optional keys are), which no later record need lack, so its absence is no error.
      if (row instanceof Map) return row.get(name);
      return typeof row === 'object' && row !== null ? objectGetter(name)(row) : undefined;
    },
  };
}

const cache = new Map<string, (row: unknown) => unknown>();

function objectGetter(name: string): (row: unknown) => unknown {
  let g = cache.get(name);
  if (g === undefined) {
    if (name in Object.prototype) {
      g = (row) => (Object.hasOwn(row as object, name) ? (row as Record<string, unknown>)[name] : undefined);
    } else {
      // A generated function per name gets its own inline cache: the load is as fast as `row.name` written by hand.
      // The name is embedded as a JSON string literal, so no name can inject code.
      g = new Function('row', `return row[${JSON.stringify(name)}];`) as (row: unknown) => unknown;
    }
    if (cache.size < 10_000) cache.set(name, g);
  }
  return g;
}

/**
 * The error of a rule reading (`ctx.raw`) a column the header does not have: a misspelt name (`excelSerialIn('dobb')`
 * for the column `dob`) read undefined on every row, so the rule passed every row and the run passed. ddss's own
 * words, quoting names only, as `watchedCheck` says a check read what is not a field.
 */
function unknownColumn(name: string, columns: readonly string[]): CheckResultError {
  return new CheckResultError(`ddss: a rule reads the column "${name}", which is not a column of the input` +
    `${didYouMean(name, columns)}: no row holds it, so the rule would read undefined on every row`);
}
