import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineDataset, field, postgresKeyRanges, readPostgres, validate, type Violation } from 'ddss';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';

let server: PostgresServer;
let client: pg.Client;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client(server.url);
  await client.connect();
  await client.query(`CREATE TABLE typed (id int4 PRIMARY KEY, small int2, big int8, amount numeric, ratio float8,
    day date, at timestamp, at_tz timestamptz, ok bool, note text, doc jsonb)`);
  await client.query(`INSERT INTO typed VALUES
    (1, 7, 9007199254740991, 12345678901234567890.123456789, 0.1, '2026-03-15', '2026-03-15 23:59:59.123456', '2026-03-15 01:00:00+07', true, 'Thửa đất', '{"a":[1,2]}'),
    (2, NULL, 9007199254740993, 0.10, 'NaN', '0099-12-31', NULL, NULL, false, '', 'null'),
    (3, NULL, NULL, NULL, NULL, 'infinity', NULL, NULL, NULL, NULL, NULL)`);
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

async function rows(options: Parameters<typeof readPostgres>[0]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of readPostgres(options)) out.push({ ...r });
  return out;
}

describe('values arrive typed', () => {
  it('each type as the table holds it: exact bigint and numeric, dates as UTC days, NULL as null', async () => {
    const [a, b, c] = await rows({ connectionString: server.url, table: 'typed' });
    expect(a).toEqual({ id: 1, small: 7, big: 9007199254740991, amount: '12345678901234567890.123456789', ratio: 0.1,
      day: new Date('2026-03-15T00:00:00Z'), at: new Date('2026-03-15T23:59:59.123Z'), at_tz: new Date('2026-03-14T18:00:00Z'),
      ok: true, note: 'Thửa đất', doc: { a: [1, 2] } });
    expect(b).toMatchObject({ big: '9007199254740993', amount: '0.10', ratio: 'NaN', day: new Date('0099-12-31T00:00:00Z'),
      at: null, ok: false, note: '', doc: null });
    expect((b?.day as Date).getUTCFullYear()).toBe(99);
    expect(c).toMatchObject({ day: 'infinity', big: null });
  });

  it('fields read them as they read CSV text: a date is the CSV date, NULL and "" are missing, infinity is invalid', async () => {
    const def = defineDataset({ name: 'typed', key: ['id'], fields: {
      id: field.integer(), small: field.integer(), big: field.integer(), amount: field.number().max(1e30),
      day: field.date('dd/MM/yyyy').notInFuture(), at: field.datetime(), ok: field.boolean(), note: field.text().required(),
      absent: field.text() } });
    const seen: Violation[] = [];
    const report = await validate(def, readPostgres({ connectionString: server.url, table: 'typed' }),
      { now: '2026-03-14', onViolation: (v) => seen.push(v) });
    expect(seen.map((v) => [v.rule, v.code, v.row ?? null, v.value ?? null])).toEqual([
      ['day.notInFuture', 'future_date', 0, '15/03/2026'], // the Date shown as the field's CSV text
      ['big.type', 'invalid_type', 1, '9007199254740993'],
      ['note.required', 'missing_value', 1, ''],
      ['day.type', 'invalid_type', 2, 'infinity'],
      ['note.required', 'missing_value', 2, null],
      ['source.missing_column', 'missing_column', null, null],
      ['source.unexpected_column', 'unexpected_column', null, 'ratio'],
      ['source.unexpected_column', 'unexpected_column', null, 'at_tz'],
      ['source.unexpected_column', 'unexpected_column', null, 'doc'],
    ]);
    expect(report.rows).toBe(3);
  });

  it('a timestamp (without time zone) is the wall-clock time of the run\'s zone; a timestamptz the instant it names', async () => {
    const def = defineDataset({ name: 'stamps', timeZone: 'Asia/Ho_Chi_Minh', fields: {
      id: field.integer(), at: field.datetime().notInFuture(), at_tz: field.datetime().notInFuture() }, columns: 'ignore' });
    // 23:59:59 on 15 March in Vietnam is 16:59:59Z: not after 17:00Z; read as UTC it was 7 hours later, in the future.
    const now = '2026-03-15T17:00:00Z';
    const failed = async (timeZone?: string) => (await validate(def, readPostgres({ connectionString: server.url, table: 'typed' }),
      { now, ...(timeZone === undefined ? {} : { timeZone }) })).rules.filter((r) => r.failed > 0).map((r) => r.id);
    expect(await failed()).toEqual([]);
    expect(await failed('UTC')).toEqual(['at.notInFuture']);
  });

  it('a date read by a datetime field is midnight on the run\'s clock, as the CSV text 2026-03-15 is (it was 07:00 in Vietnam)', async () => {
    const def = defineDataset({ name: 'days', timeZone: 'Asia/Ho_Chi_Minh', columns: 'ignore', fields: { day: field.datetime().notInFuture() } });
    // 00:30 on 15 March in Vietnam: the day has begun there; in UTC it is still the 14th.
    const failed = async (timeZone?: string) => (await validate(def, readPostgres({ connectionString: server.url, query: 'SELECT day FROM typed WHERE id = 1', unordered: true }),
      { now: '2026-03-14T17:30:00Z', ...(timeZone === undefined ? {} : { timeZone }) })).rules.filter((r) => r.failed > 0).map((r) => r.id);
    expect(await failed()).toEqual([]);
    expect(await failed('UTC')).toEqual(['day.notInFuture']);
  });

  it('a timestamptz read by a date field is the day it was in the run\'s zone, not the UTC day (a day early before 07:00 in Vietnam)', async () => {
    await client.query('CREATE TABLE issued (id int PRIMARY KEY, issued_on timestamptz)');
    // Midnight in Vietnam, as an application storing a date in a timestamptz writes it; and 00:30 on 22 November.
    await client.query(`INSERT INTO issued VALUES (1, '2019-11-29 00:00+07'), (2, '2026-11-22 00:30+07'), (3, '2026-11-21 23:30+07')`);
    const def = defineDataset({ name: 'issued', timeZone: 'Asia/Ho_Chi_Minh', columns: 'ignore', fields: {
      id: field.integer(), issued_on: field.date('dd/MM/yyyy').notInFuture().min(new Date('2019-11-29T00:00:00Z')) } });
    const seen: Violation[] = [];
    // 23:59 on 21 November in Vietnam: 22 November is still to come there.
    await validate(def, readPostgres({ connectionString: server.url, table: 'issued' }), { now: '2026-11-21T16:59:00Z', onViolation: (v) => seen.push(v) });
    expect(seen.map((v) => [v.rule, v.row, v.value])).toEqual([['issued_on.notInFuture', 1, '22/11/2026']]);
    // In UTC the same instants are 28/11/2019 (before the minimum), 21/11/2026 and 21/11/2026.
    seen.length = 0;
    await validate(def, readPostgres({ connectionString: server.url, table: 'issued' }), { now: '2026-11-21T16:59:00Z', timeZone: 'UTC', onViolation: (v) => seen.push(v) });
    expect(seen.map((v) => [v.rule, v.row, v.value])).toEqual([['issued_on.min', 0, '28/11/2019']]);
  });

  it('leaves pg\'s global type parsers and the caller\'s client as they were', async () => {
    await rows({ client, table: 'typed' });
    const r = await client.query<{ day: unknown; big: unknown }>('SELECT day, big FROM typed WHERE id = 1');
    expect(r.rows[0]?.big).toBe('9007199254740991'); // pg's own default: int8 as text
    expect(r.rows[0]?.day).toBeInstanceOf(Date);
    expect((r.rows[0]?.day as Date).getFullYear()).toBe(2026); // pg's local-midnight date, untouched
  });
});

// node-postgres parses only built-in array types: an array of an enum or of a domain came as its text '{LUC,ONT}',
// which a text field passed as one value and a check saw as a string. It arrives as the built-in array would.
describe('arrays of enums and domains', () => {
  beforeAll(async () => {
    await client.query(`CREATE TYPE land_use AS ENUM ('LUC', 'ONT', 'a b', 'x"y', 'NULL', 'back\\slash')`);
    await client.query('CREATE DOMAIN plot_code AS text CHECK (VALUE <> \'-\')');
    await client.query('CREATE DOMAIN plot_count AS int4');
    await client.query('CREATE DOMAIN plot_day AS date');
    await client.query('CREATE DOMAIN use_list AS land_use[]'); // a domain over an enum array: sent as its base type
    await client.query(`CREATE TABLE zoned (id int PRIMARY KEY, uses land_use[], codes plot_code[], counts plot_count[],
      days plot_day[], listed use_list, names text[])`);
    await client.query(`INSERT INTO zoned VALUES
      (1, '{LUC,ONT}', '{LUC,ONT}', '{1,NULL,3}', '{2026-03-15}', '{ONT}', '{LUC,ONT}'),
      (2, '{"a b",NULL,"x\\"y"}', '{"a b",NULL,"x\\"y"}', '{}', NULL, '{"NULL"}', '{"a b",NULL,"x\\"y"}'),
      (3, '{NULL,"NULL","back\\\\slash"}', '{NULL,"NULL","back\\\\slash"}', NULL, NULL, NULL, '{NULL,"NULL","back\\\\slash"}')`);
  });

  const expected = [
    { id: 1, uses: ['LUC', 'ONT'], codes: ['LUC', 'ONT'], counts: [1, null, 3], days: '{2026-03-15}', listed: ['ONT'], names: ['LUC', 'ONT'] },
    { id: 2, uses: ['a b', null, 'x"y'], codes: ['a b', null, 'x"y'], counts: [], days: null, listed: ['NULL'], names: ['a b', null, 'x"y'] },
    { id: 3, uses: [null, 'NULL', 'back\\slash'], codes: [null, 'NULL', 'back\\slash'], counts: null, days: null, listed: null, names: [null, 'NULL', 'back\\slash'] },
  ];

  it.each([
    ['a table', { table: 'zoned' }],
    ['an ordered query', { query: 'SELECT * FROM zoned', orderBy: 'id' }],
    ['an unordered query', { query: 'SELECT * FROM zoned ORDER BY id', unordered: true }],
  ] as const)('arrive as arrays, as text[] does (elements quoted, escaped, NULL), read from %s', async (_what, target) => {
    const read = await rows({ connectionString: server.url, ...target });
    expect(read).toEqual(expected);
    for (const r of read) expect(r.uses).toEqual(r.names);
    expect(await rows({ client, ...target })).toEqual(expected); // a caller's client too
  });

  it('reach a check as an array, and a text field refuses them as it refuses a text[]', async () => {
    const def = defineDataset({ name: 'zoned', columns: 'ignore', fields: {
      uses: field.any().check('known', (v) => Array.isArray(v) && v.every((u) => u === 'LUC' || u === 'ONT')),
      names: field.text(), codes: field.text() } });
    const report = await validate(def, readPostgres({ connectionString: server.url, table: 'zoned' }));
    expect(Object.fromEntries(report.rules.map((r) => [r.id, r.failed]))).toMatchObject({ 'uses.known': 2, 'names.type': 3, 'codes.type': 3 });
  });
});

describe('what is read, and in which order', () => {
  it('a client, a pool and a connection string read the same rows in primary-key order', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 1 });
    try {
      const viaPool = await rows({ pool, table: 'typed' });
      expect(viaPool.map((r) => r.id)).toEqual([1, 2, 3]);
      expect(await rows({ client, table: 'typed' })).toEqual(viaPool);
      expect(await rows({ connectionString: server.url, table: 'typed', orderBy: ['small', 'id'], batchSize: 1 }))
        .toEqual([viaPool[0], viaPool[1], viaPool[2]]);
      expect(pool.totalCount).toBe(1);
      expect(pool.idleCount).toBe(1); // released
    } finally {
      await pool.end();
    }
  });

  it('a query needs orderBy (result columns) or unordered; params are bind parameters', async () => {
    await expect(rows({ client, query: 'SELECT id FROM typed' })).rejects.toThrow(/a query needs orderBy/);
    expect(await rows({ client, query: 'SELECT id, note FROM typed WHERE id > $1', params: [1], orderBy: 'id' }))
      .toEqual([{ id: 2, note: '' }, { id: 3, note: null }]);
    expect((await rows({ client, query: 'SELECT 1 AS x', unordered: true }))).toEqual([{ x: 1 }]);
    // Ended as psql wants a statement ended: read as without the semicolon, ordered or not (ordered, a syntax error).
    for (const order of [{ orderBy: 'id' }, { unordered: true }]) {
      expect((await rows({ client, query: 'SELECT id FROM typed WHERE id < 3; \n', ...order })).map((r) => r.id)).toEqual([1, 2]);
    }
    await expect(rows({ client, query: 'SELECT id FROM typed', orderBy: 'nope' })).rejects.toThrow('orderBy: "nope" is not a column of the query');
  });

  it('a query that writes fails on ddss\'s own connection, and changes nothing (it was committed)', async () => {
    await client.query('CREATE TABLE kept_rows (id int PRIMARY KEY)');
    await client.query('INSERT INTO kept_rows SELECT generate_series(1, 10)');
    await expect(rows({ connectionString: server.url, query: 'DELETE FROM kept_rows RETURNING *', unordered: true }))
      .rejects.toThrow(/read-only transaction/);
    expect((await client.query('SELECT count(*)::int AS n FROM kept_rows')).rows[0]).toEqual({ n: 10 });
  });

  it('a table without a primary key is ordered by all its columns; key ranges cut it with NULLs last', async () => {
    await client.query('CREATE TABLE loose (a int, b text)');
    await client.query(`INSERT INTO loose VALUES (2, 'x'), (NULL, 'n'), (1, 'y'), (1, NULL), (NULL, NULL), (2, 'x'), (3, 'z')`);
    const whole = await rows({ client, table: 'loose' });
    expect(whole.map((r) => [r.a, r.b])).toEqual([[1, 'y'], [1, null], [2, 'x'], [2, 'x'], [3, 'z'], [null, 'n'], [null, null]]);
    for (const n of [2, 3, 5, 7, 9]) {
      const ranges = await postgresKeyRanges(client, { table: 'loose' }, n);
      const parts: Record<string, unknown>[] = [];
      for (const range of ranges) parts.push(...await rows({ client, table: 'loose', range }));
      expect(parts).toEqual(whole);
      expect(ranges.length).toBeGreaterThan(1);
    }
  });

  it('a declared field that is not a result column is source.missing_column, as for a CSV header', async () => {
    const def = defineDataset({ name: 'q', fields: { id: field.integer(), parcel: field.text() } });
    const report = await validate(def, readPostgres({ client, query: 'SELECT id FROM typed', orderBy: 'id' }));
    expect(report.rules.find((r) => r.id === 'source.missing_column')).toMatchObject({ failed: 1, samples: [{ field: 'parcel' }] });
  });
});

describe('hostile names', () => {
  const table = 'parcels"; DROP TABLE victim; --';
  const schema = 'sổ "địa"; chính';
  const cols = ['a"b', 'c;d', "e'); DROP TABLE victim; --", 'Thửa đất', '"; DROP TABLE victim; --', 'DROP', 'ñ\u202e'];
  beforeAll(async () => {
    const q = (n: string): string => client.escapeIdentifier(n);
    await client.query('CREATE TABLE victim (x int)');
    await client.query(`CREATE SCHEMA ${q(schema)}`);
    await client.query(`CREATE TABLE ${q(schema)}.${q(table)} (${cols.map((c) => `${q(c)} text`).join(', ')})`);
    await client.query(`INSERT INTO ${q(schema)}.${q(table)} VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      cols.map((c) => `${c} value`));
    await client.query(`CREATE TABLE ${q(table)} (id int PRIMARY KEY, ${q(cols[2] as string)} text)`);
    await client.query(`INSERT INTO ${q(table)} VALUES (2, 'two'), (1, 'one')`);
  });

  it('tables, schemas and columns named with quotes, semicolons and SQL are read as names, and nothing else runs', async () => {
    const read = await rows({ connectionString: server.url, schema, table, orderBy: [cols[2] as string, 'a"b'] });
    expect(read).toEqual([Object.fromEntries(cols.map((c) => [c, `${c} value`]))]);
    expect(Object.keys(read[0] ?? {})).toEqual(cols);
    expect((await rows({ connectionString: server.url, table })).map((r) => r.id)).toEqual([1, 2]); // on the search path
    const ranges = await postgresKeyRanges(client, { table, orderBy: cols[2] as string }, 2);
    expect(ranges).toEqual([{ to: ['two'] }, { from: ['two'] }]);
    expect((await client.query('SELECT count(*)::int AS n FROM victim')).rows[0]).toEqual({ n: 0 }); // still there
  });

  it.each([
    [{ table: 'victim; DROP TABLE victim' }, 'no table "victim; DROP TABLE victim" on the search path'],
    [{ table: 'victim', schema: 'public"; DROP TABLE victim; --' }, 'no table "victim" in schema "public\\"; DROP TABLE victim; --"'],
    [{ table: 'victim', orderBy: 'x; DROP TABLE victim' }, 'orderBy: "x; DROP TABLE victim" is not a column of table "public.victim"'],
    [{ table: 'VICTIM' }, 'no table "VICTIM" on the search path; did you mean table "victim" in schema "public" ' +
      '(names are exact, and a schema is given apart: schema, --schema)?'],
    [{ table: 'public.victim' }, 'no table "public.victim" on the search path; did you mean table "victim" in schema "public"'],
    [{ table: 'Victim', schema: 'public' }, 'no table "Victim" in schema "public"; did you mean table "victim" in schema "public"'],
  ])('names that are not in the catalog are refused before any statement uses them: %j', async (target, message) => {
    await expect(rows({ client, ...target })).rejects.toThrow(message);
    expect((await client.query('SELECT count(*)::int AS n FROM victim')).rows[0]).toEqual({ n: 0 });
  });
});
