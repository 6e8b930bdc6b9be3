import type { Worker } from 'node:worker_threads';
import { WorkerCrashError } from './worker-crash.js';

/** The messages every range worker sends: where its range began, its answer, or why it failed. */
export type RangeMessage<Done> =
  | { readonly type: 'began'; readonly at: number }
  | (Done & { readonly type: 'done'; readonly began: number })
  | { readonly type: 'failed'; readonly message: string };

/** One range being worked on in a worker thread of its own (validation or profiling). */
export interface SupervisedRange<Done> {
  /** The range's true start; rejects if the worker fails first. */
  readonly began: Promise<number>;
  /** The worker's answer; rejects with the worker's reason if it fails. */
  readonly done: Promise<Done>;
  /** Ends the worker (if still running); later messages are dropped and the promises, if pending, reject. */
  stop(): Promise<void>;
}

/**
 * Posts `task` to `worker` and follows it: `began` and `done` settle from its messages, a crash, an early exit or a
 * `failed` message rejects both, and the worker is ended as soon as it answers (its heap is gone before the caller
 * merges). Other messages go to `other` with a flag telling whether the range was stopped. The promises never
 * reject unobserved (a stopped range's rejection is expected).
 * @example const run = superviseWorker<Done>(new Worker(url), task); const answer = await run.done;
 */
export function superviseWorker<Done>(worker: Worker, task: unknown,
  other?: (msg: { readonly type: string }, stopped: () => boolean) => void): SupervisedRange<Done> {
  let stopped = false;
  let began!: { resolve: (at: number) => void; reject: (e: Error) => void };
  let done!: { resolve: (d: Done) => void; reject: (e: Error) => void };
  const beganP = new Promise<number>((resolve, reject) => { began = { resolve, reject }; });
  const doneP = new Promise<Done>((resolve, reject) => { done = { resolve, reject }; });
  beganP.catch(() => undefined);
  doneP.catch(() => undefined);
  const fail = (e: Error): void => {
    began.reject(e);
    done.reject(e);
    void stop();
  };
  worker.on('message', (msg: RangeMessage<Done> | { readonly type: string }) => {
    if (stopped) return;
    const m = msg as RangeMessage<Done>;
    if (m.type === 'began') began.resolve(m.at);
    else if (m.type === 'done') {
      began.resolve(m.began);
      done.resolve(m);
      void stop();
    } else if (m.type === 'failed') fail(new Error(m.message));
    else other?.(msg, () => stopped);
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
