import { Worker } from 'node:worker_threads';
import { WorkerCrashError } from '../parallel/worker-crash.js';
import type { ColumnBounds } from './column-state.js';
import type { ProfileState } from './profile-state.js';

/** What the main thread asks a profile worker: one byte range of a CSV file (as `RangeTask` for validation). */
export interface ProfileRangeTask {
  readonly path: string;
  readonly csv: { readonly delimiter?: string; readonly encoding?: string; readonly maxRecordBytes?: number; readonly name?: string };
  /** The header; absent for the first range, which reads it from the file. */
  readonly columns?: readonly string[];
  /** Byte offset to start at; unless `exact`, reading starts after the first line break at or past it. */
  readonly start: number;
  readonly exact: boolean;
  /** Stop before the first record starting at or after this byte offset. */
  readonly stop: number;
  /** The file's size when the run started. */
  readonly size: number;
  readonly bounds: ColumnBounds;
  /** ISO instant the recognisers judge on, the same in every range. */
  readonly now: string;
}

/** What a profile worker sends back. */
export type ProfileWorkerMessage =
  | { readonly type: 'began'; readonly at: number }
  | {
    readonly type: 'done';
    readonly state: ProfileState;
    /** Byte offsets of the first record read and of the first not read. */
    readonly began: number;
    readonly ended: number;
    /** Why the range could not be read to its end (an open quote past the record cap, a changed file). */
    readonly error?: string;
  }
  | { readonly type: 'failed'; readonly message: string };

/** One range being profiled in a worker thread of its own. */
export interface ProfileRangeRun {
  readonly began: Promise<number>;
  readonly done: Promise<Extract<ProfileWorkerMessage, { type: 'done' }>>;
  /** Ends the worker (if still running); pending promises reject. */
  stop(): Promise<void>;
}

/**
 * Starts a worker thread profiling one range. The worker ends as soon as it answers; the promises never reject
 * unobserved (a stopped range's rejection is expected).
 * @example const run = runProfileRange(task); const { state } = await run.done;
 */
export function runProfileRange(task: ProfileRangeTask): ProfileRangeRun {
  // From sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist it is plain JavaScript.
  const here = import.meta.url;
  const worker = new Worker(new URL(here.endsWith('.ts') ? './profile-worker-from-source.mjs' : './profile-worker.js', here));
  let stopped = false;
  let began!: { resolve: (at: number) => void; reject: (e: Error) => void };
  let done!: { resolve: (d: Extract<ProfileWorkerMessage, { type: 'done' }>) => void; reject: (e: Error) => void };
  const beganP = new Promise<number>((resolve, reject) => { began = { resolve, reject }; });
  const doneP = new Promise<Extract<ProfileWorkerMessage, { type: 'done' }>>((resolve, reject) => { done = { resolve, reject }; });
  beganP.catch(() => undefined);
  doneP.catch(() => undefined);
  const fail = (e: Error): void => {
    began.reject(e);
    done.reject(e);
    void stop();
  };
  worker.on('message', (msg: ProfileWorkerMessage) => {
    if (stopped) return;
    if (msg.type === 'began') began.resolve(msg.at);
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
  worker.postMessage(task);
  let ending: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped = true;
    const e = new Error('ddss: range stopped');
    began.reject(e);
    done.reject(e);
    ending ??= worker.terminate().then(() => undefined, () => undefined);
    return ending;
  }
  return { began: beganP, done: doneP, stop };
}
