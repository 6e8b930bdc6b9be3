import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineDataset, field, mergeShards, readPostgres, toJson, validate, validateShard } from 'ddss';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { cli, NOW } from './fixtures/cli/harness.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

// Hostile conditions an agency's server can put a run in: its connection ended mid-read, and the like. Each must end
// as a partial run that says why (exit 3), never as a pass, a hang or a crash.
let server: PostgresServer;
let client: pg.Client;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  await client.query("CREATE ROLE clerk LOGIN PASSWORD 'clerk-pw'");
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

// The server ends the reading connection itself after 5,000 rows (FATAL 57P01, as an administrator's
// pg_terminate_backend or a server restart would), deterministically, while a server-side cursor is open.
const TERMINATED = `SELECT g AS id, CASE WHEN g = 5000 THEN pg_catalog.pg_terminate_backend(pg_catalog.pg_backend_pid()) END AS x
  FROM generate_series(1, 20000) g`;
const ids = defineDataset({ name: 'ids', columns: 'ignore', fields: { id: field.integer().required() } });

/** Rejects when `p` has not settled within `ms`: a hang fails the test instead of timing it out. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

describe('a connection the server ends while ddss reads', () => {
  it('makes the read fail (it waited for ever on the closed cursor)', async () => {
    const read = async (): Promise<number> => {
      let n = 0;
      for await (const b of readPostgres({ connectionString: server.url, query: TERMINATED, unordered: true, batchSize: 1000 }).batches()) n += b.rows.length;
      return n;
    };
    await expect(within(read(), 20_000)).rejects.toThrow(/terminat/i);
  });

  it('a connection cut without a word (no FATAL: a network drop) does not end a caller\'s process through its pool', async () => {
    // ddss borrows the client: a pool listens for its 'error' only while it is idle, so an 'error' with no listener
    // while ddss read threw from the event loop (an uncaught exception in the agency's application).
    const proxy = await cuttingProxy(server.port, 256 * 1024);
    const pool = new pg.Pool({ connectionString: server.url.replace(`:${server.port}/`, `:${proxy.port}/`), max: 1 });
    pool.on('error', () => undefined);
    try {
      const report = await within(validate(ids, readPostgres({ pool, query: 'SELECT g AS id, repeat(\'x\', 100) AS pad FROM generate_series(1, 100000) g', unordered: true })), 20_000);
      expect([report.status, report.partial]).toEqual(['error', true]);
      expect(report.source?.error).toBe('ddss: the connection to the server was lost (Connection terminated unexpectedly)');
    } finally {
      await pool.end();
      await proxy.close();
    }
  });

  it('a caller\'s pool gets its client back, and the run is partial', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 1 });
    pool.on('error', () => undefined); // the terminated client, should the pool still hold it
    try {
      const report = await within(validate(ids, readPostgres({ pool, query: TERMINATED, unordered: true })), 20_000);
      expect([report.status, report.partial]).toEqual(['error', true]);
      expect(report.source?.error).toMatch(/terminat/i);
      // The pool is usable again: the broken client was not handed back as a good one.
      expect((await within(pool.query('SELECT 1 AS one'), 20_000)).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('says why on stderr and exits 3 from the CLI, never a report that passed', async () => {
    const r = await within(cli(['validate', server.url, '--query', TERMINATED, '--unordered', '--dataset', 'land-parcels', ...NOW,
      '--workers', '1', '--format', 'json']), 30_000);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe('ddss: could not read the whole input: the query failed: terminating connection due to administrator command (57P01)');
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', partial: true });
  });
});

/** A TCP proxy to `port` that cuts each connection (both sides, no goodbye) once the server has sent `bytes`. */
async function cuttingProxy(port: number, bytes: number): Promise<{ port: number; close: () => Promise<void> }> {
  const open = new Set<Socket>();
  const proxy: Server = createServer((down) => {
    const up = connect(port, '127.0.0.1');
    let sent = 0;
    for (const s of [down, up]) {
      open.add(s);
      s.on('error', () => undefined).on('close', () => open.delete(s));
    }
    down.on('data', (d) => up.write(d));
    up.on('data', (d) => {
      sent += d.length;
      if (sent <= bytes) down.write(d);
      else for (const s of [down, up]) s.destroy();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('no proxy port');
  return { port: address.port, close: () => new Promise((resolve) => { for (const s of open) s.destroy(); proxy.close(() => resolve()); }) };
}

describe('char(n) columns', () => {
  it('are read as PostgreSQL compares them, without the padding (every CCCD in a char(15) failed its pattern)', async () => {
    await client.query('CREATE TABLE padded (id int PRIMARY KEY, id_no char(15), name character(30), code char(3))');
    await client.query(`INSERT INTO padded VALUES (1, '079123456789', 'Nguyễn Văn An', 'LUC'), (2, ' 07912345678', ' Lê Thị Bình', ''),
      (3, NULL, 'Trần  Văn C  ', 'ON')`);
    const def = defineDataset({ name: 'padded', key: ['id'], fields: { id: field.integer(),
      id_no: field.text().required().pattern(/^\d{12}$/).trimmed(), name: field.text().trimmed(), code: field.text().required() } });
    const report = await validate(def, readPostgres({ connectionString: server.url, table: 'padded' }));
    const failed = Object.fromEntries(report.rules.map((r) => [r.id, [r.checked, r.failed]]));
    // Padding is no data (the server's own length() and text cast drop it); a leading space is, and a missing code is.
    expect(failed).toMatchObject({ 'id_no.pattern': [2, 1], 'id_no.trimmed': [2, 1], 'id_no.required': [3, 1],
      'name.trimmed': [3, 1], 'code.required': [3, 1] });
    expect(report.rules.find((r) => r.id === 'name.trimmed')?.samples?.map((v) => v.row)).toEqual([1]);
  });
});

describe('a table with row-level security', () => {
  it('warns that rows were hidden from the role, once with one worker, two, or shards (the part it saw passed as the table)', async () => {
    await client.query(`CREATE TABLE guarded AS SELECT 'P' || lpad(i::text, 4, '0') AS id, (ARRAY['a', 'b', 'c'])[1 + i % 3] AS "group",
        i % 90 AS n, 'Tên ' || i AS name, date '2026-01-01' + i AS "from" FROM generate_series(1, 300) AS i`);
    await client.query('ALTER TABLE guarded ADD PRIMARY KEY (id)');
    await client.query('ALTER TABLE guarded ENABLE ROW LEVEL SECURITY');
    await client.query(`CREATE POLICY group_a ON guarded FOR SELECT TO clerk USING ("group" = 'a')`);
    await client.query('GRANT SELECT ON guarded TO clerk');
    const clerk = server.url.replace(/\/\/[^@]*@/, '//clerk:clerk-pw@');
    const run = async (url: string, workers: number) => validate(parallelParcels,
      readPostgres({ connectionString: url, table: 'guarded', minRowsPerWorker: 1 }), { now: '2026-12-01', workers });
    const one = await run(clerk, 1);
    expect([one.rows, one.rules.find((r) => r.id === 'source.row_security')?.samples.map((s) => [s.code, s.message])]).toEqual([100,
      [['row_security', 'row-level security policies of public.guarded hide rows from this role: only the rows it may see were read and checked']]]);
    expect(toJson(await run(clerk, 2))).toBe(toJson(one));
    const parts = [];
    for (let k = 1; k <= 3; k++) parts.push(await validateShard(parallelParcels, readPostgres({ connectionString: clerk, table: 'guarded' }), { shard: `${k}/3`, now: '2026-12-01' }));
    expect(toJson(mergeShards(parallelParcels, parts))).toBe(toJson(one));
    // The table's owner (here a superuser) is not subject to the policies: no warning.
    const owner = await run(server.url, 1);
    expect([owner.rows, owner.rules.some((r) => r.id === 'source.row_security')]).toEqual([300, false]);
  }, 120_000);
});
