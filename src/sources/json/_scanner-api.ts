import type { TextChunk } from './decode-utf8.js';
import type { JsonSyntaxError } from './json-syntax-error.js';
import type { JsonRowBatch } from './_record-sink.js';

/** How the scanner reads: the format and the limits of one record. */
export interface ScannerOptions {
  /** `json`: one document, an array of records (or one value); `ndjson`: one record per line. */
  readonly format: 'json' | 'ndjson';
  readonly maxRecordBytes: number;
  readonly maxDepth: number;
  /** Give each batch the byte offset where each of its records began (`starts`): what a JSON shard owns records by. */
  readonly starts?: boolean;
  /** JSON: the keys of the array of records inside the document (`recordsPath`); none: the document is the array. */
  readonly records?: readonly string[];
}

/** An incremental JSON / NDJSON reader: text goes in piece by piece, batches of records come out. */
export interface JsonScanner {
  /** Gives the next piece of text; `run()` then reads it. */
  push(chunk: TextChunk): void;
  /** Reads the current piece: `true` when consumed (or stopped by `error()`), `false` when the batch is full. */
  run(): boolean;
  /** Ends the input: completes or rejects the last record. */
  end(): void;
  /** Rows plus issues waiting in the current batch. */
  pending(): number;
  take(): JsonRowBatch;
  /** Whether a batch closed early waits to be taken before the current one (take until false, then once more). */
  ready(): boolean;
  /** Physical records so far: rows and rejected records (blank NDJSON lines are not records). */
  records(): number;
  /** Set when a JSON document is broken: reading stopped there. */
  error(): JsonSyntaxError | undefined;
}
