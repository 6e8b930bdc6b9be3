import type { RowBatch, SourceIssue, TabularSource } from '../../core/source.js';
import type { SourceInfo } from '../../core/types.js';
import { batchRecords } from '../batch-records.js';
import { resolveHeader } from '../csv/header.js';
import { loadPg, type PgClient, type PgCursor, type PgPool } from './pg.js';
import type { HiddenRows } from './catalog.js';
import { readPlan, type KeyRange, type ReadTarget } from './plan.js';
import { arrayTypes } from './array-types.js';
import { clientConfig } from './client-config.js';
import { connectionError, queryError } from './pg-errors.js';
import { queryRowSecurity } from './query-row-security.js';
import { hideSecret, redactUrl, urlPassword } from './redact.js';
import { requireExactText, startSession } from './session.js';
import { pgTypes } from './type-parsers.js';
import { batchSizeOf } from '../batch-size.js';

/** Options of `readPostgres`: where to connect, what to read, and in which order. */
export interface PostgresOptions extends ReadTarget {
  /** `postgresql://user[:password]@host:port/db`: ddss opens its own connection and closes it. */
  readonly connectionString?: string;
  /** A connected `pg.Client` (left open) … */
  readonly client?: PgClient;
  /** … or a `pg.Pool` (one client is checked out and released). */
  readonly pool?: PgPool;
  /** The password for `connectionString` when it has none (else pg reads `PGPASSWORD`). Never shown anywhere. */
  readonly password?: string;
  /** Rows fetched per round trip and handed to the engine per batch. Default 2048. */
  readonly batchSize?: number;
  /** The name in reports. Default: the connection string without its password, and the table (or `query`). */
  readonly name?: string;
  /** Read only this key range of the table (see `postgresKeyRanges`). */
  readonly range?: KeyRange;
  /** With `workers`, the rows each worker reads at least (fewer workers for a smaller table). Default 50,000. */
  readonly minRowsPerWorker?: number;
  /** Read in this exported snapshot (`pg_export_snapshot()`), so several readers see the same rows. */
  readonly snapshot?: string;
}

/** A PostgreSQL table or query as a source: batches for the engine, and an async iterable of records. */
export interface PostgresSource extends TabularSource, AsyncIterable<Record<string, unknown>> {
  readonly kind: 'postgres';
  /** The options, when they can be sent to worker threads (a connection string, not a client or pool). */
  readonly postgres: PostgresOptions | undefined;
}

/**
 * Reads a PostgreSQL table or query through a server-side cursor (pg-cursor), `batchSize` rows at a time, so memory
 * is bounded by a batch whatever the table's size. Rows come in a stable order (see `readPlan`: `orderBy`, else the
 * primary key; a query needs `orderBy` or `unordered: true`), with typed values (see `pgTypes`); SQL NULL and `''`
 * are missing. Identifiers are checked against the catalog and quoted; values go only as bind parameters. A failure
 * (connection refused, authentication, a missing table, a query error) makes the iterator throw one line that never
 * holds the password, and the run is `partial`. Needs the pg and pg-cursor packages.
 * @example
 * const report = await validate(landParcels, readPostgres({ connectionString: process.env.DATABASE_URL, table: 'parcels' }));
 */
export function readPostgres(options: PostgresOptions): PostgresSource {
  const given = [options.connectionString, options.client, options.pool].filter((x) => x !== undefined).length;
  if (given !== 1) throw new Error('ddss: readPostgres needs exactly one of connectionString, client or pool');
  if ((options.table === undefined) === (options.query === undefined)) throw new Error('ddss: readPostgres needs a table or a query (one of them)');
  const batchSize = batchSizeOf(options.batchSize, 2048, 'readPostgres');
  const secret = options.password ?? (options.connectionString === undefined ? undefined : urlPassword(options.connectionString));
  const where = options.connectionString === undefined ? undefined : redactUrl(options.connectionString);
  const what = options.query !== undefined ? 'query' : `${options.schema === undefined ? '' : `${options.schema}.`}${options.table ?? ''}`;
  const name = options.name ?? (where === undefined ? what : `${where} ${what}`);
  let info: SourceInfo = { kind: 'postgres', name, records: 0 };

  async function* batches(): AsyncGenerator<RowBatch> {
    let records = 0;
    let release: ((failed: boolean) => Promise<void>) | undefined;
    let cursor: PgCursor | undefined;
    let failed = false;
    try {
      const pg = await loadPg();
      const opened = await open(pg, options, where, secret);
      release = opened.release;
      const client = opened.client;
      // ddss's own connection prints exact text (startSession); a caller's client or pool prints as it is set.
      if (options.connectionString === undefined) await requireExactText(client).catch((e: unknown) => { throw queryError(e, secret); });
      const plan = await readPlan(client, options, options.range).catch((e: unknown) => { throw queryError(e, secret); });
      // A query's tables are found in its plan; ddss's own connection is in a transaction only to read a snapshot.
      const hidden = options.query === undefined ? plan.hiddenRows
        : await queryRowSecurity(client, plan.text, plan.values, options.connectionString === undefined ? undefined : options.snapshot !== undefined)
          .catch((e: unknown) => { throw queryError(e, secret); });
      const arrays = await arrayTypes(client, plan.columnTypes).catch((e: unknown) => { throw queryError(e, secret); });
      cursor = client.query(new pg.Cursor(plan.text, plan.values, { rowMode: 'array', types: pgTypes(pg.defaultTypes, arrays) }));
      let columns: readonly string[] | undefined;
      for (;;) {
        const rows = await cursor.read(batchSize).catch((e: unknown) => { throw queryError(e, secret); });
        let header: RowBatch | undefined;
        if (columns === undefined) {
          const h = resolveHeader((cursor._result?.fields ?? []).map((f) => f.name), true, undefined);
          columns = h.columns;
          const issues = [...h.issues, ...hiddenRows(hidden, options.range)];
          header = { columns, rows: [], ...(issues.length === 0 ? {} : { issues }) };
        }
        records += rows.length;
        info = { kind: 'postgres', name, records };
        if (header !== undefined) yield { ...header, rows };
        else if (rows.length > 0) yield { rows };
        if (rows.length < batchSize) break;
      }
      info = { kind: 'postgres', name, records };
    } catch (e) {
      failed = true;
      const message = hideSecret(e instanceof Error ? e.message : String(e), secret);
      info = { kind: 'postgres', name, records, error: message };
      throw new Error(message, { cause: e });
    } finally {
      // After a failed read the cursor is not closed: its error already sent the Sync that ends it on a live
      // connection, and on a connection the server ended (pg_terminate_backend, a restart) close() waits for an
      // answer that never comes, which left the run hanging with no report.
      if (!failed) await cursor?.close().catch(() => undefined);
      await release?.(failed);
    }
  }

  return {
    kind: 'postgres',
    postgres: options.connectionString === undefined ? undefined : options,
    batches,
    info: () => info,
    [Symbol.asyncIterator]: () => batchRecords<unknown>(batches()),
  };
}

/**
 * The `row_security` warnings of a table whose row-level security policies hide rows from the reading role, of a
 * view over tables whose policies hide rows from the role its query reads them as (`params.view`, `params.role`), or
 * of the tables a query's plan scans whose policies hide rows from the reading role (`params.table` alone, as for a
 * table): the server returns only the rows that role may see, without a word, so a report of "the table" covered
 * part of it. One per table with such policies; said once, by the first key range (the one without a lower bound),
 * so workers and shards report what one read does.
 */
function hiddenRows(hidden: readonly HiddenRows[] | undefined, range: KeyRange | undefined): SourceIssue[] {
  if (hidden === undefined || range?.from !== undefined) return [];
  return hidden.map((h): SourceIssue => ({ code: 'row_security', criterion: 'sufficient', severity: 'warning', scope: 'file', params: { ...h } }));
}

interface Opened { readonly client: PgClient; readonly release: (failed: boolean) => Promise<void> }

/** The client to read with, and how to give it back. ddss's own connections print exact text (ISO dates), in `snapshot`. */
async function open(pg: Awaited<ReturnType<typeof loadPg>>, o: PostgresOptions, where: string | undefined,
  secret: string | undefined): Promise<Opened> {
  if (o.client !== undefined) return { client: o.client, release: async () => undefined };
  if (o.pool !== undefined) {
    const c = await o.pool.connect().catch((e: unknown) => { throw connectionError(e, 'the pool', secret); });
    // A pool listens for a client's 'error' only while it is idle: a connection ended while ddss reads would emit
    // one with no listener, which ends the caller's process. The failure itself reaches the read, which reports it.
    const ignore = (): void => undefined;
    c.on?.('error', ignore);
    // After a failed read the client goes back as broken, so the pool ends it rather than lend it again.
    return { client: c, release: async (failed) => {
      c.release(failed ? new Error('ddss: the read failed on this client') : undefined);
      c.removeListener?.('error', ignore);
    } };
  }
  const c = new pg.Client(clientConfig(o.connectionString as string, o.password));
  // A connection the server ends while idle emits 'error': without a listener that would end the caller's process.
  // A failure during a query rejects that query, which reports it.
  c.on('error', () => undefined);
  try {
    await c.connect();
  } catch (e) {
    await c.end().catch(() => undefined);
    throw connectionError(e, where ?? 'the server', secret);
  }
  try {
    await startSession(c);
    if (o.snapshot !== undefined) {
      if (!/^[0-9A-F]+-[0-9A-F]+(?:-[0-9]+)?$/i.test(o.snapshot)) throw new Error(`ddss: not a snapshot id: ${JSON.stringify(o.snapshot)}`);
      await c.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
      await c.query({ text: `SET TRANSACTION SNAPSHOT '${o.snapshot}'` });
    }
  } catch (e) {
    await c.end().catch(() => undefined);
    throw queryError(e, secret);
  }
  return { client: c, release: () => c.end().catch(() => undefined) };
}
