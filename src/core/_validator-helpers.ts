import type { FieldPlan } from './compile.js';
import { display } from './emit.js';
import { INVALID } from './types.js';

/*
 * The validator's small pure helpers: a cell's typed value and text, and how an async check is refused.
 */

/** A cell's typed value, `INVALID` when its parser throws (the evaluator has already made that a rule error). */
export function parsedValue(f: FieldPlan, raw: unknown): unknown {
  try {
    return f.parse(raw);
  } catch {
    return INVALID;
  }
}

/** Text of a raw cell for keys (any value, null-prototype objects included, never throws). */
export function cellText(v: unknown): string {
  return typeof v === 'string' ? v : (display(v) ?? '');
}

export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/**
 * A check that returned a Promise (an async function) has not decided anything yet, so the row is neither passed
 * nor failed: the rule errors. The promise's own rejection, if any, is already reported here and must not surface
 * later as an unhandled rejection.
 */
export function asyncCheck(result: PromiseLike<unknown>): Error {
  Promise.resolve(result).catch(() => undefined);
  return new AsyncCheckError('checks are synchronous: the check returned a Promise (an async function?); ' +
    'load what it needs before validate() and check synchronously');
}

/** The error of a rule whose check returned a Promise. */
export class AsyncCheckError extends Error {
  override readonly name = 'AsyncCheckError';
}
