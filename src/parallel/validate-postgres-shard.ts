import { createHash } from 'node:crypto';
import { postgresKeyRanges } from '../sources/postgres/key-ranges.js';
import { loadPg, type PgClient } from '../sources/postgres/pg.js';
import { clientConfig } from '../sources/postgres/client-config.js';
import { connectionError, queryError } from '../sources/postgres/pg-errors.js';
import { readPlan, RAW, type KeyRange } from '../sources/postgres/plan.js';
import { readPostgres, type PostgresOptions } from '../sources/postgres/read-postgres.js';
import { hideSecret, redactUrl, urlPassword } from '../sources/postgres/redact.js';
import type { DatasetDefinition } from '../core/types.js';
import type { ShardSpec } from './shard-spec.js';
import type { ShardPostgresInput, ShardState } from './shard-state.js';
import type { ShardValidateOptions } from './validate-shard.js';
import { shardCommon } from './shard-common.js';

/** A table that cannot be cut or read by a shard: exit 3 (the server, the catalog), never a usage mistake. */
export class PostgresShardError extends Error {
  override readonly name = 'PostgresShardError';
}

/**
 * Validates key range K of N of a PostgreSQL table (`readPostgres({ connectionString, table })`) and returns its
 * state. The shard cuts the table as `workers: N` cuts it (`postgresKeyRanges`: N ranges of about equal row counts in
 * key order) in a `REPEATABLE READ` snapshot it exports, and reads its range in that snapshot, so its cut and its
 * rows agree. Shards cannot share one snapshot: the state records the cut (row count, number of ranges, order key,
 * a hash of the boundaries) and `mergeShards` refuses shards whose cuts differ, or whose rows do not add up to the
 * count. A table with fewer rows (or distinct keys) than N has fewer ranges; the shards past them are empty.
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
    const cut = await cutTable(client, input, shard.count).catch((e: unknown) => { throw queryError(e, secret); });
    const k = shard.index - 1;
    const v = common.validator();
    const range = cut.ranges[k];
    let records = 0;
    let error: string | undefined;
    if (range !== undefined) {
      const source = readPostgres({ ...input, range, snapshot: cut.snapshot });
      try {
        for await (const batch of source.batches()) v.addBatch(batch);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      records = source.info().records ?? 0;
    }
    const state = v.state();
    const name = readPostgres(input).info().name as string;
    const table: ShardPostgresInput = { kind: 'postgres', name, plan: cut.plan };
    return {
      ...common.header,
      input: table,
      shard,
      range: { began: k, ended: k + 1, records, rows: state.rows, lines: state.lines, endings: [], ...(error === undefined ? {} : { error }) },
      state,
    };
  } catch (e) {
    throw e instanceof PostgresShardError ? e : fail(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface TableCut {
  readonly ranges: readonly KeyRange[];
  readonly snapshot: string;
  readonly plan: ShardPostgresInput['plan'];
}

/**
 * Opens a read-only `REPEATABLE READ` transaction on `client` (left open: the shard's reader imports its snapshot),
 * and cuts the table in it: the ranges, and the plan that every shard of the run must have seen alike.
 */
async function cutTable(client: PgClient, input: PostgresOptions, parts: number): Promise<TableCut> {
  await client.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
  const snapshot = ((await client.query({ text: 'SELECT pg_catalog.pg_export_snapshot()', rowMode: 'array' })).rows[0] as string[])[0] as string;
  const plan = await readPlan(client, input);
  if (!plan.rangeable || plan.from === undefined) throw new Error(`ddss: ${input.table ?? 'the table'} has no order key to cut it by: give --order-by`);
  // The same cut as workers: N (postgresKeyRanges), without their minimum of rows per range: a shard is asked for.
  const ranges = await postgresKeyRanges(client, input, parts, { minRowsPerRange: 1 });
  const count = Number(((await client.query({ text: `SELECT count(*) FROM ${plan.from}`, rowMode: 'array', types: RAW })).rows[0] as string[])[0]);
  const boundaries = createHash('sha256').update(JSON.stringify(ranges)).digest('hex');
  return { ranges, snapshot, plan: { rows: count, ranges: ranges.length, orderBy: [...plan.orderBy], boundaries } };
}
