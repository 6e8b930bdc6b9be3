import { stat } from 'node:fs/promises';
import { createValidator } from '../core/validator.js';
import { headerLine } from '../sources/csv/read-csv-range.js';
import { validateCsvRange } from './validate-range.js';
import { splitRanges } from './split.js';
import { fileChanged } from './file-changed.js';
import { orderedViolations, type OrderedViolationsOptions } from './ordered-violations.js';
import { rangeOptions } from './range-options.js';
import type { RangeRead, RangeTask } from './protocol.js';
import { runRange, type RangeDone, type RangeRun } from './run-range.js';
import type { DefinitionRef } from './definition-ref.js';
import type { ValidatorState } from '../core/state.js';
import type { DatasetDefinition, Report, ValidateOptions, Violation } from '../core/types.js';
import type { RecordGrade } from '../core/grades.js';
import { referenceTableData, type ReferenceTable } from '../reference/reference.js';
import { sinkWaits } from '../core/sink-waits.js';
import { liveState } from '../core/live-state.js';
import { mergeHandedOver } from '../core/hand-over.js';
import { sealLogs } from '../../rules/clean/_repeated-texts.js';

/**
 * Bytes more for the calling thread's range: what it validates while a worker starts (0.2–0.35 s to its first row,
 * then its own JIT warm-up). Both must finish together: the merge waits for the later one. Measured on land-parcels
 * (1M rows, 2 threads, 2 cores, 7 runs per size): with 6 MiB the worker finished 0.19 s before this thread on
 * average, with 3 MiB 0.05 s after it (each ± 0.15 s of noise); 4 MiB was where the two met. Once workers started
 * sooner and loaded faster (date-fns bundled, the built-in plan compiled once), 6 alternating runs per size: this
 * thread finished after the worker by 77 ms on average with 4 MiB (both done at 5.03 s), 44 ms with 3 MiB (4.93 s),
 * 35 ms with 2 MiB (4.99 s), each ± 0.2 s of noise: 3 MiB.
 */
const HEAD_START = 3 * 1024 * 1024;

export interface ParallelCsv {
  readonly path: string;
  readonly csv: RangeTask['csv'];
}

/** Settings for tests and measurements: where and when waiting ranges spill, and a step before ranges start. */
export interface ParallelHooks extends OrderedViolationsOptions {
  /** Runs after the file is measured and cut, before any range is read. */
  readonly beforeRanges?: () => void | Promise<void>;
  /** Awaited before range `k`'s violations may reach the sink (tests hold range 0 back to make later ranges spill). */
  readonly beforePromote?: (k: number) => void | Promise<void>;
}

/**
 * Validates a CSV file with `workers` threads: the file is cut into byte ranges at record boundaries, the first
 * range is validated on this thread and each other one in a worker thread, and the states are merged in file order.
 * The report and the violation stream equal the single-threaded ones byte for byte: a range whose guessed start fell
 * inside a quoted field (its start differs from the previous range's quote-aware end) is validated again from the
 * exact offset, and a range that could not be read to its end (an open quote past the record cap) ends the read
 * there, as one thread does. A file whose size changed during the run gives a partial report.
 */
export async function validateCsvParallel(def: DatasetDefinition, ref: DefinitionRef, input: ParallelCsv,
  options: ValidateOptions, workers: number, hooks: ParallelHooks = {},
  tables: ReadonlyMap<string, ReferenceTable> = new Map()): Promise<Report> {
  const size = (await stat(input.path)).size;
  const columns = await headerLine(input.path, input.csv);
  // This thread validates the first range while the workers start (loading ddss and the definition, warming up):
  // it gets a head start's worth more bytes, so the threads finish together (HEAD_START).
  const ranges = splitRanges(size, 0, workers, HEAD_START);
  const now = new Date(options.now ?? Date.now()).toISOString();
  // One key for every thread, so hashed personal values stay comparable across ranges ('' = none: validate()
  // already refused hashed fields without a key).
  const piiKey = options.piiKey ?? '';
  const base = { ref, path: input.path, csv: input.csv, size, options: rangeOptions(options, now, piiKey),
    stream: options.onViolation !== undefined, streamGrades: options.onRecord !== undefined,
    ...(tables.size === 0 ? {} : { references: Object.fromEntries([...tables].map(([n, t]) => [n, referenceTableData(t)])) }) };
  const task = (k: number, start: number, exact: boolean): RangeTask => ({
    ...base, start, exact, stop: ranges[k + 1]?.from ?? size,
    ...(k === 0 ? {} : { columns }), ...(k > 0 && k === ranges.length - 1 ? { seal: true } : {}),
  });
  await hooks.beforeRanges?.();

  // The merging validator streams only what is found at finish (dataset rules), after every row's violations,
  // which is the order of a single-threaded run.
  const v = createValidator(def, { ...options, now, piiKey });
  // Violations and graded records come back in one stream per range, in file order; each goes to its own sink.
  const { onViolation, onRecord } = options;
  // What the receivers return for the workers' violations is waited for before each batch is acknowledged.
  const waits = sinkWaits();
  const runs: RangeRun[] = [];
  let failed!: (e: unknown) => void;
  // Any worker (or receiver) failing ends the run at once, whichever range the merge is waiting for.
  const failure = new Promise<never>((_, reject) => { failed = reject; });
  failure.catch(() => undefined);
  // A receiver's failure on a worker range's batch (it also ends the run at once, through `failed`).
  let sinkFailure: unknown;
  const order = orderedViolations<Violation | RecordGrade>(onViolation === undefined && onRecord === undefined ? undefined
    : waits.wrap((x) => ('overall' in x ? onRecord?.(x) : onViolation?.(x))), ranges.length,
  { ...hooks, settle: () => waits.take(), onSinkFailure: (e) => { sinkFailure ??= e; failed(e); } });
  const start = (k: number, from: number, exact: boolean): RangeRun => {
    const run = runRange(task(k, from, exact), (batch, done) => order.add(k, batch, done));
    run.done.catch((e: unknown) => { if (runs[k] === run) failed(e); });
    runs[k] = run;
    return run;
  };
  const first = <T>(p: Promise<T>): Promise<T> => Promise.race([p, failure]);

  let error: string | undefined;
  let records = 0;
  const endings: Array<{ kind: string; line: number }> = [];
  // Range 0 is validated on this thread, straight into the merging validator (its violations are the first in the
  // file: they go to the sink as found): one worker fewer to start, and no state of its own to send and merge.
  // Between batches it stops when a worker has failed (the run fails with the worker's error, below).
  let stopping: unknown;
  const stopHere = new Error('ddss: the run was stopped');
  let here: Promise<RangeRead> | undefined;
  try {
    ranges.forEach((r, k) => { if (k > 0) start(k, r.from, false); });
    failure.catch((e: unknown) => { stopping ??= e; });
    here = (async () => {
      await hooks.beforePromote?.(0);
      return validateCsvRange(task(0, 0, true), v, options.timings === true, () => { if (stopping !== undefined) throw stopHere; });
    })();
    const first0 = await first(here);
    if (stopping !== undefined) throw stopping;
    let ended = first0.ended;
    records += first0.records;
    endings.push(...first0.endings);
    error = first0.error;
    for (let k = 1; k < ranges.length && error === undefined; k++) {
      let run = runs[k] as RangeRun;
      if (await first(run.began) !== ended) {
        // The guessed start fell inside a record (a quoted value with line breaks): validate from the true start.
        const wrong = run;
        run = start(k, ended, true);
        await wrong.stop();
        await order.discard(k);
      }
      await first(Promise.resolve(hooks.beforePromote?.(k)));
      const before: ValidatorState = liveState(v);
      await first(order.promote(k, { rows: before.rows, lines: before.lines }));
      const last = k === ranges.length - 1;
      // This thread's logs, whole once the ranges before the last are merged, are partitioned while the last one
      // is read (sealLogs): the finish, which every thread's work waits for, then only probes.
      if (last) sealLogs(before);
      const r: RangeDone = await first(run.done);
      for (const e of r.endings) endings.push({ kind: e.kind, line: e.line + before.lines });
      // The last is only finished, and its state is dropped after: handed over, its logs are not copied.
      if (last) mergeHandedOver(v, r.state as ValidatorState);
      else v.merge(r.state as ValidatorState);
      records += r.records;
      ended = r.ended;
      // The records after this point could not be found (or the file changed): the read ends here, as in one thread.
      if (r.error !== undefined) error = globalLines(r.error, before.lines);
    }
    // What the receivers returned for the last range's batches, sent without waiting for their acknowledgements.
    await first(order.settled());
    if (sinkFailure !== undefined) throw sinkFailure;
  } finally {
    stopping ??= stopHere;
    await here?.catch(() => undefined);
    await Promise.all(runs.filter((r) => r !== undefined).map((r) => r.stop()));
    await order.close();
  }
  // The ranges checked their own sizes; a change after the last range was read shows only here.
  const after = await stat(input.path).then((s) => s.size, () => undefined);
  if (after !== undefined && after !== size) error = fileChanged(size, after);
  addMixedEndings(v, endings);
  const name = input.csv.name ?? input.path;
  const report = v.finish({ kind: 'csv', name, encoding: input.csv.encoding ?? 'utf8', bytes: size, records,
    ...(error === undefined ? {} : { error }) }, error !== undefined);
  await v.waitForSinks(); // what the receivers returned for the findings of `finish` (dataset rules)
  return report;
}

/**
 * A range's reader counts lines from the range's start; the report counts them in the file.
 * @example globalLines('unclosed quote at line 3', 100) // 'unclosed quote at line 103'
 */
export function globalLines(message: string, lines: number): string {
  return lines === 0 ? message : message.replace(/\bline (\d+)\b/g, (_, n: string) => `line ${Number(n) + lines}`);
}

/**
 * The file mixes line endings when the ranges together saw more than one kind (as the single-threaded reader says).
 * @example addMixedEndings(v, [{ kind: 'lf', line: 1 }, { kind: 'crlf', line: 900 }])
 */
export function addMixedEndings(v: ReturnType<typeof createValidator>, seen: ReadonlyArray<{ kind: string; line: number }>): void {
  const first = new Map<string, number>();
  for (const e of [...seen].sort((a, b) => a.line - b.line)) if (!first.has(e.kind)) first.set(e.kind, e.line);
  if (first.size < 2) return;
  const kinds = [...first.keys()];
  v.addIssue({ code: 'mixed_line_endings', criterion: 'clean', severity: 'warning', scope: 'file',
    params: { endings: kinds.join(', '), line: first.get(kinds[1] as string) as number } });
}

