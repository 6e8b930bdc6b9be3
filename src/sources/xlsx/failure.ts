/** A failure that many steps can be raced against, one after another (`failure`). */
export interface Failure {
  /** Fails every step waiting now and every step raced from now on with `error` (the first failure wins). */
  fail(error: unknown): void;
  /** `step`'s outcome, or the failure's rejection if it fails first. */
  race<T>(step: Promise<T>): Promise<T>;
}

/**
 * A failure to race each step of a long read against. Why not `Promise.race([step, failed])` with one pending
 * `failed`: each race leaves a reaction on `failed`, holding the race's promise and so its result, until `failed`
 * settles — with a read that never fails, never: every row of the sheet stayed in memory (the heap grew by about 3 KB
 * a row, 600 MB for 200,000 rows). Here a step's waiter is removed as soon as the step settles.
 * @example const f = failure(); input.once('error', (e) => f.fail(e)); const next = await f.race(it.next());
 */
export function failure(): Failure {
  let failed = false;
  let error: unknown;
  const waiting = new Set<(e: unknown) => void>();
  return {
    fail(e) {
      if (failed) return;
      failed = true;
      error = e;
      for (const reject of waiting) reject(e);
      waiting.clear();
    },
    race<T>(step: Promise<T>): Promise<T> {
      if (failed) return Promise.reject(error);
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject);
        step.then((v) => { waiting.delete(reject); resolve(v); }, (e: unknown) => { waiting.delete(reject); reject(e); });
      });
    },
  };
}
