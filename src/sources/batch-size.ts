import { shownArg } from '../core/arg-kind.js';

/**
 * A reader's `batchSize` option: `fallback` when it is not given, else a whole number ≥ 1. Why checked: it was read as
 * `Math.max(1, Math.floor(size ?? fallback))`, which took `null` for the default, `0`, `-5` and `2.5` for other sizes
 * and `'256'` for itself, without a word — every option of a reader is refused when it is not what it says.
 * @example batchSizeOf(undefined, 256, 'readCsv') // 256
 * @example batchSizeOf(0, 256, 'readCsv') // throws RangeError: ddss: readCsv: batchSize must be a whole number ≥ 1, got 0
 */
export function batchSizeOf(size: unknown, fallback: number, reader: string): number {
  if (size === undefined) return fallback;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new RangeError(`ddss: ${reader}: batchSize must be a whole number ≥ 1, got ${shownArg(size)}`);
  }
  return size;
}
