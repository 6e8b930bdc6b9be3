import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards, postgresKeyRanges, readPostgres, toJson, validate, validateShard } from 'ddss';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

// A database set up to print dates the Vietnamese way (DateStyle 'SQL, DMY': 15/03/2026), as an agency's server may
// be, and floats rounded (extra_float_digits -5, as for an old client); a caller's pool set to the American way
// ('SQL, MDY': 03/15/2026). ddss reads ISO dates and exact floats only.
let server: PostgresServer;
let admin: pg.Client;
let url: string;
const NOW = '2026-12-01T00:00:00Z';

beforeAll(async () => {
  server = await startPostgres();
  admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query('CREATE DATABASE dmy');
  await admin.query("ALTER DATABASE dmy SET DateStyle = 'SQL, DMY'");
  await admin.query('ALTER DATABASE dmy SET extra_float_digits = -5');
  url = server.url.replace(/\/postgres$/, '/dmy');
  const c = new pg.Client(url);
  await c.connect();
  try {
    // The order key begins with a date, so the cut's boundaries are dates; names repeat every 7 rows.
    await c.query(`CREATE TABLE parcels AS SELECT 'P' || lpad(i::text, 5, '0') AS id, (ARRAY['a', 'b', 'c'])[1 + i % 3] AS "group",
        i % 120 AS n, 'Tên ' || (i % 7) AS name, date '2026-01-01' + (i % 300) AS "from" FROM generate_series(1, 3000) AS i`);
    await c.query('ALTER TABLE parcels ADD PRIMARY KEY ("from", id)');
    await c.query(`CREATE TABLE days (id int PRIMARY KEY, "from" date)`);
    await c.query(`INSERT INTO days VALUES (1, '2026-03-04'), (2, '2026-03-15')`);
    await c.query('CREATE TABLE areas (id int PRIMARY KEY, area real, x float8)');
    await c.query('INSERT INTO areas VALUES (1, 120.55, 2452443.77123456), (2, 16777217, 0.1)');
  } finally {
    await c.end();
  }
}, 60_000);
afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

async function run(workers: number): Promise<string> {
  const report = await validate(parallelParcels, readPostgres({ connectionString: url, table: 'parcels', minRowsPerWorker: 1 }),
    { now: NOW, workers });
  expect(report.source?.error).toBeUndefined();
  expect(report.rows).toBe(3000);
  return toJson(report);
}

describe('a database whose DateStyle is not ISO, and whose floats print rounded', () => {
  it('is cut for workers and shards at date keys its readers read back (every run with workers failed: out of range)', async () => {
    const one = await run(1);
    expect(await run(2)).toBe(one);
    expect(await run(3)).toBe(one);
    const parts = [];
    for (let k = 1; k <= 3; k++) {
      parts.push(await validateShard(parallelParcels, readPostgres({ connectionString: url, table: 'parcels' }), { shard: `${k}/3`, now: NOW }));
    }
    expect(parts.map((p) => [p.range.records, p.range.error])).toEqual([[1000, undefined], [1000, undefined], [1000, undefined]]);
    expect(toJson(mergeShards(parallelParcels, parts))).toBe(one);
  }, 120_000);

  it('a caller\'s pool printing 03/04/2026 for 4 March is refused, never read as 3 April', async () => {
    const pool = new pg.Pool({ connectionString: url, options: '-c DateStyle=SQL,MDY', max: 1 });
    try {
      const report = await validate(parallelParcels, readPostgres({ pool, table: 'days' }), { now: NOW });
      expect([report.status, report.partial, report.rows]).toEqual(['error', true, 0]);
      expect(report.source?.error).toBe('ddss: the connection prints dates in DateStyle "SQL, MDY", which ddss cannot read ' +
        "without guessing the day and month: SET DateStyle = 'ISO' on it (or connect with options=-c DateStyle=ISO)");
      // Set to ISO (and exact floats), the same pool reads the dates as they are.
      await pool.query("SET DateStyle = 'ISO, MDY'; SET extra_float_digits = 1");
      const days: unknown[] = [];
      for await (const r of readPostgres({ pool, table: 'days' })) days.push(r.from);
      expect(days).toEqual([new Date('2026-03-04T00:00:00Z'), new Date('2026-03-15T00:00:00Z')]);
    } finally {
      await pool.end();
    }
  });

  it('postgresKeyRanges refuses a client whose boundaries would not read back', async () => {
    const c = new pg.Client(url);
    await c.connect();
    try {
      await expect(postgresKeyRanges(c, { table: 'parcels' }, 2)).rejects.toThrow(/DateStyle "SQL, DMY"/);
      await c.query("SET DateStyle = 'ISO'; SET extra_float_digits = 1");
      expect(await postgresKeyRanges(c, { table: 'parcels' }, 2)).toHaveLength(2);
    } finally {
      await c.end();
    }
  });

  it('is read with floats as they are stored (real 120.55 was read as 100)', async () => {
    const areas: unknown[] = [];
    for await (const r of readPostgres({ connectionString: url, table: 'areas' })) areas.push([r.area, r.x]);
    expect(areas).toEqual([[120.55, 2452443.77123456], [16777216, 0.1]]);
    const c = new pg.Client(url);
    await c.connect();
    try {
      await c.query("SET DateStyle = 'ISO'"); // only floats are left rounded
      await expect(async () => { for await (const r of readPostgres({ client: c, table: 'areas' })) void r; })
        .rejects.toThrow('ddss: the connection prints floats rounded (extra_float_digits = -5): SET extra_float_digits = 1 on it');
    } finally {
      await c.end();
    }
  });
});
