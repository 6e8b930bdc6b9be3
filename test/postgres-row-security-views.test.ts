import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards, readPostgres, toJson, validate, validateShard, type Report } from 'ddss';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

// A view over a table with row-level security read the rows its query was let see, and said nothing: the server
// filters for the role the view's query runs as (its owner, or the reader of a security_invoker view), and
// row_security_active(view) is false. Each case checks the warning against the rows the read got (300 in the table).
let server: PostgresServer;
let client: pg.Client;
let serverVersion = 0;
const ROWS = 300;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  serverVersion = Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0]?.v);
  for (const sql of [
    "CREATE ROLE reader LOGIN PASSWORD 'reader-pw'",
    'CREATE ROLE table_owner', 'CREATE ROLE view_owner', 'CREATE ROLE auditor BYPASSRLS',
    // The columns of parallelParcels, so that workers (which load that definition) can read the views too.
    `CREATE TABLE guarded AS SELECT 'P' || lpad(i::text, 4, '0') AS id, (ARRAY['a', 'b', 'c'])[1 + i % 3] AS "group",
       i % 90 AS n, 'Tên ' || i AS name, date '2026-01-01' + i AS "from" FROM generate_series(1, ${ROWS}) AS i`,
    'ALTER TABLE guarded ADD PRIMARY KEY (id)',
    'ALTER TABLE guarded OWNER TO table_owner',
    'ALTER TABLE guarded ENABLE ROW LEVEL SECURITY',
    `CREATE POLICY group_a ON guarded FOR SELECT USING ("group" = 'a')`,
    'CREATE TABLE forced AS SELECT * FROM guarded',
    'ALTER TABLE forced OWNER TO table_owner',
    'ALTER TABLE forced ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE forced FORCE ROW LEVEL SECURITY',
    `CREATE POLICY group_a ON forced FOR SELECT USING ("group" = 'a')`,
    'GRANT SELECT ON guarded, forced TO reader, view_owner, auditor',
    // Owned by a role that is neither the table's owner, a superuser nor BYPASSRLS: the policies filter for it.
    'CREATE VIEW by_other AS SELECT * FROM guarded', 'ALTER VIEW by_other OWNER TO view_owner',
    // Owned by the table's owner, which policies do not apply to (no FORCE ROW LEVEL SECURITY)…
    'CREATE VIEW by_owner AS SELECT * FROM guarded WHERE n >= 0', 'ALTER VIEW by_owner OWNER TO table_owner',
    // … unless the table forces them on its owner.
    'CREATE VIEW by_owner_forced AS SELECT * FROM forced', 'ALTER VIEW by_owner_forced OWNER TO table_owner',
    'CREATE VIEW by_auditor AS SELECT * FROM guarded', 'ALTER VIEW by_auditor OWNER TO auditor',
    // Owned by the table's owner, but reading by_other, whose query runs as view_owner.
    'CREATE VIEW nested AS SELECT v.* FROM by_other v JOIN (SELECT 1) AS one ON true', 'ALTER VIEW nested OWNER TO table_owner',
    'GRANT SELECT ON by_other, by_owner, by_owner_forced, by_auditor, nested TO reader', 'GRANT SELECT ON by_other TO table_owner',
  ]) await client.query(sql);
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

const as = (user: string): string => server.url.replace(/\/\/[^@]*@/, `//${user}@`);
const readerUrl = (): string => as('reader:reader-pw');

async function run(url: string, table: string, workers = 1): Promise<Report> {
  return validate(parallelParcels, readPostgres({ connectionString: url, table, minRowsPerWorker: 1 }), { now: '2026-12-01', workers });
}
function warnings(report: Report): string[] {
  return report.rules.find((r) => r.id === 'source.row_security')?.samples.map((s) => s.message) ?? [];
}
const hidden = (view: string, table: string, role: string): string =>
  `row-level security policies of public.${table} hide rows from this role: only the rows it may see were read and checked; ` +
  `read through the view public.${view}, which reads public.${table} as role ${role}`;

describe('a view over a table with row-level security', () => {
  it.each([
    ['by_other', 100, [hidden('by_other', 'guarded', 'view_owner')]],
    ['by_owner', ROWS, []],
    ['by_owner_forced', 100, [hidden('by_owner_forced', 'forced', 'table_owner')]],
    ['by_auditor', ROWS, []],
    ['nested', 100, [hidden('nested', 'guarded', 'view_owner')]],
  ] as const)('%s: read as another role, warns exactly when the policies hid rows (%i of 300 read)', async (view, rows, said) => {
    const report = await run(readerUrl(), view);
    expect([report.rows, warnings(report)]).toEqual([rows, said]);
  });

  it('warns a superuser too: the policies filter for the view\'s owner, whoever reads it', async () => {
    const report = await run(server.url, 'by_other');
    expect([report.rows, warnings(report)]).toEqual([100, [hidden('by_other', 'guarded', 'view_owner')]]);
  });

  it('says it in Vietnamese, and once with two workers or three shards (the report is the same)', async () => {
    const one = await run(readerUrl(), 'by_other');
    const vi = await validate(parallelParcels, readPostgres({ connectionString: readerUrl(), table: 'by_other' }), { now: '2026-12-01', locale: 'vi' });
    expect(warnings(vi)).toEqual(['chính sách bảo mật theo dòng (row-level security) của public.guarded ẩn bớt dòng với vai trò này: ' +
      'chỉ các dòng nó được xem mới được đọc và kiểm tra; đọc qua khung nhìn (view) public.by_other, khung nhìn này đọc public.guarded với vai trò view_owner']);
    const two = await run(readerUrl(), 'by_other', 2);
    expect(toJson(two)).toBe(toJson(one));
    const parts = [];
    for (let k = 1; k <= 3; k++) {
      parts.push(await validateShard(parallelParcels, readPostgres({ connectionString: readerUrl(), table: 'by_other', orderBy: 'id' }), { shard: `${k}/3`, now: '2026-12-01' }));
    }
    const merged = mergeShards(parallelParcels, parts);
    expect([merged.rows, warnings(merged)]).toEqual([100, [hidden('by_other', 'guarded', 'view_owner')]]);
  }, 120_000);

  it('security_invoker (PostgreSQL 15 and later): the policies filter for the role reading the view', async () => {
    const create = client.query('CREATE VIEW invoked WITH (security_invoker = on) AS SELECT * FROM guarded');
    if (serverVersion < 150000) {
      // Before 15 a view has no such option: every view's query runs as its owner, as the cases above check.
      await expect(create).rejects.toThrow(/security_invoker/);
      return;
    }
    await create;
    await client.query('ALTER VIEW invoked OWNER TO table_owner');
    await client.query('GRANT SELECT ON invoked TO reader, table_owner');
    // Owned by the table's owner, yet read as reader: the policies apply to reader, and hide rows.
    const reader = await run(readerUrl(), 'invoked');
    expect([reader.rows, warnings(reader)]).toEqual([100, [hidden('invoked', 'guarded', 'reader')]]);
    // Read as a superuser: no policy applies.
    const superuser = await run(server.url, 'invoked');
    expect([superuser.rows, warnings(superuser)]).toEqual([ROWS, []]);
  });
});
