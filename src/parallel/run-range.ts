import { Worker } from 'node:worker_threads';
import { keySeed } from '../../rules/clean/_key-seed.js';
import { superviseWorker, type SupervisedRange } from './supervise-worker.js';
import { workerContext } from './worker-context.js';
import type { Ack, WorkerMessage, WorkerTask } from './protocol.js';

/** A range's final answer. */
export type RangeDone = Extract<WorkerMessage, { type: 'done' }>;

/** One range being validated in a worker thread of its own. */
export type RangeRun = SupervisedRange<RangeDone>;

/**
 * Starts a worker for one range. Its violations are passed on with a function to call once they are handled: the
 * worker waits for that before it sends many more. The worker is ended as soon as it answers: its heap is gone
 * before the states merge, and the state's buffers arrive transferred, so the main thread holds each range's tables
 * once. The promises never reject unobserved (a stopped range's rejection is expected).
 * @example const run = runRange(task, (batch, done) => order.add(k, batch, done)); const result = await run.done;
 */
export function runRange(task: WorkerTask, onViolations: (batch: Uint8Array, done: () => void) => void): RangeRun {
  const worker = spawn();
  return superviseWorker<RangeDone>(worker, task, (msg, stopped) => {
    if (msg.type !== 'violations') return;
    onViolations((msg as Extract<WorkerMessage, { type: 'violations' }>).batch,
      () => { if (!stopped()) worker.postMessage({ type: 'ack' } satisfies Ack); });
  });
}

function spawn(): Worker {
  // validate() refuses first (worker-context.ts); this holds for any other way in, e.g. an older copy of ddss.
  if (workerContext() !== undefined) throw new Error('ddss: a worker thread never starts workers');
  // From sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist it is plain JavaScript.
  const here = import.meta.url;
  // The worker hashes keys with this thread's seed, so key tables built there merge here without re-hashing.
  return new Worker(new URL(here.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', here),
    { workerData: { keySeed: keySeed() } });
}
