import { readCsv, validate } from '../src/index.js';
import type { DatasetDefinition, Report, Violation } from '../src/index.js';
import type { CsvOptions } from '../src/sources/csv/read-csv.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards, type ShardPlan } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import type { ShardState } from '../src/parallel/shard-state.js';
import { NOW } from './_run.js';

/**
 * A CSV file validated by `workers` threads (every byte range at least a byte long, so even a small file is cut), with
 * the violations it streamed; `timed` runs the timed evaluator and says how many threads evaluated rows (the report
 * is returned without its timings, which are not deterministic).
 * @example const { report, found, threads } = await threads(landParcels, 'x.csv', 2, { timed: true })
 */
export async function threads(def: DatasetDefinition, path: string, workers: number,
  options: { csv?: CsvOptions; timed?: boolean } = {}): Promise<{ report: Report; found: Violation[]; threads: number | undefined }> {
  const found: Violation[] = [];
  const report = await validate(def, readCsv(path, options.csv), { now: NOW, maxSamplesPerRule: 5, workers,
    minBytesPerWorker: 1, timings: options.timed === true, onViolation: (v) => found.push(v) });
  const { timings, ...rest } = report;
  return { report: rest as Report, found, threads: timings?.threads };
}

/**
 * The same file validated as `n` shards, each state through its file encoding (as `ddss validate --shard` writes it),
 * then merged.
 * @example expect(toJson(await shards(landParcels, 'x.csv', 3))).toBe(toJson(one.report))
 */
export async function shards(def: DatasetDefinition, path: string, n: number, csv?: CsvOptions): Promise<Report> {
  const states: ShardState[] = [];
  for (let k = 1; k <= n; k++) {
    const s = await validateShard(def, readCsv(path, csv), { shard: `${k}/${n}`, now: NOW, maxSamplesPerRule: 5 });
    states.push(decodeShardState(encodeShardState(s)));
  }
  return mergeShards(def, states);
}

/**
 * The violations each shard streamed (`found`, by shard index − 1), in the order `plan` merges the shards and with rows
 * and lines shifted to the whole input's, as `ddss merge` joins shards' violation files; shards past the first that
 * could not be read completely are left out, as the report leaves their rows out.
 * @example expect(shardViolations(planShards(def, states), found)).toEqual(oneRunViolations)
 */
export function shardViolations(plan: ShardPlan, found: readonly (readonly Violation[])[]): Violation[] {
  const out: Violation[] = [];
  plan.shards.forEach((s, k) => {
    if (k >= plan.used) return;
    const at = plan.offsets[k] as { rows: number; lines: number };
    for (const v of found[s.shard.index - 1] ?? []) {
      out.push({ ...v, ...(v.row === undefined ? {} : { row: v.row + at.rows }), ...(v.line === undefined ? {} : { line: v.line + at.lines }) });
    }
  });
  return out;
}
