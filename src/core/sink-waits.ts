import { isThenable } from './_validator-helpers.js';

/**
 * The Promises a run's receivers (`onViolation`, `onRecord`) returned, waited for between batches of rows: a receiver
 * writing to a slow disk or inserting into a database says "wait" by returning a Promise, and the run reads no more
 * rows until it settles, so memory stays flat however slow the receiver is.
 */
export interface SinkWaits {
  /** Wraps a receiver so that what it returns is tracked; `name` is how a refusal names it (`onViolation`). */
  wrap<T>(receiver: ((x: T) => unknown) | undefined, name?: string): ((x: T) => void) | undefined;
  /**
   * Every Promise returned since the last call, as one (`undefined` when there is none, the common case: nothing to
   * await). It rejects with a {@link SinkFailure} when one of them rejected.
   */
  take(): Promise<void> | undefined;
  /** Calls `listener` once, when a receiver first fails (throws, or its Promise rejects). */
  onFailure(listener: () => void): void;
  /**
   * Once a receiver has failed, the error a later call (`what`: 'add a row') throws: a `SinkFailure` whose `cause` is
   * the receiver's own error, its message in ddss's words; `undefined` while none has failed.
   */
  refusal(what: string): SinkFailure | undefined;
}

/**
 * A receiver's Promise rejected (or the receiver threw): the run stops and `validate` rejects with `cause`, the
 * receiver's own error. Every later call of that validator throws one too, with the same `cause` and a `message` in
 * ddss's words (see `SinkWaits.refusal`). A class of its own so that the loops that turn a source's failure into a
 * partial report let it through.
 */
export class SinkFailure extends Error {
  constructor(override readonly cause: unknown, message = causeText(cause)) {
    super(message);
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
  /** Which receiver failed first, and whether it threw (else its Promise rejected). */
  let failedName = '';
  let threw = false;
  let listener: (() => void) | undefined;
  const fail = (e: unknown, name: string, thrown: boolean): SinkFailure => {
    if (failure === undefined) {
      failure = new SinkFailure(e);
      failedName = name;
      threw = thrown;
      listener?.();
    }
    return failure;
  };
  const track = (r: unknown, name: string): void => {
    if (!isThenable(r)) return;
    // Handled at once, so a rejection is never "unhandled" while the batch is still being evaluated.
    pending.push(Promise.resolve(r).then(undefined, (e: unknown) => { fail(e, name, false); }));
  };
  /**
   * A receiver that throws fails as one whose Promise rejects: the throw becomes a `SinkFailure`, which the loops that
   * turn a source's failure into a partial report let through (a bare throw read as "the input could not be read").
   * Thrown at once, so the run stops where the receiver failed; `take` rejects with it too, for a caller that
   * swallowed it.
   */
  const call = <T>(receiver: (x: T) => unknown, x: T, name: string): unknown => {
    try {
      return receiver(x);
    } catch (e) {
      throw fail(e, name, true);
    }
  };
  return {
    wrap: (receiver, name = 'a receiver') => (receiver === undefined ? undefined : (x) => track(call(receiver, x, name), name)),
    take() {
      if (pending.length === 0) return failure === undefined ? undefined : Promise.reject(failure);
      const all = pending;
      pending = [];
      return Promise.all(all).then(() => {
        if (failure !== undefined) throw failure;
      });
    },
    onFailure(l) {
      listener = l;
    },
    refusal(what) {
      if (failure === undefined) return undefined;
      const why = threw
        ? `${failedName} threw (${causeText(failure.cause)}), so the validator stopped: the row it was evaluating ` +
          'counts as read though its rules did not all run, and a report or state would count it as checked'
        : `${failedName}'s Promise rejected (${causeText(failure.cause)}), so the validator stopped: what it handed ` +
          'the receiver did not all arrive, and a report would not say so';
      return new SinkFailure(failure.cause, `ddss: cannot ${what}: ${why}. Validate again once the receiver works ` +
        '(the cause of this error is the receiver\'s)');
    },
  };
}

function causeText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
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
