import type { ValueContext } from './recognisers.js';
import type { RowBatch } from '../core/source.js';
import { missingTest, type MissingTest } from '../core/missing.js';
import { VN_MISSING_VALUES } from '../../rules/vn/dates/missing-values.js';
import { addCell, columnState, mergeColumns, type ColumnBounds, type ColumnState } from './column-state.js';
import type { ExactBudget } from './top-counts.js';

/**
 * What a profile keeps while reading a source: one state per column, in the order the columns first appeared. A
 * name the header repeats is a column of its own (its `occurrence` counts from 0), as the file has two columns.
 */
export interface ProfileState {
  readonly bounds: ColumnBounds;
  rows: number;
  /** What the source reported (a bad JSON line, a row with extra cells, bytes not in its encoding), by issue code. */
  readonly issues: Map<string, number>;
  /** True when a `sample` limit stopped the read before the end of the source. */
  sampled: boolean;
  columns: ColumnState[];
  /** Column key (name and occurrence) → index in `columns`. */
  readonly index: Map<string, number>;
  /** The state of each position of the current header (array rows); undefined past `MAX_PROFILED_COLUMNS`. */
  positions: (ColumnState | undefined)[];
  /** The header `positions` was made for. */
  header: readonly string[] | undefined;
  /** Exact values the columns' counters hold together (see `ExactBudget`). */
  readonly budget: ExactBudget;
  /** Columns past `MAX_PROFILED_COLUMNS` (in the widest header read, or keys of object rows): not profiled. */
  unprofiled: number;
  /** The keys of object rows past `MAX_PROFILED_COLUMNS`, to count each once. */
  beyond?: Set<string>;
}

/**
 * Columns a profile describes, the first of a header: Excel's limit, far past any register's width. Each column's
 * state holds its counters and tallies (about 1.5 kB empty): a 2 MB header of 520,000 one-letter names took 2.8 GB
 * and a minute to describe columns no one could read. The ones past it are counted (`Profile.columnsNotProfiled`).
 */
export const MAX_PROFILED_COLUMNS = 16_384;

/**
 * Exact values (and their UTF-16 code units) all columns may hold together: 2 million, some 200 MB. A file within
 * the columns' own bounds (10,000 values and 1,000 shapes each) reaches it only past a hundred-odd columns of
 * thousands of distinct values.
 */
export const EXACT_BUDGET = { maxEntries: 2_000_000, maxChars: 64 * 1024 * 1024 } as const;

/** The default bounds: 10 000 exact distinct values, 64 heavy-hitter counters, 1 000 exact shapes per column. */
export const DEFAULT_BOUNDS: ColumnBounds = { distinct: 10_000, top: 64, shapes: 1_000 };

/**
 * An empty profile state.
 * @example profileState().rows // 0
 */
export function profileState(bounds: ColumnBounds = DEFAULT_BOUNDS,
  budget: Pick<ExactBudget, 'maxEntries' | 'maxChars'> = EXACT_BUDGET): ProfileState {
  return { bounds, rows: 0, issues: new Map(), sampled: false, columns: [], index: new Map(), positions: [], header: undefined,
    budget: { entries: 0, chars: 0, maxEntries: budget.maxEntries, maxChars: budget.maxChars }, unprofiled: 0 };
}

// Missing as a dataset with `missingValues: vn` reads it, which is what the suggested definition declares.
const isMissing: MissingTest = missingTest(VN_MISSING_VALUES);

/**
 * Adds rows of a batch (array rows through the batch's or the last header, object rows by their keys), at most
 * `limit` of them; returns how many were added.
 * @example addRows(state, batch, ['a', 'b'], ctx, Infinity) // batch.rows.length
 */
export function addRows(s: ProfileState, batch: RowBatch, header: readonly string[], ctx: ValueContext, limit: number): number {
  // Every column of the header has a state, even with no row (a file of a header only).
  if (s.header !== header) {
    const seen = new Map<string, number>();
    // Past the cap a header's names are only counted: going through _column, each was a key made and kept in a set.
    s.unprofiled = Math.max(s.unprofiled, header.length - MAX_PROFILED_COLUMNS);
    s.positions = header.slice(0, MAX_PROFILED_COLUMNS).map((name) => {
      const occurrence = seen.get(name) ?? 0;
      seen.set(name, occurrence + 1);
      return _column(s, name, occurrence);
    });
    s.header = header;
  }
  // What the source reported never reaches a column: records it rejected, rows with extra or missing cells, bytes not
  // in the declared encoding, an empty input. Count every issue, so a profile does not pass over them in silence.
  // Mixed line endings are left out: they are the file's form, not its data (validate reports them), and worker
  // ranges hand their endings to the caller, so counting them made a profile with workers differ from one thread's.
  for (const issue of batch.issues ?? []) {
    if (issue.code !== 'mixed_line_endings') s.issues.set(issue.code, (s.issues.get(issue.code) ?? 0) + 1);
  }
  const n = Math.min(batch.rows.length, limit);
  for (let r = 0; r < n; r++) {
    const row = batch.rows[r];
    s.rows++;
    if (Array.isArray(row)) {
      for (let i = 0; i < s.positions.length; i++) {
        const c = s.positions[i];
        if (c !== undefined) addCell(c, row[i], isMissing, ctx);
      }
    } else if (typeof row === 'object' && row !== null) {
      for (const [k, v] of Object.entries(row)) {
        const c = _column(s, k, 0);
        if (c !== undefined) addCell(c, v, isMissing, ctx);
      }
    }
  }
  return n;
}

/**
 * The state of two parts of a source read separately (the first part's rows first). Columns are matched by name;
 * a column only one part has keeps that part's counts.
 * @example mergeProfileStates(firstHalf, secondHalf) // the state of the whole
 */
export function mergeProfileStates(a: ProfileState, b: ProfileState): ProfileState {
  const out = profileState(a.bounds);
  out.rows = a.rows + b.rows;
  out.sampled = a.sampled || b.sampled;
  out.unprofiled = Math.max(a.unprofiled, b.unprofiled);
  for (const [code, n] of [...a.issues, ...b.issues]) out.issues.set(code, (out.issues.get(code) ?? 0) + n);
  for (const c of a.columns) _put(out, c);
  for (const c of b.columns) {
    const at = out.index.get(_key(c));
    if (at === undefined) _put(out, c);
    else out.columns[at] = mergeColumns(out.columns[at] as ColumnState, c);
  }
  return out;
}

function _key(c: ColumnState): string {
  return `${c.occurrence}\u0000${c.name}`;
}

function _put(s: ProfileState, c: ColumnState): void {
  s.index.set(_key(c), s.columns.length);
  s.columns.push(c);
}

/** The state of a column, made when first met; undefined for a column past `MAX_PROFILED_COLUMNS` (counted). */
function _column(s: ProfileState, name: string, occurrence: number): ColumnState | undefined {
  const at = s.index.get(`${occurrence}\u0000${name}`);
  if (at !== undefined) return s.columns[at] as ColumnState;
  if (s.columns.length >= MAX_PROFILED_COLUMNS) {
    // Keys of object rows (a JSON reader keeps 65,536 at most), counted once each.
    (s.beyond ??= new Set()).add(`${occurrence}\u0000${name}`);
    s.unprofiled = Math.max(s.unprofiled, s.beyond.size);
    return undefined;
  }
  const c = columnState(name, s.bounds, occurrence, s.budget);
  _put(s, c);
  return c;
}
