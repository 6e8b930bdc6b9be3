import type { ValidatorState } from '../core/state.js';
import type { ValidateOptions } from '../core/types.js';
import type { DefinitionRef } from './definition-ref.js';
import type { ReferenceTableData } from '../reference/reference.js';
import type { PostgresOptions } from '../sources/postgres/read-postgres.js';

/**
 * The validate options a worker receives: every option of the run except functions (which cannot cross threads)
 * and the thread settings, with `now` and `piiKey` fixed once for all ranges. A new option needs no change here.
 */
export type RangeOptions = Omit<ValidateOptions, 'onViolation' | 'onRecord' | 'workers' | 'minBytesPerWorker' | 'now' | 'piiKey' | 'references' | 'baseline'> & {
  readonly now: string;
  readonly piiKey: string;
};

/** What the main thread asks a worker to validate: one byte range of a CSV file. */
export interface RangeTask {
  readonly ref: DefinitionRef;
  readonly path: string;
  /** How to read the file; `rename` (the source's header map) is applied by every range. */
  readonly csv: { readonly delimiter?: string; readonly encoding?: string; readonly maxRecordBytes?: number; readonly name?: string;
    readonly rename?: Readonly<Record<string, string>> };
  /** The header line as written (before `csv.rename`); absent for the first range, which reads it from the file. */
  readonly columns?: readonly string[];
  /** Byte offset to start at; unless `exact`, reading starts after the first line break at or past it. */
  readonly start: number;
  readonly exact: boolean;
  /** Stop before the first record starting at or after this byte offset. */
  readonly stop: number;
  /** The file's size when the run started: a different size once the range is read means the file changed. */
  readonly size: number;
  readonly options: RangeOptions;
  /** Send every violation back (the caller has an `onViolation` sink). */
  readonly stream: boolean;
  /** Send every graded record back, in the same batches as violations (the caller has an `onRecord` sink). */
  readonly streamGrades?: boolean;
  /** The tables of the references the definition names, read once by the main thread (plain typed arrays). */
  readonly references?: Readonly<Record<string, ReferenceTableData>>;
  /**
   * Partition the uniqueness logs by hash once the rows are done (`sealLogs`): set for the last range, whose logs are
   * handed over as they are at the last merge (a range merged earlier is copied, and its partition would be lost).
   */
  readonly seal?: boolean;
}

/** What the main thread asks a worker to validate: one key range of a PostgreSQL table, in one snapshot. */
export interface PostgresRangeTask {
  readonly ref: DefinitionRef;
  /** The options of `readPostgres` (a connection string, never a client), with the range and the snapshot to read. */
  readonly postgres: PostgresOptions;
  readonly options: RangeOptions;
  readonly stream: boolean;
  readonly references?: Readonly<Record<string, ReferenceTableData>>;
  /** Post graded records (never, yet: a run with `onRecord` reads a table on one thread). */
  readonly streamGrades?: boolean;
  /**
   * Partition the uniqueness logs by hash once the rows are done (`sealLogs`): set for the last range, whose logs are
   * handed over as they are at the last merge (a range merged earlier is copied, and its partition would be lost).
   */
  readonly seal?: boolean;
}

/** Either kind of range. */
export type WorkerTask = RangeTask | PostgresRangeTask;

/** What a worker sends back. */
export type WorkerMessage =
  /** The range's true start, as soon as it is known (the main thread checks it against the previous range's end). */
  | { readonly type: 'began'; readonly at: number }
  /**
   * A batch of violations and graded records (in the order found), an array serialised with `v8.serialize` in the worker (so the main thread stores a
   * waiting range's bytes as they are). The worker sends at most a few batches ahead of the main thread's `ack`s.
   */
  | { readonly type: 'violations'; readonly batch: Uint8Array }
  | ({ readonly type: 'done'; readonly state: ValidatorState } & RangeRead)
  | { readonly type: 'failed'; readonly message: string };

/** What reading a range found, besides what its validator holds (a worker's answer; the calling thread's own range). */
export interface RangeRead {
  /** Byte offset of the first record this range read, and of the first it did not. */
  readonly began: number;
  readonly ended: number;
  readonly records: number;
  /** First line (within the range) of each kind of line ending. */
  readonly endings: ReadonlyArray<{ readonly kind: string; readonly line: number }>;
  /** Why the range could not be read completely; lines in it are counted within the range. */
  readonly error?: string;
}

/** What the main thread sends a worker besides its task: one batch of violations was handled. */
export interface Ack {
  readonly type: 'ack';
}
