import type { DatasetFinding, MergeOffset, RuleContext } from '../../src/core/types.js';

/** Where a value was seen: enough to name every member of a duplicate group without keeping rows. */
interface Sighting {
  row: number;
  line: number | undefined;
  key: string | undefined;
}

/** Distinct values with their first sighting and, for duplicates, the later ones. Mergeable across shards. */
export interface DuplicateState {
  first: Map<string, Sighting>;
  more: Map<string, Sighting[]>;
  /** Values added (the rule's `checked`). */
  count: number;
}

export function initDuplicates(): DuplicateState {
  return { first: new Map(), more: new Map(), count: 0 };
}

export function sightValue(state: DuplicateState, value: string, ctx: RuleContext): void {
  state.count++;
  const seen = state.first.get(value);
  const here = { row: ctx.row, line: ctx.line, key: ctx.key() };
  if (seen === undefined) {
    state.first.set(value, here);
    return;
  }
  const list = state.more.get(value);
  if (list === undefined) state.more.set(value, [here]);
  else list.push(here);
}

function shift(s: Sighting, offset: MergeOffset): Sighting {
  return { row: s.row + offset.rows, line: s.line === undefined ? undefined : s.line + offset.lines, key: s.key };
}

export function mergeDuplicates(a: DuplicateState, b: DuplicateState, offset: MergeOffset): DuplicateState {
  for (const [value, s] of b.first) {
    const later = (b.more.get(value) ?? []).map((x) => shift(x, offset));
    const mine = a.first.get(value);
    if (mine === undefined) {
      a.first.set(value, shift(s, offset));
      if (later.length > 0) a.more.set(value, later);
    } else {
      const list = a.more.get(value) ?? [];
      list.push(shift(s, offset), ...later);
      a.more.set(value, list);
    }
  }
  a.count += b.count;
  return a;
}

/**
 * One finding per member of every duplicate group, the first occurrence included (Great Expectations and Deequ
 * count uniqueness this way: a value seen twice makes two rows fail).
 */
export function duplicateFindings(state: DuplicateState, field: string | undefined,
  shown: (value: string) => string = (v) => v): DatasetFinding[] {
  const out: DatasetFinding[] = [];
  for (const [value, later] of state.more) {
    const first = state.first.get(value) as Sighting;
    const count = later.length + 1;
    for (const s of [first, ...later]) {
      out.push({
        code: 'duplicate_value', row: s.row, ...(s.line === undefined ? {} : { line: s.line }),
        ...(s.key === undefined ? {} : { key: s.key }), ...(field === undefined ? {} : { field }),
        value: shown(value), params: { count },
      });
    }
  }
  return out;
}

/** The identity of a typed value for duplicate detection (dates by instant, numbers by value). */
export function identity(v: unknown): string {
  return typeof v === 'string' ? v : v instanceof Date ? `${v.getTime()}` : String(v);
}
