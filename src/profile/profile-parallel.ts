import { stat } from 'node:fs/promises';
import { headerLine } from '../sources/csv/read-csv-range.js';
import { fileChanged } from '../parallel/file-changed.js';
import { splitRanges } from '../parallel/split.js';
import type { ColumnBounds } from './column-state.js';
import { mergeProfileStates, profileState, type ProfileState } from './profile-state.js';
import { runProfileRange, type ProfileRangeRun, type ProfileRangeTask } from './profile-range.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';

/** A CSV file as `readCsv` describes it for worker threads (`CsvSource.file`). */
export interface ProfileCsvFile {
  readonly path: string;
  readonly csv: ProfileRangeTask['csv'];
}

/**
 * The profile state of a CSV file read by `workers` worker threads: the file is cut into byte ranges (as validation
 * cuts it), each range profiled in its own thread, and the states merged in file order with `mergeProfileStates`.
 * A range whose guessed start fell inside a quoted value with line breaks (its start differs from the previous
 * range's quote-aware end) is profiled again from the exact offset; a range that could not be read to its end (an
 * open quote past the record cap) ends the read there, as one thread's reader stops there. A file whose size
 * changed during the run rejects. `communes` are the commune lists the recognisers find commune codes in.
 * @example const state = await profileCsvParallel(source.file, DEFAULT_BOUNDS, new Date(), 2);
 */
export async function profileCsvParallel(file: ProfileCsvFile, bounds: ColumnBounds, now: Date, workers: number,
  communes: readonly CommuneTable[] = []): Promise<ProfileState> {
  const size = (await stat(file.path)).size;
  const columns = await headerLine(file.path, file.csv);
  const ranges = splitRanges(size, 0, workers);
  const task = (k: number, start: number, exact: boolean): ProfileRangeTask => ({
    path: file.path, csv: file.csv, start, exact, stop: ranges[k + 1]?.from ?? size, size, bounds, now: now.toISOString(), communes,
    ...(k === 0 ? {} : { columns }),
  });
  const runs: ProfileRangeRun[] = ranges.map((r, k) => runProfileRange(task(k, r.from, k === 0)));
  let state = profileState(bounds);
  try {
    let ended = 0;
    for (let k = 0; k < ranges.length; k++) {
      let run = runs[k] as ProfileRangeRun;
      if (k > 0 && await run.began !== ended) {
        // The guessed start fell inside a record (a quoted value with line breaks): profile from the true start.
        await run.stop();
        run = runProfileRange(task(k, ended, true));
        runs[k] = run;
      }
      const r = await run.done;
      state = mergeProfileStates(state, r.state);
      ended = r.ended;
      if (r.error !== undefined) {
        if (r.error.startsWith('the file changed')) throw new Error(`ddss: ${r.error}`);
        break; // the records after this point cannot be found: one thread's reader stops here too
      }
    }
  } finally {
    await Promise.all(runs.map((r) => r.stop()));
  }
  const after = await stat(file.path).then((s) => s.size, () => undefined);
  if (after !== size) throw new Error(`ddss: ${fileChanged(size, after ?? 0)}`);
  return state;
}

