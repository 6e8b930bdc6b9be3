/**
 * Throws for a `workers` that is not a whole number ≥ 1, or a `minBytesPerWorker` that is not a whole number ≥ 0.
 * Why: both were floored and clamped, so `workers: -1`, `0`, `NaN` or `'4'` ran one thread without a word (and
 * `minBytesPerWorker: -1` did too); one per core is `defaultWorkers()`. Shared by `validate` and `profile`.
 * @example checkWorkers({ workers: -1 }) // throws: workers must be a whole number ≥ 1
 */
export function checkWorkers(o: { readonly workers?: unknown; readonly minBytesPerWorker?: unknown }): void {
  const show = (x: unknown) => (typeof x === 'string' ? JSON.stringify(x) : String(x));
  const { workers, minBytesPerWorker: min } = o;
  if (workers !== undefined && !(typeof workers === 'number' && Number.isSafeInteger(workers) && workers >= 1)) {
    throw new RangeError(`ddss: workers must be a whole number ≥ 1 (1: this thread only; one per core: defaultWorkers()), got ${show(workers)}`);
  }
  if (min !== undefined && !(typeof min === 'number' && Number.isSafeInteger(min) && min >= 0)) {
    throw new RangeError(`ddss: minBytesPerWorker must be a whole number ≥ 0, got ${show(min)}`);
  }
}
