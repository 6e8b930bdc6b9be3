import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';
import { loadCsvTable } from './support/load-table.js';

let server: PostgresServer;
let client: pg.Client;
let out: ReturnType<typeof scratch>;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  out = scratch();
  await loadCsvTable(client, fileURLToPath(new URL('../examples/land/parcels.csv', import.meta.url)), 'parcels', out.path('ordered.csv'));
  // A text primary key (the sample repeats some identifiers on purpose: one row of each).
  await client.query('CREATE TABLE parcels_pk AS SELECT DISTINCT ON (parcel_id) * FROM parcels ORDER BY parcel_id, map_sheet_no, parcel_no, owner_id');
  await client.query('ALTER TABLE parcels_pk ADD PRIMARY KEY (parcel_id)');
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
  out?.remove();
});

const base = (table: string): string[] => ['validate', server.url, '--table', table, '--dataset', 'land-parcels', ...NOW];

/** Runs shards 1…N of `table` and returns their state files, in reverse (the merge orders them). */
async function shards(table: string, n: number, tag: string, extra: readonly string[] = []): Promise<string[]> {
  const parts: string[] = [];
  for (let k = 1; k <= n; k++) {
    const state = out.path(`${tag}-${k}.ddss-state`);
    const r = await cli([...base(table), '--shard', `${k}/${n}`, '--state-out', state, '--violations', out.path(`${tag}-${k}.ndjson`), '--force', ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ddss: shard ${k}/${n} of postgresql://ddss@127\\.0\\.0\\.1:\\d+/postgres ${table}: \\d+ rows \\(key range ${k} of ${n}\\) → `));
    expect(r.stdout).not.toContain(server.password);
    parts.push(state);
  }
  return parts.reverse();
}

describe('ddss validate postgresql://… --shard K/N and ddss merge', () => {
  it.each([
    ['parcels', 'no primary key: ordered by every column', [1, 3, 7]],
    ['parcels_pk', 'a text primary key', [3, 7]],
  ] as const)('%s (%s): the merged report and violations are byte-identical to one run', async (table, _, counts) => {
    const single = await cli([...base(table), '--workers', '1', '--format', 'json', '--violations', out.path(`${table}-one.csv`), '--force']);
    const html = await cli([...base(table), '--workers', '1', '--format', 'html', '--out', out.path(`${table}-one.html`), '--force']);
    expect(single.stderr).toBe('');
    expect(JSON.parse(single.stdout)).toMatchObject({ source: { kind: 'postgres' } });
    for (const n of counts) {
      const parts = await shards(table, n, `${table}-${n}`);
      const merged = await cli(['merge', ...parts, '--format', 'json', '--violations', out.path(`${table}-merged.csv`), '--force']);
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(single.code);
      expect(merged.stdout).toBe(single.stdout);
      expect(readFileSync(out.path(`${table}-merged.csv`), 'utf8')).toBe(readFileSync(out.path(`${table}-one.csv`), 'utf8'));
      const page = await cli(['merge', ...parts, '--format', 'html', '--out', out.path(`${table}-merged.html`), '--force']);
      expect(page.code).toBe(html.code);
      expect(readFileSync(out.path(`${table}-merged.html`), 'utf8')).toBe(readFileSync(out.path(`${table}-one.html`), 'utf8'));
    }
  }, 300_000);

  it('graded records, worst records and groups of key ranges join into the one-run files and report', async () => {
    const flags = ['--worst', '5', '--group-by', 'commune_code', '--grades-columns', 'commune_code'];
    const single = await cli([...base('parcels_pk'), '--workers', '1', '--format', 'json', '--grades', out.path('pk-one-grades.csv'), ...flags, '--force']);
    const parts: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const state = out.path(`pk-grades-${k}.ddss-state`);
      const r = await cli([...base('parcels_pk'), '--shard', `${k}/3`, '--state-out', state, '--grades', out.path(`pk-grades-${k}.ndjson`), ...flags, '--force']);
      expect(r.code).toBe(0);
      parts.push(state);
    }
    const merged = await cli(['merge', ...parts, '--format', 'json', '--grades', out.path('pk-merged-grades.csv'), '--force']);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(single.stdout);
    expect(JSON.parse(merged.stdout).worstRecords).toHaveLength(5);
    expect(readFileSync(out.path('pk-merged-grades.csv'), 'utf8')).toBe(readFileSync(out.path('pk-one-grades.csv'), 'utf8'));
  }, 120_000);

  it('a table of fewer rows than shards: the shards past its key ranges are empty, and the merge is still exact', async () => {
    await client.query('CREATE TABLE parcels_few AS SELECT * FROM parcels_pk ORDER BY parcel_id LIMIT 4');
    await client.query('ALTER TABLE parcels_few ADD PRIMARY KEY (parcel_id)');
    const single = await cli([...base('parcels_few'), '--workers', '1', '--format', 'json']);
    const parts: string[] = [];
    const lines: string[] = [];
    for (let k = 1; k <= 7; k++) {
      parts.push(out.path(`few-${k}.ddss-state`));
      const r = await cli([...base('parcels_few'), '--shard', `${k}/7`, '--state-out', parts[k - 1] as string, '--force']);
      expect(r.code).toBe(0);
      lines.push(r.stdout);
    }
    expect(lines.filter((l) => /: 0 rows \(key range \d of 7\)/.test(l))).toHaveLength(3);
    const merged = await cli(['merge', ...parts, '--format', 'json']);
    expect(merged.stdout).toBe(single.stdout);
  }, 120_000);

  it('shards whose cuts differ (the table changed between them) do not merge (exit 2)', async () => {
    await client.query('CREATE TABLE parcels_moving AS SELECT * FROM parcels_pk');
    await client.query('ALTER TABLE parcels_moving ADD PRIMARY KEY (parcel_id)');
    const [, first] = await shards('parcels_moving', 2, 'moving-a'); // reversed: shard 1 second
    // One row fewer in the first range and one more past it: the same count, but the boundary key moves.
    await client.query('DELETE FROM parcels_moving WHERE parcel_id = (SELECT min(parcel_id) FROM parcels_moving)');
    await client.query(`CREATE TEMP TABLE one_more AS SELECT * FROM parcels_moving ORDER BY parcel_id DESC LIMIT 1;
      UPDATE one_more SET parcel_id = parcel_id || 'Z'; INSERT INTO parcels_moving SELECT * FROM one_more`);
    const [second] = await shards('parcels_moving', 2, 'moving-b');
    const keys = await cli(['merge', first as string, second as string, '--format', 'json']);
    expect(keys.code).toBe(2);
    expect(keys.stderr).toMatch(/moving-a-1\.ddss-state ends at another key than \S+moving-b-2\.ddss-state begins at: the table changed between shards/);
    expect(keys.stdout).toBe('');
    await client.query('DELETE FROM parcels_moving WHERE parcel_id IN (SELECT parcel_id FROM parcels_moving ORDER BY parcel_id LIMIT 10)');
    const [third] = await shards('parcels_moving', 2, 'moving-c');
    const count = await cli(['merge', first as string, third as string, '--format', 'json']);
    expect(count.code).toBe(2);
    expect(count.stderr).toMatch(/are states of different runs: other cut: the table changed between shards/);
  }, 120_000);

  it('rows that do not add up to the count of the cuts (a change the cuts could not see) do not merge (exit 2)', async () => {
    // Ordered by a key with ties: moving one row into the boundary's key keeps the count and the boundary alike.
    await client.query('CREATE TABLE parcels_tie AS SELECT * FROM parcels_pk');
    const flags = ['--order-by', 'land_use_code'];
    const count = Number((await client.query('SELECT count(*) AS n FROM parcels_tie')).rows[0].n);
    const boundary = (await client.query('SELECT land_use_code AS x FROM parcels_tie ORDER BY land_use_code OFFSET $1 LIMIT 1', [Math.floor(count / 2)])).rows[0].x as string;
    const [, first] = await shards('parcels_tie', 2, 'tie-a', flags);
    await client.query(`UPDATE parcels_tie SET land_use_code = $1 WHERE parcel_id = (SELECT parcel_id FROM parcels_tie
      WHERE land_use_code < $1 ORDER BY parcel_id LIMIT 1)`, [boundary]);
    const [second] = await shards('parcels_tie', 2, 'tie-b', flags);
    const r = await cli(['merge', first as string, second as string, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`the shards read ${count + 1} rows of a table their cuts counted ${count} rows in: the table changed during the run`));
  }, 120_000);

  it.each([
    [['--query', 'SELECT * FROM parcels', '--order-by', 'parcel_id'], /a query has no key ranges: make the query a view .* --table VIEW --order-by KEY/],
    [['--table', 'parcels', '--unordered'], /--shard cuts a table into ranges of its order key: drop --unordered/],
    [['--table', 'parcels', '--baseline', 'old.ndjson'], /--baseline judges a whole run: give it to ddss merge, not to a shard/],
  ])('%j is a usage error (exit 2)', async (flags, message) => {
    const r = await cli(['validate', server.url, ...flags, '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', out.path('q.ddss-state')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a view of a query shards like a table, with --order-by', async () => {
    await client.query('CREATE VIEW parcels_view AS SELECT * FROM parcels_pk WHERE area_m2 <> \'\'');
    const single = await cli([...base('parcels_view'), '--order-by', 'parcel_id', '--workers', '1', '--format', 'json']);
    const parts = await shards('parcels_view', 3, 'view', ['--order-by', 'parcel_id']);
    const merged = await cli(['merge', ...parts, '--format', 'json']);
    expect(merged.stdout).toBe(single.stdout);
  }, 120_000);

  it('merge --history of a table: the same report and history line as one run with --history', async () => {
    const h = out.path('pg-history.ndjson');
    await cli([...base('parcels_pk'), '--now', '2026-11-20', '--workers', '1', '--history', h]);
    const seed = readFileSync(h, 'utf8');
    const one = await cli([...base('parcels_pk'), '--workers', '1', '--history', h, '--format', 'json']);
    const after = readFileSync(h, 'utf8');
    writeFileSync(h, seed);
    const parts = await shards('parcels_pk', 3, 'pg-hist');
    const merged = await cli(['merge', ...parts, '--history', h, '--format', 'json']);
    expect(merged.code).toBe(one.code);
    expect(merged.stdout).toBe(one.stdout);
    expect(readFileSync(h, 'utf8')).toBe(after);
    expect((await cli(['merge', ...parts, '--history', h, '--input', 'x.csv'])).stderr).toMatch(/--input applies to files: the shards read a PostgreSQL table/);
  }, 120_000);

  it('a server that cannot be reached, or a missing table, is one line and exit 3, without the password', async () => {
    const url = `postgresql://${server.user}:${encodeURIComponent(server.password)}@127.0.0.1:1/postgres`;
    const r = await cli(['validate', url, '--table', 'parcels', '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', out.path('down.ddss-state')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: could not connect to postgresql:\/\/ddss@127\.0\.0\.1:1\/postgres: connection refused/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).not.toContain(encodeURIComponent(server.password));
    const missing = await cli([...base('parcel'), '--shard', '1/2', '--state-out', out.path('missing.ddss-state')]);
    expect([missing.code, missing.stderr]).toEqual([3, 'ddss: no table "parcel" on the search path\n']);
  });
});
