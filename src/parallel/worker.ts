/**
 * Worker thread entry: validates one byte range of a CSV file and posts back its validator state (plain,
 * structured-clonable data) and the exact byte offsets it covered. Violations stream back in batches when the
 * caller asked for every violation.
 */
import { parentPort } from 'node:worker_threads';
import { createValidator } from '../core/validator.js';
import { readCsvRange } from '../sources/csv/read-csv-range.js';
import { loadDefinitionRef } from './definition-ref.js';
import { transferables } from './transferables.js';
import { enterWorker } from './worker-context.js';
import { fileChanged } from './file-changed.js';
import type { RangeTask, WorkerMessage } from './protocol.js';
import type { Violation } from '../core/types.js';

const port = parentPort;
if (port === null) throw new Error('ddss: worker.ts must run in a worker thread');
const post = (msg: WorkerMessage): void => port.postMessage(msg);
const context = { loading: undefined as string | undefined, fail: (message: string) => post({ type: 'failed', message }) };
enterWorker(context);

async function run(task: RangeTask): Promise<WorkerMessage> {
  // While the module is imported, a validate() call in it is a script re-running itself: refused (worker-context.ts).
  context.loading = task.ref.module;
  const def = await loadDefinitionRef(task.ref).finally(() => { context.loading = undefined; });
  let buffer: Violation[] = [];
  const flush = () => {
    if (buffer.length > 0) post({ type: 'violations', items: buffer });
    buffer = [];
  };
  const v = createValidator(def, {
    ...task.options,
    ...(task.stream ? { onViolation: (x: Violation) => { buffer.push(x); if (buffer.length >= 2048) flush(); } } : {}),
  });
  const source = readCsvRange(task.path, {
    ...task.csv, start: task.start, exact: task.exact, stop: task.stop,
    ...(task.columns === undefined ? {} : { columns: task.columns }),
    onBegin: (at) => post({ type: 'began', at }),
  });
  let error: string | undefined;
  try {
    for await (const batch of source.batches()) v.addBatch(batch);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  flush();
  const range = source.range();
  // A changed file is a partial read whatever the reader saw; a reader that stopped early says why in its info
  // (an open quote past the record cap: the records after it cannot be found).
  const changed = range.size === undefined || range.size === task.size ? undefined : fileChanged(task.size, range.size);
  error = changed ?? error ?? source.info().error;
  return {
    type: 'done', state: v.state(), began: range.began, ended: range.ended, records: source.info().records ?? 0,
    endings: source.endings(),
    ...(error === undefined ? {} : { error }),
  };
}

port.on('message', (task: RangeTask) => {
  run(task).then(
    // The state's typed arrays (uniqueness tables, dense row sets) move to the main thread instead of being copied.
    (msg) => port.postMessage(msg, msg.type === 'done' ? transferables(msg.state) : []),
    // One line: the main thread rejects with it and the CLI prints it as one `ddss:` line.
    (e: unknown) => post({ type: 'failed', message: firstLine(e instanceof Error ? e.message : String(e)) }),
  );
});

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
