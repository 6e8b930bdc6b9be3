import { stat } from 'node:fs/promises';
import { checkWorkers } from '../core/check-workers.js';
import { isTabularSource, type TabularSource } from '../core/source.js';
import { checkOptionKeys } from '../core/option-keys.js';
import type { CsvSource } from '../sources/csv/read-csv.js';
import { splitsAsDeclared } from '../parallel/splits-as-declared.js';
import { workerContext } from '../parallel/worker-context.js';
import { profileCsvParallel } from './profile-parallel.js';
import type { ColumnBounds } from './column-state.js';
import { headerLooksLikeRecord } from '../core/columns.js';
import { finishColumn } from './finish-column.js';
import { addRows, DEFAULT_BOUNDS, profileState, type ProfileState } from './profile-state.js';
import { valueContext } from './recognisers.js';
import type { Profile } from './types.js';
import { commune } from '../../rules/vn/admin/commune.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';

/** Options of `profile`. */
export interface ProfileOptions {
  /** Profile only the first N data rows. Default: all. */
  readonly sample?: number;
  /** The day the recognisers judge on (a CCCD's birth year must not be in the future): a Date, an ISO string or milliseconds. Default: now. */
  readonly now?: Date | string | number;
  /** Memory bounds per column (distinct values counted exactly, heavy-hitter counters, exact shapes). */
  readonly bounds?: Partial<ColumnBounds>;
  /** Show the values of columns recognised as personal identifiers (masked by default). */
  readonly showValues?: boolean;
  /**
   * Worker threads for a CSV file read by `readCsv(path)` (byte ranges, as validation). Default 1. The profile is
   * the same as one thread's, except the top values and shapes of a column past the exact bounds (`topExact` or
   * `shapesExact` false), whose lower-bound counts depend on the order the summaries merged in.
   */
  readonly workers?: number;
  /** With `workers`, the bytes each worker reads at least (fewer workers for a smaller file). Default 4 MiB. */
  readonly minBytesPerWorker?: number;
  /**
   * Columns that are personal data whatever their values and names say, masked unless `showValues`: a column read
   * under another name (`readCsv(path, { header: { 'Ngày sinh': 'd1' } })`) whose name in the file said so.
   */
  readonly personalColumns?: readonly string[];
  /**
   * Commune lists (`loadAdminUnits`) that five-digit values are looked up in: a value is a commune code when the
   * pack's `commune({ tables })` finds it in them. Without lists no value is one (the pack ships none, and five digits
   * are also Excel serial dates, amounts, postal codes): a column of them is said to have the form only.
   */
  readonly communes?: CommuneTable | readonly CommuneTable[];
}

/**
 * Reads a source once and describes each column: inferred type, missing share (the Vietnamese placeholders count
 * as missing), distinct count, range, lengths, top values, shapes and the Vietnamese recognisers. Memory is bounded
 * by `bounds` whatever the size of the source. A source that fails mid-read rejects (nothing half-profiled).
 * @example const p = await profile(readCsv('parcels.csv')); p.columns[0]?.type // 'text'
 */
export async function profile(source: TabularSource, options: ProfileOptions = {}): Promise<Profile> {
  const state = await readProfileState(source, options);
  return finishProfile(state, source.info().name ?? source.kind, options);
}

/**
 * The mergeable state of a profile of `source` (see `mergeProfileStates`); `finishProfile` turns it into a profile.
 * @example finishProfile(mergeProfileStates(await readProfileState(a), await readProfileState(b)), 'all')
 */
export async function readProfileState(source: TabularSource, options: ProfileOptions = {}): Promise<ProfileState> {
  checkProfileInput(source, options);
  checkWorkers(options);
  const bounds = { ...DEFAULT_BOUNDS, ...options.bounds };
  const now = options.now === undefined ? new Date() : new Date(options.now);
  const communes = communeLists(options);
  const workers = await profileWorkers(source, options);
  const file = (source as Partial<CsvSource>).file;
  if (workers > 1 && file !== undefined) return profileCsvParallel(file, bounds, now, workers, communes);
  const state = profileState(bounds);
  const ctx = valueContext(now, communes);
  let header: readonly string[] = [];
  let left = options.sample ?? Infinity;
  for await (const batch of source.batches()) {
    if (batch.columns !== undefined) header = batch.columns;
    left -= addRows(state, batch, header, ctx, left);
    // Breaking out of the loop closes the source (its iterator's return), so a sample never reads the rest.
    if (left <= 0) {
      state.sampled = true;
      break;
    }
  }
  return state;
}

// Every option, as a record so that adding one to `ProfileOptions` without listing it here is a type error.
const OPTION_KEYS: Readonly<Record<keyof ProfileOptions, true>> = {
  sample: true, now: true, bounds: true, showValues: true, workers: true, minBytesPerWorker: true, personalColumns: true,
  communes: true,
};

/** The commune lists given, as a list; `commune()` refuses one with no entries (every code would be unknown). */
function communeLists(options: Pick<ProfileOptions, 'communes'>): readonly CommuneTable[] {
  const given = options.communes;
  const lists: readonly CommuneTable[] = given === undefined ? [] : Array.isArray(given) ? given : [given as CommuneTable];
  if (lists.length > 0) commune({ tables: lists });
  return lists;
}

/**
 * Throws for what would profile nothing or be ignored, before anything is read: a misspelt option, a sample that is no
 * whole number ≥ 1 (`0` and `NaN` profiled no row, every column "empty"), a bound below 1, an invalid `now`, and an
 * input that is not a source (an array failed inside the reader: `source.batches is not a function`).
 */
function checkProfileInput(source: unknown, options: ProfileOptions): void {
  if (!isTabularSource(source)) {
    const got = source === null ? 'null' : Array.isArray(source) ? 'an array' : typeof source;
    throw new TypeError(`ddss: profile reads a source (readCsv, readJson, readXlsx, readPostgres); received ${got}`);
  }
  checkOptionKeys(options, Object.keys(OPTION_KEYS), 'profile');
  communeLists(options);
  const whole = (what: string, n: unknown): void => {
    if (n !== undefined && !(Number.isSafeInteger(n) && (n as number) >= 1)) {
      throw new RangeError(`ddss: profile ${what} must be a whole number ≥ 1, got ${String(n)}`);
    }
  };
  whole('sample', options.sample);
  if (options.bounds !== undefined) {
    checkOptionKeys(options.bounds, Object.keys(DEFAULT_BOUNDS), 'profile bounds');
    for (const [k, v] of Object.entries(options.bounds)) whole(`bounds.${k}`, v);
  }
  if (options.now !== undefined && Number.isNaN(new Date(options.now).getTime())) {
    throw new RangeError(`ddss: invalid "now": ${String(options.now)}`);
  }
}

/** Worker threads to use: one unless asked for, for a whole (not sampled) CSV file that splits, big enough. */
async function profileWorkers(source: TabularSource, options: ProfileOptions): Promise<number> {
  const wanted = Math.floor(options.workers ?? 1);
  const file = (source as Partial<CsvSource>).file;
  // Workers never start workers; a sample is the first N rows, which one thread reads fastest.
  if (wanted <= 1 || file === undefined || options.sample !== undefined || workerContext() !== undefined) return 1;
  const size = await stat(file.path).then((s) => s.size, () => 0);
  const workers = Math.min(wanted, Math.max(1, Math.floor(size / Math.max(1, options.minBytesPerWorker ?? MIN_BYTES_PER_WORKER))));
  return workers > 1 && await splitsAsDeclared(file.path) ? workers : 1;
}

const MIN_BYTES_PER_WORKER = 4 * 1024 * 1024;

/**
 * The profile of a state: every column finished (types inferred, personal identifiers masked unless `showValues`);
 * `communes`, the lists the state was read with, are named in `communeLists`.
 * @example finishProfile(state, 'parcels.csv').rows
 */
export function finishProfile(state: ProfileState, name: string, options: Pick<ProfileOptions, 'showValues' | 'personalColumns' | 'communes'> = {}): Profile {
  const communes = communeLists(options);
  const showValues = options.showValues === true;
  const record = headerLooksLikeRecord(state.columns.map((c) => c.name));
  const personal = new Set(options.personalColumns ?? []);
  const columns = state.columns.map((c) => finishColumn(c, state.rows, showValues, record, personal.has(c.name)));
  return {
    source: name,
    rows: state.rows,
    issues: [...state.issues].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, count]) => ({ code, count })),
    sampled: state.sampled,
    ...(record ? { headerReadAsRecord: true as const } : {}),
    ...(communes.length === 0 ? {} : { communeLists: communes.map((t) => t.version) }),
    ...(state.unprofiled > 0 ? { columnsNotProfiled: state.unprofiled } : {}),
    // A header that is a record's values is not shown: the columns are named by their position.
    columns: record && !showValues ? columns.map((c, i) => ({ ...c, name: `column_${i + 1}`, occurrence: 0 })) : columns,
  };
}
