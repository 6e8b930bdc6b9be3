import type { ValidatorState } from './state.js';
import type { Validator } from './validator-type.js';

/** Each validator's last merge that takes the other state over. */
const takers = new WeakMap<Validator, (other: ValidatorState) => void>();

/** Registers how `mergeHandedOver` merges into validator `v` (called by `createValidator`). */
export function keepHandOver(v: Validator, merge: (other: ValidatorState) => void): void {
  takers.set(v, merge);
}

/**
 * `v.merge(other, true)`, with `other` handed over: v may keep other's objects rather than copy them (the uniqueness
 * logs of a worker's range, tens of megabytes, are read after v's own at the finish), so the caller must neither use
 * nor change `other` again. What ddss's own parallel runs do with a worker's state, which they drop once merged;
 * `Validator.merge` leaves the state it is given as it was, for callers that keep it.
 * @example mergeHandedOver(v, workerState); const report = v.finish(source);
 */
export function mergeHandedOver(v: Validator, other: ValidatorState): void {
  const merge = takers.get(v);
  if (merge === undefined) throw new TypeError('ddss: mergeHandedOver merges only into a validator made by createValidator');
  merge(other);
}
