import type { CheckResult } from './types.js';

/** The failures of a batch evaluated a field at a time: logged field by field, handed back row by row. */
export interface FailureLog {
  /** Slot `ordinal` failed row `row` of the batch with `result`. */
  add(row: number, ordinal: number, result: CheckResult): void;
  /**
   * Calls `each` for every failure logged, by row (0 ≤ row < `rows`), and in the order logged within a row; then
   * empties the log. Why that order: the column passes log a row's failures field by field in the order a row's
   * evaluation finds them, so a stable sort by row gives the failures of the row-by-row evaluator, in its order.
   */
  inRowOrder(rows: number, each: (row: number, ordinal: number, result: CheckResult) => void): void;
}

/**
 * @example
 * const log = createFailureLog();
 * log.add(3, 7, false); log.add(1, 9, false);
 * log.inRowOrder(4, (row, o) => console.log(row, o)); // 1 9, then 3 7
 */
export function createFailureLog(): FailureLog {
  let rows = new Int32Array(64);
  let ordinals = new Int32Array(64);
  let results: CheckResult[] = [];
  let n = 0;
  /** Failures per row, then where each row starts in `order` (a counting sort: stable, linear). */
  let starts = new Int32Array(257);
  let order = new Int32Array(64);
  return {
    add(row, ordinal, result) {
      if (n === rows.length) {
        rows = grown(rows);
        ordinals = grown(ordinals);
      }
      rows[n] = row;
      ordinals[n] = ordinal;
      results[n++] = result;
    },
    inRowOrder(rowCount, each) {
      if (n === 0) return;
      const count = n;
      n = 0;
      const width = rowCount + 1;
      if (starts.length < width) starts = new Int32Array(width);
      else starts.fill(0, 0, width);
      if (order.length < count) order = new Int32Array(rows.length);
      for (let k = 0; k < count; k++) {
        const at = (rows[k] as number) + 1;
        starts[at] = (starts[at] as number) + 1;
      }
      for (let r = 1; r < width; r++) starts[r] = (starts[r] as number) + (starts[r - 1] as number);
      for (let k = 0; k < count; k++) {
        const at = rows[k] as number;
        const j = starts[at] as number;
        starts[at] = j + 1;
        order[j] = k;
      }
      const logged = results;
      results = [];
      for (let j = 0; j < count; j++) {
        const k = order[j] as number;
        each(rows[k] as number, ordinals[k] as number, logged[k] as CheckResult);
      }
    },
  };
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
