import { Worker } from 'node:worker_threads';
import { superviseWorker, type SupervisedRange } from '../parallel/supervise-worker.js';
import type { RangeTask } from '../parallel/protocol.js';
import type { ColumnBounds } from './column-state.js';
import type { ProfileState } from './profile-state.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';

/** What the main thread asks a profile worker: one byte range of a CSV file (as `RangeTask` for validation). */
export interface ProfileRangeTask extends Pick<RangeTask, 'path' | 'csv' | 'columns' | 'start' | 'exact' | 'stop' | 'size'> {
  readonly bounds: ColumnBounds;
  /** ISO instant the recognisers judge on, the same in every range. */
  readonly now: string;
  /** The commune lists the recognisers find commune codes in (plain data, copied to each worker). */
  readonly communes: readonly CommuneTable[];
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
export type ProfileRangeRun = SupervisedRange<Extract<ProfileWorkerMessage, { type: 'done' }>>;

/**
 * Starts a worker thread profiling one range. The worker ends as soon as it answers; the promises never reject
 * unobserved (a stopped range's rejection is expected).
 * @example const run = runProfileRange(task); const { state } = await run.done;
 */
export function runProfileRange(task: ProfileRangeTask): ProfileRangeRun {
  // From sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist it is plain JavaScript.
  const here = import.meta.url;
  const worker = new Worker(new URL(here.endsWith('.ts') ? './profile-worker-from-source.mjs' : './profile-worker.js', here));
  return superviseWorker<Extract<ProfileWorkerMessage, { type: 'done' }>>(worker, task);
}
