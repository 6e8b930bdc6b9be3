import type { FieldPlan } from './compile.js';
import { columnIssues } from './columns.js';
import { display } from './emit.js';
import type { SourceIssue } from './source.js';
import type { RuleState } from './state.js';
import { INVALID, type DatasetDefinition } from './types.js';

/*
 * The validator's small helpers: a cell's typed value and text, how an async check is refused, the header's issues.
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

/**
 * The header against the declared fields, judged once at the end (so a run cut into shards or worker ranges reports
 * it once, from the merged state): each finding counts one declared field or one header column.
 */
export function addColumnIssues(columns: readonly string[], fields: readonly string[], policy: DatasetDefinition['columns'],
  sources: readonly (RuleState & { code?: string })[], addIssue: (issue: SourceIssue) => void, whole = true): void {
  const found = columnIssues(columns, fields, policy ?? 'strict');
  // Columns known only in part (the keys of the JSON records read before the read failed): a missing one is unknown.
  for (const issue of [...(whole ? found.missing : []), ...found.unexpected, ...(found.delimiter === undefined ? [] : [found.delimiter])]) {
    addIssue(issue);
  }
  const of = (code: string) => sources.find((x) => x.code === code);
  const missing = of('missing_column');
  if (missing !== undefined) missing.checked = fields.length;
  const unexpected = of('unexpected_column');
  if (unexpected !== undefined) unexpected.checked = columns.length;
}
