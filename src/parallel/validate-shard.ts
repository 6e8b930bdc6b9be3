import { stat } from 'node:fs/promises';
import { headerLine, readCsvRange } from '../sources/csv/read-csv-range.js';
import type { CsvSource } from '../sources/csv/read-csv.js';
import type { JsonSource } from '../sources/json/read-json.js';
import type { PostgresSource } from '../sources/postgres/read-postgres.js';
import type { DatasetDefinition, ValidateOptions } from '../core/types.js';
import { splitRanges } from './split.js';
import { recordStart } from './record-start.js';
import { fileChanged } from './file-changed.js';
import { splitsAsDeclared } from './splits-as-declared.js';
import { inputFingerprint } from './input-fingerprint.js';
import { parseShard, type ShardSpec } from './shard-spec.js';
import type { ShardState } from './shard-state.js';
import { validatePostgresShard } from './validate-postgres-shard.js';
import { validateJsonShard } from './validate-json-shard.js';
import { shardCommon } from './shard-common.js';
import { lastWaits, SinkFailure } from '../core/sink-waits.js';
import { binaryInput, SIGNATURE_BYTES } from '../sources/binary-input.js';
import { head } from './json-shard-bytes.js';
import { renamedFile } from './renamed-file.js';
import { givenRename, readRename } from '../core/rename.js';
import { liveState } from '../core/live-state.js';

/**
 * Options of `validateShard`: those of `validate` (without threads: `workers` other than 1 is a RangeError, and
 * `minBytesPerWorker` a TypeError, since a shard runs in one thread; run more shards) and which shard to validate. `onViolation` and
 * `onRecord` receive the shard's violations and graded records with rows and lines numbered within the shard.
 */
export interface ShardValidateOptions extends Omit<ValidateOptions, 'workers' | 'minBytesPerWorker' | 'timings'> {
  /** `{ index, count }` or `'K/N'`, K counted from 1. */
  readonly shard: ShardSpec | string;
  /** Required: every shard must judge dates against the same instant. */
  readonly now: Date | string | number;
  /** What `ddss merge` loads the definition from (a built-in name or a path); recorded in the state. */
  readonly datasetSpec?: string;
}

/**
 * Validates shard K of N of a CSV file read by `readCsv(path)` — or of a JSON / NDJSON file read by `readJson(path)`
 * (see `validateJsonShard`), or of a PostgreSQL table read by `readPostgres({ connectionString, table })` (see
 * `validatePostgresShard`) — and returns its state, which `mergeShards` joins
 * with the other shards' into the report of the whole file, byte-identical to `validate` over the file. The file
 * is cut as worker threads cut it; a cut inside a quoted value with line breaks moves to that record's end (the
 * shard reads the bytes before its range once, without decoding them, to find it). Violations reach `onViolation`
 * with rows and lines numbered within the shard (`mergeShards` shifts them).
 * @example
 * const part = await validateShard(landParcels, readCsv('parcels.csv'), { shard: '2/7', now: '2026-11-22' });
 */
export async function validateShard(definition: DatasetDefinition, input: CsvSource | PostgresSource | JsonSource,
  options: ShardValidateOptions): Promise<ShardState> {
  try {
    return await shardOf(definition, input, options);
  } catch (e) {
    // The caller's receiver failed (its Promise rejected, or it threw, also while the last record was graded).
    throw e instanceof SinkFailure ? e.cause : e;
  }
}

async function shardOf(definition: DatasetDefinition, input: CsvSource | PostgresSource | JsonSource,
  options: ShardValidateOptions): Promise<ShardState> {
  // A shard is part of a run, not a run: its state carries no timings (as the CLI refuses --timings with --shard).
  if ((options as ValidateOptions).timings === true) throw new Error('ddss: timings measure a whole run, not a shard');
  // Read and ignored, they would promise threads a shard never starts (as the CLI refuses --workers 2 with --shard).
  const { workers, minBytesPerWorker } = options as ValidateOptions;
  if (workers !== undefined && workers !== 1) {
    throw new RangeError(`ddss: a shard runs in one thread, so workers ${String(workers)} is not taken: to use more cores, ` +
      'run more shards (a larger N in shard K/N), each in a process of its own, and merge them');
  }
  if (minBytesPerWorker !== undefined) throw new TypeError('ddss: minBytesPerWorker sizes worker threads, which a shard does not start: leave it out');
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : checkSpec(options.shard);
  const table = (input as Partial<PostgresSource>).postgres;
  if (input.kind === 'postgres') {
    if (table === undefined) throw new Error('ddss: a shard reads a PostgreSQL table by its connectionString, not a client or a pool');
    return validatePostgresShard(definition, table, shard, options);
  }
  if (input.kind === 'json' || input.kind === 'ndjson') return validateJsonShard(definition, input as JsonSource, shard, options);
  const given = (input as Partial<CsvSource>).file;
  const file = given === undefined ? undefined : renamedFile(given, readRename(definition.rename, Object.keys(definition.fields)));
  if (file === undefined) {
    throw new Error('ddss: a shard reads a file by its path (readCsv(path) in UTF-8 or Windows-1258, readJson(path)) or a PostgreSQL table, not a stream or a legacy encoding');
  }
  const common = await shardCommon(definition, options);
  if (!(await splitsAsDeclared(file.path))) {
    throw new Error(`ddss: ${file.csv.name} is UTF-16, whose line breaks are two bytes: it cannot be cut into shards; validate it in one process`);
  }
  const size = (await stat(file.path)).size;
  const fingerprint = await inputFingerprint(file.path, size);
  const ranges = splitRanges(size, 0, shard.count);
  const k = shard.index - 1;
  // A gzip or a workbook: the first shard says what it is (its reader screens the file's first bytes); a later one
  // starts mid-file, where no signature is, and would read compressed bytes as rows and pass. Each fails, as one
  // read does, and the finding stays the first shard's, so a merge counts it once.
  const binary = k === 0 ? undefined : binaryInput(await head(file.path, SIGNATURE_BYTES));
  if (binary !== undefined) {
    const state = liveState(common.validator());
    return {
      ...common.header,
      input: csvInput(file, size, fingerprint),
      shard,
      range: {
        began: (ranges[k] as { from: number }).from, ended: ranges[k + 1]?.from ?? size, records: 0, rows: 0, lines: 0,
        endings: [], error: binary.error,
      },
      state,
    };
  }
  const delimiter = file.csv.delimiter.charCodeAt(0);
  // Where the shard's first record starts: exact, so the shards tile the file (checked again by the merge).
  const start = k === 0 ? 0 : await recordStart(file.path, (ranges[k] as { from: number }).from, delimiter);
  const next = ranges[k + 1];
  const stop = next === undefined ? size : Math.max(1, next.from);
  const columns = k === 0 ? undefined : await headerLine(file.path, file.csv);
  const v = common.validator();
  const source = readCsvRange(file.path, { ...file.csv, start, exact: true, stop, ...(columns === undefined ? {} : { columns }) });
  let error: string | undefined;
  try {
    for await (const batch of source.batches()) {
      v.addBatch(batch);
      await v.waitForSinks();
    }
  } catch (e) {
    if (e instanceof SinkFailure) throw e.cause; // the caller's receiver failed, not the source
    error = e instanceof Error ? e.message : String(e);
  }
  const range = source.range();
  // A changed file is a partial read whatever the reader saw (as in a worker range).
  const changed = range.size === undefined || range.size === size ? undefined : fileChanged(size, range.size);
  error = changed ?? error ?? source.info().error;
  const state = liveState(v); // gives out the last graded record
  await lastWaits(v.waitForSinks());
  return {
    ...common.header,
    input: csvInput(file, size, fingerprint),
    shard,
    range: {
      began: range.began, ended: range.ended, records: source.info().records ?? 0, rows: state.rows, lines: state.lines,
      endings: source.endings(),
      ...(error === undefined ? {} : { error }),
    },
    state,
  };
}

function csvInput(file: NonNullable<CsvSource['file']>, size: number, fingerprint: string): ShardState['input'] {
  return {
    kind: 'csv', name: file.csv.name, bytes: size, fingerprint, encoding: file.csv.encoding,
    delimiter: file.csv.delimiter, maxRecordBytes: file.csv.maxRecordBytes,
    // What the header was read with: shards renamed alike, or the merge refuses them (`planShards`). The declared
    // fields read as themselves are the definition's, which the merge compares anyway: not recorded, so a state says
    // what the user renamed, as one written before fields matched by form did.
    ...withRename(givenRename(file.csv.rename)),
  };
}

function checkSpec(s: ShardSpec): ShardSpec {
  return parseShard(`${s.index}/${s.count}`);
}

function withRename(rename: Readonly<Record<string, string>> | undefined): { rename?: Readonly<Record<string, string>> } {
  return rename === undefined ? {} : { rename };
}
