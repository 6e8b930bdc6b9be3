import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards, postgresKeyRanges, readPostgres, toJson, validate, validateShard, type Violation } from 'ddss';
import { noKey } from './fixtures/parallel/no-key.js';
import { cli, NOW as CLI_NOW, scratch } from './fixtures/cli/harness.js';
import { catalogTable } from '../src/sources/postgres/catalog.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

// A table without a primary key whose columns cannot all be ordered (xml and json have no btree ordering): rows
// equal in every orderable column differ in the others, and some rows are exact duplicates.
let server: PostgresServer;
let client: pg.Client;
const NOW = '2026-12-01T00:00:00Z';
const def = noKey;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  await client.query('CREATE TABLE loose (code text, area numeric, doc xml, meta json)');
  // 3,000 rows over many pages, with runs of rows equal in code and area whose doc differs (ok or not, in turn).
  await client.query(`INSERT INTO loose SELECT 'C' || (i / 7)::text, (i % 1000)::numeric,
      CASE WHEN i % 3 = 0 THEN '<ok/>' ELSE '<bad n="' || i || '"/>' END::xml, ('{"i":' || i || '}')::json
    FROM generate_series(1, 3000) AS i`);
  // Exact duplicates, and rows equal in code and area but not in doc.
  await client.query(`INSERT INTO loose SELECT code, area, doc, meta FROM loose WHERE area < 40`);
  await client.query(`INSERT INTO loose VALUES ('C1', 5, '<ok/>', '{}'), ('C1', 5, '<bad/>', '{}'), ('C1', 5, '<ok/>', '[]'), (NULL, NULL, '<ok/>', NULL)`);
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

async function run(workers: number, extra: { orderBy?: string } = {}): Promise<{ json: string; seen: Violation[] }> {
  const seen: Violation[] = [];
  const report = await validate(def, readPostgres({ connectionString: server.url, table: 'loose', minRowsPerWorker: 1, ...extra }),
    { now: NOW, workers, onViolation: (v) => seen.push(v) });
  expect(report.source?.error).toBeUndefined();
  return { json: toJson(report), seen };
}

describe('a table without a primary key whose columns cannot all be ordered', () => {
  it('is read in physical order (ctid), every row once', async () => {
    const rows: unknown[] = [];
    for await (const r of readPostgres({ connectionString: server.url, table: 'loose' })) rows.push(r.doc);
    const physical = (await client.query('SELECT doc::text AS doc FROM loose ORDER BY ctid')).rows.map((r: { doc: string }) => r.doc);
    expect(rows).toEqual(physical);
    expect(rows.length).toBe(3000 + 120 + 4);
  });

  it('gives byte-identical reports with 1 and 2 workers, and with 3 shards merged', async () => {
    const one = await run(1);
    expect(one.seen.length).toBeGreaterThan(1000);
    expect((await run(1)).json).toBe(one.json);
    const two = await run(2);
    expect(two.json).toBe(one.json);
    expect(two.seen).toEqual(one.seen);
    const parts = [];
    for (let k = 1; k <= 3; k++) {
      parts.push(await validateShard(def, readPostgres({ connectionString: server.url, table: 'loose' }), { shard: `${k}/3`, now: NOW }));
    }
    expect(parts.map((p) => p.range.records).every((n) => n > 0)).toBe(true);
    const merged = mergeShards(def, parts.reverse());
    expect(toJson(merged)).toBe(one.json);
  }, 120_000);

  it('is cut at pages for 2 workers: two ranges that meet at a page boundary', async () => {
    const pages = Number((await client.query('SELECT max((ctid::text::point)[0]) + 1 AS n FROM loose')).rows[0].n);
    expect(pages).toBeGreaterThan(10);
    expect(await postgresKeyRanges(client, { table: 'loose' }, 2)).toEqual([{ to: [`(${Math.floor(pages / 2)},0)`] }, { from: [`(${Math.floor(pages / 2)},0)`] }]);
  });

  it('shards cut at the pages that hold rows: a file grown between shards (an insert rolled back) still merges', async () => {
    await client.query('CREATE TABLE grown AS SELECT * FROM loose');
    const shard = (k: number) => validateShard(def, readPostgres({ connectionString: server.url, table: 'grown' }), { shard: `${k}/2`, now: NOW });
    const first = await shard(1);
    const size = async (): Promise<number> => Number((await client.query("SELECT pg_relation_size('grown') AS n")).rows[0].n);
    const before = await size();
    await client.query('BEGIN');
    await client.query('INSERT INTO grown SELECT * FROM loose');
    await client.query('ROLLBACK');
    expect(await size()).toBeGreaterThan(before); // the same rows, in a longer file
    const merged = mergeShards(def, [first, await shard(2)]);
    const whole = await validate(def, readPostgres({ connectionString: server.url, table: 'grown' }), { now: NOW });
    expect(toJson(merged)).toBe(toJson(whole));
  });

  it('orderBy: "ctid" forces physical order on a table that could be ordered by its columns', async () => {
    await client.query('CREATE TABLE plain AS SELECT code, area FROM loose');
    await client.query("UPDATE plain SET area = area + 1 WHERE area < 100"); // new row versions: physical ≠ column order
    const read = async (orderBy?: string): Promise<unknown[]> => {
      const out: unknown[] = [];
      for await (const r of readPostgres({ connectionString: server.url, table: 'plain', ...(orderBy === undefined ? {} : { orderBy }) })) out.push(`${String(r.code)} ${String(r.area)}`);
      return out;
    };
    const sql = async (order: string): Promise<unknown[]> =>
      (await client.query(`SELECT coalesce(code, 'null') || ' ' || coalesce(area::text, 'null') AS x FROM plain ORDER BY ${order}`)).rows.map((r: { x: string }) => r.x);
    expect(await read('ctid')).toEqual(await sql('ctid'));
    expect(await read()).toEqual(await sql('code, area'));
    expect(await read('ctid')).not.toEqual(await read());
    const one = await run(1, { orderBy: 'ctid' });
    expect((await run(2, { orderBy: 'ctid' })).json).toBe(one.json);
  }, 120_000);

  it('a view without an order (or asked for ctid) is refused in one line naming the column', async () => {
    await client.query('CREATE VIEW loose_view AS SELECT * FROM loose');
    const error = async (orderBy?: string): Promise<string | undefined> =>
      (await validate(noKey, readPostgres({ connectionString: server.url, table: 'loose_view', ...(orderBy === undefined ? {} : { orderBy }) }), { now: NOW })).source?.error;
    expect(await error()).toBe('ddss: table "public.loose_view" has no primary key and its column "doc" (xml) cannot be ordered: give orderBy (--order-by) columns that order its rows');
    expect(await error('ctid')).toMatch(/^ddss: orderBy "ctid" \(physical order\) applies to a table, and table "public.loose_view" is not one/);
  });
});

describe('ddss validate --order-by ctid --shard K/N and ddss merge', () => {
  it('merges 3 shards of a table in physical order into the report of one run', async () => {
    await client.query('CREATE TABLE cli_plain AS SELECT code, area, doc::text AS doc FROM loose'); // every column sorts
    const out = scratch();
    try {
      writeFileSync(out.path('no-key.yaml'), `name: no-key
fields:
  code: { type: text, required: true, pattern: '^C\\d+$' }
  area: { type: number, max: 900 }
  doc: { type: text, required: true, pattern: '^<ok/>$' }
`);
      const base = ['validate', server.url, '--table', 'cli_plain', '--order-by', 'ctid', '--dataset', out.path('no-key.yaml'), ...CLI_NOW];
      const single = await cli([...base, '--workers', '1', '--format', 'json']);
      expect(single.stderr).toBe('');
      const parts = [];
      for (let k = 1; k <= 3; k++) {
        parts.push(out.path(`part-${k}.ddss-state`));
        const r = await cli([...base, '--shard', `${k}/3`, '--state-out', out.path(`part-${k}.ddss-state`)]);
        expect([r.code, r.stderr]).toEqual([0, '']);
        expect(r.stdout).toMatch(new RegExp(`cli_plain: [1-9]\\d* rows \\(key range ${k} of 3\\)`));
      }
      const merged = await cli(['merge', ...parts, '--format', 'json']);
      expect(merged.stderr).toBe('');
      expect(merged.stdout).toBe(single.stdout);
      expect(JSON.parse(single.stdout)).toMatchObject({ source: { records: 3124 } });
    } finally {
      out.remove();
    }
  }, 120_000);
});

describe('which columns ORDER BY can sort', () => {
  it('agrees with the server for each type: domains, arrays and composites by what they hold', async () => {
    await client.query(`CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TYPE pair AS (a int, b json); CREATE TYPE fine AS (a int, b text);
      CREATE DOMAIN jdoc AS json; CREATE DOMAIN code AS varchar(5); CREATE DOMAIN codes AS code[];
      CREATE TABLE kinds (a int, b varchar(3), c cidr, d mood, e int4range, f int[], g json[], h jdoc, i code, j codes,
        k pair, l fine, m pair[], n point, o xml, p jsonb, q tsvector, r "char", s bytea, t money, u uuid, v bit(3))`);
    const t = await catalogTable(client as never, 'kinds', undefined);
    const server = [];
    for (const c of t.columns) {
      server.push(await client.query(`SELECT FROM kinds ORDER BY ${client.escapeIdentifier(c.name)}`).then(() => true, () => false));
    }
    expect(t.columns.map((c) => c.orderable)).toEqual(server);
    expect(t.columns.filter((c) => !c.orderable).map((c) => c.name)).toEqual(['g', 'h', 'k', 'm', 'n', 'o']);
  });
});
