import type { ValidatorState } from '../core/state.js';
import type { Locale, Violation } from '../core/types.js';
import type { DefinitionRef } from './definition-ref.js';

/** What the main thread asks a worker to validate: one byte range of a CSV file. */
export interface RangeTask {
  readonly ref: DefinitionRef;
  readonly path: string;
  readonly csv: { readonly delimiter?: string; readonly encoding?: string; readonly maxRecordBytes?: number; readonly name?: string };
  /** The header; absent for the first range, which reads it from the file. */
  readonly columns?: readonly string[];
  /** Byte offset to start at; unless `exact`, reading starts after the first line break at or past it. */
  readonly start: number;
  readonly exact: boolean;
  /** Stop before the first record starting at or after this byte offset. */
  readonly stop: number;
  readonly options: {
    readonly now: string;
    readonly locale: Locale;
    readonly maxSamplesPerRule: number;
    readonly showValues: boolean;
    readonly piiKey: string;
    readonly stream: boolean;
  };
}

/** What a worker sends back. */
export type WorkerMessage =
  | { readonly type: 'violations'; readonly items: readonly Violation[] }
  | {
    readonly type: 'done';
    readonly state: ValidatorState;
    /** Byte offset of the first record this range read, and of the first it did not. */
    readonly began: number;
    readonly ended: number;
    readonly records: number;
    /** First line (within the range) of each kind of line ending. */
    readonly endings: ReadonlyArray<{ readonly kind: string; readonly line: number }>;
    readonly error?: string;
  }
  | { readonly type: 'failed'; readonly message: string };
