import type { ValidatorState } from './state.js';
import type { Validator } from './validator-type.js';

/** Each validator's own state, read without the copy `state()` makes. */
const states = new WeakMap<Validator, () => ValidatorState>();

/** Registers how `liveState` reads validator `v`'s own state (called by `createValidator`). */
export function keepLiveState(v: Validator, read: () => ValidatorState): void {
  states.set(v, read);
}

/**
 * A validator's own state, not a copy: what `state()` gives a caller, as ddss's own runs read it. Why not `state()`:
 * it copies everything, uniqueness logs included (tens of megabytes), where a parallel run reads only the rows and
 * lines so far, and a worker or a shard hands its state on once, never to add to it again. The caller must neither
 * change it nor keep it while the validator goes on. Refuses as `state()` does (after the last merge, or once a
 * receiver failed), and gives out the last graded record as it does.
 * @example const { rows, lines } = liveState(v);
 */
export function liveState(v: Validator): ValidatorState {
  const read = states.get(v);
  if (read === undefined) throw new TypeError('ddss: liveState reads only a validator made by createValidator');
  return read();
}
