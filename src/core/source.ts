import type { Criterion, Severity, SourceInfo } from './types.js';

/**
 * A structural problem found by a source (CSV, JSON) rather than by a rule: a missing cell, a blank row, a bad
 * header. It becomes a violation of the rule `source.<code>`.
 * - `row` scope: about an evaluated row of the batch (`index` is its position in `rows`);
 * - `record` scope: about a physical record that was not evaluated (blank, unreadable), counted as a record;
 * - `header` scope: about a column of the header.
 */
export interface SourceIssue {
  readonly code: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly scope: 'row' | 'record' | 'header';
  readonly index?: number;
  readonly line?: number;
  readonly field?: string;
  readonly value?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A batch of rows from a source. Array rows are read positionally through `columns`. */
export interface RowBatch {
  /** The header, on the first batch (or whenever it changes). */
  readonly columns?: readonly string[];
  readonly rows: readonly unknown[];
  /** Physical line of each row, when known. */
  readonly lines?: ArrayLike<number>;
  readonly issues?: readonly SourceIssue[];
  /** Physical lines consumed so far (so merged shards can shift line numbers). */
  readonly linesRead?: number;
}

/**
 * A source the engine reads in batches (fast path), which is also an async iterable of records for direct use.
 * `info()` is complete once iteration has ended; a source that fails mid-stream throws from its iterator and the
 * run becomes `partial`.
 */
export interface TabularSource {
  readonly kind: string;
  batches(): AsyncIterable<RowBatch>;
  info(): SourceInfo;
}

export function isTabularSource(x: unknown): x is TabularSource {
  return typeof x === 'object' && x !== null && typeof (x as TabularSource).batches === 'function' &&
    typeof (x as TabularSource).info === 'function';
}
