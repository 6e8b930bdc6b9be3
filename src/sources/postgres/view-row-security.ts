import type { PgClient } from './pg.js';

/** A table whose row-level security policies filter what a view reads, and the role they filter for. */
export interface ViewRowSecurity {
  /** `schema.table` of the table with the policies. */
  readonly table: string;
  /** The role the view's query reads that table as. */
  readonly role: string;
}

// Each relation a view's query reads, with the role it is read as, followed through views of views. The server
// checks a relation a view reads as the view's owner, or, for a security_invoker view (PostgreSQL 15), as the role
// reading the view; that role may itself be a view's owner. What the query reads is in the catalog: the view's
// SELECT rule (pg_rewrite, ev_type '1') depends (pg_depend) on every relation of its query, subqueries and CTEs
// included, each as a whole (refobjsubid 0) as well as by column. The option is read with the server's own boolean
// input (on, true, 1, yes…), as the reloption parser reads it. UNION keeps each (relation, role) once, so a cycle of
// views (the catalog allows one) ends. Functions the view calls are not followed: their bodies are not in pg_depend.
//
// The policies of a table with relrowsecurity then apply to that role as check_enable_rls (rls.c) decides: not to
// a superuser or a BYPASSRLS role, nor to the table's owner (or a member of the owning role, as the server's
// ownership check counts them) unless the table forces them (FORCE ROW LEVEL SECURITY). Catalog tables only: every
// role may read them (pg_roles, not pg_authid).
const READS = `WITH RECURSIVE reads(rel, reader) AS (
  SELECT $1::int8::oid, r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user
  UNION
  SELECT d.refobjid, CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_options_to_table(v.reloptions) o
                                        WHERE o.option_name = 'security_invoker' AND o.option_value::bool)
                          THEN reads.reader ELSE v.relowner END
    FROM reads JOIN pg_catalog.pg_class v ON v.oid = reads.rel AND v.relkind = 'v'
    JOIN pg_catalog.pg_rewrite w ON w.ev_class = v.oid AND w.ev_type = '1'
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = w.oid
     AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> v.oid)
SELECT DISTINCT n.nspname AS schema, c.relname AS table, r.rolname AS role
  FROM reads JOIN pg_catalog.pg_class c ON c.oid = reads.rel
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_roles r ON r.oid = reads.reader
 WHERE c.relrowsecurity AND NOT r.rolsuper AND NOT r.rolbypassrls
   AND NOT (pg_catalog.pg_has_role(reads.reader, c.relowner, 'USAGE') AND NOT c.relforcerowsecurity)
 ORDER BY 1, 2, 3`;

/**
 * The tables whose row-level security policies filter the rows a view (`oid`, relkind 'v') returns to this
 * connection, each with the role the policies filter for: the server returns a subset without a word, and
 * `row_security_active(view)` is false, since the policies belong to the tables under it. Empty when none do.
 * @example await viewRowSecurity(client, '16420') // [{ table: 'public.parcels', role: 'view_owner' }]
 */
export async function viewRowSecurity(client: PgClient, oid: string): Promise<ViewRowSecurity[]> {
  const rows = (await client.query({ text: READS, values: [oid] })).rows as { schema: string; table: string; role: string }[];
  return rows.map((r) => ({ table: `${r.schema}.${r.table}`, role: r.role }));
}
