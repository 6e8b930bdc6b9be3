import { isTabularSource, type RowBatch, type SourceIssue, type SourceRead } from '../core/source.js';
import type { RowInput } from '../core/validate.js';
import type { SourceInfo } from '../core/types.js';
import { unreadRecords } from './_unread-records.js';

/** One side of a comparison, its header already known: rows come as arrays aligned with `columns`. */
export interface Side {
  readonly columns: readonly string[];
  /** The rest of the rows, in batches, beginning with the batch read to learn the header. */
  batches(): AsyncGenerator<readonly (readonly unknown[])[]>;
  info(): SourceInfo;
  /** Why the side could not be read whole, once reading stopped. */
  error(): string | undefined;
  /**
   * The records the source left unread (larger than the record cap, an unclosed quote, a line that is not JSON), in
   * words, once reading stopped: which no count or score of a comparison can stand for (a reference says its own).
   */
  unread(): string | undefined;
  /**
   * Structural problems the source reported (a missing or extra cell, an unreadable record), by code, and
   * `extra_property`: object records with a property the first record does not have (not compared).
   */
  issues(): Readonly<Record<string, number>>;
  /** Stops reading early (closes the file), when the comparison cannot go on. */
  close(): Promise<void>;
  /** The physical line of row `i` of the batch last yielded, when the source numbers lines. */
  line(i: number): number | undefined;
  /**
   * Whether row `i` of the batch last yielded is an object record without the property `column` (a JSON record
   * lacking its key), which its aligned row cannot tell from one holding `null`. Array rows lack nothing here (their
   * reader reports a short row as `missing_cell`).
   */
  lacks(i: number, column: string): boolean;
}

/** What a reader of a side watches besides its rows, and how it asks the source to read them. */
export interface SideWatch {
  /** Each structural issue the source reports, as it comes (a reference refuses a table read in the wrong encoding). */
  issue?(issue: SourceIssue): void;
  /** What a source with a header is asked to read it as (a dataset's `rename:`, under the source's own rename). */
  read?: SourceRead;
  /**
   * Properties object records are read by even when the first record lacks them (a reference's optional columns): a
   * JSON record leaves an empty property out, so a register's first record seldom holds a death date. A source with
   * a header is read by its header only.
   */
  also?: readonly string[];
}

const BATCH = 1024;

/**
 * Opens a side and reads its first batch to learn its columns: a source's header, else the properties of the first
 * record (object rows) in their order; later object rows are read by those names (other properties are not seen).
 * Read failures are kept (`error()`), never thrown.
 */
export async function openSide(input: RowInput, watch: SideWatch = {}): Promise<Side> {
  let failure: string | undefined;
  const it = _batches(input, watch.read)[Symbol.asyncIterator]();
  const fail = (e: unknown): void => { failure ??= e instanceof Error ? e.message : String(e); };
  let first: RowBatch | undefined;
  try {
    const r = await it.next();
    if (r.done !== true) first = r.value;
  } catch (e) {
    fail(e);
  }
  const columns = first === undefined ? [] : _columnsOf(first, watch.also ?? []);
  const issues: Record<string, number> = {};
  const lost = unreadRecords();
  let lines: ArrayLike<number> | undefined;
  let raw: readonly unknown[] | undefined;
  async function* batches(): AsyncGenerator<readonly (readonly unknown[])[]> {
    if (first === undefined) return;
    let current: readonly string[] = columns;
    let batch: RowBatch | undefined = first;
    try {
      while (batch !== undefined) {
        if (batch.columns !== undefined && batch !== first) current = batch.columns;
        for (const i of batch.issues ?? []) {
          issues[i.code] = (issues[i.code] ?? 0) + 1;
          lost.see(i);
          watch.issue?.(i);
        }
        // Object rows are read by the first record's properties: one another record has is not compared, so say so.
        const unread = _unlisted(batch.rows, columns);
        if (unread > 0) issues.extra_property = (issues.extra_property ?? 0) + unread;
        lines = batch.lines;
        raw = batch.rows;
        yield _aligned(batch.rows, current, columns);
        const r: IteratorResult<RowBatch> = await it.next();
        batch = r.done === true ? undefined : r.value;
      }
    } catch (e) {
      fail(e);
    }
  }
  return {
    columns,
    batches,
    info: () => {
      const info: SourceInfo = isTabularSource(input) ? input.info() : { kind: Array.isArray(input) ? 'array' : 'iterable' };
      return failure === undefined || info.error !== undefined ? info : { ...info, error: failure };
    },
    error: () => failure ?? (isTabularSource(input) ? input.info().error : undefined),
    unread: () => lost.error(),
    issues: () => issues,
    close: async () => {
      await it.return?.(undefined).catch(() => undefined);
    },
    line: (i) => lines?.[i],
    lacks: (i, column) => {
      const row = raw?.[i];
      if (row instanceof Map) return !row.has(column);
      return typeof row === 'object' && row !== null && !Array.isArray(row) && !Object.hasOwn(row, column);
    },
  };
}

async function* _batches(input: RowInput, read: SourceRead | undefined): AsyncGenerator<RowBatch> {
  if (isTabularSource(input)) {
    yield* input.batches(read);
    return;
  }
  let rows: unknown[] = [];
  if (Symbol.asyncIterator in input) {
    for await (const row of input) {
      rows.push(row);
      if (rows.length === BATCH) { yield { rows }; rows = []; }
    }
  } else {
    for (const row of input) {
      rows.push(row);
      if (rows.length === BATCH) { yield { rows }; rows = []; }
    }
  }
  if (rows.length > 0) yield { rows };
}

function _columnsOf(batch: RowBatch, also: readonly string[]): readonly string[] {
  const row = batch.rows[0];
  // Object rows by the first record's properties, whatever a source says it has seen (a JSON reader's keys so far
  // depend on where its first batch ends): later properties are `extra_property`, found the same way every time,
  // except those the caller reads anyway (`also`), after them.
  const objects = typeof row === 'object' && row !== null && !Array.isArray(row);
  if (batch.columns !== undefined && !objects) return batch.columns;
  if (!objects) return [];
  const own = row instanceof Map ? [...row.keys()].map(String) : Object.keys(row);
  return [...own, ...also.filter((c) => !own.includes(c))];
}

/** Object (and Map) rows holding a property that is not one of `columns`. */
function _unlisted(rows: readonly unknown[], columns: readonly string[]): number {
  let n = 0;
  let known: Set<string> | undefined;
  for (const row of rows) {
    if (Array.isArray(row) || typeof row !== 'object' || row === null) continue;
    const names = row instanceof Map ? [...row.keys()].map(String) : Object.keys(row);
    known ??= new Set(columns);
    if (names.some((c) => !(known as Set<string>).has(c))) n++;
  }
  return n;
}

/** Rows as arrays in the order of `want`; `have` names the positions of array rows. */
function _aligned(rows: readonly unknown[], have: readonly string[], want: readonly string[]): readonly (readonly unknown[])[] {
  const same = have === want || (have.length === want.length && have.every((c, i) => c === want[i]));
  const at = same ? undefined : want.map((c) => have.indexOf(c));
  return rows.map((row) => {
    if (Array.isArray(row)) return at === undefined ? row : at.map((p) => (p < 0 ? undefined : row[p]));
    if (row instanceof Map) return want.map((c) => row.get(c));
    if (typeof row === 'object' && row !== null) {
      const o = row as Record<string, unknown>;
      return want.map((c) => (Object.hasOwn(o, c) ? o[c] : undefined));
    }
    return want.map(() => undefined);
  });
}
