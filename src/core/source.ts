import type { Criterion, Severity, SourceInfo } from './types.js';

/**
 * A structural problem found by a source (CSV, JSON) rather than by a rule: a missing cell, a blank row, a bad
 * header. It becomes a violation of the rule `source.<code>`.
 * - `row` scope: about an evaluated row of the batch (`index` is its position in `rows`);
 * - `record` scope: about a physical record that was not evaluated (blank, unreadable), counted as a record;
 * - `header` scope: about a column of the header (`params.column`, 1-based, names which): the rule checks the
 *   header's columns and fails once per column, however many issues one column has;
 * - `file` scope: about the input as a whole (mixed line endings, an empty file): checked once, failed at most once.
 * A code belongs to one scope: a defect found both in header cells and in rows has two codes
 * (`header_control_character`, `control_character`), so header findings never share a row rule's counts.
 */
/** Where a structural issue sits: see `SourceIssue`. */
export type SourceScope = 'row' | 'record' | 'header' | 'file';

export interface SourceIssue {
  readonly code: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly scope: SourceScope;
  readonly index?: number;
  readonly line?: number;
  readonly field?: string;
  readonly value?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** A safe replacement, when one is known (a misspelt column's intended name, the delimiter the file uses). */
  readonly suggestion?: string;
  /** Header scope: the 0-based unit the issue is about, when it is not the header column `params.column` names. */
  readonly unit?: number;
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
  /** The batches; `read.rename` (a definition's) is applied by sources with a header (CSV, xlsx) under their own. */
  batches(read?: SourceRead): AsyncIterable<RowBatch>;
  info(): SourceInfo;
}

/** What the engine asks of a source's read: the definition's rename of header columns (`DatasetDefinition.rename`). */
export interface SourceRead {
  readonly rename?: Readonly<Record<string, string>> | undefined;
}

export function isTabularSource(x: unknown): x is TabularSource {
  return typeof x === 'object' && x !== null && typeof (x as TabularSource).batches === 'function' &&
    typeof (x as TabularSource).info === 'function';
}
