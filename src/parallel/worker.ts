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
import type { RangeTask, WorkerMessage } from './protocol.js';
import type { Violation } from '../core/types.js';

const port = parentPort;
if (port === null) throw new Error('ddss: worker.ts must run in a worker thread');

async function run(task: RangeTask): Promise<WorkerMessage> {
  const def = await loadDefinitionRef(task.ref);
  let buffer: Violation[] = [];
  const flush = () => {
    if (buffer.length > 0) port?.postMessage({ type: 'violations', items: buffer } satisfies WorkerMessage);
    buffer = [];
  };
  const o = task.options;
  const v = createValidator(def, {
    now: o.now, locale: o.locale, maxSamplesPerRule: o.maxSamplesPerRule, showValues: o.showValues, piiKey: o.piiKey,
    ...(o.stream ? { onViolation: (x: Violation) => { buffer.push(x); if (buffer.length >= 2048) flush(); } } : {}),
  });
  const source = readCsvRange(task.path, {
    ...task.csv, start: task.start, exact: task.exact, stop: task.stop,
    ...(task.columns === undefined ? {} : { columns: task.columns }),
  });
  let error: string | undefined;
  try {
    for await (const batch of source.batches()) v.addBatch(batch);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  flush();
  const range = source.range();
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
    (e: unknown) => port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies WorkerMessage),
  );
});
