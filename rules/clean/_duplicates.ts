import type { DatasetFinding, MergeOffset, RuleContext } from '../../src/core/types.js';
import { absorb, firstSighting, newKeyTable, sight, type KeyTable } from './_key-table.js';

/** One row where a value was seen. `note` is what the rule keeps beside it (e.g. the BHXH number seen with an ID). */
export interface Sighting {
  row: number;
  line: number | undefined;
  key: string | undefined;
  note?: string;
}

/** A later sighting of a value: `ref` names its first sighting in the table. */
interface Later extends Sighting {
  ref: number;
}

/**
 * Distinct values with their first sighting (in a typed-array table: a few dozen bytes per key, no `Map` size limit)
 * and, for values seen again, the later sightings as objects (those are findings, or few). Mergeable across shards;
 * structured-clonable.
 */
export interface DuplicateState {
  table: KeyTable;
  later: Later[];
  /** Whether sightings carry a note (stored with the record key in the table). */
  notes: boolean;
  /** Values added (the rule's `checked`). */
  count: number;
}

export function initDuplicates(notes = false): DuplicateState {
  return { table: newKeyTable(), later: [], notes, count: 0 };
}

export function sightValue(state: DuplicateState, value: string, ctx: RuleContext, note?: string): void {
  state.count++;
  const key = ctx.key();
  const ref = sight(state.table, value, state.notes ? withNote(note ?? '', key) : key, ctx.row, ctx.line);
  if (ref < 0) return;
  const later: Later = { ref, row: ctx.row, line: ctx.line, key };
  if (state.notes) later.note = note ?? '';
  state.later.push(later);
}

export function mergeDuplicates(a: DuplicateState, b: DuplicateState, offset: MergeOffset): DuplicateState {
  const shift = (line: number | undefined) => (line === undefined ? undefined : line + offset.lines);
  // b's first sightings that a has already seen become later sightings; b's own later sightings follow them.
  const firstInB = new Set(b.later.map((s) => s.ref));
  const moved = new Map<number, number>();
  const later = a.later;
  a.table = absorb(a.table, b.table, offset.rows, offset.lines, (bRef, aRef) => {
    const s = first(b, bRef);
    later.push({ ...s, ref: aRef, row: s.row + offset.rows, line: shift(s.line) });
  }, (bRef, aRef) => {
    if (firstInB.has(bRef)) moved.set(bRef, aRef);
  });
  for (const s of b.later) {
    later.push({ ...s, ref: moved.get(s.ref) as number, row: s.row + offset.rows, line: shift(s.line) });
  }
  a.count += b.count;
  return a;
}

/** Every value seen more than once, with all its sightings, the first one first. */
export function repeatGroups(state: DuplicateState): Array<{ value: string; members: Sighting[] }> {
  const groups = new Map<number, Later[]>();
  for (const s of state.later) {
    const group = groups.get(s.ref);
    if (group === undefined) groups.set(s.ref, [s]);
    else group.push(s);
  }
  return [...groups].map(([ref, later]) => {
    const s = first(state, ref);
    return { value: s.text, members: [s, ...later] };
  });
}

/**
 * One finding per member of every duplicate group, the first occurrence included (Great Expectations and Deequ
 * count uniqueness this way: a value seen twice makes two rows fail).
 */
export function duplicateFindings(state: DuplicateState, field: string | undefined,
  shown: (value: string) => string = (v) => v): DatasetFinding[] {
  const out: DatasetFinding[] = [];
  for (const { value, members } of repeatGroups(state)) {
    const text = shown(value);
    for (const s of members) {
      out.push({ code: 'duplicate_value', ...locate(s), ...(field === undefined ? {} : { field }), value: text, params: { count: members.length } });
    }
  }
  return out;
}

/** The row, line and record key of a sighting, as a finding names them. */
export function locate(s: Sighting): { row: number; line?: number; key?: string } {
  return { row: s.row, ...(s.line === undefined ? {} : { line: s.line }), ...(s.key === undefined ? {} : { key: s.key }) };
}

/** The identity of a typed value for duplicate detection (dates by instant, numbers by value). */
export function identity(v: unknown): string {
  return typeof v === 'string' ? v : v instanceof Date ? `${v.getTime()}` : String(v);
}

function first(state: DuplicateState, ref: number): Sighting & { text: string } {
  const s = firstSighting(state.table, ref);
  if (!state.notes) return { text: s.text, row: s.row, line: s.line, key: s.key };
  const { note, key } = splitNote(s.key as string);
  return { text: s.text, row: s.row, line: s.line, key, note };
}

/** The table's key slot holds `<note length>:<note>` then, when there is one, `:<record key>`. */
function withNote(note: string, key: string | undefined): string {
  return `${note.length}:${note}${key === undefined ? '' : `:${key}`}`;
}

function splitNote(stored: string): { note: string; key: string | undefined } {
  const colon = stored.indexOf(':');
  const end = colon + 1 + Number(stored.slice(0, colon));
  return { note: stored.slice(colon + 1, end), key: end < stored.length ? stored.slice(end + 1) : undefined };
}
