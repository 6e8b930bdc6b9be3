import { createValidator } from './validator.js';
import { timedBatches } from './timings.js';
import { isTabularSource, type TabularSource } from './source.js';
import type { DatasetDefinition, Report, SourceInfo, ValidateOptions } from './types.js';

/** Rows in any form the engine reads: an array, a (sync or async) iterable of rows, or a source such as `readCsv`. */
export type RowInput = Iterable<unknown> | AsyncIterable<unknown> | TabularSource;

/**
 * Validates a dataset in one streaming pass and returns its report. Never rejects because of the data: a source
 * that fails mid-stream gives a report with `partial: true` and status `error`. It rejects only for a broken
 * definition or options (a programming error).
 * @example
 * const report = await validate(parcels, rows, { now: new Date('2026-11-22') });
 * report.score; report.criteria.live.score; report.rules[0].failed;
 */
export async function validate(definition: DatasetDefinition, input: RowInput, options: ValidateOptions = {}): Promise<Report> {
  const v = createValidator(definition, options);
  let error: string | undefined;
  let info: SourceInfo | null = null;
  try {
    if (isTabularSource(input)) {
      try {
        const batches = options.timings === true ? timedBatches(input.batches(), (ms) => v.addReadTime(ms)) : input.batches();
        for await (const batch of batches) v.addBatch(batch);
      } finally {
        info = input.info();
      }
    } else if (Symbol.asyncIterator in input) {
      info = { kind: 'iterable' };
      for await (const row of input) v.add(row);
    } else {
      info = { kind: Array.isArray(input) ? 'array' : 'iterable' };
      v.addMany(input);
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (error !== undefined) info = { ...(info ?? { kind: 'unknown' }), error };
  return v.finish(info, error !== undefined || info?.error !== undefined);
}
