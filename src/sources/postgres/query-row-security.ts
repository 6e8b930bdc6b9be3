import type { HiddenRows } from './catalog.js';
import type { PgClient } from './pg.js';
import { RAW } from './plan.js';

/** A relation a query's plan scans, as EXPLAIN names it. */
export interface ScannedRelation { readonly schema: string; readonly name: string }

// Each relation the plan scans, then the tables it inherits from (a partition's partitioned table): a query of a
// partitioned table scans its partitions, and the policies that filter them are the partitioned table's. Each is
// checked as the table path checks a table (row_security_active: not for a superuser, a BYPASSRLS role or the
// owner without FORCE ROW LEVEL SECURITY). EXPLAIN names the session's own temporary schema pg_temp. Catalog
// tables only, which every role may read: a table under another role's view may be in a schema the reader cannot use.
const HIDING = `WITH RECURSIVE reads(rel) AS (
  SELECT c.oid FROM unnest($1::text[], $2::text[]) AS s(schema, name)
    JOIN pg_catalog.pg_namespace n ON n.nspname = s.schema OR (s.schema = 'pg_temp' AND n.oid = pg_catalog.pg_my_temp_schema())
    JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.name
  UNION
  SELECT i.inhparent FROM reads JOIN pg_catalog.pg_inherits i ON i.inhrelid = reads.rel)
SELECT n.nspname AS schema, c.relname AS table FROM reads
  JOIN pg_catalog.pg_class c ON c.oid = reads.rel JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE pg_catalog.row_security_active(c.oid) ORDER BY 1, 2`;

/**
 * The tables whose row-level security policies hide rows from the role a query reads as: the relations its plan
 * scans (`EXPLAIN`, which plans the statement without running it; views are expanded into their tables, and CTEs,
 * subqueries and partitions are in the plan), and the partitioned tables above them, checked as a table read is
 * checked. `text` and `values` are the statement to be read, so the plan is the one the read gets. Empty when none,
 * or when EXPLAIN cannot take the statement (a `SHOW`, a function the role may not run): the read then succeeds or
 * fails on its own, since a failed EXPLAIN in a transaction is rolled back to a savepoint (`inTransaction`: whether
 * the connection is in one, when the caller knows and the driver cannot say).
 * Each table is checked for the role that connected: a table read through a view is checked for that role too, not
 * for the view's owner its query reads it as (read the view as a table for that); tables a function reads are not seen.
 * @example await queryRowSecurity(client, 'SELECT * FROM parcels', [], false) // [{ table: 'public.parcels' }]
 */
export async function queryRowSecurity(client: PgClient, text: string, values: readonly unknown[],
  inTransaction: boolean | undefined): Promise<HiddenRows[]> {
  const plan = await explain(client, text, values, inTransaction);
  const scanned = scannedRelations(plan);
  if (scanned.length === 0) return [];
  const rows = (await client.query({ text: HIDING, values: [scanned.map((r) => r.schema), scanned.map((r) => r.name)] })).rows as
    { schema: string; table: string }[];
  return rows.map((r) => ({ table: `${r.schema}.${r.table}` }));
}

/**
 * The relations a plan scans, each once, in plan order: every node with a `Relation Name` (and its `Schema`, which
 * `EXPLAIN (VERBOSE)` gives), its child plans followed wherever they hang (`Plans`, InitPlans, SubPlans and CTEs).
 * @example scannedRelations([{ Plan: { 'Relation Name': 'parcels', Schema: 'public' } }]) // [{ schema: 'public', name: 'parcels' }]
 */
export function scannedRelations(plan: unknown): ScannedRelation[] {
  const found = new Map<string, ScannedRelation>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    const name = n['Relation Name'];
    const schema = n.Schema;
    if (typeof name === 'string' && typeof schema === 'string') found.set(JSON.stringify([schema, name]), { schema, name });
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(plan);
  return [...found.values()];
}

const SAVEPOINT = 'ddss_explain';

/**
 * The statement's plan as `EXPLAIN (FORMAT JSON, VERBOSE)` gives it (VERBOSE: only then does it name each
 * relation's schema), or undefined when the server refuses it. A failed statement aborts the transaction it is in,
 * and the read would then fail with "current transaction is aborted" instead of its own result: in a transaction
 * (a snapshot read, or a caller's client in one) EXPLAIN runs in a savepoint. pg 8.16 and later tell the
 * transaction's state; before, when `inTransaction` is not known, a SAVEPOINT refused outside a transaction says so.
 */
async function explain(client: PgClient, text: string, values: readonly unknown[], inTransaction: boolean | undefined): Promise<unknown> {
  const status = client.getTransactionStatus?.();
  if (status === 'E') return undefined; // an aborted transaction: the read fails with the server's own words
  const inBlock = status === 'T' || (status !== 'I' && inTransaction !== false);
  const savepoint = inBlock && await client.query({ text: `SAVEPOINT ${SAVEPOINT}` }).then(() => true, () => false);
  let plan: unknown;
  try {
    const r = await client.query({ text: `EXPLAIN (FORMAT JSON, VERBOSE) ${text}`, values, rowMode: 'array', types: RAW });
    plan = JSON.parse(String((r.rows[0] as unknown[] | undefined)?.[0]));
  } catch {
    if (savepoint) await client.query({ text: `ROLLBACK TO SAVEPOINT ${SAVEPOINT}` });
    plan = undefined;
  }
  if (savepoint) await client.query({ text: `RELEASE SAVEPOINT ${SAVEPOINT}` });
  return plan;
}
