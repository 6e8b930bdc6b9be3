import type { RowBatch, SourceIssue } from './source.js';
import type { ValidatorState } from './state.js';
import type { Report, SourceInfo } from './types.js';

/** A streaming, mergeable validator for one dataset definition (DESIGN §3). */
export interface Validator {
  /**
   * Evaluates one row: an object, a `Map`, or an array read through the columns a batch gave (without them an array
   * names no field, and is a `non_object_element` row, as anything else that is not a record).
   */
  add(row: unknown, line?: number): void;
  addMany(rows: Iterable<unknown>): void;
  /** Evaluates a batch from a source, with its line numbers and structural issues. */
  addBatch(batch: RowBatch): void;
  /** Records a structural issue that is not attached to a row of a batch (blank record, bad header). */
  addIssue(issue: SourceIssue): void;
  /**
   * Everything accumulated so far, as plain structured-clonable data: a copy, which later `add`, `merge` and `finish`
   * calls leave as it is (a checkpoint), as merging it elsewhere does.
   */
  state(): ValidatorState;
  /**
   * Appends another shard's state after this one's (its rows follow this validator's rows), leaving `other` as it
   * is. `last`: nothing is merged after it, and the state is not read again before `finish` (rules may then keep less).
   */
  merge(other: ValidatorState, last?: boolean): void;
  /**
   * The Promises `onViolation` and `onRecord` returned since the last call, as one; `undefined` when they returned
   * none. A loop feeding the validator awaits it between batches (and after `finish`), so a slow receiver holds the
   * reading back; it rejects with a `SinkFailure` (whose `cause` is the receiver's error) when one rejected. A
   * receiver that throws makes the call that reached it (`add`, `addBatch`, `state`, `finish`) throw a `SinkFailure`
   * at once, and this reject with it too. Once a receiver has failed, every later call but this one and `addReadTime`
   * throws a `SinkFailure` with the same `cause`: the validator gives no more state or report.
   */
  waitForSinks(): Promise<void> | undefined;
  /** Adds time spent reading the source to the read stage (counted only when the run measures `timings`). */
  addReadTime(ms: number): void;
  /** Finishes dataset rules and computes scores. The validator cannot be used afterwards. */
  finish(source?: SourceInfo | null, partial?: boolean): Report;
}
