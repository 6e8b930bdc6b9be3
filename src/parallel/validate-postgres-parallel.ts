import { createValidator } from '../core/validator.js';
import type { ValidatorState } from '../core/state.js';
import type { DatasetDefinition, Report, ValidateOptions } from '../core/types.js';
import { referenceTableData, type ReferenceTable } from '../reference/reference.js';
import { postgresKeyRanges } from '../sources/postgres/key-ranges.js';
import { loadPg } from '../sources/postgres/pg.js';
import { clientConfig } from '../sources/postgres/client-config.js';
import { startSession } from '../sources/postgres/session.js';
import type { KeyRange } from '../sources/postgres/plan.js';
import { readPostgres, type PostgresOptions } from '../sources/postgres/read-postgres.js';
import type { DefinitionRef } from './definition-ref.js';
import { sinkWaits } from '../core/sink-waits.js';
import { orderedViolations } from './ordered-violations.js';
import type { PostgresRangeTask } from './protocol.js';
import { rangeOptions } from './range-options.js';
import { runRange, type RangeDone, type RangeRun } from './run-range.js';
import { liveState } from '../core/live-state.js';
import { mergeHandedOver } from '../core/hand-over.js';
import { sealLogs } from '../../rules/clean/_repeated-texts.js';

/** Rows a worker reads at least: a smaller table is read faster by one thread than by starting more. */
const MIN_ROWS_PER_WORKER = 50_000;

/** The cut of a table for workers: its key ranges, read in one exported snapshot while `close` has not been called. */
export interface PostgresCut {
  readonly ranges: readonly KeyRange[];
  readonly snapshot: string;
  close(): Promise<void>;
}

/**
 * Opens a `REPEATABLE READ` transaction, exports its snapshot and cuts the table into key ranges in it, so every
 * reader that imports the snapshot sees the rows the cut saw, whatever is written meanwhile. Undefined when the
 * table cannot be cut (a query, fewer than `minRowsPerWorker` rows (default 50,000) for a second worker) or the
 * server cannot be reached here: the caller then reads in one
 * thread, which reports the failure as a partial run.
 * @example const cut = await cutPostgres(input, 2); … await cut?.close();
 */
export async function cutPostgres(input: PostgresOptions, parts: number): Promise<PostgresCut | undefined> {
  if (input.connectionString === undefined || input.table === undefined || input.range !== undefined) return undefined;
  const pg = await loadPg().catch(() => undefined);
  if (pg === undefined) return undefined;
  let client: InstanceType<typeof pg.Client>;
  try {
    client = new pg.Client(clientConfig(input.connectionString, input.password));
  } catch {
    return undefined; // a URL ddss or pg refuses (sslmode=verify-ca without its CA file): the one-thread read says why
  }
  client.on('error', () => undefined); // an idle connection ended by the server must not end the process
  const close = (): Promise<void> => client.end().catch(() => undefined);
  try {
    await client.connect();
    await startSession(client); // as the readers' sessions, which read its boundaries back
    await client.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
    const snapshot = ((await client.query({ text: 'SELECT pg_catalog.pg_export_snapshot()', rowMode: 'array' })).rows[0] as string[])[0] as string;
    const ranges = await postgresKeyRanges(client, input, parts, { minRowsPerRange: input.minRowsPerWorker ?? MIN_ROWS_PER_WORKER });
    if (ranges.length > 1) return { ranges, snapshot, close };
  } catch {
    // Reported by the one-thread read, with the reason in the report.
  }
  await close();
  return undefined;
}

/**
 * Validates a PostgreSQL table with one worker thread per key range of `cut`, each with its own connection reading
 * in the cut's snapshot, and merges the states in key order: row numbers continue across ranges and violations
 * stream in row order, so the report is byte-identical to one thread reading the table whole.
 * @example const cut = await cutPostgres(input, 2); if (cut) report = await validatePostgresParallel(def, ref, input, cut, options);
 */
export async function validatePostgresParallel(def: DatasetDefinition, ref: DefinitionRef, input: PostgresOptions,
  cut: PostgresCut, options: ValidateOptions, tables: ReadonlyMap<string, ReferenceTable> = new Map()): Promise<Report> {
  const now = new Date(options.now ?? Date.now()).toISOString();
  const piiKey = options.piiKey ?? '';
  const base = { ref, options: rangeOptions(options, now, piiKey), stream: options.onViolation !== undefined,
    ...(tables.size === 0 ? {} : { references: Object.fromEntries([...tables].map(([n, t]) => [n, referenceTableData(t)])) }) };
  const v = createValidator(def, { ...options, now, piiKey });
  let failed!: (e: unknown) => void;
  const failure = new Promise<never>((_, reject) => { failed = reject; });
  failure.catch(() => undefined);
  // What the receiver returns for the workers' violations is waited for before each batch is acknowledged.
  const waits = sinkWaits();
  // A receiver's failure on a worker range's batch (it also ends the run at once, through `failed`).
  let sinkFailure: unknown;
  const order = orderedViolations(waits.wrap(options.onViolation), cut.ranges.length,
    { settle: () => waits.take(), onSinkFailure: (e) => { sinkFailure ??= e; failed(e); } });
  const first = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failure]);
  const runs: RangeRun[] = cut.ranges.map((range, k) => {
    const task: PostgresRangeTask = { ...base, postgres: { ...input, range, snapshot: cut.snapshot },
      ...(k === cut.ranges.length - 1 ? { seal: true } : {}) };
    const run = runRange(task, (batch, done) => order.add(k, batch, done));
    run.done.catch((e: unknown) => failed(e));
    return run;
  });
  let error: string | undefined;
  let records = 0;
  try {
    for (let k = 0; k < runs.length; k++) {
      const before: ValidatorState = liveState(v);
      await first(order.promote(k, { rows: before.rows, lines: before.lines }));
      const last = k === runs.length - 1;
      if (last) sealLogs(before); // partitioned while the last range is read (see validate-parallel.ts)
      const r: RangeDone = await first((runs[k] as RangeRun).done);
      // The last is only finished, and its state is dropped after: handed over, its logs are not copied.
      if (last) mergeHandedOver(v, r.state as ValidatorState);
      else v.merge(r.state as ValidatorState);
      records += r.records;
      if (r.error !== undefined) {
        error = r.error; // the rows after this range's failure were not read, as when one thread fails there
        break;
      }
    }
    // What the receiver returned for the last range's batches, sent without waiting for their acknowledgements.
    await first(order.settled());
    if (sinkFailure !== undefined) throw sinkFailure;
  } finally {
    await Promise.all(runs.map((r) => r.stop()));
    await order.close();
    await cut.close();
  }
  const info = readPostgres(input).info(); // the name a one-thread read reports
  const report = v.finish({ ...info, records, ...(error === undefined ? {} : { error }) }, error !== undefined);
  await v.waitForSinks(); // what the receiver returned for the findings of `finish` (dataset rules)
  return report;
}
