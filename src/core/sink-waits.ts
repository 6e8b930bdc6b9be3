import { isThenable } from './_validator-helpers.js';

/**
 * The Promises a run's receivers (`onViolation`, `onRecord`) returned, waited for between batches of rows: a receiver
 * writing to a slow disk or inserting into a database says "wait" by returning a Promise, and the run reads no more
 * rows until it settles, so memory stays flat however slow the receiver is.
 */
export interface SinkWaits {
  /** Wraps a receiver so that what it returns is tracked. */
  wrap<T>(receiver: ((x: T) => unknown) | undefined): ((x: T) => void) | undefined;
  /**
   * Every Promise returned since the last call, as one (`undefined` when there is none, the common case: nothing to
   * await). It rejects with a {@link SinkFailure} when one of them rejected.
   */
  take(): Promise<void> | undefined;
}

/**
 * A receiver's Promise rejected (or the receiver threw): the run stops and `validate` rejects with `cause`, the
 * receiver's own error. A class
 * of its own so that the loops that turn a source's failure into a partial report let it through.
 */
export class SinkFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SinkFailure';
  }
}

/**
 * Tracks receivers' Promises for one validator.
 * @example const w = sinkWaits(); const onViolation = w.wrap(write); … const p = w.take(); if (p) await p;
 */
export function sinkWaits(): SinkWaits {
  let pending: Array<PromiseLike<unknown>> = [];
  let failure: SinkFailure | undefined;
  const track = (r: unknown): void => {
    if (!isThenable(r)) return;
    // Handled at once, so a rejection is never "unhandled" while the batch is still being evaluated.
    pending.push(Promise.resolve(r).then(undefined, (e: unknown) => { failure ??= new SinkFailure(e); }));
  };
  /**
   * A receiver that throws fails as one whose Promise rejects: the throw becomes a `SinkFailure`, which the loops that
   * turn a source's failure into a partial report let through (a bare throw read as "the input could not be read").
   * Thrown at once, so the run stops where the receiver failed; `take` rejects with it too, for a caller that
   * swallowed it.
   */
  const call = <T>(receiver: (x: T) => unknown, x: T): unknown => {
    try {
      return receiver(x);
    } catch (e) {
      throw (failure ??= new SinkFailure(e));
    }
  };
  return {
    wrap: (receiver) => (receiver === undefined ? undefined : (x) => track(call(receiver, x))),
    take() {
      if (pending.length === 0) return failure === undefined ? undefined : Promise.reject(failure);
      const all = pending;
      pending = [];
      return Promise.all(all).then(() => {
        if (failure !== undefined) throw failure;
      });
    },
  };
}

/**
 * Awaits what `Validator.waitForSinks` returned at the end of a run, rejecting with the receiver's own error.
 * @example const report = v.finish(info); await lastWaits(v.waitForSinks()); return report;
 */
export async function lastWaits(wait: Promise<void> | undefined): Promise<void> {
  try {
    await wait;
  } catch (e) {
    throw e instanceof SinkFailure ? e.cause : e;
  }
}
