import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPostgres, validate, type Report } from 'ddss';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

// A --query over a table with row-level security read the rows the role may see and said nothing, so the report
// passed a subset as the whole; a --table read of the same table warned source.row_security. ddss now finds the
// relations the query scans (EXPLAIN, which runs nothing) and checks each as the table path does. 300 rows a table.
let server: PostgresServer;
let client: pg.Client;
const ROWS = 300;
const dir = scratch();
// The CLI reads a YAML definition: a .ts one importing the sources had jiti compile them (10 s a run).
const DEFINITION = dir.path('guarded.yaml');

beforeAll(async () => {
  server = await startPostgres();
  writeFileSync(DEFINITION, 'name: guarded\nkey: id\nfields:\n  id: { type: text, required: true, unique: true }\n' +
    '  group: { type: text, required: true, oneOf: [a, b, c] }\n');
  client = new pg.Client(server.url);
  await client.connect();
  // The columns of parallelParcels.
  const rows = `SELECT 'P' || lpad(i::text, 4, '0') AS id, (ARRAY['a', 'b', 'c'])[1 + i % 3] AS "group",
       i % 90 AS n, 'Tên ' || i AS name, date '2026-01-01' + i AS "from" FROM generate_series(1, ${ROWS}) AS i`;
  for (const sql of [
    "CREATE ROLE reader LOGIN PASSWORD 'reader-pw'",
    'CREATE ROLE table_owner', 'CREATE ROLE view_owner',
    `CREATE TABLE guarded AS ${rows}`, 'ALTER TABLE guarded ADD PRIMARY KEY (id)',
    'ALTER TABLE guarded OWNER TO table_owner', 'ALTER TABLE guarded ENABLE ROW LEVEL SECURITY',
    `CREATE POLICY group_a ON guarded FOR SELECT USING ("group" = 'a')`,
    'CREATE SCHEMA ledger', 'GRANT USAGE ON SCHEMA ledger TO reader',
    `CREATE TABLE ledger.entries AS ${rows}`, 'ALTER TABLE ledger.entries ENABLE ROW LEVEL SECURITY',
    `CREATE POLICY group_b ON ledger.entries FOR SELECT USING ("group" = 'b')`,
    `CREATE TABLE open_parcels AS ${rows}`,
    // Row-level security on a partitioned table: the plan scans its partitions, whose own flag is off.
    'CREATE TABLE parted (LIKE open_parcels) PARTITION BY LIST ("group")',
    `CREATE TABLE parted_a PARTITION OF parted FOR VALUES IN ('a')`, `CREATE TABLE parted_bc PARTITION OF parted FOR VALUES IN ('b', 'c')`,
    'INSERT INTO parted SELECT * FROM open_parcels', 'ALTER TABLE parted ENABLE ROW LEVEL SECURITY',
    `CREATE POLICY group_a ON parted FOR SELECT USING ("group" = 'a')`,
    'CREATE VIEW by_other AS SELECT * FROM guarded', 'ALTER VIEW by_other OWNER TO view_owner',
    'GRANT SELECT ON guarded, ledger.entries, open_parcels, parted, by_other TO reader, view_owner',
    // A function the reader may not run: EXPLAIN fails on it as the query does.
    'CREATE FUNCTION secret_n() RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN 1; END$$',
    'REVOKE EXECUTE ON FUNCTION secret_n() FROM PUBLIC',
  ]) await client.query(sql);
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
  dir.remove();
});

const readerUrl = (): string => server.url.replace(/\/\/[^@]*@/, '//reader:reader-pw@');
const hidden = (table: string): string =>
  `row-level security policies of ${table} hide rows from this role: only the rows it may see were read and checked`;

async function run(url: string, query: string, params: readonly unknown[] = []): Promise<Report> {
  // A query with params is read unordered, so both kinds of statement (as written, and wrapped to order it) are seen.
  const order = params.length > 0 ? { unordered: true, params } : { orderBy: 'id' };
  return validate(parallelParcels, readPostgres({ connectionString: url, query, ...order }), { now: '2026-12-01' });
}
function warnings(report: Report): string[] {
  return report.rules.find((r) => r.id === 'source.row_security')?.samples.map((s) => s.message) ?? [];
}

describe('a query that reads a table with row-level security', () => {
  it.each([
    ['a table whose policies filter for the reader', 'SELECT * FROM guarded', 100, [hidden('public.guarded')]],
    ['the same, unordered', 'SELECT * FROM guarded WHERE n >= $1', 100, [hidden('public.guarded')]],
    ['a table without row-level security', 'SELECT * FROM open_parcels', ROWS, []],
    ['a view over a guarded table (expanded by the planner)', 'SELECT * FROM by_other', 100, [hidden('public.guarded')]],
    ['a join of two guarded tables, one in another schema, and an open one',
      'SELECT g.* FROM guarded g LEFT JOIN ledger.entries e ON e.id = g.id JOIN open_parcels o ON o.id = g.id',
      100, [hidden('ledger.entries'), hidden('public.guarded')]],
    ['a guarded table in a CTE and a subquery', `WITH x AS MATERIALIZED (SELECT * FROM open_parcels)
      SELECT * FROM x WHERE id IN (SELECT id FROM guarded)`, 100, [hidden('public.guarded')]],
    ['a partitioned table whose policies are its own, not its partitions\'', 'SELECT * FROM parted', 100, [hidden('public.parted')]],
  ] as const)('%s: warns exactly when the policies hid rows', async (_what, query, rows, said) => {
    const report = await run(readerUrl(), query, query.includes('$1') ? [0] : []);
    expect([report.rows, warnings(report)]).toEqual([rows, said]);
    expect(report.status).not.toBe('passed');
  });

  it('is the issue a table read gives (params name the table), and a superuser gets none (no policy applies to it)', async () => {
    const issues = async (o: { query: string; orderBy: string } | { table: string }): Promise<unknown> => {
      for await (const b of readPostgres({ connectionString: readerUrl(), ...o }).batches()) return b.issues;
      return undefined;
    };
    const fromQuery = await issues({ query: 'SELECT * FROM guarded', orderBy: 'id' });
    expect(fromQuery).toEqual([{ code: 'row_security', criterion: 'sufficient', severity: 'warning', scope: 'file', params: { table: 'public.guarded' } }]);
    expect(fromQuery).toEqual(await issues({ table: 'guarded' }));
    const superuser = await run(server.url, 'SELECT g.* FROM guarded g JOIN ledger.entries e USING (id)');
    expect([superuser.rows, warnings(superuser)]).toEqual([ROWS, []]);
  });

  it('reads a statement EXPLAIN cannot take without a warning, in a caller\'s transaction too', async () => {
    // SHOW returns rows through a cursor, but EXPLAIN SHOW is a syntax error; in a transaction the failed EXPLAIN
    // must not abort it, or the read would fail with "current transaction is aborted".
    const own = readerUrl();
    const caller = new pg.Client(own);
    await caller.connect();
    try {
      await caller.query('BEGIN');
      for (const source of [readPostgres({ connectionString: own, query: 'SHOW DateStyle', unordered: true }),
        readPostgres({ client: caller, query: 'SHOW DateStyle', unordered: true })]) {
        const batches = [];
        for await (const b of source.batches()) batches.push(b);
        expect(batches.map((b) => [b.rows.length, b.issues ?? []])).toEqual([[1, []]]);
      }
      expect(caller.getTransactionStatus()).toBe('T');
      await caller.query('COMMIT');
    } finally {
      await caller.end();
    }
  });

  it('a query the role may not run fails with the server\'s own reason, not EXPLAIN\'s aftermath', async () => {
    const caller = new pg.Client(readerUrl());
    await caller.connect();
    try {
      await caller.query('BEGIN');
      for (const o of [{ connectionString: readerUrl() }, { client: caller }]) {
        const read = async (): Promise<void> => {
          for await (const b of readPostgres({ ...o, query: 'SELECT id, secret_n() AS n FROM guarded', unordered: true }).batches()) void b;
        };
        await expect(read()).rejects.toThrow(/^ddss: the query failed: permission denied for function secret_n \(42501\)$/);
      }
      await caller.query('ROLLBACK');
    } finally {
      await caller.end();
    }
  });

  it('is said by the CLI, which reads the query as the library does', async () => {
    const argv = ['validate', readerUrl(), '--query', 'SELECT * FROM guarded', '--order-by', 'id', '--dataset', DEFINITION, ...NOW];
    const text = await cli(argv);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^\s+1\s+source\.row_security\s+Sufficient · warning/m);
    const json = await cli([...argv, '--format', 'json']);
    const report = JSON.parse(json.stdout) as Report;
    expect([report.rows, warnings(report)]).toEqual([100, [hidden('public.guarded')]]);
  }, 60_000);
});
