import type { ValidateOptions } from '../core/types.js';
import type { RangeOptions } from './protocol.js';

/**
 * The options a worker gets: the caller's options without functions and thread settings, so options added to
 * `ValidateOptions` later reach the workers unchanged.
 * @example rangeOptions({ locale: 'vi', onViolation: log, workers: 2 }, now, key) // { locale: 'vi', now, piiKey: key }
 */
export function rangeOptions(options: ValidateOptions, now: string, piiKey: string): RangeOptions {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    // A function cannot cross threads; a worker grades records when the caller receives them (they come back in order).
    if (name === 'onRecord' && typeof value === 'function') out.grades = true;
    if (typeof value === 'function' || value === undefined) continue;
    // References go to the workers as their tables (RangeTask.references), not as sources to read again; a baseline
    // is applied on the main thread, to the violations in file order.
    if (name === 'workers' || name === 'minBytesPerWorker' || name === 'references' || name === 'baseline') continue;
    out[name] = value;
  }
  return { ...(out as RangeOptions), now, piiKey };
}
