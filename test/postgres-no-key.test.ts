import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards, readPostgres, toJson, validate, validateShard, type Violation } from 'ddss';
import { noKey } from './fixtures/parallel/no-key.js';
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

  it('orderBy: "ctid" forces physical order on any table', async () => {
    const one = await run(1, { orderBy: 'ctid' });
    expect(one.json).toBe((await run(1)).json);
    expect((await run(2, { orderBy: 'ctid' })).json).toBe(one.json);
  }, 120_000);
});
