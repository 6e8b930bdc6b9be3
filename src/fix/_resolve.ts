import type { FixKind, ValidateOptions } from '../core/types.js';
import type { Plan, Slot } from '../core/compile.js';
import { judge, type Offer, type Verdict } from './_trial.js';
import type { NotFixedReason } from './types.js';

/** A record with fixable cells: its cells by field, and the fields whose offers were seen in the validation. */
export interface Candidate {
  readonly line: number;
  readonly row: number;
  readonly key: string | undefined;
  readonly values: Readonly<Record<string, string>>;
  readonly fields: ReadonlySet<string>;
}

/** What was decided for one cell. */
export type Decision =
  | { readonly field: string; readonly before: string; readonly status: 'fixed'; readonly after: string; readonly path: readonly Offer[] }
  | { readonly field: string; readonly before: string; readonly status: 'not_fixed'; readonly reason: NotFixedReason;
      readonly path: readonly Offer[]; readonly detail?: string };

/** How many fixes may follow one another on one cell (NFD with a trailing space: two). */
const MAX_STEPS = 4;
/** How many different values one cell may be tried with before it counts as ambiguous. */
const MAX_BRANCHES = 8;
/** Values and suggestions are compared as violations show them: cut after this many characters. */
const MAX_LENGTH = 200;

interface Node { readonly value: string; readonly path: readonly Offer[] }
interface Cell {
  readonly c: Candidate;
  readonly field: string;
  frontier: Node[];
  readonly seen: Set<string>;
  readonly ends: Array<{ node: Node; verdict: Verdict }>;
  stop?: { reason: NotFixedReason; path: readonly Offer[] };
}

/**
 * Decides the fix of every fixable cell of the candidates, never guessing: a cell's offered fixes are applied one
 * after another (each re-checked with the record's rules) until none is offered; the cell is fixed only when every
 * order leads to the same value, that value parses as the field's type, and no rule of the record fails that did not
 * fail before. Cells fixed in the same record are re-checked together (`conflict` otherwise). Records are judged in
 * batches, one validation per step, so the cost grows with the fixable cells, not with the file.
 */
export async function resolve(plan: Plan, slots: ReadonlyMap<string, Slot>, candidates: readonly Candidate[],
  kinds: ReadonlySet<FixKind>, options: ValidateOptions): Promise<Map<Candidate, Decision[]>> {
  const base = await judge(plan, slots, candidates.map((c) => c.values), kinds, options);
  const cells: Cell[] = [];
  candidates.forEach((c, i) => {
    const v = base[i] as Verdict;
    for (const field of c.fields) {
      // A type finding may offer nothing (a date that can be read in two ways): no fix, nothing to log.
      if ((v.offers.get(field) ?? []).length === 0) continue;
      const before = c.values[field] ?? '';
      const cell: Cell = { c, field, frontier: [], seen: new Set([before]), ends: [] };
      expand(cell, { value: before, path: [] }, v.offers.get(field) ?? []);
      cells.push(cell);
    }
  });
  const baseOf = new Map(candidates.map((c, i) => [c, base[i] as Verdict]));
  for (let step = 0; step < MAX_STEPS; step++) {
    const open = cells.filter((x) => x.stop === undefined && x.frontier.length > 0);
    if (open.length === 0) break;
    const trials = open.flatMap((x) => x.frontier.map((n) => ({ x, n })));
    const verdicts = await judge(plan, slots, trials.map(({ x, n }) => ({ ...x.c.values, [x.field]: n.value })), kinds, options);
    for (const x of open) x.frontier = [];
    trials.forEach(({ x, n }, i) => {
      if (x.stop !== undefined) return;
      const v = verdicts[i] as Verdict;
      const offers = v.offers.get(x.field) ?? [];
      if (offers.length === 0) x.ends.push({ node: n, verdict: v });
      else expand(x, n, offers);
    });
  }
  const out = new Map<Candidate, Decision[]>();
  for (const x of cells) {
    const list = out.get(x.c) ?? [];
    list.push(decide(x, baseOf.get(x.c) as Verdict));
    out.set(x.c, list);
  }
  await together(plan, slots, out, baseOf, kinds, options);
  return out;
}

/** Adds the values the offers lead to; stops the cell when they branch too much or are too long to compare. */
function expand(x: Cell, from: Node, offers: readonly Offer[]): void {
  for (const o of offers) {
    if (o.suggestion.length > MAX_LENGTH || from.value.length > MAX_LENGTH) {
      x.stop = { reason: 'value_too_long', path: [...from.path, o] };
      return;
    }
    if (x.seen.has(o.suggestion)) continue;
    x.seen.add(o.suggestion);
    x.frontier.push({ value: o.suggestion, path: [...from.path, o] });
    if (x.seen.size > MAX_BRANCHES) {
      x.stop = { reason: 'ambiguous', path: [...from.path, o] };
      return;
    }
  }
}

function decide(x: Cell, base: Verdict): Decision {
  const before = x.c.values[x.field] ?? '';
  const no = (reason: NotFixedReason, path: readonly Offer[], detail?: string): Decision =>
    ({ field: x.field, before, status: 'not_fixed', reason, path, ...(detail === undefined ? {} : { detail }) });
  if (x.stop !== undefined) return no(x.stop.reason, x.stop.path);
  const first = x.ends[0];
  // Offers still open after MAX_STEPS: the fixes do not settle, which no safe fix does.
  if (first === undefined || x.frontier.length > 0) return no('ambiguous', first?.node.path ?? []);
  const values = new Set(x.ends.map((e) => e.node.value));
  if (values.size > 1) return no('ambiguous', first.node.path, `${values.size} different results`);
  if (first.verdict.unparsed.has(x.field)) return no('not_parsed', first.node.path);
  const broken = newFailures(base, first.verdict);
  if (broken.length > 0) return no('breaks_rule', first.node.path, broken.join(', '));
  if (startsFormula(first.node.value) && !startsFormula(before)) return no('formula', first.node.path);
  return { field: x.field, before, status: 'fixed', after: first.node.value, path: first.node.path };
}

/**
 * Whether a spreadsheet opening the cell would read a formula: `=` or `@` first, or `+`/`-` followed by more than a
 * number or a phone number (`+84 912 345 678`, `-12.5` and `(028) 3822` stay data, `+HYPERLINK(…)` and
 * `-2+3+cmd|…` do not). A fix may trim the space that kept `" =HYPERLINK(…)"` text; it must not arm it.
 * @example startsFormula('=1') // true; startsFormula('+84 912 345 678') // false
 */
export function startsFormula(value: string): boolean {
  return /^[=@]/.test(value) || (/^[+-]/.test(value) && !/^[+-][\d .,()]*$/.test(value));
}

/** The rules failing in `after` that did not fail in `before` (each rule once). */
function newFailures(before: Verdict, after: Verdict): string[] {
  const rules = new Set<string>();
  for (const f of after.failing) if (!before.failing.has(f)) rules.add(f.split(' ')[0] as string);
  return [...rules].sort();
}

/** Records with several fixed cells are judged once more with all of them: a new failure undoes them all. */
async function together(plan: Plan, slots: ReadonlyMap<string, Slot>, out: Map<Candidate, Decision[]>,
  baseOf: ReadonlyMap<Candidate, Verdict>, kinds: ReadonlySet<FixKind>, options: ValidateOptions): Promise<void> {
  const several = [...out.entries()].filter(([, ds]) => ds.filter((d) => d.status === 'fixed').length > 1);
  if (several.length === 0) return;
  const rows = several.map(([c, ds]) => {
    const values: Record<string, string> = { ...c.values };
    for (const d of ds) if (d.status === 'fixed') values[d.field] = d.after;
    return values;
  });
  const verdicts = await judge(plan, slots, rows, kinds, options);
  several.forEach(([c, ds], i) => {
    const broken = newFailures(baseOf.get(c) as Verdict, verdicts[i] as Verdict);
    if (broken.length === 0) return;
    out.set(c, ds.map((d) => d.status !== 'fixed' ? d
      : { field: d.field, before: d.before, status: 'not_fixed', reason: 'conflict', path: d.path, detail: broken.join(', ') }));
  });
}
