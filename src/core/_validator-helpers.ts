import { isCode } from './compile.js';
import { columnIssues, MAX_RECORD_KEYS, unknownColumnIssues } from './columns.js';
import { display } from './display.js';
import type { SourceIssue } from './source.js';
import type { RuleState } from './state.js';
import type { DatasetDefinition } from './types.js';

/*
 * The validator's small helpers: a cell's text, how an async check or a result that is no finding is
 * refused, the header's issues.
 */

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
 * Why a failing result (anything but undefined, true and null) is not what a check may return, or undefined when it
 * is `false`, a Finding or an array of Findings. Checked before anything is emitted, so a result that is half
 * findings counts nothing: the rule errors instead of crashing the run (`0` has no code to render a message from) or
 * putting a code in the report that its schema refuses.
 */
export function badResult(result: unknown): string | undefined {
  if (result === false) return undefined;
  if (!Array.isArray(result)) return badFinding(result);
  for (const f of result) {
    const why = badFinding(f);
    if (why !== undefined) return `an array holding ${why}`;
  }
  return undefined;
}

/**
 * Why a dataset rule's findings do not say where they are in the input, or undefined: a `row` must be one of the
 * rows read (a whole number in [0, rows)), a `line` a whole number from 1, a `key` text. A row past the end or below
 * 0 would be counted as failed and shown (a finding at row -1 left its rule "passed" with a violation), and a row
 * given as text cannot be sorted or merged. Numbers are quoted (positions are not personal), values never.
 */
export function badPlaces(findings: readonly object[], rows: number): string | undefined {
  for (const f of findings) {
    const { row, line, key } = f as { row?: unknown; line?: unknown; key?: unknown };
    if (row !== undefined && !(Number.isSafeInteger(row) && (row as number) >= 0 && (row as number) < rows)) {
      return `a finding whose row is ${position(row)}, not one of the ${rows} rows read (0 to ${rows - 1})`;
    }
    if (line !== undefined && !(Number.isSafeInteger(line) && (line as number) >= 1)) {
      return `a finding whose line is ${position(line)}, not a line number (a whole number from 1)`;
    }
    if (key !== undefined && typeof key !== 'string') return `a finding whose key is ${kindOf(key)}, not text`;
  }
  return undefined;
}

function position(x: unknown): string {
  return typeof x === 'number' && Number.isFinite(x) ? String(x) : kindOf(x);
}

/** Why `f` is not a Finding, told by its kind only (its value may be personal data), or undefined when it is one. */
export function badFinding(f: unknown): string | undefined {
  if (typeof f !== 'object' || f === null || Array.isArray(f)) return kindOf(f);
  const { code, field, params } = f as { code?: unknown; field?: unknown; params?: unknown };
  if (code === undefined) return 'an object without a code';
  if (!isCode(code)) return `a finding whose code is not lower snake case (${typeof code === 'string' ? 'a string' : kindOf(code)})`;
  if (field !== undefined && typeof field !== 'string') return `a finding whose field is ${kindOf(field)}`;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) {
    return `a finding whose params are ${kindOf(params)}`;
  }
  return undefined;
}

/**
 * The rule error for a `when` that returned anything but `true` or `false`. Truthiness would choose for it: the string
 * "false" would run the rule, `undefined` or `0` skip it without a word. A Promise has decided nothing (`asyncCheck`).
 * Told by kind only, as `badResult` does (the value may be personal).
 */
export function whenResultError(result: unknown): Error {
  if (isThenable(result)) return asyncCheck(result);
  return new CheckResultError(`ddss: a rule's when returns true or false; this one returned ${kindOf(result)}, ` +
    'so which rows the rule checks would be a guess');
}

function kindOf(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : 'a number';
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`;
}

/** The error of a rule whose check returned something that is not a finding. */
export class CheckResultError extends Error {
  override readonly name = 'CheckResultError';
}

/**
 * The rule error for a result `badResult` refused. ddss's own words, quoting no value, so it is shown even for rules
 * that read personal fields.
 */
export function checkResultError(why: string): CheckResultError {
  return new CheckResultError('ddss: a check returns undefined, true, null or false, a Finding ({ code: \'lower_snake_case\', … }) ' +
    `or an array of Findings; this one returned ${why}`);
}

/**
 * The header against the declared fields, judged once at the end (so a run cut into shards or worker ranges reports
 * it once, from the merged state): each finding counts one declared field or one header column.
 */
export function addColumnIssues(columns: readonly string[], fields: readonly string[], definition: Pick<DatasetDefinition, 'columns' | 'rename'>,
  sources: readonly (RuleState & { code?: string })[], addIssue: (issue: SourceIssue) => void, whole = true, delimited = true): void {
  const found = columnIssues(columns, fields, definition.columns ?? 'strict', definition.rename);
  // Columns known only in part (the keys of the JSON records read before the read failed): a missing one is unknown.
  // Columns that are no header line (a JSON record's keys) are split by no delimiter: a key holding a tab is a key.
  const delimiter = found.delimiter === undefined || !delimited ? [] : [found.delimiter];
  for (const issue of [...(whole ? found.missing : []), ...found.unexpected, ...delimiter]) {
    addIssue(issue);
  }
  const of = (code: string) => sources.find((x) => x.code === code);
  const missing = of('missing_column');
  if (missing !== undefined) missing.checked = fields.length;
  const unexpected = of('unexpected_column');
  if (unexpected !== undefined) unexpected.checked = columns.length;
}

/**
 * The columns rules read that no JSON record holds (`unknownColumnIssues`), when every record's keys are known: the
 * read was whole and listed fewer keys than a source lists at most.
 */
export function addUnknownColumnIssues(read: readonly string[] | undefined, columns: readonly string[],
  sources: readonly (RuleState & { code?: string })[], addIssue: (issue: SourceIssue) => void): void {
  if (read === undefined || read.length === 0 || columns.length >= MAX_RECORD_KEYS) return;
  for (const issue of unknownColumnIssues(read, columns)) addIssue(issue);
  const unknown = sources.find((x) => x.code === 'unknown_column');
  if (unknown !== undefined) unknown.checked = read.length;
}

/**
 * Why a validator refuses rows, merges or its state: it finished, or `merge(state, true)` declared the last merge.
 * After that merge rules may keep less (uniqueness looks the last shard's keys up instead of copying them), so a later
 * row or merge would be counted against partial tables: wrong counts, without an error.
 * @example if (closed) throw closedError(finished, 'add a row');
 */
export function closedError(finished: boolean, what: string): Error {
  if (finished) return new Error('ddss: validator already finished');
  return new Error(`ddss: cannot ${what} after merge(state, true): that merge was declared the last (only finish may ` +
    'follow), so rules kept less and would count what came after wrongly; pass true only to the last merge');
}

/**
 * Whether an object (not an array or a Map) can be a record: a plain object, a class instance (getters), a
 * null-prototype object — not a Promise (`rows.map(async …)` without awaiting), a Date, a Set, a RegExp, bytes or a
 * boxed primitive. Those have none of the fields, so they were counted as rows whose every cell is missing: their
 * rules skipped them, and a run of unawaited records passed. Plain objects answer on the first test (the hot path).
 * @example isRecordObject({ a: 1 }) // true; isRecordObject(Promise.resolve({ a: 1 })) // false
 */
export function isRecordObject(row: object): boolean {
  const proto: unknown = Object.getPrototypeOf(row);
  if (proto === Object.prototype || proto === null) return true;
  return !(typeof (row as { then?: unknown }).then === 'function' || row instanceof Date || row instanceof Set ||
    row instanceof RegExp || row instanceof WeakMap || row instanceof WeakSet || row instanceof ArrayBuffer ||
    ArrayBuffer.isView(row) || row instanceof String || row instanceof Number || row instanceof Boolean);
}

/** What a non-record object is, for `non_object_element` (`Promise`, `Date`, `Set`, `Uint8Array`). */
export function objectKind(row: object): string {
  if (typeof (row as { then?: unknown }).then === 'function' && !(row instanceof Promise)) return 'thenable';
  const name: unknown = (row as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'object';
}

/**
 * Throws for what `add`, `addMany`, `addBatch` and `finish` of a validator would carry into the report as given, or
 * fail on inside the engine: a line that is no whole number from 1 (a report's `line` is one), rows that are not a
 * synchronous iterable (an async iterable failed as "rows is not iterable"), a batch that is not `{ rows: [...] }`
 * (an array of rows failed as "Cannot read properties of undefined (reading 'length')"), a partial flag that is not a
 * boolean.
 * @example checkCallArgs('line', 'abc') // throws: ddss: add(row, line): the line must be a whole number ≥ 1
 */
export function checkCallArgs(what: 'line' | 'rows' | 'batch' | 'partial', x: unknown): void {
  if (what === 'line' && x !== undefined && !(Number.isSafeInteger(x) && (x as number) >= 1)) {
    throw new TypeError(`ddss: add(row, line): the line must be a whole number ≥ 1 (a physical line), got ${String(x)}`);
  }
  if (what === 'rows' && !(typeof x === 'object' && x !== null && Symbol.iterator in x)) {
    const async = typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
    throw new TypeError('ddss: addMany takes an array or an iterable' + (async
      ? '; an async iterable is read with for await (const row of rows) v.add(row), or validate(definition, rows)'
      : `, got ${x === null ? 'null' : typeof x}`));
  }
  if (what === 'batch' && !(typeof x === 'object' && x !== null && !Array.isArray(x) && Array.isArray((x as { rows?: unknown }).rows))) {
    throw new TypeError('ddss: addBatch takes a batch { rows: [...], columns?, lines?, issues? }, got ' + (Array.isArray(x)
      ? 'an array (rows are added with addMany(rows), or addBatch({ rows }))'
      : x === null || typeof x !== 'object' ? (x === null ? 'null' : typeof x) : 'an object without a rows array'));
  }
  if (what === 'partial' && typeof x !== 'boolean') {
    throw new TypeError(`ddss: finish(source, partial): partial must be true or false, got ${String(x)}`);
  }
}

/**
 * The issue of a row that is not an object, a Map or an array under a source's header (a number, a string, null, an
 * array given in code, which names no field). An array is `array`, as a JSON source says of one.
 * @example notARow(['1', 5]).params // { type: 'array' }
 */
export function notARow(row: unknown): SourceIssue {
  const type = row === null ? 'null' : Array.isArray(row) ? 'array' : typeof row === 'object' ? objectKind(row) : typeof row;
  const shown = typeof row === 'string' || typeof row === 'number' || typeof row === 'boolean' || typeof row === 'bigint' ? String(row) : undefined;
  return { code: 'non_object_element', criterion: 'correct', severity: 'error', scope: 'row', params: { type },
    ...(shown === undefined ? {} : { value: shown.slice(0, 200) }) };
}
