import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { checkRowInput, validate as validateOneThread, type RowInput } from './core/validate.js';
import { validateCsvParallel } from './parallel/validate-parallel.js';
import { resolveOptions } from './core/options.js';
import { splitsAsDeclared } from './parallel/splits-as-declared.js';
import { refuseNestedValidate } from './parallel/worker-context.js';
import { bindTables, loadReferences } from './reference/bind-references.js';
import type { CsvSource } from './sources/csv/read-csv.js';
import type { PostgresSource } from './sources/postgres/read-postgres.js';
import { cutPostgres, validatePostgresParallel } from './parallel/validate-postgres-parallel.js';
import type { DatasetDefinition, ValidateOptions } from './core/types.js';
import type { ReportOf } from './rule-id.js';
import { baselineTally, checkBaselineKey, checkBaselineShape } from './baseline/apply-baseline.js';
import { SinkFailure } from './core/sink-waits.js';
import { renamedFile } from './parallel/renamed-file.js';
import { readRename } from './core/rename.js';
import { checkDefinition } from './core/check-definition.js';
import { liveMarks } from './core/live-marks.js';

const MIN_BYTES_PER_WORKER = 4 * 1024 * 1024;

/**
 * Validates a dataset in one streaming pass and returns its report (see the core `validate`). With `workers > 1`
 * and a CSV file read by `readCsv(path)`, the file is validated in byte ranges on worker threads and merged; a
 * PostgreSQL table read by `readPostgres({ connectionString, table })` in key ranges, one connection per worker, in
 * one snapshot. Either way the report is byte-identical to a single-threaded run. The report of a typed definition is a `TypedReport`, so
 * matchers check rule ids against its fields.
 * @example
 * const report = await validate(landParcels, readCsv('parcels.csv'), { now: new Date('2026-11-22'), workers: 2 });
 */
export async function validate<D extends DatasetDefinition>(definition: D, input: RowInput, options: ValidateOptions = {}): Promise<ReportOf<D>> {
  // null failed as "Cannot destructure property 'baseline' of 'options' as it is null", before the options were read.
  if (typeof options !== 'object' || options === null) throw new TypeError(`ddss: options must be an object, got ${options === null ? 'null' : typeof options}`);
  checkDefinition(definition);
  try {
    return await validateBaseline(definition, input, options);
  } catch (e) {
    // `onViolation` or `onRecord` threw, or a Promise it returned rejected: the run rejects with the receiver's own error.
    throw e instanceof SinkFailure ? e.cause : e;
  }
}

async function validateBaseline<D extends DatasetDefinition>(definition: D, input: RowInput, options: ValidateOptions): Promise<ReportOf<D>> {
  const { baseline, ...rest } = options;
  if (baseline === undefined) return validateAll(definition, input, options);
  checkBaselineShape(baseline);
  checkBaselineKey(definition, options);
  // Every violation passes the tally in file order (workers deliver theirs in order), then the report is judged.
  const tally = baselineTally(baseline);
  const user = options.onViolation;
  const report = await validateAll(definition, input, {
    ...rest, onViolation: (v) => { tally.see(v); return user?.(v); },
  });
  return tally.apply(report) as ReportOf<D>;
}

async function validateAll<D extends DatasetDefinition>(definition: D, input: RowInput, options: ValidateOptions): Promise<ReportOf<D>> {
  resolveOptions(options, definition); // a mistake in the options (time zone, missing piiKey) fails before any thread starts
  checkRowInput(input); // before reading its `file` or `postgres`: null or a string must fail with what is accepted
  const wanted = Math.floor(options.workers ?? 1);
  // A worker thread that imports a script which validates at top level must not validate (nor start workers).
  refuseNestedValidate(wanted);
  // References are read once, here; workers get their tables (typed arrays), not the sources.
  const tables = await loadReferences(definition, options.references);
  const bound = bindTables(definition, tables);
  // Only a CSV source's file is cut into byte ranges for workers; a JSON source has a `file` of its own kind (for
  // shards) and is read by one thread (it crashed here: "Cannot read properties of undefined (reading 'name')").
  const candidate = (input as Partial<CsvSource>).file;
  const file = candidate?.csv === undefined ? undefined : renamedFile(candidate, readRename(definition.rename, Object.keys(definition.fields)));
  const table = (input as Partial<PostgresSource>).postgres;
  // onRecord cannot cross threads on the PostgreSQL path yet (CSV ranges stream graded records in order).
  if (wanted > 1 && (file !== undefined || (table !== undefined && options.onRecord === undefined))) {
    if (definition.module === undefined) {
      // Workers import that module, so it must only define datasets: a script that also validates would run again
      // in every worker.
      throw new Error(`ddss: workers need the definition's module: put defineDataset({ name: '${definition.name}', ` +
        'module: import.meta.url, … }) in a module of its own that only defines and exports it, and validate from another file');
    }
    if (table !== undefined) {
      const cut = await cutPostgres(table, wanted);
      if (cut !== undefined) {
        return validatePostgresParallel(bound, { module: definition.module, name: definition.name, live: liveMarks(definition) }, table, cut, options, tables) as Promise<ReportOf<D>>;
      }
      return validateOneThread(bound, input, options) as Promise<ReportOf<D>>;
    }
    if (file === undefined) return validateOneThread(bound, input, options) as Promise<ReportOf<D>>;
    const size = await stat(file.path).then((s) => s.size, () => 0);
    const workers = Math.min(wanted, Math.max(1, Math.floor(size / (options.minBytesPerWorker ?? MIN_BYTES_PER_WORKER))));
    if (workers > 1 && await splitsAsDeclared(file.path)) {
      return validateCsvParallel(bound, { module: definition.module, name: definition.name, live: liveMarks(definition) }, file, options, workers, {}, tables) as Promise<ReportOf<D>>;
    }
  }
  return validateOneThread(bound, input, options) as Promise<ReportOf<D>>;
}

/** The default number of workers: one per core the process may use (`os.availableParallelism()`). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
