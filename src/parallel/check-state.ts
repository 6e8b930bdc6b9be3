import type { Plan } from '../core/compile.js';
import { MAX_READ_ABSENT } from '../core/state.js';
import { rowCount, type RowSet } from '../core/rowset.js';
import type { AggregateRule } from '../core/types.js';
import type { ShardOptions } from './shard-state.js';
import type { RecordGrade } from '../core/grades.js';

const CRITERIA = new Set(['correct', 'sufficient', 'clean', 'live']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const SCOPES = new Set(['row', 'record', 'header', 'file']);
const SAMPLE_TEXT = ['code', 'key', 'field', 'value', 'message', 'suggestion'] as const;
/** Rows and lines a state may count: a uint32 row number, as row sets store them. */
const MAX_ROWS = 0xfffffffe;

/** What a shard's header says its state holds (`ShardOptions`): the state must hold exactly that. */
export type StateOptions = Pick<ShardOptions, 'maxSamplesPerRule' | 'grades' | 'worstRecords' | 'groupBy' | 'maxGroups'>;

/**
 * Why a validator state that came from outside (a shard state file) cannot be merged under `plan`, or undefined
 * when it can: every count, row set, sample and source entry has the type and range the engine relies on, row
 * numbers stay below the state's own row count (so merging allocates no more than the state holds), each
 * aggregate's state passes the aggregate's own `check` or, without one, has the shape of its `init()`, and the
 * graded records' histogram, worst records and groups are there exactly when the header says so, well formed.
 * @example checkState(plan, decoded, header.options) // undefined, or 'rules[3].failed: row 9000 past the shard's 120 rows'
 */
export function checkState(plan: Plan, s: unknown, options: StateOptions): string | undefined {
  const maxSamples = options.maxSamplesPerRule;
  if (!isObject(s)) return 'not an object';
  if (s.version !== 1) return `version ${String(s.version)}`;
  if (s.signature !== plan.signature) return 'another dataset definition';
  for (const k of ['rows', 'lines', 'skippedRecords'] as const) if (!count(s[k])) return `${k} is not a count`;
  if (!(s.origins === undefined || (dense(s.origins) && s.origins.every((o) => typeof o === 'string' && o.length <= 100)))) return 'origins';
  const rows = s.rows as number;
  if (s.columns !== null && !(dense(s.columns) && s.columns.every((c) => typeof c === 'string'))) return 'columns';
  if (!(s.readAbsent === undefined || (dense(s.readAbsent) && s.readAbsent.length <= MAX_READ_ABSENT
    && s.readAbsent.every((c) => typeof c === 'string')))) return 'readAbsent';
  for (const k of ['missing', 'invalid'] as const) {
    const a = s[k];
    if (!dense(a) || a.length !== plan.fields.length || !a.every(count)) return `${k} per field`;
  }
  if ((s.grades !== undefined) !== options.grades) return `grades ${options.grades ? 'missing' : 'where none belong'}`;
  if (s.grades !== undefined && !(dense(s.grades) && s.grades.length === 5 && s.grades.every(count))) return 'grades';
  const graded = checkWorst(s.worst, options.worstRecords, rows) ?? checkGroups(s.groups, options, rows);
  if (graded !== undefined) return graded;
  if (!dense(s.rules) || s.rules.length !== plan.slots.length) return 'rules';
  for (let i = 0; i < s.rules.length; i++) {
    const slot = plan.slots[i];
    // A rule checks each row once at most: a `checked` above the rows made a merged rule check more rows than the run had.
    const checked = (s.rules[i] as { checked?: unknown }).checked;
    const why = (typeof checked === 'number' && checked > rows ? `checked ${checked} rows of the shard's ${rows}` : undefined) ??
      checkRule(s.rules[i], rows, maxSamples) ??
      (slot?.kind === 'aggregate' ? checkAggregate(slot.rule as AggregateRule, (s.rules[i] as { agg: unknown }).agg)
        : (s.rules[i] as { agg: unknown }).agg === undefined ? undefined : 'a state where none belongs');
    if (why !== undefined) return `rules[${i}] (${slot?.id ?? '?'}): ${why}`;
  }
  if (!dense(s.sources)) return 'sources';
  const codes = new Set<string>();
  // Header and file issues count header columns or the file, not rows.
  const units = Math.max(rows, s.lines as number, Array.isArray(s.columns) ? s.columns.length : 0) + 1;
  for (let i = 0; i < s.sources.length; i++) {
    const src = s.sources[i] as Record<string, unknown>;
    const why = checkRule(src, units, maxSamples) ?? (typeof src.code !== 'string' || codes.has(src.code)
      || !CRITERIA.has(src.criterion as string) || !SEVERITIES.has(src.severity as string) || !SCOPES.has(src.scope as string)
      || src.agg !== undefined ? 'code, criterion, severity or scope' : undefined);
    if (why !== undefined) return `sources[${i}]: ${why}`;
    codes.add(src.code as string);
  }
  return undefined;
}

/** The worst graded records: `n` as the header says, at most `n` records, each a well-formed grade of a row. */
function checkWorst(w: unknown, n: number, rows: number): string | undefined {
  if (n === 0) return w === undefined ? undefined : 'worst records where none belong';
  if (!isObject(w) || w.n !== n) return 'worst records: not the number the header says';
  if (!dense(w.records) || w.records.length > n || !w.records.every((g) => isRecordGrade(g, rows))) return 'worst records';
  return undefined;
}

/**
 * Whether `g` is a well-formed graded record of a shard of `rows` rows (a row within them, grades within 0–1).
 * @example isRecordGrade(JSON.parse(line), header.range.rows)
 */
export function isRecordGrade(g: unknown, rows: number): g is RecordGrade {
  if (!isObject(g) || !count(g.row) || (g.row as number) >= rows) return false;
  if ((g.line !== undefined && !count(g.line)) || (g.key !== undefined && typeof g.key !== 'string')) return false;
  if (!isObject(g.grades) || !isObject(g.findings) || !grade(g.overall)) return false;
  for (const c of CRITERIA) if (!grade(g.grades[c]) || !count(g.findings[c])) return false;
  if (!dense(g.rules) || !g.rules.every((r) => typeof r === 'string')) return false;
  return g.values === undefined
    || (isObject(g.values) && Object.values(g.values).every((v) => v === null || typeof v === 'string'));
}

/** A grade: a number from 0 to 1, or null (no rule applied). */
function grade(x: unknown): boolean {
  return x === null || (typeof x === 'number' && x >= 0 && x <= 1);
}

/**
 * The groups: of the header's field, fewer than twice its number of them (a state trims them only once it holds
 * twice as many, `tallyGroup`), each tally within the shard's rows.
 */
function checkGroups(g: unknown, o: StateOptions, rows: number): string | undefined {
  if (o.groupBy === null) return g === undefined ? undefined : 'groups where none belong';
  if (!isObject(g) || g.field !== o.groupBy || g.max !== o.maxGroups) return 'groups: not the field or number the header says';
  if (!(g.tallies instanceof Map) || g.tallies.size >= 2 * o.maxGroups) return 'groups';
  for (const [value, t] of g.tallies) if ((value !== null && typeof value !== 'string') || !tally(t, rows)) return 'groups';
  if (g.other !== null && !tally(g.other, rows)) return 'groups: other';
  if (g.cutoff !== undefined && g.cutoff !== null && typeof g.cutoff !== 'string') return 'groups: cutoff';
  return undefined;
}

/** A group's counts: records within the shard's rows, the others within its records, grades summed in millionths. */
function tally(t: unknown, rows: number): boolean {
  if (!isObject(t) || !count(t.records) || (t.records as number) > rows) return false;
  const within = (x: unknown) => count(x) && (x as number) <= (t.records as number);
  if (!within(t.withFindings) || !within(t.graded) || !dense(t.byCriterion) || t.byCriterion.length !== 4) return false;
  if (!t.byCriterion.every(within)) return false;
  return count(t.sum) && (t.sum as number) <= (t.graded as number) * 1_000_000 && grade(t.worst);
}

function checkRule(r: unknown, rows: number, maxSamples: number): string | undefined {
  if (!isObject(r)) return 'not an object';
  if (!count(r.checked) || !count(r.violations)) return 'counts';
  const failed = checkRowSet(r.failed, rows);
  if (failed !== undefined) return `failed: ${failed}`;
  // Every failed row (or unit) has at least one violation, and every sample is one of them.
  if (rowCount(r.failed as unknown as RowSet) > (r.violations as number)) return 'fewer violations than failed rows';
  if (!dense(r.samples) || r.samples.length > maxSamples || !r.samples.every(sample)) return 'samples';
  if (r.samples.length > (r.violations as number)) return 'more samples than violations';
  if (r.error !== null && !(isObject(r.error) && typeof r.error.message === 'string' && Number.isInteger(r.error.row)
    && (r.error.row as number) >= -1 && (r.error.row as number) <= MAX_ROWS)) return 'error';
  return undefined;
}

function checkRowSet(x: unknown, rows: number): string | undefined {
  if (!isObject(x)) return 'not a row set';
  const set = x as unknown as RowSet;
  if (!(set.list instanceof Uint32Array) || !count(set.length) || set.length > set.list.length) return 'list';
  if (!Number.isInteger(set.last) || set.last < -1) return 'last';
  if (set.bits !== null) {
    if (!(set.bits instanceof Uint32Array) || set.length !== 0 || set.bits.length > 2 * ((rows >>> 5) + 1)) return 'bits';
    for (let w = rows >>> 5; w < set.bits.length; w++) {
      const word = set.bits[w] as number;
      // Bits at or past `rows` would be rows the shard never had.
      const allowed = w === rows >>> 5 ? (rows & 31) === 0 ? 0 : 0xffffffff >>> (32 - (rows & 31)) : 0;
      if ((word & ~allowed) !== 0) return `a row past the shard's ${rows} rows`;
    }
    return undefined;
  }
  for (let i = 0; i < set.length; i++) if ((set.list[i] as number) >= rows) return `row ${set.list[i]} past the shard's ${rows} rows`;
  return undefined;
}

function sample(x: unknown): boolean {
  if (!isObject(x) || typeof x.message !== 'string' || typeof x.code !== 'string') return false;
  for (const k of SAMPLE_TEXT) if (x[k] !== undefined && typeof x[k] !== 'string') return false;
  for (const k of ['row', 'line'] as const) if (x[k] !== undefined && !(count(x[k]) && (x[k] as number) <= MAX_ROWS)) return false;
  return true;
}

function checkAggregate(rule: AggregateRule, agg: unknown): string | undefined {
  if (rule.check !== undefined) return rule.check(agg) ? undefined : 'its state does not pass the rule\'s check';
  return sameShape(rule.init(), agg, 0) ? undefined : 'its state does not have the shape of the rule\'s own';
}

/**
 * Whether `x` has the shape of `model` (an aggregate's fresh state): the same kinds of values under the same keys,
 * the same typed array types; elements of arrays, maps and sets are checked against the model's first, if any.
 */
function sameShape(model: unknown, x: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (model === null || typeof model !== 'object') {
    // A fresh state's null or undefined stands for a value not seen yet (the newest date: null, then a number).
    if (model === null || model === undefined) return x === null || x === undefined || ['number', 'string', 'boolean'].includes(typeof x);
    return typeof x === typeof model;
  }
  if (x === null || typeof x !== 'object') return false;
  if (ArrayBuffer.isView(model)) return ArrayBuffer.isView(x) && Object.getPrototypeOf(x) === Object.getPrototypeOf(model);
  if (model instanceof Date) return x instanceof Date;
  if (model instanceof Map) {
    if (!(x instanceof Map)) return false;
    const m = model.entries().next().value as [unknown, unknown] | undefined;
    if (m === undefined) return [...x].every(([k, v]) => plain(k, 0) && plain(v, 0));
    return [...x].every(([k, v]) => sameShape(m[0], k, depth + 1) && sameShape(m[1], v, depth + 1));
  }
  if (model instanceof Set) {
    if (!(x instanceof Set)) return false;
    const m = model.values().next().value as unknown;
    return [...x].every((v) => (m === undefined ? plain(v, 0) : sameShape(m, v, depth + 1)));
  }
  if (Array.isArray(model)) {
    if (!dense(x)) return false;
    return model.length === 0 ? x.every((v) => plain(v, 0)) : x.every((v, i) => sameShape(model[Math.min(i, model.length - 1)], v, depth + 1));
  }
  if (Array.isArray(x) || x instanceof Map || x instanceof Set || ArrayBuffer.isView(x)) return false;
  const keys = Object.keys(model as object);
  const own = Object.keys(x);
  if (own.some((k) => !Object.hasOwn(model as object, k))) return false;
  return keys.every((k) => sameShape((model as Record<string, unknown>)[k], (x as Record<string, unknown>)[k], depth + 1));
}

/** Plain data of bounded depth (what a structured clone of an aggregate's growing parts holds). */
function plain(x: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (x === null || typeof x !== 'object') return typeof x !== 'function' && typeof x !== 'symbol';
  if (ArrayBuffer.isView(x) || x instanceof Date) return true;
  if (Array.isArray(x)) return dense(x) && x.every((v) => plain(v, depth + 1));
  if (x instanceof Map) return [...x].every(([k, v]) => plain(k, depth + 1) && plain(v, depth + 1));
  if (x instanceof Set) return [...x].every((v) => plain(v, depth + 1));
  return Object.values(x).every((v) => plain(v, depth + 1));
}

/**
 * An array without holes. A structured clone can hold a sparse array of length 2³² − 1 in a few bytes, and `every`
 * would then visit every index: count its elements first (`Object.keys` lists only those present).
 * @example dense([1, 2]) // true; dense(Object.assign([], { length: 4e9 })) // false
 */
export function dense(x: unknown): x is unknown[] {
  return Array.isArray(x) && Object.keys(x).length === x.length;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function count(x: unknown): boolean {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}
