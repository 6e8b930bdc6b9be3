import { randomUUID } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { createRowSet, mergeRowSets, type RowSet } from './rowset.js';
import type { AggregateRule, Criterion, MergeOffset, Sample, Severity } from './types.js';
import type { Plan } from './compile.js';
import type { SourceScope } from './source.js';
import type { RecordGrade } from './grades.js';
import { mergeGroups, mergeWorst, type GroupsState } from './grade-tally.js';
import { mergeTimings, type TimingsState } from './timings.js';
import { checkRun, type StateRun } from './state-guard.js';

/** What a rule has seen so far in one validator. */
export interface RuleState {
  checked: number;
  /** Rows with at least one finding of this rule. */
  failed: RowSet;
  violations: number;
  samples: Sample[];
  /** The first error the rule threw (message already redacted) and the row it threw at. */
  error: { message: string; row: number } | null;
  /** The aggregate's own state, for aggregate rules. */
  agg: unknown;
}

/** A structural rule created by a source issue (`source.<code>`). */
export interface SourceRuleState extends RuleState {
  code: string;
  criterion: Criterion;
  severity: Severity;
  scope: SourceScope;
}

/**
 * Everything a validator has accumulated: plain data, structured-clonable, so shards validated in workers or on
 * other machines can be merged exactly (DESIGN §3).
 */
export interface ValidatorState {
  readonly version: 1;
  readonly signature: string;
  /** The run's settings the state was made under: only states made under the same ones merge. */
  readonly run: StateRun;
  /**
   * The identities of the validators whose rows the state holds, its own first: random ids that survive a structured
   * clone, a worker's message and a state file, so a state whose rows were merged already (itself, a copy, or one
   * merged into two validators) is refused rather than counted twice. Absent from states of an older ddss.
   */
  readonly origins?: readonly string[];
  rows: number;
  /** Physical lines consumed, so a following shard's lines can be shifted. */
  lines: number;
  /** Physical records that were not evaluated (blank, unreadable). */
  skippedRecords: number;
  columns: readonly string[] | null;
  /**
   * Columns that are no field, read by a rule (`ctx.raw`, `ctx.missing`) on an object row that lacked them: at the
   * finish, one that no JSON record holds is `source.unknown_column` (at most {@link MAX_READ_ABSENT} names). Absent
   * until one is read, and from the states of an older ddss.
   */
  readAbsent?: string[];
  /** Per field: cells that were missing, and present cells that could not be parsed (rule counts derive from them). */
  missing: number[];
  invalid: number[];
  rules: RuleState[];
  sources: SourceRuleState[];
  /** Records per band of their overall grade (`GradeCounts`), kept when the run grades records. */
  grades?: number[];
  /** The `n` worst graded records so far, worst first (`worstRecords`). */
  worst?: { n: number; records: RecordGrade[] };
  /** Graded records counted per value of the `groupBy` field (bounded by `maxGroups`). */
  groups?: GroupsState;
  /** Where the time went, kept when the run asked for `timings` (summed over merged states). */
  timings?: TimingsState;
}

/** Names a state lists in `readAbsent` at most (a rule reading computed names must not grow a state without bound). */
export const MAX_READ_ABSENT = 1000;

export function emptyRuleState(agg: unknown): RuleState {
  return { checked: 0, failed: createRowSet(), violations: 0, samples: [], error: null, agg };
}

export function initialState(plan: Plan, run: StateRun): ValidatorState {
  return {
    version: 1,
    signature: plan.signature,
    run,
    origins: [randomUUID()],
    rows: 0,
    lines: 0,
    skippedRecords: 0,
    columns: null,
    missing: plan.fields.map(() => 0),
    invalid: plan.fields.map(() => 0),
    rules: plan.slots.map((s) => emptyRuleState(s.kind === 'aggregate' ? (s.rule as AggregateRule).init() : undefined)),
    sources: [],
  };
}

/**
 * Appends shard `b` after shard `a` (rows and lines of b shifted). Exact: the result equals the state of one
 * validator fed a's rows then b's. Aggregates merge through their own `merge`. With `last` (nothing is merged
 * afterwards, the state is only finished) a rule may keep less, but the report is the same; with `given` as well, b
 * is handed over (`MergeOffset.given`): the caller must not use it again.
 */
export function mergeStates(plan: Plan, a: ValidatorState, b: ValidatorState, maxSamples: number, last = false,
  given = false): ValidatorState {
  if (a.signature !== b.signature) {
    throw new Error('ddss: cannot merge states of different dataset definitions');
  }
  checkRun(a.run, b.run);
  const offset: MergeOffset = { rows: a.rows, lines: a.lines, ...(last ? { last } : {}), ...(last && given ? { given } : {}) };
  const rules = a.rules.map((ra, i) => {
    const rb = b.rules[i] as RuleState;
    const slot = plan.slots[i];
    let agg = ra.agg;
    let error = ra.error ?? shiftError(rb.error, offset.rows);
    if (slot?.kind === 'aggregate' && error === null) {
      try {
        agg = (slot.rule as AggregateRule).merge(ra.agg, rb.agg, offset);
      } catch (e) {
        error = { message: e instanceof Error ? e.message : String(e), row: -1 };
      }
    }
    return mergeRule(ra, rb, offset, maxSamples, agg, error);
  });
  const sources = [...a.sources.map((s) => ({ ...s }))];
  for (const sb of b.sources) {
    const i = sources.findIndex((s) => s.code === sb.code);
    // Header and file issues count columns (or the file), not rows: their sets are not shifted by b's offset.
    const at = sb.scope === 'header' || sb.scope === 'file' ? { rows: 0, lines: offset.lines } : offset;
    const merged = i < 0 ? mergeRule(emptyRuleState(undefined), sb, at, maxSamples, undefined, shiftError(sb.error, offset.rows))
      : mergeRule(sources[i] as SourceRuleState, sb, at, maxSamples, undefined, (sources[i] as SourceRuleState).error);
    const entry: SourceRuleState = { ...merged, code: sb.code, criterion: sb.criterion, severity: sb.severity, scope: sb.scope };
    if (i < 0) sources.push(entry);
    else sources[i] = entry;
  }
  return {
    version: 1,
    signature: a.signature,
    run: a.run,
    origins: [...(a.origins ?? []), ...(b.origins ?? [])],
    rows: a.rows + b.rows,
    lines: a.lines + b.lines,
    skippedRecords: a.skippedRecords + b.skippedRecords,
    columns: unionColumns(a.columns, b.columns),
    ...(a.readAbsent === undefined && b.readAbsent === undefined ? {}
      : { readAbsent: unionColumns(a.readAbsent ?? [], b.readAbsent ?? [])?.slice(0, MAX_READ_ABSENT) as string[] }),
    missing: a.missing.map((n, i) => n + (b.missing[i] ?? 0)),
    invalid: a.invalid.map((n, i) => n + (b.invalid[i] ?? 0)),
    rules,
    sources,
    ...(a.grades === undefined && b.grades === undefined ? {}
      : { grades: [0, 1, 2, 3, 4].map((i) => (a.grades?.[i] ?? 0) + (b.grades?.[i] ?? 0)) }),
    ...(a.worst === undefined ? {} : { worst: { n: a.worst.n, records: mergeWorst(a.worst.records, b.worst?.records ?? [], offset, a.worst.n) } }),
    ...(a.groups === undefined ? {} : { groups: b.groups === undefined ? a.groups : mergeGroups(a.groups, b.groups) }),
    ...(a.timings === undefined && b.timings === undefined ? {} : { timings: mergeTimings(a.timings, b.timings) as TimingsState }),
  };
}

function mergeRule(a: RuleState, b: RuleState, offset: MergeOffset, maxSamples: number, agg: unknown,
  error: RuleState['error']): RuleState {
  const samples = a.samples.slice(0, maxSamples);
  for (const s of b.samples) {
    if (samples.length >= maxSamples) break;
    samples.push(shiftSample(s, offset));
  }
  return {
    checked: a.checked + b.checked,
    failed: mergeRowSets(a.failed, b.failed, offset.rows),
    violations: a.violations + b.violations,
    samples,
    error,
    agg,
  };
}

function shiftSample(s: Sample, offset: MergeOffset): Sample {
  if (s.row === undefined && s.line === undefined) return s;
  return {
    ...s,
    ...(s.row === undefined ? {} : { row: s.row + offset.rows }),
    ...(s.line === undefined ? {} : { line: s.line + offset.lines }),
  };
}

function shiftError(e: RuleState['error'], rows: number): RuleState['error'] {
  return e === null ? null : { message: e.message, row: e.row < 0 ? e.row : e.row + rows };
}

/**
 * The columns of two parts read in turn: a CSV file's header is the same in every part; JSON records' keys (the
 * keys seen so far, `RecordSink`) may grow from one part to the next, so the merged state has every key of either.
 */
function unionColumns(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  if (a === null || b === null || a === b) return a ?? b;
  const known = new Set(a);
  const more = b.filter((c) => !known.has(c));
  return more.length === 0 ? a : [...a, ...more];
}

/**
 * A copy of a state that shares nothing with it: what `state()` gives out, so that later rows, merges and `finish`
 * never change a state once given, and a state merged elsewhere never changes with its validator. Through
 * `v8.serialize` rather than `structuredClone`: a clone keeps the uniqueness logs' resizable buffers, each a
 * reservation of address space and a memory mapping of its own (rules/clean/_growable.ts), where a copy, which is
 * read and never grown, needs plain arrays.
 * @example const checkpoint = copyState(st); // later adds leave checkpoint.rows as it was
 */
export function copyState(st: ValidatorState): ValidatorState {
  return deserialize(serialize(st)) as ValidatorState;
}
