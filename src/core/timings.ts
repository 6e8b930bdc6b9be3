import type { Plan } from './compile.js';

/**
 * What a timed validator has measured so far (milliseconds), plain and mergeable like the rest of the state: per
 * rule (by slot ordinal) the time of its checks, and the time spent reading the source and merging states.
 */
export interface TimingsState {
  rules: number[];
  read: number;
  merge: number;
  /** Validators (threads) whose rows these times cover. */
  threads: number;
}

/** Where a run's time went (`timings: true`): not deterministic, so reports carry it only when asked. */
export interface RunTimings {
  /** Wall time of the run on the main thread, from the validator's start to its report. */
  readonly totalMs: number;
  /** CPU time (user + system) of the whole process over the same span, every thread included. */
  readonly cpuMs: number;
  /** Threads that evaluated rows (1 without workers). */
  readonly threads: number;
  /**
   * Milliseconds per stage. `read` (the source: reading, decoding, splitting records), `parse` (typing cells: the
   * `field.type` rules) and `rules` (every other rule) are summed over the threads that did them; `merge` (worker
   * states) and `output` (written by the CLI) are the main thread's.
   */
  readonly stages: { readonly read: number; readonly parse: number; readonly rules: number; readonly merge: number; readonly output: number };
  /** Every rule of the definition, slowest first (ties by id): its milliseconds and its share of all rule time. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly ms: number; readonly share: number }>;
}

/**
 * Empty timings for a plan.
 * @example emptyTimings(plan).rules.length === plan.slots.length // true
 */
export function emptyTimings(plan: Plan): TimingsState {
  return { rules: plan.slots.map(() => 0), read: 0, merge: 0, threads: 1 };
}

/**
 * The sum of two validators' timings (a worker's added to the main thread's). `b` is left as it is, and nothing of it
 * is kept: the merging validator adds its own times to the result.
 * @example mergeTimings({ rules: [1], read: 2, merge: 0, threads: 1 }, { rules: [3], read: 1, merge: 0, threads: 1 }).rules // [4]
 */
export function mergeTimings(a: TimingsState | undefined, b: TimingsState | undefined): TimingsState | undefined {
  if (b === undefined) return a;
  if (a === undefined) return { ...b, rules: [...b.rules] };
  return { rules: a.rules.map((ms, i) => ms + (b.rules[i] ?? 0)), read: a.read + b.read, merge: a.merge + b.merge,
    threads: a.threads + b.threads };
}

/**
 * The report's `timings` from the merged state: rules slowest first with their shares (which sum to 1 up to
 * rounding), stages rounded to microseconds. `output` is 0 here: only the caller that writes outputs can time them.
 * @example runTimings(plan, st.timings, 1200, 1500).rules[0] // { id: 'owner_id.cccd', ms: 310.2, share: 0.31 }
 */
export function runTimings(plan: Plan, t: TimingsState, totalMs: number, cpuMs: number): RunTimings {
  const total = t.rules.reduce((sum, ms) => sum + ms, 0);
  let parse = 0;
  for (const s of plan.slots) if (s.kind === 'type') parse += t.rules[s.ordinal] ?? 0;
  const rules = plan.slots.map((s) => {
    const ms = t.rules[s.ordinal] ?? 0;
    return { id: s.id, ms: round(ms), share: total > 0 ? Math.round((ms / total) * 1e4) / 1e4 : 0 };
  }).sort((a, b) => b.ms - a.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    totalMs: round(totalMs), cpuMs: round(cpuMs), threads: t.threads,
    stages: { read: round(t.read), parse: round(parse), rules: round(total - parse), merge: round(t.merge), output: 0 },
    rules,
  };
}

/**
 * The batches of a source, adding the time spent waiting for each to `add` (the read stage).
 * @example for await (const batch of timedBatches(source.batches(), (ms) => v.addReadTime(ms))) v.addBatch(batch);
 */
export async function* timedBatches<B>(batches: AsyncIterable<B>, add: (ms: number) => void): AsyncGenerator<B> {
  const it = batches[Symbol.asyncIterator]();
  try {
    for (;;) {
      const t = performance.now();
      const next = await it.next();
      add(performance.now() - t);
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await it.return?.();
  }
}

/** Milliseconds to the microsecond: enough for a rule, and short in JSON. */
function round(ms: number): number {
  return Math.round(Math.max(0, ms) * 1000) / 1000;
}
