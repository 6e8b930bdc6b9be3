import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from 'ddss';
import { readHistory } from '../src/history/read-history.js';
import { readPostgresHistory } from '../src/history/postgres-history.js';
import { cli, scratch } from './fixtures/cli/harness.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

let server: PostgresServer;
let client: pg.Client;
let tmp: ReturnType<typeof scratch>;
/** The server's URL without the password (what every output must show). */
let bare: string;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  tmp = scratch();
  bare = server.url.replace(/:[^:@/]*@/, '@');
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
  tmp?.remove();
});

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/cli/${name}`, import.meta.url), 'utf8');
const secrets = (): string[] => [server.password, encodeURIComponent(server.password)];

/** A sequence of runs that trips every history rule: stale inputs, a failure-rate jump, a drop in rows. */
function steps(): string[] {
  const ok = fixture('parcels-ok.csv');
  const bad = fixture('parcels.csv');
  const [header, first] = ok.split('\n') as [string, string];
  return [ok, ok, ok, bad, `${header}\n${first}\n`, bad, bad];
}

describe('ddss validate --history postgresql://…', () => {
  it('gives the same reports, violations and trend as a history file, run after run', async () => {
    const file = tmp.path('h.ndjson');
    const input = tmp.path('parcels.csv');
    const seen = new Set<string>();
    for (const [i, text] of steps().entries()) {
      writeFileSync(input, text);
      const base = ['validate', input, '--dataset', 'parcels.yaml', '--now', `2026-11-${10 + i}`, '--format', 'json', '--history-window', '5'];
      const a = await cli([...base, '--history', file, '--violations', tmp.path(`a${i}.ndjson`)]);
      const b = await cli([...base, '--history', server.url, '--history-table', 'runs', '--violations', tmp.path(`b${i}.ndjson`)]);
      expect([i, b.stderr, b.code]).toEqual([i, a.stderr, a.code]);
      const rb = JSON.parse(b.stdout) as Report;
      expect(rb.history?.name).toBe(`${bare} runs`);
      expect(b.stdout.replace(JSON.stringify(`${bare} runs`), JSON.stringify(file))).toBe(a.stdout); // byte for byte
      expect(readFileSync(tmp.path(`b${i}.ndjson`), 'utf8')).toBe(readFileSync(tmp.path(`a${i}.ndjson`), 'utf8'));
      for (const s of secrets()) expect(b.stdout + b.stderr).not.toContain(s);
      for (const r of rb.rules) if (r.id.startsWith('history.') && r.status === 'failed') seen.add(r.id.replace(/\.(correct|sufficient|clean|live)$/, ''));
    }
    // The sequence did judge: every kind of finding came up at least once.
    expect([...seen].sort()).toEqual(['history.failure_rate_jump', 'history.row_count_drop', 'history.stale_input', 'history.values_drop']);
    for (const format of ['text', 'json', 'html']) {
      const a = await cli(['history', file, '--format', format]);
      const b = await cli(['history', bare, '--history-table', 'runs', '--format', format], { env: { PGPASSWORD: server.password } });
      expect([format, b.code, b.stderr]).toEqual([format, 0, '']);
      expect(b.stdout).toBe(a.stdout);
    }
  });

  // Before: the table was read by `run` (the order of insertion), so a run back-filled for an earlier --now was judged
  // against the runs dated after it, and `ddss history` drew it as the latest.
  it('judges a back-filled run against the runs dated before it, and draws the trend in date order, as a file does', async () => {
    const file = tmp.path('backfill.ndjson');
    const input = tmp.path('backfill.csv');
    const runs: [string, string][] = [['parcels-ok.csv', '2026-09-01'], ['parcels-ok.csv', '2026-11-01'], ['parcels-ok.csv', '2026-11-02'],
      ['parcels-ok.csv', '2026-11-03'], ['parcels.csv', '2026-10-01']];
    let last: Report | undefined;
    for (const [name, day] of runs) {
      writeFileSync(input, fixture(name));
      const base = ['validate', input, '--dataset', 'parcels.yaml', '--now', day, '--format', 'json'];
      const a = await cli([...base, '--history', file]);
      const b = await cli([...base, '--history', server.url, '--history-table', 'backfill']);
      expect(b.stdout.replace(JSON.stringify(`${bare} backfill`), JSON.stringify(file))).toBe(a.stdout);
      last = JSON.parse(b.stdout) as Report;
    }
    expect([last?.history?.runs, last?.history?.trend.overall.length]).toEqual([1, 2]);
    const shown = await cli(['history', server.url, '--history-table', 'backfill', '--format', 'json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ datasets: [{ runs: 5, first: '2026-09-01T00:00:00.000Z', last: '2026-11-03T00:00:00.000Z' }] });
    expect(shown.stdout).toBe((await cli(['history', file, '--format', 'json'])).stdout);
    // What one run reads: the latest runs not dated after it, by date, as many as asked.
    const until = '2026-11-02T00:00:00.000Z';
    const read = await readPostgresHistory({ connectionString: server.url, table: 'backfill' }, 'parcels', 3, false, until);
    expect(read.map((e) => e.now.slice(0, 10))).toEqual(['2026-10-01', '2026-11-01', '2026-11-02']);
    expect(await readHistory(file, 'parcels', 3, until)).toEqual(read);
  });

  it('ddss merge appends the merged run to a history table as one run does (same report, same row)', async () => {
    const input = tmp.path('sharded.csv');
    writeFileSync(input, fixture('parcels.csv'));
    const now = ['--now', '2026-11-22'];
    const one = await cli(['validate', input, '--dataset', 'parcels.yaml', ...now, '--format', 'json', '--history', server.url,
      '--history-table', 'one_run']);
    const parts = [];
    for (const k of [1, 2, 3]) {
      const part = tmp.path(`h-part-${k}.ddss-state`);
      const shard = await cli(['validate', input, '--dataset', 'parcels.yaml', ...now, '--shard', `${k}/3`, '--state-out', part]);
      expect(shard.code).toBe(0);
      parts.push(part);
    }
    const merged = await cli(['merge', ...parts, '--format', 'json', '--input', input, '--history', server.url, '--history-table', 'merged_runs']);
    expect([merged.code, merged.stderr]).toEqual([one.code, one.stderr]);
    expect(merged.stdout.replace(JSON.stringify(`${bare} merged_runs`), JSON.stringify(`${bare} one_run`))).toBe(one.stdout);
    const rows = async (table: string) => (await client.query(
      `SELECT dataset, now, input_name, input_bytes, input_sha256, status, rows, score, rules FROM ${table}`)).rows;
    expect(await rows('merged_runs')).toEqual(await rows('one_run'));
    expect(await rows('merged_runs')).toHaveLength(1);
  });

  it('creates the table with typed columns, one row per completed run, values as written', async () => {
    const input = tmp.path('typed.csv');
    writeFileSync(input, fixture('parcels.csv'));
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', '--now', '2026-11-22T10:11:12.345Z', '--history', server.url,
      '--history-table', 'public.typed_history', '--format', 'json']);
    expect(r.stderr).toBe('');
    const types = await client.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'typed_history' ORDER BY ordinal_position");
    expect(types.rows.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      'run bigint', 'history smallint', 'dataset text', 'now timestamp with time zone', 'input_name text', 'input_bytes bigint',
      'input_sha256 text', 'status text', 'rows bigint', 'score double precision', 'score_correct double precision',
      'score_sufficient double precision', 'score_clean double precision', 'score_live double precision', 'rules jsonb']);
    const report = JSON.parse(r.stdout) as Report;
    const row = (await client.query('SELECT dataset, now, input_name, input_bytes, rows, score, rules FROM typed_history')).rows;
    expect(row).toEqual([{
      dataset: 'parcels', now: new Date('2026-11-22T10:11:12.345Z'), input_name: 'typed.csv', input_bytes: String(Buffer.byteLength(fixture('parcels.csv'))),
      rows: String(report.rows), score: report.score,
      rules: Object.fromEntries(report.rules.filter((x) => !x.id.startsWith('history.')).map((x) => [x.id, [x.checked, x.failed]])),
    }]);
    // A run that could not be used (an unknown definition) appends nothing.
    await cli(['validate', input, '--dataset', 'nope.yaml', '--history', server.url, '--history-table', 'public.typed_history']);
    expect((await client.query('SELECT count(*)::int AS n FROM typed_history')).rows).toEqual([{ n: 1 }]);
  });

  it('refuses a table that is not a history, a bad table name and a damaged row (exit 2); an unreachable server is exit 3', async () => {
    await client.query('CREATE TABLE not_history (id int)');
    const args = (url: string, table: string): string[] => ['validate', 'parcels.csv', '--dataset', 'parcels.yaml', '--history', url, '--history-table', table];
    const other = await cli(args(server.url, 'not_history'));
    expect([other.code, other.stderr]).toEqual([2, `ddss: --history ${bare} not_history is not a ddss history table (it has no column "run")\n`]);
    const bad = await cli(args(server.url, 'x"; DROP TABLE runs; --'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ddss: --history-table: "x\\"; DROP TABLE runs; --" is not a table name/);
    await client.query('CREATE TABLE damaged (LIKE runs)');
    await client.query(`INSERT INTO damaged SELECT * FROM runs LIMIT 1`);
    await client.query(`UPDATE damaged SET rules = '{"a": [1]}'`);
    const damaged = await cli(args(server.url, 'damaged'));
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toMatch(/^ddss: --history postgresql:\/\/ddss@127\.0\.0\.1:\d+\/postgres damaged run \d+ is not a ddss history entry: the counts of rule "a" are not \[checked, failed\]/);
    const down = await cli(args(`postgresql://ddss:${encodeURIComponent(server.password)}@127.0.0.1:1/postgres`, 'runs'));
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/connection refused/);
    for (const s of secrets()) expect(other.stderr + damaged.stderr + down.stderr).not.toContain(s);
    expect((await cli(['history', server.url, '--history-table', 'absent'])).code).toBe(2);
    expect((await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', '--history', 'h.ndjson', '--history-table', 't'])).code).toBe(2);
  });
});
