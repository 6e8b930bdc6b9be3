import { readCsvRange } from '../sources/csv/read-csv-range.js';
import { timedBatches } from '../core/timings.js';
import { fileChanged } from './file-changed.js';
import { SinkFailure } from '../core/sink-waits.js';
import type { Validator } from '../core/validator.js';
import type { RowBatch } from '../core/source.js';
import type { RangeRead, RangeTask } from './protocol.js';

/** The part of a task that says which bytes to read and how. */
export type RangeSpec = Pick<RangeTask, 'path' | 'csv' | 'start' | 'exact' | 'stop' | 'size' | 'columns'>;

/**
 * Validates the records of one byte range of a CSV file into `v`, in a worker thread or in the calling thread (the
 * first range of a parallel run). `between` runs after each batch: a worker waits there for the main thread's
 * acknowledgements; the main thread ends its range there when the run has failed elsewhere (it throws).
 */
export async function validateCsvRange(spec: RangeSpec, v: Validator, timed: boolean,
  between: () => void | Promise<void>, onBegin?: (at: number) => void): Promise<RangeRead> {
  const source = readCsvRange(spec.path, {
    ...spec.csv, start: spec.start, exact: spec.exact, stop: spec.stop,
    ...(spec.columns === undefined ? {} : { columns: spec.columns }),
    ...(onBegin === undefined ? {} : { onBegin }),
  });
  let error = await drain(source.batches(), v, timed, between);
  const range = source.range();
  // A changed file is a partial read whatever the reader saw; a reader that stopped early says why in its info
  // (an open quote past the record cap: the records after it cannot be found).
  const changed = range.size === undefined || range.size === spec.size ? undefined : fileChanged(spec.size, range.size);
  error = changed ?? error ?? source.info().error;
  return { began: range.began, ended: range.ended, records: source.info().records ?? 0, endings: source.endings(),
    ...(error === undefined ? {} : { error }) };
}

/**
 * Validates every batch; a source that fails (or a `between` that throws) ends the range with its reason (a failed
 * receiver rejects: see `Validator.waitForSinks`). With
 * `timed`, the time spent reading is added to the validator's timings (time in `between` is not reading).
 */
export async function drain(batches: AsyncIterable<RowBatch>, v: Validator, timed: boolean,
  between: () => void | Promise<void>): Promise<string | undefined> {
  try {
    for await (const batch of timed ? timedBatches(batches, (ms) => v.addReadTime(ms)) : batches) {
      v.addBatch(batch);
      await v.waitForSinks();
      await between();
    }
  } catch (e) {
    // The caller's receiver failed, not the source: the run ends with its error, not with a partial report.
    if (e instanceof SinkFailure) throw e;
    return e instanceof Error ? e.message : String(e);
  }
  return undefined;
}
