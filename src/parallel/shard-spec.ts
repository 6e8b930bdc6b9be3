/** One shard of a run cut into `count` shards: `index` is 1-based (`--shard 1/3` is the first of three). */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** Shards a run may be cut into: far more than any job runner starts, few enough that a merge lists them all. */
export const MAX_SHARDS = 100_000;

/**
 * Reads `K/N` (1 ≤ K ≤ N): the K-th of N shards, counted from 1 as GNU parallel's `{#}` counts. A 0-based index
 * (Kubernetes' `JOB_COMPLETION_INDEX`, Airflow's `map_index`) is refused with the expression to use instead, since
 * `1/3` cannot tell which convention was meant.
 * @example parseShard('2/7') // { index: 2, count: 7 }
 */
export function parseShard(text: string): ShardSpec {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(text);
  if (m === null) throw new RangeError(`--shard must be K/N (the K-th of N shards, counted from 1), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) throw new RangeError(`--shard ${text}: N must be between 1 and ${MAX_SHARDS}`);
  if (index === 0) {
    throw new RangeError(`--shard ${text}: shards are counted from 1 (1/${count} … ${count}/${count}); with a 0-based ` +
      `index such as Kubernetes' JOB_COMPLETION_INDEX pass $((JOB_COMPLETION_INDEX + 1))/${count}`);
  }
  if (index > count) throw new RangeError(`--shard ${text}: K must be between 1 and ${count}`);
  return { index, count };
}
