/**
 * Worker thread entry: validates one byte range of a CSV file, or one key range of a PostgreSQL table, and posts
 * back its validator state (plain, structured-clonable data) and the exact byte offsets it covered. Violations
 * stream back in batches when the caller asked for every violation.
 */
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator, type Validator } from '../core/validator.js';
import { timedBatches } from '../core/timings.js';
import { readCsvRange } from '../sources/csv/read-csv-range.js';
import { loadDefinitionRef } from './definition-ref.js';
import { transferables } from './transferables.js';
import { enterWorker } from './worker-context.js';
import { fileChanged } from './file-changed.js';
import type { Ack, PostgresRangeTask, WorkerMessage, WorkerTask } from './protocol.js';
import type { RowBatch } from '../core/source.js';
import { readPostgres } from '../sources/postgres/read-postgres.js';
import type { Violation } from '../core/types.js';
import type { RecordGrade } from '../core/grades.js';
import { bindTables } from '../reference/bind-references.js';
import { referenceTableFrom } from '../reference/reference.js';
import { adoptKeySeed } from '../../rules/clean/_key-seed.js';

/** Violations per message, and messages a worker may send before the main thread has handled them. */
const BATCH = 2048;
const AHEAD = 4;

const port = parentPort;
if (port === null) throw new Error('ddss: worker.ts must run in a worker thread');
// The parent's hash seed, before any table is built: the tables sent back merge without re-hashing (run-range.ts).
const seed = (workerData as { keySeed?: unknown } | null)?.keySeed;
if (typeof seed === 'number') adoptKeySeed(seed);
const post = (msg: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer);
const context = { loading: undefined as string | undefined, fail: (message: string) => post({ type: 'failed', message }) };
enterWorker(context);
let unacked = 0;
let wake: (() => void) | undefined;

async function run(task: WorkerTask): Promise<WorkerMessage> {
  // While the module is imported, a validate() call in it is a script re-running itself: refused (worker-context.ts).
  context.loading = task.ref.module;
  const loaded = await loadDefinitionRef(task.ref).finally(() => { context.loading = undefined; });
  const refs = task.references;
  const def = refs === undefined ? loaded
    : bindTables(loaded, new Map(Object.entries(refs).map(([name, data]) => [name, referenceTableFrom(data)])));
  const v = createValidator(def, {
    ...task.options,
    ...(task.stream ? { onViolation: (x: Violation) => { if (found.push(x) >= BATCH) flush(); } } : {}),
    ...(task.streamGrades === true ? { onRecord: (x: RecordGrade) => { if (found.push(x) >= BATCH) flush(); } } : {}),
  });
  if ('postgres' in task) return runPostgres(task, v);
  const source = readCsvRange(task.path, {
    ...task.csv, start: task.start, exact: task.exact, stop: task.stop,
    ...(task.columns === undefined ? {} : { columns: task.columns }),
    onBegin: (at) => post({ type: 'began', at }),
  });
  let error = await drain(source.batches(), v, task.options.timings === true);
  const state = v.state(); // gives out the last graded record, which must go in the last batch
  flush();
  const range = source.range();
  // A changed file is a partial read whatever the reader saw; a reader that stopped early says why in its info
  // (an open quote past the record cap: the records after it cannot be found).
  const changed = range.size === undefined || range.size === task.size ? undefined : fileChanged(task.size, range.size);
  error = changed ?? error ?? source.info().error;
  return {
    type: 'done', state, began: range.began, ended: range.ended, records: source.info().records ?? 0,
    endings: source.endings(),
    ...(error === undefined ? {} : { error }),
  };
}

/** One key range of a PostgreSQL table, read in the run's snapshot (rows are numbered within the range). */
async function runPostgres(task: PostgresRangeTask, v: Validator): Promise<WorkerMessage> {
  post({ type: 'began', at: 0 });
  const source = readPostgres(task.postgres);
  const error = (await drain(source.batches(), v, task.options.timings === true)) ?? source.info().error;
  const state = v.state(); // gives out the last graded record, which must go in the last batch
  flush();
  return { type: 'done', state, began: 0, ended: 0, records: source.info().records ?? 0, endings: [],
    ...(error === undefined ? {} : { error }) };
}

let found: Array<Violation | RecordGrade> = [];
function flush(): void {
  if (found.length === 0) return;
  const batch = serialize(found);
  found = [];
  post({ type: 'violations', batch }, transferables(batch));
  unacked++;
}

/**
 * Validates every batch; a source that fails ends the range with its reason. The caller flushes after `v.state()`.
 * With `timed`, the time spent reading is added to the validator's timings (waiting for acks is not reading).
 */
async function drain(batches: AsyncIterable<RowBatch>, v: Validator, timed: boolean): Promise<string | undefined> {
  let error: string | undefined;
  try {
    for await (const batch of timed ? timedBatches(batches, (ms) => v.addReadTime(ms)) : batches) {
      v.addBatch(batch);
      // Backpressure: the main thread forwards or stores violations at its own pace (a sink, a disk); without
      // waiting, a range full of violations would pile up in its message queue.
      while (unacked > AHEAD) await new Promise<void>((resolve) => { wake = resolve; });
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return error;
}

port.on('message', (msg: WorkerTask | Ack) => {
  if ('type' in msg) {
    unacked--;
    wake?.();
    wake = undefined;
    return;
  }
  run(msg).then(
    // The state's typed arrays (uniqueness tables, dense row sets) move to the main thread instead of being copied.
    (msg) => port.postMessage(msg, msg.type === 'done' ? transferables(msg.state) : []),
    // One line: the main thread rejects with it and the CLI prints it as one `ddss:` line.
    (e: unknown) => post({ type: 'failed', message: firstLine(e instanceof Error ? e.message : String(e)) }),
  );
});

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
