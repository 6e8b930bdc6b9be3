import { Worker } from 'node:worker_threads';
import { stat } from 'node:fs/promises';
import { createValidator } from '../core/validator.js';
import { readCsvRange } from '../sources/csv/read-csv-range.js';
import { splitRanges } from './split.js';
import type { DefinitionRef } from './definition-ref.js';
import type { RangeTask, WorkerMessage } from './protocol.js';
import type { ValidatorState } from '../core/state.js';
import type { DatasetDefinition, Report, ValidateOptions, Violation } from '../core/types.js';

type Done = Extract<WorkerMessage, { type: 'done' }>;

export interface ParallelCsv {
  readonly path: string;
  readonly csv: RangeTask['csv'];
}

/**
 * Validates a CSV file with `workers` worker threads: the file is cut into byte ranges at record boundaries, each
 * range is validated in its own thread, and the states are merged in file order. The report equals the
 * single-threaded one byte for byte: a range whose guessed start fell inside a quoted field (its start differs from
 * the previous range's quote-aware end) is validated again from the exact offset.
 */
export async function validateCsvParallel(def: DatasetDefinition, ref: DefinitionRef, input: ParallelCsv,
  options: ValidateOptions, workers: number): Promise<Report> {
  const size = (await stat(input.path)).size;
  const columns = await readColumns(input);
  const ranges = splitRanges(size, 0, workers);
  const now = new Date(options.now ?? Date.now()).toISOString();
  const base: Omit<RangeTask, 'start' | 'exact' | 'stop' | 'columns'> = {
    ref, path: input.path, csv: input.csv,
    options: {
      now, locale: options.locale ?? 'en', maxSamplesPerRule: options.maxSamplesPerRule ?? 100,
      showValues: options.showValues ?? false,
      // One key for every thread, so hashed personal values stay comparable across ranges.
      piiKey: options.piiKey ?? '', // the caller's key ('' = none: validate() refused hashed fields without one)
      stream: options.onViolation !== undefined,
    },
  };
  const task = (k: number, start: number, exact: boolean): RangeTask => ({
    ...base, start, exact, stop: ranges[k + 1]?.from ?? size,
    ...(k === 0 ? {} : { columns }),
  });

  const sink = orderedSink(options.onViolation, ranges.length);
  const live = new Set<Worker>();
  let results: Done[];
  try {
    results = await Promise.all(ranges.map((r, k) => runTask(live, task(k, r.from, k === 0), (items) => sink.add(k, items))));
    // Verify the chain of ranges in file order; re-run a range whose guessed start was wrong.
    for (let k = 1; k < results.length; k++) {
      const prev = results[k - 1] as Done;
      if ((results[k] as Done).began !== prev.ended) {
        sink.discard(k);
        results[k] = await runTask(live, task(k, prev.ended, true), (items) => sink.add(k, items));
      }
    }
  } catch (e) {
    await Promise.all([...live].map((w) => w.terminate())); // one range failed: the others' work is moot
    throw e;
  }
  // The merging validator streams only what is found at finish (dataset rules), after every row's violations,
  // which is the order of a single-threaded run.
  const v = createValidator(def, { ...options, now, piiKey: base.options.piiKey });
  let error: string | undefined;
  let records = 0;
  const endings: Array<{ kind: string; line: number }> = [];
  const pending: Array<Done | undefined> = results;
  for (let k = 0; k < pending.length; k++) {
    const r = pending[k] as Done;
    pending[k] = undefined; // each range's state is garbage once merged
    const before = v.state();
    sink.release(k, before);
    for (const e of r.endings) endings.push({ kind: e.kind, line: e.line + before.lines });
    v.merge(r.state as ValidatorState);
    records += r.records;
    if (r.error !== undefined) {
      error = r.error;
      break;
    }
  }
  addMixedEndings(v, endings);
  const name = input.csv.name ?? input.path;
  return v.finish({ kind: 'csv', name, encoding: input.csv.encoding ?? 'utf8', bytes: size, records,
    ...(error === undefined ? {} : { error }) }, error !== undefined);
}

/** The file mixes line endings when the ranges together saw more than one kind (as the single-threaded reader says). */
function addMixedEndings(v: ReturnType<typeof createValidator>, seen: ReadonlyArray<{ kind: string; line: number }>): void {
  const first = new Map<string, number>();
  for (const e of [...seen].sort((a, b) => a.line - b.line)) if (!first.has(e.kind)) first.set(e.kind, e.line);
  if (first.size < 2) return;
  const kinds = [...first.keys()];
  v.addIssue({ code: 'mixed_line_endings', criterion: 'clean', severity: 'warning', scope: 'file',
    params: { endings: kinds.join(', '), line: first.get(kinds[1] as string) as number } });
}

async function readColumns(input: ParallelCsv): Promise<readonly string[]> {
  const source = readCsvRange(input.path, { ...input.csv, start: 0, exact: true, stop: 1 });
  for await (const batch of source.batches()) if (batch.columns !== undefined) return batch.columns;
  return [];
}

function spawn(): Worker {
  // From sources (tests, tsx) the worker is TypeScript and needs tsx's loader; from dist it is plain JavaScript.
  const here = import.meta.url;
  return new Worker(new URL(here.endsWith('.ts') ? './worker-from-source.mjs' : './worker.js', here));
}

/**
 * Runs one range in a worker of its own, ended as soon as it answers: its heap is gone before the states merge, and
 * the state's buffers arrive transferred, so the main thread holds each range's tables once.
 */
async function runTask(live: Set<Worker>, task: RangeTask, onViolations: (items: readonly Violation[]) => void): Promise<Done> {
  const worker = spawn();
  live.add(worker);
  try {
    return await new Promise<Done>((resolve, reject) => {
      worker.on('message', (msg: WorkerMessage) => {
        if (msg.type === 'violations') onViolations(msg.items);
        else if (msg.type === 'done') resolve(msg);
        else reject(new Error(msg.message));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`ddss: worker stopped (exit code ${code}) before finishing its range`)));
      worker.postMessage(task);
    });
  } finally {
    live.delete(worker);
    await worker.terminate();
  }
}

/**
 * Forwards workers' violations to the caller's sink in file order with global row and line numbers: a range's
 * violations are held until every earlier range is merged (its offsets are known only then).
 */
function orderedSink(sink: ((v: Violation) => void) | undefined, n: number) {
  const held: Violation[][] = Array.from({ length: n }, () => []);
  return {
    add(k: number, items: readonly Violation[]) {
      if (sink !== undefined) held[k]?.push(...items);
    },
    discard(k: number) {
      held[k] = [];
    },
    release(k: number, before: ValidatorState) {
      if (sink === undefined) return;
      for (const v of held[k] ?? []) {
        sink({
          ...v,
          ...(v.row === undefined ? {} : { row: v.row + before.rows }),
          ...(v.line === undefined ? {} : { line: v.line + before.lines }),
        });
      }
      held[k] = [];
    },
  };
}
