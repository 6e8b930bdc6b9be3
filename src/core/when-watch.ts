import { CheckResultError } from './_validator-helpers.js';
import { didYouMean } from './rename-problem.js';
import type { TypedRow } from './types.js';

/**
 * Calls a rule's `when` this many times per validator on a watched row (see `watchedWhen`), then plainly. Why not
 * every row: a watched call costs a Proxy (about a microsecond), and a `when` that reads a property on some rows reads
 * it within its first calls nearly always; why not one: `(r) => r.kind === 'a' && r.Amount > 0` reads `Amount` only
 * on rows of kind `a`.
 */
export const WHEN_WATCHED_CALLS = 1000;

// Names generic code reads on any object (`JSON.stringify` reads toJSON, `await` then, `String` toString, inspectors
// constructor): no typo of a field. The typed row has a null prototype, so each reads undefined all the same.
const PROBED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'then', 'toJSON']);

/**
 * `when` as a function that refuses to read what is not a field: the typed row holds only the declared fields, so a
 * typo (`r.Amount` for the field `amount`) reads undefined on every row, and `(r) => r.Amount !== undefined` skipped
 * its rule on every row, the run "passed" with the rule "skipped (nothing to check)". A record rule's `reads` are
 * checked when the dataset is defined; a `when` is code, so what it reads is known only when it runs: on the rows it
 * is watched, a name read (or tested with `in`) that is not a field throws, naming it and the field nearest to it,
 * which makes the rule `error` (the run cannot be evaluated, exit 3) as a `when` returning no boolean does.
 * @example watchedWhen((r) => r.Amount !== undefined, ['amount'], 'amount.min', 'sales')({ amount: 5 }) // throws … did you mean "amount"?
 */
export function watchedWhen(when: (row: TypedRow) => boolean, fields: readonly string[], id: string,
  dataset: string): (row: TypedRow) => unknown {
  const known = new Set(fields);
  const stray = (k: string | symbol): boolean => typeof k === 'string' && !known.has(k) && !PROBED.has(k);
  return (row) => {
    let read: string | undefined;
    const note = (k: string | symbol): void => {
      if (read === undefined && stray(k)) read = k as string;
    };
    const watched = new Proxy(row, {
      get(target, k) { note(k); return Reflect.get(target, k) as unknown; },
      has(target, k) { note(k); return Reflect.has(target, k); },
    });
    let result: unknown;
    try {
      result = when(watched);
    } catch (e) {
      // `r.Amount.getTime()` throws a TypeError; the name it read is the cause worth saying.
      if (read === undefined) throw e;
    }
    if (read !== undefined) {
      throw new CheckResultError(`ddss: rule "${id}": its when reads "${read}", which is not a field of dataset ` +
        `"${dataset}"${didYouMean(read, fields)}: the row never holds it, so the condition would read undefined on every row`);
    }
    return result;
  };
}
