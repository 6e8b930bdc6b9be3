import { CRITERIA } from '../core/types.js';
import { clientConfig } from '../sources/postgres/client-config.js';
import { connectionError, queryError } from '../sources/postgres/pg-errors.js';
import { loadPg, type PgClient } from '../sources/postgres/pg.js';
import { hideSecret, redactUrl, urlPassword } from '../sources/postgres/redact.js';
import type { HistoryEntry } from './history-entry.js';
import { historyEntryProblem } from './read-history.js';

/** A history kept in a PostgreSQL table (`--history postgresql://… --history-table T`). */
export interface PostgresHistoryOptions {
  /** `postgresql://user[:password]@host:port/db`. */
  readonly connectionString: string;
  /** The password when the URL has none (else pg reads `PGPASSWORD`). Never shown anywhere. */
  readonly password?: string;
  /** `table` or `schema.table`, each an unquoted SQL name (letters, digits, `_`). Default `ddss_history`. */
  readonly table?: string;
}

/** The default history table. */
export const HISTORY_TABLE = 'ddss_history';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const RAW = { getTypeParser: () => (s: string) => s };
// The columns of a history line, typed; `run` numbers the runs in the order they were appended (which orders runs
// of the same `now`: runs are ordered by date, and a back-filled run is appended last).
const SCORES = CRITERIA.map((c) => `score_${c}`);
const COLUMNS = ['run', 'history', 'dataset', 'now', 'input_name', 'input_bytes', 'input_sha256', 'status', 'rows', 'score', ...SCORES, 'rules'];

/**
 * The table's parts, checked: `table` or `schema.table`, each a plain SQL name (they are quoted as well, but a name
 * that needs quoting is refused rather than guessed at). Throws `ddss: …` naming the bad name.
 * @example historyTableName('audit.ddss_history') // ['audit', 'ddss_history']
 */
export function historyTableName(table: string = HISTORY_TABLE): readonly string[] {
  const parts = table.split('.');
  if (parts.length > 2 || !parts.every((p) => NAME.test(p))) {
    throw new Error(`ddss: history table ${JSON.stringify(table)} is not a table name (letters, digits and _, optionally schema.table)`);
  }
  return parts;
}

/**
 * How reports and messages name the history: the URL without its password, and the table.
 * @example postgresHistoryName({ connectionString: 'postgresql://ana:pw@db/land' }) // 'postgresql://ana@db/land ddss_history'
 */
export function postgresHistoryName(o: PostgresHistoryOptions): string {
  return `${redactUrl(o.connectionString)} ${o.table ?? HISTORY_TABLE}`;
}

/**
 * The last `keep` runs of `dataset` in a history table by date, oldest first (all datasets when undefined): ordered
 * by `now`, runs of the same instant by `run` (the order they were inserted), as `readHistory` orders a file's lines.
 * With `until` (an instant), only the runs not dated after it: those a run dated `until` is judged against. Read with
 * one query (values as bind parameters, the table's name checked and quoted). With `create`, a missing table is created
 * first (the columns of a history line, typed: `now timestamptz`, `rows bigint`, one `double precision` column per
 * score, `rules jsonb`); without it, a missing table is an empty history. A row that is not a history entry rejects
 * naming its `run`, as a damaged line of a history file does. With `input` (the run's input name), only the runs
 * `sameInput` compares with it. Needs the pg package.
 * @example const earlier = await readPostgresHistory({ connectionString: url }, 'land-parcels', 11, true, report.now);
 */
export async function readPostgresHistory(o: PostgresHistoryOptions, dataset: string | undefined, keep = 1000,
  create = false, until?: string, input?: string): Promise<HistoryEntry[]> {
  return withClient(o, async (client, table) => {
    if (create) await createTable(client, table, o);
    else if (!(await exists(client, table))) return [];
    await checkTable(client, table, o);
    const rows = (await client.query({
      text: `SELECT run::text, history::text, dataset, to_char(now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        input_name, input_bytes::text, input_sha256, status, rows::text, score::text, ${SCORES.map((s) => `${s}::text`).join(', ')},
        rules::text FROM ${table} WHERE ($1::text IS NULL OR dataset = $1::text) AND ($3::timestamptz IS NULL OR now <= $3::timestamptz)
        AND ($4::text IS NULL OR input_name = $4::text OR (strpos($4::text, '/') = 0 AND strpos(input_name, '/') = 0))
        ORDER BY now DESC, run DESC LIMIT $2::bigint`,
      values: [dataset ?? null, Number.isFinite(keep) && keep < Number.MAX_SAFE_INTEGER ? Math.max(0, Math.floor(keep)) : null,
        until ?? null, input ?? null],
      rowMode: 'array', types: RAW,
    })).rows as (string | null)[][];
    return rows.reverse().map((r) => entryOf(r, o));
  });
}

/**
 * Appends one run as one row, in a transaction (creating the table if it is absent).
 * @example await appendPostgresHistory({ connectionString: url }, historyEntry(report, input));
 */
export async function appendPostgresHistory(o: PostgresHistoryOptions, e: HistoryEntry): Promise<void> {
  await withClient(o, async (client, table) => {
    await client.query({ text: 'BEGIN' });
    try {
      await createTable(client, table, o, false);
      await client.query({
        text: `INSERT INTO ${table} (history, dataset, now, input_name, input_bytes, input_sha256, status, rows, score, ` +
          `${SCORES.join(', ')}, rules) VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9, ` +
          `${SCORES.map((_, i) => `$${10 + i}`).join(', ')}, $${10 + SCORES.length}::jsonb)`,
        values: [e.history, e.dataset, e.now, e.input.name, e.input.bytes ?? null, e.input.sha256 ?? null, e.status, e.rows,
          e.score, ...CRITERIA.map((c) => e.criteria[c]), JSON.stringify(e.rules)],
      });
      await client.query({ text: 'COMMIT' });
    } catch (err) {
      await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
      throw err;
    }
  });
}

/** Runs `f` on a connection of its own, closed after; errors are one line without the password. */
async function withClient<T>(o: PostgresHistoryOptions, f: (client: PgClient, table: string) => Promise<T>): Promise<T> {
  const parts = historyTableName(o.table);
  const secret = o.password ?? urlPassword(o.connectionString);
  const pg = await loadPg();
  const c = new pg.Client(clientConfig(o.connectionString, o.password));
  c.on('error', () => undefined); // an idle connection the server ends: the next query reports it
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => undefined);
    throw connectionError(e, redactUrl(o.connectionString), secret);
  }
  try {
    // Scores must come back as the numbers that were written: the shortest exact text of a double.
    await c.query({ text: 'SET extra_float_digits = 3' });
    return await f(c, parts.map((p) => c.escapeIdentifier(p)).join('.'));
  } catch (e) {
    const err = queryError(e, secret);
    throw new Error(hideSecret(err.message, secret), { cause: e });
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function exists(client: PgClient, table: string): Promise<boolean> {
  const r = await client.query({ text: 'SELECT to_regclass($1) IS NOT NULL', values: [table], rowMode: 'array' });
  return (r.rows[0] as unknown[])[0] === true;
}

/** Creates the table if it is absent; two runs creating it at once wait for each other (an advisory lock). */
async function createTable(client: PgClient, table: string, o: PostgresHistoryOptions, ownTransaction = true): Promise<void> {
  if (ownTransaction) await client.query({ text: 'BEGIN' });
  try {
    await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`ddss history ${table}`] });
    if (!(await exists(client, table))) {
      await client.query({
        text: `CREATE TABLE ${table} (
          run bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          history smallint NOT NULL,
          dataset text NOT NULL,
          now timestamptz NOT NULL,
          input_name text NOT NULL,
          input_bytes bigint,
          input_sha256 text,
          status text NOT NULL,
          rows bigint NOT NULL,
          score double precision,
          ${SCORES.map((s) => `${s} double precision`).join(',\n          ')},
          rules jsonb NOT NULL)`,
      });
      const index = client.escapeIdentifier(`${historyTableName(o.table).at(-1) as string}_dataset_run`.slice(0, 63));
      await client.query({ text: `CREATE INDEX ${index} ON ${table} (dataset, run)` });
    }
    if (ownTransaction) await client.query({ text: 'COMMIT' });
  } catch (e) {
    if (ownTransaction) await client.query({ text: 'ROLLBACK' }).catch(() => undefined);
    throw e;
  }
}

/** A table that exists but lacks a history column is not ddss's history: refused, never written to. */
async function checkTable(client: PgClient, table: string, o: PostgresHistoryOptions): Promise<void> {
  const r = await client.query({ text: `SELECT * FROM ${table} LIMIT 0`, rowMode: 'array', types: RAW });
  const have = new Set(r.fields.map((f) => f.name));
  const missing = COLUMNS.find((c) => !have.has(c));
  if (missing !== undefined) {
    throw new Error(`ddss: history ${postgresHistoryName(o)} is not a ddss history table (it has no column "${missing}")`);
  }
}

/** One row (every column as text) as the entry it records, checked as a history line is. */
function entryOf(r: readonly (string | null)[], o: PostgresHistoryOptions): HistoryEntry {
  const [run, history, dataset, now, name, bytes, sha256, status, rows, score] = r;
  const scores = r.slice(10, 10 + SCORES.length);
  const rules = r[10 + SCORES.length];
  const num = (s: string | null | undefined): number | null => (s === null || s === undefined ? null : Number(s));
  let parsed: unknown;
  try {
    parsed = rules === null || rules === undefined ? undefined : JSON.parse(rules);
  } catch {
    parsed = undefined;
  }
  const entry = {
    history: num(history), dataset, now,
    input: { name, ...(bytes === null ? {} : { bytes: num(bytes) }), ...(sha256 === null ? {} : { sha256 }) },
    status, rows: num(rows), score: num(score),
    criteria: Object.fromEntries(CRITERIA.map((c, i) => [c, num(scores[i])])), rules: parsed,
  };
  const problem = historyEntryProblem(entry);
  if (problem !== undefined) throw new Error(`ddss: history ${postgresHistoryName(o)} run ${run ?? '?'} is not a ddss history entry: ${problem}`);
  return entry as HistoryEntry;
}
