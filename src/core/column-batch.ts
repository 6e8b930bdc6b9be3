import type { Plan } from './compile.js';
import type { Hooks } from './codegen.js';
import { generateEvaluateColumns, generateRecordAt, type EvaluateColumns } from './codegen-columns.js';
import { createFailureLog } from './failure-log.js';
import { ValidatorHooks } from './validator-hooks.js';
import { badResult, isThenable } from './_validator-helpers.js';
import type { ValidatorState } from './state.js';
import type { CheckResult, RuleContext, TypedRow } from './types.js';

/**
 * The most rows evaluated a field at a time in one go: a batch of more (rows given in code) is evaluated in pieces, so
 * that the column stores stay small (`readCsv` hands out batches of 256).
 */
const COLUMN_ROWS = 1024;

/** A validator's evaluation of batches of array rows a field at a time (see `generateEvaluateColumns`). */
export interface ColumnBatch {
  /**
   * Evaluates rows `from` to `to` (exclusive) of `rows`, the first of them row `first` of the run (`st.rows` already
   * counts them), then calls `each` for every failure, in the order row-by-row evaluation finds them: `index` in
   * `rows`, `row` in the run. The typed rows stay readable (`record`) until `each` has been called for the last one.
   */
  add(st: ValidatorState, rows: readonly unknown[], lines: ArrayLike<number> | undefined, from: number, to: number,
    first: number, positions: Int32Array,
    each: (index: number, row: number, ordinal: number, result: CheckResult) => void): void;
  /** The cells of run row `row` while its batch is evaluated (a rule reading its row's cells), else undefined. */
  cellsOf(row: number): readonly unknown[] | undefined;
  /** The typed row of run row `row` while its batch is evaluated or its failures emitted, else undefined. */
  record(row: number): TypedRow | undefined;
}

/**
 * @example const columns = columnBatch(plan, hooks, ctx); columns.add(st, batch.rows, batch.lines, 0, n, first, positions, emit)
 */
export function columnBatch(plan: Plan, hooks: Hooks, ctx: RuleContext & { row: number }): ColumnBatch {
  const failures = createFailureLog();
  const recordAt = generateRecordAt(plan);
  /**
   * The piece being evaluated: `count` rows of `rows` from `at`, the r-th of them row `first + r` of the run, their
   * values and statuses by field and the typed rows made. `rows` is set only while the evaluation runs.
   */
  let rows: readonly unknown[] | undefined;
  let at = 0;
  let count = 0;
  let first = 0;
  let size = 0;
  let values: unknown[][] = [];
  let status: Uint8Array[] = [];
  let records: (TypedRow | undefined)[] = [];
  let evaluate: EvaluateColumns | undefined;
  // Failures are logged with their row, and emitted in row order once the piece is evaluated. A result that is not
  // one (a Promise, a number) errors its rule at once, as on the row, so that later rows skip the rule.
  const logging = new ValidatorHooks({
    fail(o, result) {
      if (isThenable(result) || badResult(result) !== undefined) hooks.fail(o, result);
      else failures.add(ctx.row - first, o, result);
    },
    error: (o, e) => hooks.error(o, e),
    badWhen: (o, result) => hooks.badWhen(o, result),
    held: (o) => hooks.held(o),
  });

  function grow(need: number): void {
    size = Math.min(Math.max(need, size * 2), COLUMN_ROWS);
    values = plan.fields.map(() => new Array<unknown>(size).fill(undefined));
    status = plan.fields.map(() => new Uint8Array(size));
    records = new Array<TypedRow | undefined>(size).fill(undefined);
  }

  function piece(st: ValidatorState, all: readonly unknown[], lines: ArrayLike<number> | undefined, from: number, n: number,
    run: number, positions: Int32Array, each: (index: number, row: number, ordinal: number, result: CheckResult) => void): void {
    if (size < n) grow(n);
    at = from;
    count = n;
    first = run;
    rows = all;
    try {
      evaluate ??= generateEvaluateColumns(plan, logging);
      evaluate(st.rules, all, from, n, run, lines, positions, values, status, ctx, st.missing, st.invalid);
    } finally {
      rows = undefined;
    }
    try {
      failures.inRowOrder(n, (r, o, result) => each(from + r, run + r, o, result));
    } finally {
      // Let go of the piece's values and typed rows: kept until the next piece, they were copied by every
      // young-generation collection meanwhile (reading the next batch allocates most), and promoted.
      count = 0;
      for (const v of values) v.fill(undefined, 0, n);
      records.fill(undefined, 0, n);
    }
  }

  return {
    add(st, all, lines, from, to, run, positions, each) {
      for (let k = from; k < to; k += COLUMN_ROWS) piece(st, all, lines, k, Math.min(to - k, COLUMN_ROWS), run + k - from, positions, each);
    },
    cellsOf: (row) => (rows === undefined ? undefined : rows[at + row - first] as readonly unknown[]),
    record(row) {
      const r = row - first;
      return r >= 0 && r < count ? (records[r] ??= recordAt(values, status, r)) : undefined;
    },
  };
}
