import type { Plan } from './compile.js';
import { createGrader, emptyGradeCounts, type GradeCollector, type Grader } from './grades.js';
import { keepWorst, tallyGroup } from './grade-tally.js';
import type { ResolvedOptions } from './options.js';
import type { ValidatorState } from './state.js';

/**
 * Sets up the grading of records a run asks for (`grades`, `worstRecords`, `groupBy`): the state `initial` gets its
 * empty tallies, and the grader — undefined when records are not graded, since its work per row is small but not
 * nothing — adds to the state `current()` returns at each call (merging replaces the validator's state).
 * @example const grader = startGrading(plan, opts, st, () => st); grader?.begin(0)
 */
export function startGrading(plan: Plan, opts: ResolvedOptions, initial: ValidatorState,
  current: () => ValidatorState): Grader | undefined {
  if (opts.grades) initial.grades = emptyGradeCounts();
  if (opts.worstRecords > 0) initial.worst = { n: opts.worstRecords, records: [] };
  if (opts.groupBy !== undefined) initial.groups = { field: opts.groupBy, max: opts.maxGroups, tallies: new Map(), other: null };
  const collect: GradeCollector | undefined = initial.worst === undefined && initial.groups === undefined ? undefined : {
    groupField: opts.groupBy,
    add(g, group) {
      const st = current();
      if (st.worst !== undefined && g.rules.length > 0) keepWorst(st.worst.records, g, st.worst.n);
      if (st.groups !== undefined) tallyGroup(st.groups, group, g);
    },
  };
  if (!opts.grades) return undefined;
  return createGrader(plan, () => current().rules, () => current().grades as number[], plan.definition.weights,
    opts.onRecord, opts.gradeColumns, collect);
}
