import { argKind, isKeyedObject } from './arg-kind.js';
import { nearest } from './columns.js';
import type { ValidateOptions } from './types.js';

// Every option of a run, as a record so that adding one to `ValidateOptions` without listing it here is a type error.
const KEYS: Readonly<Record<keyof ValidateOptions, true>> = {
  now: true, timeZone: true, locale: true, maxSamplesPerRule: true, onViolation: true, onRecord: true, grades: true,
  gradeColumns: true, worstRecords: true, groupBy: true, maxGroups: true, failUnder: true, showValues: true, piiKey: true,
  workers: true, minBytesPerWorker: true, references: true, baseline: true, timings: true,
};

/** The names of the options of `validate` and `createValidator`. */
export const VALIDATE_OPTION_KEYS: readonly string[] = Object.keys(KEYS);

/**
 * Throws for a key that is not an option of `what`, naming the likely intended one (and for options that are no object,
 * or a Map or an array). Why: options are read by name, so
 * a misspelt one (`failunder: 0.99`, `maxSamples: 5`) was silently ignored and the run judged without it — from
 * JavaScript, or from an options object TypeScript does not check for extra keys.
 * @example checkOptionKeys({ failunder: 0.9 }, VALIDATE_OPTION_KEYS, 'validate') // throws: did you mean "failUnder"?
 */
export function checkOptionKeys(options: object, known: readonly string[], what: string): void {
  // null (or a text) where the options go failed as "Cannot convert undefined or null to object", naming nothing; a
  // Map or an array has no own keys Object.keys sees, so every option in it was ignored without a word.
  if (!isKeyedObject(options)) {
    throw new TypeError(`ddss: the options of ${what} must be an object, got ${argKind(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = nearest(key, known);
    throw new TypeError(`ddss: ${JSON.stringify(key)} is not an option of ${what}` +
      (near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`) + `; its options are ${known.join(', ')}`);
  }
}
