import { catalogTable, checkColumns, type CatalogColumn, type HiddenRows } from './catalog.js';
import type { PgClient, PgTypes } from './pg.js';

/** What to read: a table (checked against the catalog) or a query, and the order that numbers its rows. */
export interface ReadTarget {
  readonly table?: string;
  readonly schema?: string;
  readonly query?: string;
  readonly params?: readonly unknown[];
  readonly orderBy?: string | readonly string[];
  readonly unordered?: boolean;
}

/** One key range of a table: rows whose order key is ≥ `from` and < `to` (each absent: unbounded). */
export interface KeyRange {
  readonly from?: readonly (string | null)[];
  readonly to?: readonly (string | null)[];
}

/** The statement to run and what it reads. */
export interface ReadPlan {
  readonly text: string;
  readonly values: readonly unknown[];
  /** The order key's columns (empty for an unordered read). */
  readonly orderBy: readonly string[];
  /** Whether the read can be cut into key ranges (a table with an order key). */
  readonly rangeable: boolean;
  /** `schema.table` of a table, quoted. */
  readonly from: string | undefined;
  /** Whether the order is the physical `ctid` (key ranges are then cut at page numbers, see `postgresKeyRanges`). */
  readonly physical: boolean;
  /**
   * The type OIDs of the columns read, when they are known before the read (a table's, from the catalog; an ordered
   * query's, from describing it); undefined for an unordered query. Which arrays to parse: see `arrayTypes`.
   */
  readonly columnTypes: readonly number[] | undefined;
  /** The row-level security policies that hide rows of a table or view from this role (see `catalogTable`). */
  readonly hiddenRows?: readonly HiddenRows[];
}

/**
 * The order key that asks for physical order: the system column every table row has (its page and slot).
 * @example readPostgres({ connectionString, table: 'scans', orderBy: 'ctid' }) // CTID === 'ctid'
 */
export const CTID = 'ctid';
const TID = 27; // pg_type.oid of tid, the type of ctid

/**
 * The statement that reads `target` in a stable order. A table is looked up in the catalog, its schema, table and
 * order columns checked there and quoted with the driver's identifier escaping; its order is `orderBy`, else its
 * primary key, else all its columns in table order (rows equal in every column are interchangeable, so the report
 * is still the same on every run), else, when a column cannot be ordered (json, xml, point, …), the physical order
 * `ctid` of a table or materialized view (`orderBy: 'ctid'` asks for it on any of those): stable while the table
 * is not written to, so two runs over an unchanged table give the same report. A query is run as written, with `params` as bind parameters, ordered by
 * `orderBy` (names of its result columns) or refused unless `unordered`. Values never enter the SQL text.
 * @example (await readPlan(client, { table: 'parcels' })).text // 'SELECT * FROM "public"."parcels" ORDER BY "parcel_id"'
 */
export async function readPlan(client: PgClient, target: ReadTarget, range?: KeyRange): Promise<ReadPlan> {
  const q = (n: string): string => client.escapeIdentifier(n);
  const wanted = target.orderBy === undefined ? undefined : typeof target.orderBy === 'string' ? [target.orderBy] : [...target.orderBy];
  if (wanted?.length === 0) throw new Error('ddss: orderBy names no column');
  if (target.table !== undefined && target.query !== undefined) throw new Error('ddss: give a table or a query, not both');
  if (target.query !== undefined) {
    if (range !== undefined) throw new Error('ddss: key ranges apply to tables, not queries');
    const values = [...(target.params ?? [])];
    if (wanted === undefined) {
      if (target.unordered !== true) {
        throw new Error('ddss: a query needs orderBy (result columns that order its rows, so row numbers are stable), ' +
          'or unordered: true (--unordered) to accept the order the server returns');
      }
      return { text: target.query, values, orderBy: [], rangeable: false, from: undefined, physical: false, columnTypes: undefined };
    }
    // The query's result columns, described without reading a row, name what orderBy may use. A statement's closing
    // semicolon, as psql wants it, ends the query run as written but was a syntax error inside the subquery.
    const inner = `SELECT * FROM (${unterminated(target.query)}\n) AS ddss_query`;
    const described = await client.query({ text: `${inner} LIMIT 0`, values, rowMode: 'array', types: RAW });
    checkColumns(described.fields.map((f) => f.name), wanted, 'orderBy', 'the query');
    return { text: `${inner} ORDER BY ${wanted.map(q).join(', ')}`, values, orderBy: wanted, rangeable: false, from: undefined, physical: false,
      columnTypes: described.fields.map((f) => f.dataTypeID) };
  }
  if (target.table === undefined) throw new Error('ddss: give a table or a query to read');
  if (target.params !== undefined && target.params.length > 0) throw new Error('ddss: params apply to a query, not a table');
  const t = await catalogTable(client, target.table, target.schema);
  const names = t.columns.map((c) => c.name);
  const where = `table ${JSON.stringify(`${t.schema}.${t.table}`)}`;
  // A heap's rows have a ctid (their page and slot); a view's, a partitioned or a foreign table's have none that orders.
  const heap = t.kind === 'r' || t.kind === 'm';
  const physical = wanted?.length === 1 && wanted[0] === CTID;
  if (physical && !heap) throw new Error(`ddss: orderBy "ctid" (physical order) applies to a table, and ${where} is not one: give columns that order its rows`);
  if (wanted !== undefined && !physical) checkColumns(names, wanted, 'orderBy', where);
  const unorderable = t.columns.find((c) => !c.orderable);
  if (wanted === undefined && t.primaryKey.length === 0 && unorderable !== undefined && !heap && target.unordered !== true) {
    throw new Error(`ddss: ${where} has no primary key and its column ${JSON.stringify(unorderable.name)} (${unorderable.type}) ` +
      'cannot be ordered: give orderBy (--order-by) columns that order its rows');
  }
  const orderBy = target.unordered === true && wanted === undefined ? []
    : wanted ?? (t.primaryKey.length > 0 ? t.primaryKey : unorderable === undefined ? names : [CTID]);
  const from = `${q(t.schema)}.${q(t.table)}`;
  const byName = new Map([...t.columns, { name: CTID, notNull: true, type: 'tid', typeOid: TID, orderable: true }].map((c) => [c.name, c]));
  const key = orderBy.map((c) => byName.get(c) as CatalogColumn);
  const values: (string | null)[] = [];
  const cond = range === undefined ? [] : [
    ...(range.from === undefined ? [] : [keyBound(key, range.from, 'from', q, values)]),
    ...(range.to === undefined ? [] : [keyBound(key, range.to, 'to', q, values)]),
  ];
  if (cond.length > 0 && key.length === 0) throw new Error(`ddss: key ranges need an order key in ${where}`);
  const text = `SELECT * FROM ${from}${cond.length === 0 ? '' : ` WHERE ${cond.join(' AND ')}`}` +
    `${orderBy.length === 0 ? '' : ` ORDER BY ${orderBy.map(q).join(', ')}`}`;
  return { text, values, orderBy, rangeable: key.length > 0, from, physical: heap && orderBy.length === 1 && orderBy[0] === CTID,
    columnTypes: t.columns.map((c) => c.typeOid),
    ...(t.hiddenRows.length > 0 ? { hiddenRows: t.hiddenRows } : {}) };
}

/**
 * `key ≥ bound` (`from`) or `key < bound` (`to`) in the order of `ORDER BY key` (ascending, NULLs last), as nested
 * comparisons column by column: NOT NULL columns compare plainly (a one-column primary key is `"id" >= $1`, an index
 * range), nullable ones with NULL placed after every value, so the ranges cover every row exactly once. The bound's
 * values are bind parameters cast to the column's catalog type.
 */
function keyBound(key: readonly CatalogColumn[], bound: readonly (string | null)[], side: 'from' | 'to',
  q: (n: string) => string, values: (string | null)[]): string {
  if (bound.length !== key.length) throw new Error(`ddss: a key range bound has ${bound.length} values for ${key.length} key columns`);
  const params = bound.map((v, i) => {
    values.push(v);
    return `$${values.length}::${(key[i] as CatalogColumn).type}`;
  });
  const at = (i: number): string => {
    if (i === key.length) return side === 'from' ? 'TRUE' : 'FALSE';
    const c = key[i] as CatalogColumn;
    const col = q(c.name);
    const p = params[i] as string;
    const eq = c.notNull ? `${col} = ${p}` : `${col} IS NOT DISTINCT FROM ${p}`;
    const op = side === 'from' ? '>' : '<';
    const strict = c.notNull ? `${col} ${op} ${p}`
      : side === 'from' ? `(${p} IS NOT NULL AND (${col} IS NULL OR ${col} > ${p}))`
        : `(${col} IS NOT NULL AND (${p} IS NULL OR ${col} < ${p}))`;
    if (i === key.length - 1) return side === 'from' ? (c.notNull ? `${col} >= ${p}` : `(${strict} OR ${eq})`) : strict;
    return `(${strict} OR (${eq} AND ${at(i + 1)}))`;
  };
  return at(0);
}

/** The query without the semicolons (and white space) that close a statement typed as for psql. */
function unterminated(query: string): string {
  let end = query.length;
  while (end > 0 && (query[end - 1] === ';' || /\s/.test(query[end - 1] as string))) end--;
  return query.slice(0, end);
}

/** Text for every type: for describing a query and for key boundaries, which go back to the server as they came. */
export const RAW: PgTypes = { getTypeParser: () => (s: string) => s };
