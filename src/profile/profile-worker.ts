/**
 * Worker thread entry of `profile` with workers: profiles one byte range of a CSV file and posts back its profile
 * state (plain, structured-clonable data) and the byte offsets it covered.
 */
import { parentPort } from 'node:worker_threads';
import { readCsvRange } from '../sources/csv/read-csv-range.js';
import { fileChanged } from '../parallel/file-changed.js';
import { enterWorker } from '../parallel/worker-context.js';
import { addRows, profileState } from './profile-state.js';
import { valueContext } from './recognisers.js';
import type { ProfileRangeTask, ProfileWorkerMessage } from './profile-range.js';

const port = parentPort;
if (port === null) throw new Error('ddss: profile-worker.ts must run in a worker thread');
const post = (msg: ProfileWorkerMessage): void => port.postMessage(msg);
// A ddss worker thread: validate() and profile() called here never start workers of their own.
enterWorker({ loading: undefined, fail: (message) => post({ type: 'failed', message }) });

async function run(task: ProfileRangeTask): Promise<ProfileWorkerMessage> {
  const state = profileState(task.bounds);
  const ctx = valueContext(new Date(task.now), task.communes);
  const source = readCsvRange(task.path, {
    ...task.csv, start: task.start, exact: task.exact, stop: task.stop,
    ...(task.columns === undefined ? {} : { columns: task.columns }),
    onBegin: (at) => post({ type: 'began', at }),
  });
  let header: readonly string[] = task.columns ?? [];
  for await (const batch of source.batches()) {
    if (batch.columns !== undefined) header = batch.columns;
    addRows(state, batch, header, ctx, Infinity);
  }
  const range = source.range();
  const changed = range.size === undefined || range.size === task.size ? undefined : fileChanged(task.size, range.size);
  const error = changed ?? source.info().error;
  // The header positions point into `columns`; the main thread rebuilds them (and they need not cross twice).
  state.positions = [];
  state.header = undefined;
  return { type: 'done', state, began: range.began, ended: range.ended, ...(error === undefined ? {} : { error }) };
}

port.once('message', (task: ProfileRangeTask) => {
  run(task).then(post, (e: unknown) => post({ type: 'failed', message: (e instanceof Error ? e.message : String(e)).split('\n', 1)[0] ?? '' }));
});
