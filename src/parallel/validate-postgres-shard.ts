import { createHash } from 'node:crypto';
import { loadPg, type PgClient } from '../sources/postgres/pg.js';
import { clientConfig } from '../sources/postgres/client-config.js';
import { startSession } from '../sources/postgres/session.js';
import { connectionError, queryError } from '../sources/postgres/pg-errors.js';
import { rangeBoundary, tableSize } from '../sources/postgres/key-ranges.js';
import { readPlan, type KeyRange } from '../sources/postgres/plan.js';
import { readPostgres, type PostgresOptions } from '../sources/postgres/read-postgres.js';
import { hideSecret, redactUrl, urlPassword } from '../sources/postgres/redact.js';
import type { DatasetDefinition } from '../core/types.js';
import type { ShardSpec } from './shard-spec.js';
import type { ShardPostgresInput, ShardState } from './shard-state.js';
import type { ShardValidateOptions } from './validate-shard.js';
import { shardCommon } from './shard-common.js';
import { SinkFailure } from '../core/sink-waits.js';
import { liveState } from '../core/live-state.js';

/** A table that cannot be cut or read by a shard: exit 3 (the server, the catalog), never a usage mistake. */
export class PostgresShardError extends Error {
  override readonly name = 'PostgresShardError';
}

/**
 * Validates key range K of N of a PostgreSQL table (`readPostgres({ connectionString, table })`) and returns its
 * state. The shard cuts its key range at the boundaries `workers: N` cuts at (see `cutTable`) in a `REPEATABLE READ`
 * snapshot it exports, and reads the range in that snapshot, so its cut and its rows agree. Shards cannot share one
 * snapshot: the state records what its cut saw (the row count, the order key, a hash of each boundary key) and
 * `mergeShards` refuses shards whose counts differ, whose ranges do not meet at the same key, or whose rows do not
 * add up to the count. With fewer rows (or distinct keys) than N some ranges are empty.
 * Queries and unordered reads have no key ranges and are refused.
 * @example const part = await validateShard(landParcels, readPostgres({ connectionString: url, table: 'parcels' }), { shard: '2/3', now });
 */
export async function validatePostgresShard(definition: DatasetDefinition, input: PostgresOptions, shard: ShardSpec,
  options: ShardValidateOptions): Promise<ShardState> {
  if (input.query !== undefined) {
    throw new Error('ddss: a shard reads a key range of a table, and a query has no key ranges: make the query a view ' +
      '(CREATE VIEW … AS …) and shard it with --table VIEW --order-by KEY, or validate the query in one process');
  }
  if (input.unordered === true) throw new Error('ddss: a shard reads a key range of the table in key order: drop --unordered (or give --order-by)');
  const connectionString = input.connectionString as string;
  const common = await shardCommon(definition, options);
  const secret = input.password ?? urlPassword(connectionString);
  const where = redactUrl(connectionString);
  const pg = await loadPg().catch((e: unknown) => { throw new PostgresShardError((e as Error).message.replace(/^ddss: /, ''), { cause: e }); });
  const client = new pg.Client(clientConfig(connectionString, input.password));
  client.on('error', () => undefined); // an idle connection ended by the server must not end the process
  const fail = (e: unknown): PostgresShardError => new PostgresShardError(hideSecret((e as Error).message.replace(/^ddss: /, ''), secret), { cause: e });
  try {
    await client.connect().catch((e: unknown) => { throw connectionError(e, where, secret); });
    const cut = await cutTable(client, input, shard).catch((e: unknown) => { throw queryError(e, secret); });
    const k = shard.index - 1;
    const v = common.validator();
    const range = cut.range;
    let records = 0;
    let error: string | undefined;
    if (range !== undefined) {
      const source = readPostgres({ ...input, range, snapshot: cut.snapshot });
      try {
        for await (const batch of source.batches()) {
          v.addBatch(batch);
          await v.waitForSinks();
        }
      } catch (e) {
        if (e instanceof SinkFailure) throw e; // the caller's receiver failed, not the table (unwrapped below)
        error = e instanceof Error ? e.message : String(e);
      }
      records = source.info().records ?? 0;
    }
    const state = liveState(v); // gives out the last graded record
    await v.waitForSinks();
    const name = readPostgres(input).info().name as string;
    const table: ShardPostgresInput = { kind: 'postgres', name, plan: cut.plan };
    return {
      ...common.header,
      input: table,
      shard,
      range: { began: k, ended: k + 1, records, rows: state.rows, lines: state.lines, endings: [], keys: cut.keys,
        ...(error === undefined ? {} : { error }) },
      state,
    };
  } catch (e) {
    if (e instanceof SinkFailure) throw e.cause;
    throw e instanceof PostgresShardError ? e : fail(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface TableCut {
  readonly range: KeyRange | undefined;
  readonly snapshot: string;
  readonly plan: ShardPostgresInput['plan'];
  /** sha256 of the range's first and next key ('' for the table's start or end). */
  readonly keys: { readonly from: string; readonly to: string };
}

/**
 * Opens a read-only `REPEATABLE READ` transaction on `client` (left open: the shard's reader imports its snapshot),
 * and cuts the shard's key range in it: rows from the key at row offset ⌊(K−1)·rows/N⌋ of the table in key order
 * to the key at ⌊K·rows/N⌋, the boundaries `workers: N` cuts at (`postgresKeyRanges`). A shard reads only its own
 * two boundaries (each an `OFFSET` walk of the key's index, or a page number for a table read in physical order:
 * see `rangeBoundary`), so N shards walk the index about N times in all, not N²/2 times. Equal boundaries (fewer rows than shards, or a key with many equal values) make an empty range.
 */
async function cutTable(client: PgClient, input: PostgresOptions, shard: ShardSpec): Promise<TableCut> {
  await startSession(client); // as the reader's session, which reads its boundaries back
  await client.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
  const snapshot = ((await client.query({ text: 'SELECT pg_catalog.pg_export_snapshot()', rowMode: 'array' })).rows[0] as string[])[0] as string;
  const plan = await readPlan(client, input);
  if (!plan.rangeable || plan.from === undefined) throw new Error(`ddss: ${input.table ?? 'the table'} has no order key to cut it by: give --order-by`);
  const size = await tableSize(client, plan);
  const count = size.rows;
  const boundary = async (k: number): Promise<readonly (string | null)[] | undefined> =>
    (k <= 0 || k >= shard.count || count === 0 ? undefined : rangeBoundary(client, plan, size, k, shard.count));
  const from = await boundary(shard.index - 1);
  const to = await boundary(shard.index);
  const hash = (key: readonly (string | null)[] | undefined): string =>
    (key === undefined ? '' : createHash('sha256').update(JSON.stringify(key)).digest('hex'));
  // An empty table is read whole by the first shard (its columns are still checked); the others read nothing.
  const range = count === 0 && shard.index > 1 ? undefined : { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  return { range, snapshot, plan: { rows: count, orderBy: [...plan.orderBy] }, keys: { from: hash(from), to: hash(to) } };
}
