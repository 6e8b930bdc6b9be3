import type { PgClient } from './pg.js';
import { viewRowSecurity } from './view-row-security.js';

/**
 * A column: its name, whether it is NOT NULL, its SQL type as the catalog prints it and its type's OID, and whether
 * `ORDER BY` can sort it (its type, or each element or field of it, has a default btree operator class: not json,
 * xml, point, …).
 */
export interface CatalogColumn {
  readonly name: string; readonly notNull: boolean; readonly type: string; readonly typeOid: number; readonly orderable: boolean;
}

/**
 * Row-level security that hides rows from a read: the table whose policies do, and for a view, the view read and the
 * role its query reads that table as (the view's owner, or the reader of a security_invoker view).
 */
export interface HiddenRows { readonly table: string; readonly view?: string; readonly role?: string }

/** A table (or view) as the catalog describes it. */
export interface CatalogTable {
  readonly schema: string;
  readonly table: string;
  /** `pg_class.relkind`: `r` a table, `p` a partitioned table, `v` a view, `m` a materialized view, `f` foreign. */
  readonly kind: string;
  readonly columns: readonly CatalogColumn[];
  /** The primary key's columns in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  /**
   * The row-level security policies that filter the rows this role reads: a table's own (`row_security_active`), or
   * those of the tables a view reads (`viewRowSecurity`). Empty when none do.
   */
  readonly hiddenRows: readonly HiddenRows[];
}

// Names are compared with the catalog's own, passed only as bind parameters: a hostile name is a value here.
const FIND = `SELECT n.nspname AS schema, c.relname AS table, c.relkind AS kind, c.oid::int8::text AS oid,
       pg_catalog.row_security_active(c.oid) AS rls
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
   AND (CASE WHEN $2::text IS NULL THEN pg_catalog.pg_table_is_visible(c.oid) ELSE n.nspname = $2::text END)`;
// On a miss, the table the name likely meant: the same name in another case (the server folds unquoted names to
// lower case in SQL, and a user types PARCELS as there), or "schema.table" written as one name.
const NEAREST = `SELECT n.nspname AS schema, c.relname AS table FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND (
   (lower(c.relname) = lower($1) AND (CASE WHEN $2::text IS NULL THEN pg_catalog.pg_table_is_visible(c.oid) ELSE n.nspname = $2::text END))
   OR ($2::text IS NULL AND n.nspname || '.' || c.relname = $1))
 ORDER BY c.relname = lower($1) DESC LIMIT 1`;
const COLUMNS = `SELECT a.attname AS name, a.attnotnull AS not_null,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.atttypid::int8::text AS type_oid FROM pg_catalog.pg_attribute a
 WHERE a.attrelid = $1::int8::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`;
// The columns ORDER BY cannot sort. A domain is sorted as its base type, an array by its elements, a composite by
// its fields (the server refuses ORDER BY when any of them cannot be); every other type needs a default btree
// operator class for itself, for its kind (enum, range, multirange) or for a type it is implicitly binary-coercible
// to (varchar as text; not xml, whose cast to text is binary but not implicit), as the server looks them up.
const UNORDERABLE = `WITH RECURSIVE parts(col, typ) AS (
  SELECT a.attname, a.atttypid FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = $1::int8::oid AND a.attnum > 0 AND NOT a.attisdropped
  UNION
  SELECT p.col, CASE WHEN t.typtype = 'd' THEN t.typbasetype WHEN t.typtype = 'c' THEN f.atttypid ELSE t.typelem END
    FROM parts p JOIN pg_catalog.pg_type t ON t.oid = p.typ
    LEFT JOIN pg_catalog.pg_attribute f ON t.typtype = 'c' AND f.attrelid = t.typrelid AND f.attnum > 0 AND NOT f.attisdropped
   WHERE t.typtype = 'd' OR (t.typtype = 'c' AND f.atttypid IS NOT NULL) OR (t.typelem <> 0 AND t.typlen = -1))
SELECT DISTINCT p.col AS name FROM parts p JOIN pg_catalog.pg_type t ON t.oid = p.typ
 WHERE t.typtype NOT IN ('d', 'c') AND NOT (t.typelem <> 0 AND t.typlen = -1) AND NOT EXISTS (
   SELECT 1 FROM pg_catalog.pg_opclass o JOIN pg_catalog.pg_am m ON m.oid = o.opcmethod
    WHERE m.amname = 'btree' AND o.opcdefault AND (o.opcintype = t.oid
       OR o.opcintype::regtype::text = CASE t.typtype WHEN 'e' THEN 'anyenum' WHEN 'r' THEN 'anyrange' WHEN 'm' THEN 'anymultirange' END
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast k WHERE k.castsource = t.oid AND k.casttarget = o.opcintype AND k.castmethod = 'b' AND k.castcontext = 'i')))`;
const PRIMARY_KEY = `SELECT a.attname AS name FROM pg_catalog.pg_index i
  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
 WHERE i.indrelid = $1::int8::oid AND i.indisprimary ORDER BY k.ord`;

/**
 * Looks a table up in the catalog by its exact name (case and all, as the server stores it), in `schema` or else
 * on the search path; throws `ddss: no table "x" …` when there is none, naming the table it likely meant (the name
 * in another case, or `schema.table` given as one name). The names it returns are the catalog's.
 * @example const t = await catalogTable(client, 'parcels', 'public'); t.primaryKey // ['parcel_id']
 */
export async function catalogTable(client: PgClient, table: string, schema: string | undefined): Promise<CatalogTable> {
  const found = await client.query({ text: FIND, values: [table, schema ?? null] });
  const row = found.rows[0] as { schema: string; table: string; kind: string; oid: string; rls: boolean } | undefined;
  if (row === undefined) {
    const near = (await client.query({ text: NEAREST, values: [table, schema ?? null] })).rows[0] as { schema: string; table: string } | undefined;
    const hint = near === undefined ? '' : `; did you mean table ${JSON.stringify(near.table)} in schema ${JSON.stringify(near.schema)}` +
      ' (names are exact, and a schema is given apart: schema, --schema)?';
    throw new Error(`ddss: no table ${JSON.stringify(table)} ${schema === undefined ? 'on the search path' : `in schema ${JSON.stringify(schema)}`}${hint}`);
  }
  const columns = (await client.query({ text: COLUMNS, values: [row.oid] })).rows as { name: string; not_null: boolean; type: string; type_oid: string }[];
  const key = (await client.query({ text: PRIMARY_KEY, values: [row.oid] })).rows as { name: string }[];
  const unorderable = new Set(((await client.query({ text: UNORDERABLE, values: [row.oid] })).rows as { name: string }[]).map((c) => c.name));
  const name = `${row.schema}.${row.table}`;
  // A view has no policies of its own (row_security_active is false for it): those of the tables it reads filter
  // its rows, for the role its query runs as, so a view over a guarded table passed a subset as the whole.
  const hiddenRows = row.kind === 'v' ? (await viewRowSecurity(client, row.oid)).map((h) => ({ ...h, view: name }))
    : row.rls === true ? [{ table: name }] : [];
  return {
    schema: row.schema, table: row.table, kind: row.kind,
    columns: columns.map((c) => ({ name: c.name, notNull: c.not_null, type: c.type, typeOid: Number(c.type_oid), orderable: !unorderable.has(c.name) })),
    primaryKey: key.map((k) => k.name),
    hiddenRows,
  };
}

/**
 * Checks that every name in `wanted` is a column in `columns` (exactly); throws naming the first that is not.
 * @example checkColumns(['id', 'name'], ['id'], 'orderBy', 'table "t"') // ok
 */
export function checkColumns(columns: readonly string[], wanted: readonly string[], what: string, where: string): void {
  const have = new Set(columns);
  const bad = wanted.find((w) => !have.has(w));
  if (bad !== undefined) throw new Error(`ddss: ${what}: ${JSON.stringify(bad)} is not a column of ${where}`);
}
