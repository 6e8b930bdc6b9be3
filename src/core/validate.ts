import { createValidator, type Validator } from './validator.js';
import { readRename } from './rename.js';
import { timedBatches } from './timings.js';
import { isTabularSource, type TabularSource } from './source.js';
import { lastWaits, SinkFailure } from './sink-waits.js';
import { propertyWatch, type PropertyWatch } from './property-watch.js';
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
  checkRowInput(input);
  const v = createValidator(definition, options);
  let error: string | undefined;
  let info: SourceInfo | null = null;
  try {
    if (isTabularSource(input)) {
      try {
        // A definition's rename is read by the source (CSV, xlsx), so its findings name the fields as --rename's do;
        // and so are the declared fields, so a header cell that is a field but for its form is read as it.
        const read = input.batches({ rename: readRename(definition.rename, Object.keys(definition.fields)) });
        const batches = options.timings === true ? timedBatches(read, (ms) => v.addReadTime(ms)) : read;
        for await (const batch of batches) {
          v.addBatch(batch);
          await v.waitForSinks();
        }
      } finally {
        info = input.info();
      }
    } else {
      // Rows given in code have no header: the declared fields no row holds are its missing columns.
      const watch = propertyWatch(Object.keys(definition.fields));
      if (Symbol.asyncIterator in input) {
        info = { kind: 'iterable' };
        for await (const row of input) {
          watch.see(row);
          v.add(row);
          await v.waitForSinks();
        }
      } else {
        info = { kind: Array.isArray(input) ? 'array' : 'iterable' };
        await addAll(v, input, options, watch);
        await v.waitForSinks();
      }
      const columns = watch.columns();
      if (columns !== null) v.addBatch({ rows: [], columns });
    }
  } catch (e) {
    // A receiver threw or its Promise rejected: not the data's fault, so no partial report (the caller's sink failed).
    if (e instanceof SinkFailure) throw e.cause;
    error = e instanceof Error ? e.message : String(e);
  }
  if (error !== undefined) info = { ...(info ?? { kind: 'unknown' }), error };
  let report: Report;
  try {
    report = v.finish(info, error !== undefined || info?.error !== undefined);
  } catch (e) {
    throw e instanceof SinkFailure ? e.cause : e; // a receiver threw on a finding of the end (a dataset rule's)
  }
  await lastWaits(v.waitForSinks()); // what the receivers returned for the last findings (dataset rules, the last record)
  return report;
}

/**
 * Throws a TypeError naming the inputs `validate` reads unless `input` is one: a mistake must not become a TypeError
 * from inside the engine (`null`), nor a report about nonsense (a string is iterable, by character).
 * @example checkRowInput('id,n\n1,2') // throws: received a string: pass readCsv(path) for a CSV file, …
 */
export function checkRowInput(input: unknown): asserts input is RowInput {
  if (typeof input === 'object' && input !== null &&
    (Symbol.iterator in input || Symbol.asyncIterator in input || isTabularSource(input))) return;
  throw new TypeError('ddss: validate reads an array, an iterable or async iterable of rows, or a source ' +
    `(readCsv, readJson, readXlsx, readPostgres); received ${describeInput(input)}`);
}

/** What was passed instead, with the likely fix when there is one. */
function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (typeof input === 'string') return 'a string: pass readCsv(path) for a CSV file, readCsv(new TextEncoder().encode(text)) for CSV text';
  if (typeof input === 'function') return 'a function: pass what it returns (rows(), not rows)';
  if (typeof input === 'object') return 'an object without Symbol.iterator, Symbol.asyncIterator or batches()';
  return typeof input;
}

/**
 * The rows of an array or a synchronous iterable. A receiver that returns a Promise is waited for after the row
 * whose findings returned it, as the other inputs are between batches.
 */
async function addAll(v: Validator, rows: Iterable<unknown>, options: ValidateOptions, watch: PropertyWatch): Promise<void> {
  if (Array.isArray(rows)) {
    // An array is looked at first, until every field was seen (nearly always its first row), so the loop below stays
    // the engine's fast path.
    for (let i = 0; i < rows.length && !watch.done(); i++) watch.see(rows[i]);
  } else {
    rows = watched(rows, watch);
  }
  if (options.onViolation === undefined && options.onRecord === undefined) return v.addMany(rows);
  for (const row of rows) {
    v.add(row);
    const wait = v.waitForSinks();
    if (wait !== undefined) await wait;
  }
}

/** An iterable read once, each row shown to `watch` as it goes by. */
function* watched(rows: Iterable<unknown>, watch: PropertyWatch): Generator<unknown> {
  for (const row of rows) {
    watch.see(row);
    yield row;
  }
}
