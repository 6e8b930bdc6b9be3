import { Worker } from 'node:worker_threads';
import { keySeed } from '../../rules/clean/_key-seed.js';
import { WorkerCrashError } from './worker-crash.js';
import { workerContext } from './worker-context.js';
import type { Ack, WorkerMessage, WorkerTask } from './protocol.js';

/** A range's final answer. */
export type RangeDone = Extract<WorkerMessage, { type: 'done' }>;

/** One range being validated in a worker thread of its own. */
export interface RangeRun {
  /** The range's true start; rejects if the worker fails first. */
  readonly began: Promise<number>;
  /** The range's state and offsets; rejects with the worker's reason if it fails. */
  readonly done: Promise<RangeDone>;
  /** Ends the worker (if still running); later messages are dropped and the promises, if pending, reject. */
  stop(): Promise<void>;
}

/**
 * Starts a worker for one range. Its violations are passed on with a function to call once they are handled: the
 * worker waits for that before it sends many more. The worker is ended as soon as it answers: its heap is gone
 * before the states merge, and the state's buffers arrive transferred, so the main thread holds each range's tables
 * once. The promises never reject unobserved (a stopped range's rejection is expected).
 * @example const run = runRange(task, (batch, done) => order.add(k, batch, done)); const result = await run.done;
 */
export function runRange(task: WorkerTask, onViolations: (batch: Uint8Array, done: () => void) => void): RangeRun {
  const worker = spawn();
  let stopped = false;
  let began!: { resolve: (at: number) => void; reject: (e: Error) => void };
  let done!: { resolve: (d: RangeDone) => void; reject: (e: Error) => void };
  const beganP = new Promise<number>((resolve, reject) => { began = { resolve, reject }; });
  const doneP = new Promise<RangeDone>((resolve, reject) => { done = { resolve, reject }; });
  beganP.catch(() => undefined);
  doneP.catch(() => undefined);
  const fail = (e: Error): void => {
    began.reject(e);
    done.reject(e);
    void stop();
  };
  worker.on('message', (msg: WorkerMessage) => {
    if (stopped) return;
    if (msg.type === 'began') began.resolve(msg.at);
    else if (msg.type === 'violations') {
      onViolations(msg.batch, () => { if (!stopped) worker.postMessage({ type: 'ack' } satisfies Ack); });
    }
    else if (msg.type === 'done') {
      began.resolve(msg.began);
      done.resolve(msg);
      void stop();
    } else fail(new Error(msg.message));
  });
  worker.once('error', (e) => {
    if (!stopped) fail(new WorkerCrashError(`ddss: a worker thread failed: ${e.message.split('\n', 1)[0] ?? ''}`, { cause: e }));
  });
  worker.once('exit', (code) => {
    if (!stopped) fail(new WorkerCrashError(`ddss: a worker stopped (exit code ${code}) before finishing its range`));
  });
  try {
    worker.postMessage(task);
  } catch (e) {
    fail(e as Error); // an option that cannot be cloned
  }
  let ending: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped = true;
    const stoppedError = new Error('ddss: range stopped');
    began.reject(stoppedError);
    done.reject(stoppedError);
    ending ??= worker.terminate().then(() => undefined, () => undefined);
    return ending;
  }
  return { began: beganP, done: doneP, stop };
}

function spawn(): Worker {
  // validate() refuses first (worker-context.ts); this holds for any other way in, e.g. an older copy of ddss.
  if (workerContext() !== undefined) throw new Error('ddss: a worker thread never starts workers');
  // From sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist it is plain JavaScript.
  const here = import.meta.url;
  // The worker hashes keys with this thread's seed, so its uniqueness tables merge here without re-hashing.
  return new Worker(new URL(here.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', here),
    { workerData: { keySeed: keySeed() } });
}
