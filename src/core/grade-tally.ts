import { round } from './scores.js';
import { CRITERIA, type Criterion, type MergeOffset } from './types.js';
import type { RecordGrade } from './grades.js';

/** Grades are rounded to 6 decimals: summed as whole millionths, a group's mean is exact in any merge order. */
const MILLION = 1_000_000;

/** The default and the largest number of worst records a report keeps. */
export const DEFAULT_WORST_RECORDS = 10;
export const MAX_WORST_RECORDS = 1000;
/** The default number of groups a report keeps (`maxGroups`): the rest are counted together as `other`. */
export const DEFAULT_MAX_GROUPS = 10_000;

/** One group's counts, as the state keeps them (plain numbers, so states merge by adding). */
export interface GroupTally {
  records: number;
  /** Records with an error or warning finding. */
  withFindings: number;
  /** Records with a finding of each criterion, in `CRITERIA` order. */
  byCriterion: [number, number, number, number];
  /** Records with an overall grade, and the sum of their grades in millionths. */
  graded: number;
  sum: number;
  /** The lowest overall grade, null when no record had one. */
  worst: number | null;
}

/** The groups of a run: at most `max`, the smallest values in code-unit order (an empty cell first); the rest in `other`. */
export interface GroupsState {
  readonly field: string;
  readonly max: number;
  tallies: Map<string | null, GroupTally>;
  other: GroupTally | null;
  /** Once groups were left out: the largest value listed (a larger new value goes straight to `other`). */
  cutoff?: string | null;
}

/** A group as the report gives it. */
export interface GroupSummary {
  /** The group's cell, as outputs show it (masked when its field is personal); null for an empty cell. */
  readonly value: string | null;
  readonly records: number;
  readonly recordsWithFindings: number;
  /** Records with at least one error or warning finding of each criterion. */
  readonly withFindings: Readonly<Record<Criterion, number>>;
  /** The mean and the lowest overall grade of the group's graded records; null when none was graded. */
  readonly meanGrade: number | null;
  readonly worstGrade: number | null;
}

/** The report's breakdown by a column (`groupBy`). */
export interface GroupBreakdown {
  readonly field: string;
  /** The most groups listed; beyond it, the records of the groups with the largest values are counted in `other`. */
  readonly maxGroups: number;
  readonly groups: readonly GroupSummary[];
  /** The records of the groups left out, together (absent when every group is listed). */
  readonly other?: Omit<GroupSummary, 'value'>;
}

/**
 * Orders the worst records: lower overall grade first, then the earlier row. Deterministic, so the N worst of a
 * merged state are the N worst of the whole run whatever the cut.
 * @example [b, a].sort(worseFirst) // the lower grade first
 */
export function worseFirst(a: RecordGrade, b: RecordGrade): number {
  const x = a.overall ?? 2;
  const y = b.overall ?? 2;
  return x !== y ? x - y : a.row - b.row;
}

/**
 * Keeps `g` among the `n` worst records of `list` (sorted by `worseFirst`, at most `n` long): memory is bounded by n.
 * @example keepWorst(state.worst, graded, 10)
 */
export function keepWorst(list: RecordGrade[], g: RecordGrade, n: number): void {
  if (n <= 0 || (list.length >= n && worseFirst(g, list[list.length - 1] as RecordGrade) >= 0)) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (worseFirst(list[mid] as RecordGrade, g) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, g);
  if (list.length > n) list.pop();
}

/**
 * The `n` worst of two shards' worst records, b's rows and lines shifted after a's: exactly the list one run keeps.
 * @example mergeWorst(a.worst, b.worst, { rows: a.rows, lines: a.lines }, 10)
 */
export function mergeWorst(a: readonly RecordGrade[], b: readonly RecordGrade[], offset: MergeOffset, n: number): RecordGrade[] {
  const out = [...a];
  for (const g of b) {
    keepWorst(out, { ...g, row: g.row + offset.rows, ...(g.line === undefined ? {} : { line: g.line + offset.lines }) }, n);
  }
  return out;
}

/** An empty group tally. */
export function emptyTally(): GroupTally {
  return { records: 0, withFindings: 0, byCriterion: [0, 0, 0, 0], graded: 0, sum: 0, worst: null };
}

/**
 * Counts one graded record in its group. The state holds at most `2 × max` groups between trims (amortised), and
 * `trimGroups` leaves exactly the `max` smallest values.
 * @example tallyGroup(state, '00001', graded)
 */
export function tallyGroup(s: GroupsState, value: string | null, g: RecordGrade): void {
  let t = s.tallies.get(value);
  if (t === undefined) {
    if (s.cutoff !== undefined && compareValues(value, s.cutoff) > 0) {
      addRecord(s.other ??= emptyTally(), g);
      return;
    }
    t = emptyTally();
    s.tallies.set(value, t);
  }
  addRecord(t, g);
  if (s.tallies.size >= 2 * s.max) trimGroups(s);
}

/**
 * Keeps the `max` smallest group values and adds the others' counts to `other`: which groups are listed depends on
 * the values alone, never on the order records came in, so merged shards list the groups of one run.
 * @example trimGroups(state)
 */
export function trimGroups(s: GroupsState): void {
  if (s.tallies.size <= s.max) return;
  const names = [...s.tallies.keys()].sort(compareValues);
  s.other ??= emptyTally();
  s.cutoff = names[s.max - 1] ?? null;
  for (const name of names.slice(s.max)) {
    addTally(s.other, s.tallies.get(name) as GroupTally);
    s.tallies.delete(name);
  }
}

/**
 * Adds shard b's groups to a's (the result is a's, trimmed).
 * @example a.groups = mergeGroups(a.groups, b.groups)
 */
export function mergeGroups(a: GroupsState, b: GroupsState): GroupsState {
  const tallies = new Map<string | null, GroupTally>();
  for (const [k, t] of a.tallies) tallies.set(k, copy(t));
  for (const [k, t] of b.tallies) {
    const x = tallies.get(k);
    if (x === undefined) tallies.set(k, copy(t));
    else addTally(x, t);
  }
  const other = a.other === null && b.other === null ? null : addTally(addTally(emptyTally(), a.other ?? emptyTally()), b.other ?? emptyTally());
  const out: GroupsState = { field: a.field, max: a.max, tallies, other };
  const cut = [a.cutoff, b.cutoff].filter((c): c is string | null => c !== undefined).sort(compareValues)[0];
  if (cut !== undefined) {
    // A value beyond either shard's cutoff was left out there: it is left out of the whole too.
    out.cutoff = cut;
    for (const [k, t] of tallies) {
      if (compareValues(k, cut) > 0) {
        addTally(out.other ??= emptyTally(), t);
        tallies.delete(k);
      }
    }
  }
  trimGroups(out);
  return out;
}

/**
 * The breakdown a report gives, groups in code-unit order of their values (an empty cell first).
 * @example groupBreakdown(state.groups).groups[0]?.meanGrade
 */
export function groupBreakdown(s: GroupsState): GroupBreakdown {
  const t = { ...s, tallies: new Map(s.tallies), other: s.other === null ? null : copy(s.other) };
  trimGroups(t);
  const names = [...t.tallies.keys()].sort(compareValues);
  const groups = names.map((value) => ({ value, ...summary(t.tallies.get(value) as GroupTally) }));
  return { field: s.field, maxGroups: s.max, groups,
    ...(t.other === null ? {} : { other: summary(t.other) }) };
}

function summary(t: GroupTally): Omit<GroupSummary, 'value'> {
  const withFindings = {} as Record<Criterion, number>;
  CRITERIA.forEach((c, i) => { withFindings[c] = t.byCriterion[i] as number; });
  return { records: t.records, recordsWithFindings: t.withFindings, withFindings,
    meanGrade: t.graded === 0 ? null : round(t.sum / t.graded / MILLION), worstGrade: t.worst };
}

function addRecord(t: GroupTally, g: RecordGrade): void {
  t.records++;
  if (g.rules.length > 0) t.withFindings++;
  CRITERIA.forEach((c, i) => { if (g.findings[c] > 0) t.byCriterion[i] = (t.byCriterion[i] as number) + 1; });
  if (g.overall !== null) {
    t.graded++;
    t.sum += Math.round(g.overall * MILLION);
    t.worst = t.worst === null ? g.overall : Math.min(t.worst, g.overall);
  }
}

function addTally(t: GroupTally, u: GroupTally): GroupTally {
  t.records += u.records;
  t.withFindings += u.withFindings;
  for (let i = 0; i < 4; i++) t.byCriterion[i] = (t.byCriterion[i] as number) + (u.byCriterion[i] as number);
  t.graded += u.graded;
  t.sum += u.sum;
  t.worst = t.worst === null ? u.worst : u.worst === null ? t.worst : Math.min(t.worst, u.worst);
  return t;
}

function copy(t: GroupTally): GroupTally {
  return { ...t, byCriterion: [...t.byCriterion] };
}

/** Code-unit order, an empty cell (null) first. */
function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
