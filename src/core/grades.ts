import { round } from './scores.js';
import { CRITERIA, type Criterion, type Severity } from './types.js';
import type { FieldPlan, Plan, Slot } from './compile.js';
import type { RuleState } from './state.js';

/**
 * One record's grades (README "A worklist for fixing records"): per criterion 1 when no error or warning finding of
 * that criterion touches the record, else the weighted share of that criterion's applicable row rules it passes;
 * null when no rule of the criterion applied. `overall` is the weighted mean of the non-null criteria (the dataset's
 * weights), null when all are null. Each is rounded to 6 decimals; `overall` from the exact criterion grades, once.
 */
export interface RecordGrade {
  /** 0-based data row, as in violations. */
  readonly row: number;
  readonly line?: number;
  /** The record's key, masked as in every output when a key field is personal. */
  readonly key?: string;
  readonly grades: Readonly<Record<Criterion, number | null>>;
  readonly overall: number | null;
  /** Error and warning findings on the record, per criterion. */
  readonly findings: Readonly<Record<Criterion, number>>;
  /** Ids of the rules with an error or warning finding on the record, in plan order (source rules last). */
  readonly rules: readonly string[];
  /** The cells of the run's `gradeColumns` (to group the worklist by), shown as outputs show them; null when empty. */
  readonly values?: Readonly<Record<string, string | null>>;
}

/**
 * How many records fell in each band of the overall grade: exactly 1, [0.9, 1), [0.75, 0.9), below 0.75, and
 * records no rule applied to (`ungraded`). Counts add up across shards and workers.
 */
export interface GradeHistogram {
  readonly one: number;
  readonly atLeast90: number;
  readonly atLeast75: number;
  readonly below75: number;
  readonly ungraded: number;
}

/** The histogram as the state keeps it: `[one, atLeast90, atLeast75, below75, ungraded]`. */
export type GradeCounts = [number, number, number, number, number];

/** An empty histogram. */
export function emptyGradeCounts(): GradeCounts {
  return [0, 0, 0, 0, 0];
}

/** The histogram of counts kept in a state. */
export function gradeHistogram(c: readonly number[]): GradeHistogram {
  return { one: c[0] ?? 0, atLeast90: c[1] ?? 0, atLeast75: c[2] ?? 0, below75: c[3] ?? 0, ungraded: c[4] ?? 0 };
}

/** The band of an overall grade in `GradeCounts`. */
export function gradeBand(overall: number | null): number {
  return overall === null ? 4 : overall >= 1 ? 0 : overall >= 0.9 ? 1 : overall >= 0.75 ? 2 : 3;
}

/**
 * The grade of one record from what applied to it and what failed: `applied[c]` and `passed[c]` are the summed
 * weights of criterion c's applicable rules and of those the record passes.
 * @example gradeOf({ correct: [2, 1], sufficient: [1, 1], clean: [0, 0], live: [0, 0] }, weights) // correct 0.5 …
 */
export function gradeOf(sums: Readonly<Record<Criterion, readonly [number, number]>>, failing: ReadonlySet<Criterion>,
  weights: Readonly<Record<Criterion, number>>): { grades: Record<Criterion, number | null>; overall: number | null } {
  const grades = {} as Record<Criterion, number | null>;
  let sum = 0;
  let total = 0;
  for (const c of CRITERIA) {
    const [applied, passed] = sums[c];
    const g = applied === 0 ? null : failing.has(c) ? passed / applied : 1;
    grades[c] = round(g);
    // The overall grade is the mean of the exact grades, rounded once: a mean of rounded ones drifts by a millionth
    // (2/3 and 1 gave 0.833334, not 5/6 = 0.833333).
    if (g !== null) {
      sum += g * weights[c];
      total += weights[c];
    }
  }
  return { grades, overall: total === 0 ? null : round(sum / total) };
}

/** What the validator tells the grader about the current row. */
export interface RowFacts {
  readonly row: number;
  readonly line: number | undefined;
  key(): string | undefined;
  raw(i: number): unknown;
  /** A raw cell as outputs show it (masked when its field is personal). */
  shown(raw: unknown, field: string): string | undefined;
}

/** A row graded but not yet given out: a source issue of the row may still follow it. */
interface Pending {
  row: number;
  line: number | undefined;
  key: string | undefined;
  applied: Record<Criterion, number>;
  passed: Record<Criterion, number>;
  findings: Record<Criterion, number>;
  failing: Set<Criterion>;
  rules: string[];
  values: Record<string, string | null> | undefined;
  /** The cell of the run's `groupBy` field, as outputs show it; null when empty. */
  group: string | null;
}

/** Where the worst records and the group tallies of a run are kept (`worstRecords`, `groupBy`). */
export interface GradeCollector {
  /** The field to group by: every row is then graded in full (no fast path), since each counts in its group. */
  readonly groupField: string | undefined;
  add(g: RecordGrade, group: string | null): void;
}

export interface Grader {
  /** A row starts: forgets the previous row's findings (the pending grade is given out first). */
  begin(row: number): void;
  /** A rule found something on the current row. */
  failed(ordinal: number): void;
  /** A rule threw on the current row (the row no longer takes the fast path). */
  touch(): void;
  /** A rule's `when` held for the current row. */
  held(ordinal: number): void;
  /** The current row is evaluated: grade it (given out at the next `flush`). */
  end(facts: RowFacts): void;
  /** A source issue of a graded row (a row-level structural finding): one more failed rule of its criterion. */
  issue(row: number, id: string, criterion: Criterion, severity: Severity, facts: RowFacts): void;
  /** Gives out the pending grade (to the histogram, and to `onRecord`). */
  flush(): void;
}

const counts = (s: Slot) => s.severity !== 'info' && s.kind !== 'aggregate';

/**
 * Grades rows as they finish. Only row rules of error and warning severity count (info findings never lower a
 * grade); dataset rules (uniqueness, aggregates) decide only at the end and do not enter record grades. A rule in
 * error does not count for the row it errored on nor after (what was not checked is not passed).
 */
export function createGrader(plan: Plan, rules: () => readonly RuleState[], histogram: () => number[],
  weights: Readonly<Record<Criterion, number>>, onRecord: ((g: RecordGrade) => void) | undefined,
  columns: readonly string[] = [], collect?: GradeCollector): Grader {
  for (const c of columns) {
    if (!plan.fieldIndex.has(c)) throw new Error(`ddss: gradeColumns names "${c}", which is not a field of dataset "${plan.definition.name}"`);
  }
  const n = plan.slots.length;
  const failStamp = new Float64Array(n).fill(-1);
  const failCount = new Uint32Array(n);
  const heldStamp = new Float64Array(n).fill(-1);
  const graded = plan.slots.filter(counts);
  // A required rule that always applies and counts: a row without findings then grades 1 without further work.
  const alwaysApplies = graded.some((s) => s.kind === 'required' && s.when === undefined);
  let row = -1;
  let touched = false;
  let pending: Pending | null = null;
  /** The row counted in the histogram by the fast path, until the next row begins. */
  let fastRow = -1;

  const missing = (f: FieldPlan, facts: RowFacts) => f.isMissing(facts.raw(f.index));
  return {
    begin(r) {
      if (pending !== null) flush();
      fastRow = -1;
      row = r;
      touched = false;
    },
    failed(o) {
      if (failStamp[o] !== row) {
        failStamp[o] = row;
        failCount[o] = 0;
      }
      failCount[o] = (failCount[o] as number) + 1;
      touched = true;
    },
    touch() {
      touched = true;
    },
    held(o) {
      heldStamp[o] = row;
    },
    end(facts) {
      if (!touched && onRecord === undefined && collect?.groupField === undefined && alwaysApplies) {
        (histogram()[0] as number)++;
        fastRow = row;
        return;
      }
      grade(facts);
    },
    issue(r, id, criterion, severity, facts) {
      if (severity === 'info') return;
      if (fastRow === r && r === row) {
        // The row took the fast path, but a source finding follows it: grade it in full after all.
        (histogram()[0] as number)--;
        fastRow = -1;
        grade(facts);
      }
      if (pending === null || pending.row !== r) return;
      pending.applied[criterion] += 1;
      pending.failing.add(criterion);
      pending.findings[criterion] += 1;
      if (!pending.rules.includes(id)) pending.rules.push(id);
    },
    flush,
  };

  function grade(facts: RowFacts): void {
    const R = rules();
    const status = new Map<number, 0 | 1 | 2>(); // 0 ok, 1 missing, 2 bad, per field read
    const fieldStatus = (i: number): 0 | 1 | 2 => {
      let s = status.get(i);
      if (s === undefined) {
        const f = plan.fields[i] as FieldPlan;
        const t = f.typeSlot.ordinal;
        s = missing(f, facts) ? 1 : failStamp[t] === row || (R[t] as RuleState).error?.row === row ? 2 : 0;
        status.set(i, s);
      }
      return s;
    };
    const p: Pending = { row: facts.row, line: facts.line, key: undefined, applied: zero(), passed: zero(),
      findings: zero(), failing: new Set(), rules: [], values: undefined, group: null };
    for (const s of graded) {
      if ((R[s.ordinal] as RuleState).error !== null) continue;
      if (!applies(s, fieldStatus, R)) continue;
      p.applied[s.criterion] += s.weight;
      if (failStamp[s.ordinal] === row) {
        p.failing.add(s.criterion);
        p.findings[s.criterion] += failCount[s.ordinal] as number;
        p.rules.push(s.id);
      } else {
        p.passed[s.criterion] += s.weight;
      }
    }
    if (onRecord !== undefined || collect !== undefined) p.key = facts.key();
    const by = collect?.groupField;
    if (by !== undefined) {
      const shown = facts.shown(facts.raw(plan.fieldIndex.get(by) as number), by);
      p.group = shown === undefined || shown === '' ? null : shown;
    }
    if (onRecord !== undefined && columns.length > 0) {
      p.values = {};
      for (const c of columns) p.values[c] = facts.shown(facts.raw(plan.fieldIndex.get(c) as number), c) ?? null;
    }
    pending = p;
  }

  function flush(): void {
    const p = pending;
    if (p === null) return;
    pending = null;
    const sums = {} as Record<Criterion, readonly [number, number]>;
    for (const c of CRITERIA) sums[c] = [p.applied[c], p.passed[c]];
    const { grades, overall } = gradeOf(sums, p.failing, weights);
    (histogram()[gradeBand(overall)] as number)++;
    if (onRecord === undefined && collect === undefined) return;
    const g: RecordGrade = {
      row: p.row,
      ...(p.line === undefined ? {} : { line: p.line }),
      ...(p.key === undefined ? {} : { key: p.key }),
      grades, overall, findings: p.findings, rules: p.rules,
    };
    collect?.add(g, p.group);
    onRecord?.(p.values === undefined ? g : { ...g, values: p.values });
  }

  /** Whether a rule without a `when` (or whose `when` held) ran on the row, from the fields it reads. */
  function applies(s: Slot, fieldStatus: (i: number) => 0 | 1 | 2, R: readonly RuleState[]): boolean {
    if (s.when !== undefined && heldStamp[s.ordinal] !== row) return false;
    switch (s.kind) {
      case 'required': return true;
      case 'type': return fieldStatus(s.fieldIndex) !== 1;
      // Value rules run only while the field's type rule runs (a type rule in error stops them).
      case 'value': return fieldStatus(s.fieldIndex) === 0
        && (R[(plan.fields[s.fieldIndex] as FieldPlan).typeSlot.ordinal] as RuleState).error === null;
      case 'record': return s.needs.every((i) => fieldStatus(i) === 0);
      default: return false;
    }
  }
}

function zero(): Record<Criterion, number> {
  return { correct: 0, sufficient: 0, clean: 0, live: 0 };
}
