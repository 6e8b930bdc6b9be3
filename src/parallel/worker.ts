/**
 * Worker thread entry: validates one byte range of a CSV file, or one key range of a PostgreSQL table, and posts
 * back its validator state (plain, structured-clonable data) and the exact byte offsets it covered. Violations
 * stream back in batches when the caller asked for every violation.
 */
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator, type Validator } from '../core/validator.js';
import { drain, validateCsvRange } from './validate-range.js';
import { loadDefinitionRef } from './definition-ref.js';
import { liveMarks, liveMismatch } from '../core/live-marks.js';
import { transferables } from './transferables.js';
import { enterWorker } from './worker-context.js';
import type { Ack, PostgresRangeTask, WorkerMessage, WorkerTask } from './protocol.js';
import { readPostgres } from '../sources/postgres/read-postgres.js';
import type { Violation } from '../core/types.js';
import type { RecordGrade } from '../core/grades.js';
import { bindTables } from '../reference/bind-references.js';
import { referenceTableFrom } from '../reference/reference.js';
import { adoptKeySeed } from '../../rules/clean/_key-seed.js';
import { sealLogs } from '../../rules/clean/_repeated-texts.js';
import { liveState } from '../core/live-state.js';

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
  const differs = task.ref.live === undefined ? undefined : liveMismatch(loaded.name, task.ref.live, liveMarks(loaded));
  if (differs !== undefined) throw new Error(differs);
  const refs = task.references;
  const def = refs === undefined ? loaded
    : bindTables(loaded, new Map(Object.entries(refs).map(([name, data]) => [name, referenceTableFrom(data)])));
  const v = createValidator(def, {
    ...task.options,
    ...(task.stream ? { onViolation: (x: Violation) => { if (found.push(x) >= BATCH) flush(); } } : {}),
    ...(task.streamGrades === true ? { onRecord: (x: RecordGrade) => { if (found.push(x) >= BATCH) flush(); } } : {}),
  });
  if ('postgres' in task) return runPostgres(task, v);
  const read = await validateCsvRange(task, v, task.options.timings === true, backpressure, (at) => post({ type: 'began', at }));
  const state = liveState(v); // gives out the last graded record, which must go in the last batch
  flush();
  if (task.seal === true) sealLogs(state); // after the last batch is on its way
  return { type: 'done', state, ...read };
}

/** One key range of a PostgreSQL table, read in the run's snapshot (rows are numbered within the range). */
async function runPostgres(task: PostgresRangeTask, v: Validator): Promise<WorkerMessage> {
  post({ type: 'began', at: 0 });
  const source = readPostgres(task.postgres);
  const error = (await drain(source.batches(), v, task.options.timings === true, backpressure)) ?? source.info().error;
  const state = liveState(v); // gives out the last graded record, which must go in the last batch
  flush();
  if (task.seal === true) sealLogs(state); // after the last batch is on its way
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
 * Backpressure, after each batch: the main thread forwards or stores violations at its own pace (a sink, a disk);
 * without waiting, a range full of violations would pile up in its message queue.
 */
async function backpressure(): Promise<void> {
  while (unacked > AHEAD) await new Promise<void>((resolve) => { wake = resolve; });
}

port.on('message', (msg: WorkerTask | Ack) => {
  if ('type' in msg) {
    unacked--;
    wake?.();
    wake = undefined;
    return;
  }
  run(msg).then(
    // The state's typed arrays (uniqueness logs, dense row sets) move to the main thread instead of being copied.
    (msg) => port.postMessage(msg, msg.type === 'done' ? transferables(msg.state) : []),
    // One line: the main thread rejects with it and the CLI prints it as one `ddss:` line.
    (e: unknown) => post({ type: 'failed', message: firstLine(e instanceof Error ? e.message : String(e)) }),
  );
});

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
