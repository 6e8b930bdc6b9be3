import type { Plan } from './compile.js';
import type { Evaluate, Timer } from './codegen.js';
import { runTimings, type RunTimings, type TimingsState } from './timings.js';

/** A validator's measurements when a run asks for timings (`timings: true`); does nothing otherwise. */
export interface ValidatorClock {
  /** What a timed evaluator adds its rules' milliseconds to; undefined when the run is not timed. */
  readonly timer: Timer | undefined;
  /** `evaluate` itself, or, timed, `evaluate` measured whole on every row (what the rules' estimates add up to). */
  whole(evaluate: Evaluate): Evaluate;
  /**
   * Moves the evaluator's measurements into `t` (the state's timings, before it is read, merged or finished); `rows`
   * is the state's row count, merged rows included.
   */
  flush(t: TimingsState | undefined, rows: number): void;
  /** Rows merged in from other threads' states: `threads` counts this validator only if it evaluated rows itself. */
  merged(rows: number): void;
  /** The run's timings: `t` with the wall and CPU time since the clock started. */
  report(plan: Plan, t: TimingsState): RunTimings;
}

/**
 * The clock of a validator of `plan`: the timed evaluator's arrays, the clock's own cost measured once, and the wall
 * and CPU time at the start.
 * @example const clock = startClock(plan, opts.timings); generateEvaluate(plan, hooks, 'cells', clock.timer)
 */
export function startClock(plan: Plan, timed: boolean): ValidatorClock {
  const now = (): number => performance.now();
  const timer: Timer | undefined = timed ? {
    ms: new Float64Array(plan.slots.length), now, rows: new Float64Array(2), times: new Float64Array(plan.slots.length),
  } : undefined;
  const reading = timer === undefined ? 0 : clockReading(now);
  const started = timer === undefined ? 0 : now();
  const cpuStart = timer === undefined ? undefined : globalThis.process?.cpuUsage?.();
  let mergedRows = 0;
  let rowsCounted = false;
  // The rows' evaluation measured whole since the last flush: its milliseconds and the rows (two readings each).
  let spent = 0;
  let calls = 0;
  return {
    timer,
    whole(evaluate) {
      if (timer === undefined) return evaluate;
      return (rules, row, raws, values, status, ctx, missing, invalid) => {
        const t = now();
        try {
          evaluate(rules, row, raws, values, status, ctx, missing, invalid);
        } finally {
          spent += now() - t;
          calls++;
        }
      };
    },
    flush(t, rows) {
      if (timer === undefined || t === undefined) return;
      // The rows timed stand for all the rows evaluated (weighted: see Timer), less the clock's own time in each
      // measurement, which the rows not timed did not spend. Those estimates are then scaled to what evaluating the
      // rows took, measured whole (less the readings of the clock inside it): the shares are the estimates', the sum
      // the measured time. Why: a measurement counts 16-fold, so a timed row that a busy machine paused (or a rule
      // slow on the rows that happen to be timed) was multiplied, and rule times summed past the run's wall time
      // (read 2.3 s + parse 2.2 s + rules 11.5 s in a 13.1 s one-thread run).
      const n = timer.ms.length;
      const estimates = new Float64Array(n);
      let estimated = 0;
      for (let o = 0; o < n; o++) {
        estimates[o] = Math.max(0, (timer.ms[o] as number) - (timer.times[o] as number) * reading);
        estimated += estimates[o] as number;
      }
      // Rules all quicker than the clock's own reading leave no estimate: the measured time is then shared by how
      // often each was measured, rather than lost from the stages.
      if (estimated === 0) {
        for (let o = 0; o < n; o++) {
          estimates[o] = timer.times[o] as number;
          estimated += estimates[o] as number;
        }
      }
      const measured = Math.max(0, spent - (2 * (timer.rows[1] as number) + calls) * reading);
      const scale = estimated > 0 ? measured / estimated : 0;
      for (let o = 0; o < n; o++) t.rules[o] = (t.rules[o] ?? 0) + (estimates[o] as number) * scale;
      timer.ms.fill(0);
      timer.times.fill(0);
      timer.rows[1] = 0;
      spent = 0;
      calls = 0;
      if (!rowsCounted && rows > mergedRows) {
        t.threads++;
        rowsCounted = true;
      }
    },
    merged(rows) {
      mergedRows += rows;
    },
    report(p, t) {
      const cpu = cpuStart === undefined ? undefined : globalThis.process.cpuUsage(cpuStart);
      return runTimings(p, t, now() - started, cpu === undefined ? 0 : (cpu.user + cpu.system) / 1000);
    },
  };
}

let calibrated: number | undefined;

/**
 * What one measurement of nothing reads on `now` (two readings back to back), in milliseconds: the least of many
 * tries, measured once per process. A timed rule's measurement holds it too, though the rows not timed never spent
 * it (see Timer).
 */
function clockReading(now: () => number): number {
  if (calibrated === undefined) {
    let least = Infinity;
    for (let round = 0; round < 16; round++) {
      const start = now();
      let sum = 0;
      for (let i = 0; i < 256; i++) {
        const t = now();
        sum += now() - t;
      }
      least = Math.min(least, (now() - start) / 512, sum / 256);
    }
    calibrated = Number.isFinite(least) && least > 0 ? least : 0;
  }
  return calibrated;
}
