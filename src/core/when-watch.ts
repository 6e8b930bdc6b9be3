import { CheckResultError } from './_validator-helpers.js';
import { didYouMean } from './rename-problem.js';
import type { RuleContext, TypedRow } from './types.js';

/**
 * Calls a rule's `when` or record check this many times per validator on a watched row (see `watchedWhen`), then
 * plainly. Why not every row: a watched call costs a Proxy (about a microsecond), and code that reads a property on
 * some rows reads it within its first calls nearly always; why not one: `(r) => r.kind === 'a' && r.Amount > 0` reads
 * `Amount` only on rows of kind `a`.
 */
export const WATCHED_CALLS = 1000;

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
  return watchedReads(when, 'when', 'the condition', fields, id, dataset);
}

/**
 * A record rule's check as a function that refuses to read what is not a field, as `watchedWhen` does a `when`:
 * `(r) => r.end_Date === undefined || r.end_Date >= r.start_date` (for the field `end_date`) read undefined on every
 * row, so the rule passed every row and the run passed.
 * @example watchedCheck((r) => r.end_Date === undefined, ['end_date'], 'ordered', 'p')({ end_date: undefined }, ctx) // throws … did you mean "end_date"?
 */
export function watchedCheck<T>(check: (row: TypedRow, ctx: RuleContext) => T, fields: readonly string[], id: string,
  dataset: string): (row: TypedRow, ctx: RuleContext) => T | undefined {
  return watchedReads(check, 'check', 'the check', fields, id, dataset);
}

/**
 * A dataset aggregate's `add` as a function that refuses to read what is not a field, as `watchedCheck` does a record
 * check: `(s, r) => { if (r.Status === 'closed') s.n++; }` (for the field `status`) counted nothing on every row, so
 * "at most one closed parcel" passed.
 * @example watchedAdd((s, r) => { s.n += r.Amount; }, ['amount'], 'total', 'sales')({ n: 0 }, { amount: 5 }, ctx) // throws … did you mean "amount"?
 */
export function watchedAdd<S>(add: (state: S, row: TypedRow, ctx: RuleContext) => void, fields: readonly string[],
  id: string, dataset: string): (state: S, row: TypedRow, ctx: RuleContext) => void {
  const watched = watchedReads((row: TypedRow, state: S, ctx: RuleContext) => add(state, row, ctx), 'add', 'the aggregate', fields, id, dataset);
  return (state, row, ctx) => { watched(row, state, ctx); };
}

/**
 * A watch of the names one rule's code reads on its row, for the generated evaluator: `row(r)` gives the Proxy to
 * call the code with (forgetting any earlier read), `settle()` throws once the code has returned if it read a name
 * that is not a field, `cause(e)` is the error to report when the code threw (the stray read, when there was one:
 * `r.Amount.getTime()` throws a TypeError, and the name it read is the cause worth saying). Why an object rather than
 * a wrapped function: the evaluator calls the rule's own function at one call site whether the row is watched or not,
 * so V8 has the call's type feedback from the first row. With a call site for the watched calls and another for the
 * rest, the second was first reached on the rule's 1001st row; for a rule that runs on few rows (a record rule on
 * two dates of a dissolved enterprise) that came after V8 had optimised the evaluator, which threw its optimised code
 * away and compiled it again (~130–300 ms of compilation, in every thread). Enumerating the row (`Object.keys`,
 * `Object.hasOwn`, a spread) reads only fields, so it is not watched.
 */
export interface ReadWatch {
  row(row: TypedRow): TypedRow;
  settle(): void;
  cause(e: unknown): unknown;
}

/**
 * The watch of one rule's reads: `role` and `subject` name the code in its error ("its when reads …, so the condition
 * would read undefined on every row"), `fields` the names it may read.
 * @example const w = readWatch(['amount'], 'check', 'the check', 'ordered', 'sales'); check(w.row(r)); w.settle();
 */
export function readWatch(fields: readonly string[], role: string, subject: string, id: string, dataset: string): ReadWatch {
  const known = new Set(fields);
  let read: string | undefined;
  const note = (k: string | symbol): void => {
    if (read === undefined && typeof k === 'string' && !known.has(k) && !PROBED.has(k)) read = k;
  };
  const handler: ProxyHandler<TypedRow> = {
    get(target, k) { note(k); return Reflect.get(target, k) as unknown; },
    has(target, k) { note(k); return Reflect.has(target, k); },
  };
  const error = (name: string) => new CheckResultError(`ddss: rule "${id}": its ${role} reads "${name}", which is not a ` +
    `field of dataset "${dataset}"${didYouMean(name, fields)}: the row never holds it, so ${subject} would read ` +
    'undefined on every row');
  return {
    row(row) {
      read = undefined;
      return new Proxy(row, handler);
    },
    settle() {
      if (read !== undefined) throw error(read);
    },
    cause(e) {
      return read === undefined ? e : error(read);
    },
  };
}

/** `fn` on a watched row (see `readWatch`), as a function: the plain form of what the evaluator does in line. */
function watchedReads<A extends unknown[], T>(fn: (row: TypedRow, ...rest: A) => T, role: string, subject: string,
  fields: readonly string[], id: string, dataset: string): (row: TypedRow, ...rest: A) => T | undefined {
  const watch = readWatch(fields, role, subject, id, dataset);
  return (row, ...rest) => {
    let result: T;
    try {
      result = fn(watch.row(row), ...rest);
    } catch (e) {
      throw watch.cause(e);
    }
    watch.settle();
    return result;
  };
}
