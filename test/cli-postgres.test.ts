import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from 'ddss';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';
import { loadCsvTable } from './support/load-table.js';

let server: PostgresServer;
let client: pg.Client;
let out: ReturnType<typeof scratch>;
/** The server's URL without the password (what every output must show). */
let bare: string;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  out = scratch();
  await loadCsvTable(client, fileURLToPath(new URL('../examples/land/parcels.csv', import.meta.url)), 'parcels', out.path('ordered.csv'));
  bare = server.url.replace(/:[^:@/]*@/, '@');
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
  out?.remove();
});

const secrets = (): string[] => [server.password, encodeURIComponent(server.password)];
// One worker unless a test says otherwise: a 2,000-row table is read in one thread anyway (minRowsPerWorker).
const args = (url: string, ...more: string[]): string[] =>
  ['validate', url, '--table', 'parcels', '--dataset', 'land-parcels', ...NOW, ...(more.includes('--workers') ? [] : ['--workers', '1']), ...more];

describe('ddss validate postgresql://…', () => {
  it('reports the table as the CSV of its rows, with one and two workers, naming the URL without its password', async () => {
    const csv = await cli(['validate', out.path('ordered.csv'), '--dataset', 'land-parcels', '--format', 'json', ...NOW]);
    const one = await cli(args(server.url, '--format', 'json', '--workers', '1'));
    const two = await cli(args(server.url, '--format', 'json', '--workers', '2'));
    expect(one.stderr).toBe('');
    expect(one.code).toBe(csv.code);
    expect(two.stdout).toBe(one.stdout); // byte for byte
    const [p, c] = [JSON.parse(one.stdout) as Report, JSON.parse(csv.stdout) as Report];
    expect(p.source).toEqual({ kind: 'postgres', name: `${bare} parcels`, records: 2000 });
    expect(p.score).toBe(c.score);
    expect(p.rules.map((r) => [r.id, r.checked, r.failed])).toEqual(c.rules.map((r) => [r.id, r.checked, r.failed]));
  });

  it('shows the password in no output: reports of every format, violations, the console and stderr', async () => {
    const written: string[] = [];
    for (const format of ['json', 'html', 'md', 'junit', 'text']) {
      const file = out.path(`report.${format}`);
      const r = await cli(args(server.url, '--format', format, '--out', file, '--violations', out.path(`v-${format}.csv`), '--force'));
      written.push(r.stdout, r.stderr, readFileSync(file, 'utf8'), readFileSync(out.path(`v-${format}.csv`), 'utf8'));
    }
    const nd = await cli(args(server.url, '--violations', out.path('v.ndjson'), '--force'));
    written.push(nd.stdout, nd.stderr, readFileSync(out.path('v.ndjson'), 'utf8'));
    // The password as a URL parameter, and a history file and table: each run's input is named there (it was
    // 'postgres?password=…', the URL's last part with the password in it).
    const inQuery = `${bare}?password=${encodeURIComponent(server.password)}`;
    for (const history of [out.path('h.ndjson'), inQuery]) {
      const h = await cli(args(inQuery, '--history', history, '--format', 'json'));
      expect(h.code).toBe(1);
      written.push(h.stdout, h.stderr);
    }
    const table = (await client.query('SELECT input_name FROM ddss_history')).rows as { input_name: string }[];
    expect(table.map((r) => r.input_name)).toEqual(['postgres/parcels']);
    written.push(readFileSync(out.path('h.ndjson'), 'utf8'));
    const failing = await cli(['validate', server.url, '--table', 'nope', '--dataset', 'land-parcels', '--workers', '1']);
    const usage = await cli(['validate', server.url, '--query', 'SELECT 1', '--dataset', 'land-parcels']);
    const twice = await cli(['validate', server.url, server.url, '--dataset', 'land-parcels']);
    written.push(failing.stdout, failing.stderr, usage.stderr, twice.stderr);
    expect(written.join('\n')).toContain(bare);
    for (const s of secrets()) expect(written.join('\n')).not.toContain(s);
  });

  it.each([
    ['profile', (u: string) => ['profile', u]],
    ['profile --input-format csv', (u: string) => ['profile', u, '--input-format', 'csv']],
    ['compare (source)', (u: string) => ['compare', u, 'parcels.csv', '--key', 'id']],
    ['compare (copy)', (u: string) => ['compare', 'parcels.csv', u, '--key', 'id', '--input-format-copy', 'csv']],
    ['fix', (u: string) => ['fix', u, '--dataset', 'land-parcels']],
    ['worklist', (u: string) => ['worklist', u]],
    ['merge', (u: string) => ['merge', u]],
  ])('%s, which reads files, refuses a postgresql:// URL without printing its password (it was echoed whole)', async (_, argv) => {
    for (const url of [server.url, server.url.replace(encodeURIComponent(server.password), 'pl41n-s3cret!')]) {
      const r = await cli(argv(url));
      expect(r.code === 2 || r.code === 3).toBe(true);
      for (const s of [...secrets(), 'pl41n-s3cret']) expect(r.stdout + r.stderr).not.toContain(s);
    }
  });

  it.each([['profile'], ['compare']])('ddss %s says a postgresql:// input is for ddss validate', async (command) => {
    const r = await cli(command === 'profile' ? ['profile', server.url] : ['compare', 'parcels.csv', server.url, '--key', 'id']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ddss: ${command} reads files, not a PostgreSQL database ("${bare}"); ` +
      'ddss validate reads a table or query (--table, --query) with --dataset\n');
  });

  it('takes the password from PGPASSWORD or the password file when the URL has none', async () => {
    const env = await cli(args(bare, '--format', 'json'), { env: { PGPASSWORD: server.password } });
    expect(env.stderr).toBe('');
    expect(env.code).toBe(1);
    const pgpass = out.path('pgpass');
    writeFileSync(pgpass, `# host:port:db:user:password\n127.0.0.1:${server.port}:*:${server.user}:${server.password.replace(/[:\\]/g, '\\$&')}\n`);
    chmodSync(pgpass, 0o600);
    const file = await cli(args(bare, '--format', 'json'), { env: { PGPASSFILE: pgpass } });
    expect(server.password).toMatch(/[^\x20-\x7e]/); // a password with non-ASCII letters, escaped nowhere
    expect(file.stderr).toBe('');
    expect(file.stdout).toBe(env.stdout);
    chmodSync(pgpass, 0o644); // readable by others: ignored, as libpq ignores it
    const open = await cli(args(bare), { env: { PGPASSFILE: pgpass, HOME: out.dir } });
    expect(open.code).toBe(3);
    expect(open.stderr).toMatch(/asks for a password: give it in PGPASSWORD, ~\/\.pgpass or the URL/);
  });
});

// Every run of a database input was named by the database alone: a query reading 1,001 rows of the 2,000-row table
// was judged against the table's runs, history.row_count_drop "1001 rows is more than 20% below the median 2000".
describe('the history of a database input is the history of its table or query', () => {
  it('names the run by the table or the query, and judges it against the runs of that one only', async () => {
    const history = ['--history', server.url, '--history-table', 'by_input', '--format', 'json'];
    for (const day of ['20', '21', '22']) {
      expect((await cli([...args(server.url, ...history), '--now', `2026-11-${day}`])).code).toBe(1);
    }
    const sql = 'SELECT * FROM parcels ORDER BY parcel_id LIMIT 1001';
    const query = ['validate', server.url, '--query', sql, '--order-by', 'parcel_id', '--dataset', 'land-parcels', '--now', '2026-11-23', ...history];
    const first = JSON.parse((await cli(query)).stdout) as Report;
    expect(first.rules.find((r) => r.id === 'history.row_count_drop')?.status).toBe('skipped');
    expect(first.history?.runs).toBe(0);
    const table = JSON.parse((await cli([...args(server.url, ...history), '--now', '2026-11-23'])).stdout) as Report;
    expect(table.history?.runs).toBe(3);
    const names = (await client.query('SELECT input_name FROM by_input ORDER BY run')).rows as { input_name: string }[];
    const hash = createHash('sha256').update(sql).digest('hex').slice(0, 12);
    expect(names.map((r) => r.input_name)).toEqual(['postgres/parcels', 'postgres/parcels', 'postgres/parcels', `postgres/query:${hash}`,
      'postgres/parcels']);
  });
});

describe('what cannot be read is one line on stderr and exit 3', () => {
  it.each([
    ['connection refused', () => args(`postgresql://${server.user}:${server.password}@127.0.0.1:1/postgres`),
      /^ddss: could not read the whole input: could not connect to postgresql:\/\/ddss@127\.0\.0\.1:1\/postgres: connection refused/],
    ['authentication failure', () => args(server.url.replace(encodeURIComponent(server.password), 'wrong-s3cret')),
      /^ddss: could not read the whole input: could not connect to .*: authentication failed: password authentication failed for user "ddss"$/],
    ['a missing table', () => ['validate', server.url, '--table', 'parcel', '--dataset', 'land-parcels', ...NOW],
      /^ddss: could not read the whole input: no table "parcel" on the search path$/],
    ['a query error', () => ['validate', server.url, '--query', 'SELECT * FROM parcels WHERE area_m2 > 0', '--unordered', '--dataset', 'land-parcels', ...NOW],
      /^ddss: could not read the whole input: the query failed: operator does not exist: text > integer \(42883\)$/],
  ])('%s', async (_, argv, line) => {
    const r = await cli(argv());
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(line);
    for (const s of [...secrets(), 'wrong-s3cret']) expect(r.stdout + r.stderr).not.toContain(s);
  });

  // pg printed its own many-line SECURITY WARNING for sslmode=prefer/require/verify-ca (once per thread); for prefer on a
  // server without TLS it then failed with "The server does not support SSL connections" and no word of why.
  it('sslmode=prefer on a server without TLS: one line that says why and what to do, and no warning from pg', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const r = await cli(args(`${server.url}?sslmode=prefer`));
      expect([r.code, r.stderr.split('\n').filter((l) => l !== '').length]).toEqual([3, 1]);
      expect(r.stderr.trim()).toMatch(/^ddss: could not read the whole input: could not connect to postgresql:\/\/ddss@127\.0\.0\.1:\d+\/postgres\?sslmode=prefer: the server does not accept TLS \(SSL\) connections, .* connect with sslmode=disable to read without TLS$/);
      expect(warn).not.toHaveBeenCalled();
      // verify-ca with no CA file to check against: the command's mistake, said before connecting.
      const ca = await cli(args(`${server.url}?sslmode=verify-ca`));
      expect([ca.code, ca.stdout]).toEqual([2, '']);
      expect(ca.stderr.split('\n')[0]).toBe("ddss: sslmode=verify-ca checks the server's certificate against a certificate authority: " +
        "give its file in the URL (sslrootcert=…), or use sslmode=verify-full to check it against the authorities Node trusts, and the host name");
      for (const s of secrets()) expect(ca.stderr).not.toContain(s);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    [['--query', 'SELECT 1'], '--query needs --order-by COLUMNS'],
    [[], 'needs --table NAME or --query SQL'],
    [['--table', 't', '--query', 'SELECT 1'], 'needs --table NAME or --query SQL'],
    [['--query', 'SELECT 1', '--schema', 's', '--unordered'], '--schema applies to --table'],
    [['--table', 't', '--encoding', 'utf8'], '--encoding applies to files'],
    [['--table', 't', '--order-by', 'a,,b'], '--order-by needs column names separated by commas'],
  ])('usage mistakes are exit 2: %j', async (more, message) => {
    const r = await cli(['validate', server.url, ...more, '--dataset', 'land-parcels']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a URL that cannot be read is a usage error (it was exit 3, "Invalid URL"), and is not echoed with its password', async () => {
    const r = await cli(['validate', 'postgresql://ana:s3cret-pw@127.0.0.1:99999/land', '--table', 't', '--dataset', 'land-parcels']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('the postgresql:// URL cannot be read');
    expect(r.stderr).not.toContain('s3cret-pw');
  });

  it('PostgreSQL flags on a file are a usage error', async () => {
    const r = await cli(['validate', 'parcels.csv', '--table', 't', '--dataset', 'land-parcels']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--table applies to a postgresql:// input, not a file');
  });
});
