import type { DatasetFinding, MergeOffset, RuleContext } from '../../src/core/types.js';
import { absorb, firstSighting, newKeyTable, sight, type KeyTable } from './_key-table.js';

/** A later sighting of a value: `ref` names its first sighting in the table. */
interface Sighting {
  ref: number;
  row: number;
  line: number | undefined;
  key: string | undefined;
}

/**
 * Distinct values with their first sighting (in a typed-array table: a few dozen bytes per key, no `Map` size limit)
 * and, for duplicates, the later sightings as objects (duplicates are findings, so they are few or reported anyway).
 * Mergeable across shards; structured-clonable.
 */
export interface DuplicateState {
  table: KeyTable;
  later: Sighting[];
  /** Values added (the rule's `checked`). */
  count: number;
}

export function initDuplicates(): DuplicateState {
  return { table: newKeyTable(), later: [], count: 0 };
}

export function sightValue(state: DuplicateState, value: string, ctx: RuleContext): void {
  state.count++;
  const key = ctx.key();
  const ref = sight(state.table, value, key, ctx.row, ctx.line);
  if (ref >= 0) state.later.push({ ref, row: ctx.row, line: ctx.line, key });
}

export function mergeDuplicates(a: DuplicateState, b: DuplicateState, offset: MergeOffset): DuplicateState {
  const shift = (line: number | undefined) => (line === undefined ? undefined : line + offset.lines);
  // b's first sightings that a has already seen become later sightings; b's own later sightings follow them.
  const firstInB = new Set(b.later.map((s) => s.ref));
  const moved = new Map<number, number>();
  const later = a.later;
  a.table = absorb(a.table, b.table, offset.rows, offset.lines, (bRef, aRef) => {
    const s = firstSighting(b.table, bRef);
    later.push({ ref: aRef, row: s.row + offset.rows, line: shift(s.line), key: s.key });
  }, (bRef, aRef) => {
    if (firstInB.has(bRef)) moved.set(bRef, aRef);
  });
  for (const s of b.later) {
    later.push({ ref: moved.get(s.ref) as number, row: s.row + offset.rows, line: shift(s.line), key: s.key });
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
  const groups = new Map<number, Sighting[]>();
  for (const s of state.later) {
    const group = groups.get(s.ref);
    if (group === undefined) groups.set(s.ref, [s]);
    else group.push(s);
  }
  const out: DatasetFinding[] = [];
  for (const [ref, later] of groups) {
    const first = firstSighting(state.table, ref);
    const value = shown(first.text);
    const count = later.length + 1;
    for (const s of [first, ...later]) {
      out.push({
        code: 'duplicate_value', row: s.row, ...(s.line === undefined ? {} : { line: s.line }),
        ...(s.key === undefined ? {} : { key: s.key }), ...(field === undefined ? {} : { field }),
        value, params: { count },
      });
    }
  }
  return out;
}

/** The identity of a typed value for duplicate detection (dates by instant, numbers by value). */
export function identity(v: unknown): string {
  return typeof v === 'string' ? v : v instanceof Date ? `${v.getTime()}` : String(v);
}
