import type { DatasetFinding, MergeOffset, RuleContext } from '../../src/core/types.js';
import { absorb, copyKeyTable, firstSighting, newKeyTable, refOf, sight, type KeyTable } from './_key-table.js';
import type { KeyParts } from './_key-hash.js';
import { checkKeyTable } from './_check-key-table.js';
import {
  appendLog, checkSightingLog, logSighting, newSightingLog, sightings, type SightingLog,
} from './_sighting-log.js';
import { NO_LINES, position } from './_key-table.js';
import { repeatedTexts, type LogSegment } from './_repeated-texts.js';
import { stripSpaces } from '../../src/core/strip-spaces.js';

/** One row where a value was seen. `note` is what the rule keeps beside it (e.g. the BHXH number seen with an ID). */
export interface Sighting {
  row: number;
  line: number | undefined;
  key: string | undefined;
  note?: string;
  /** The record's own value, when it differs from the compared key (trimmed, or in canonical form). */
  shown?: string;
}

/** A later sighting of a value: `ref` names its first sighting in the table. */
interface Later extends Sighting {
  ref: number;
}

/**
 * The values seen, in a log deduplicated when the rule finishes (./_sighting-log.ts: a few dozen bytes per value, no
 * `Map` size limit). A state of an older ddss (a shard's state file) holds them resolved instead: distinct values
 * with their first sighting in a key table and, for values seen again, the later sightings as objects; such a state
 * is merged the old way, the log replayed into a table first. Mergeable across shards; structured-clonable.
 */
export interface DuplicateState {
  /** Resolved sightings, all before the log's (empty unless a state of an older ddss was merged). */
  table: KeyTable;
  later: Later[];
  /** Sightings after the table's, in order. Absent from the states of an older ddss. */
  log?: SightingLog;
  /** Whether sightings carry a note (stored with the record key). */
  notes: boolean;
  /** Values added (the rule's `checked`). */
  count: number;
}

export function initDuplicates(notes = false): DuplicateState {
  return { table: newKeyTable(), later: [], log: newSightingLog(), notes, count: 0 };
}

/**
 * Counts a value and remembers where it was seen. `shown` is the record's own value when the compared `value`
 * differs from it (a trimmed or canonical form), so that findings name each row by what it holds; not kept with notes.
 * A composite value may come as its parts (read back joined: see `KeyParts`); they are not kept.
 */
export function sightValue(state: DuplicateState, value: string | KeyParts, ctx: RuleContext, note?: string, shown?: string): void {
  state.count++;
  const key = ctx.key();
  logSighting(state.log ??= newSightingLog(), value, state.notes ? withNote(note ?? '', key) : withShown(shown, key), ctx.row, ctx.line);
}

/**
 * The logs a last merge handed over with its state (`MergeOffset.given`), read after the state's own log at the finish
 * instead of copied into it. Not part of the state: nothing is merged or written after a last merge.
 */
const handedOver = new WeakMap<DuplicateState, LogSegment[]>();

/** Copies the logs handed over into the state's own (for the paths that read the log alone). */
function takeHandedOver(state: DuplicateState): void {
  const segments = handedOver.get(state);
  if (segments === undefined) return;
  handedOver.delete(state);
  for (const s of segments) appendLog(state.log ??= newSightingLog(), s.log, s.rows, s.lines);
}

/** Replays the log into the table (later sightings of values already there become `later`), leaving the log empty. */
function settle(state: DuplicateState): void {
  takeHandedOver(state);
  if (state.log === undefined || state.log.size === 0) return;
  for (const s of sightings(state.log)) {
    const ref = sight(state.table, s.text, s.slot, s.row, s.line);
    if (ref >= 0) state.later.push({ ...sightingOf(state.notes, s.row, s.line, s.slot), ref });
  }
  state.log = newSightingLog();
}

/** Whether the state holds only a log (the table, and so the later sightings, empty): every state this ddss makes. */
function logOnly(state: DuplicateState): boolean {
  return state.table.size === 0 && state.later.length === 0;
}

/**
 * Whether a duplicate state that came from outside (a shard's state file) can be merged: a sound table and log, and
 * later sightings that name entries of the table, with rows, lines and texts of the right types.
 * @example checkDuplicates(initDuplicates()) // true
 */
export function checkDuplicates(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as DuplicateState;
  if (typeof s.notes !== 'boolean' || !Number.isSafeInteger(s.count) || s.count < 0 || !checkKeyTable(s.table)) return false;
  // Without holes: `every` would visit each index of a sparse array of length 2³² − 1 (a few bytes in a file).
  if (!Array.isArray(s.later) || Object.keys(s.later).length !== s.later.length) return false;
  const refs = s.table.size * 16;
  if (s.log !== undefined && !checkSightingLog(s.log)) return false;
  return s.later.every((l: unknown) => {
    if (typeof l !== 'object' || l === null) return false;
    const v = l as Later;
    const text = (t: unknown) => t === undefined || typeof t === 'string';
    return Number.isInteger(v.ref) && v.ref >= 0 && v.ref < refs
      && (s.table.shards[v.ref % 16] as { size: number }).size > Math.floor(v.ref / 16)
      && Number.isInteger(v.row) && v.row >= 0 && (v.line === undefined || (Number.isInteger(v.line) && v.line >= 0))
      && text(v.key) && text(v.note) && text(v.shown);
  });
}

/**
 * Appends b's sightings after a's: b's log after a's, when both hold only logs (nothing is looked up). A state of an
 * older ddss is merged as it was made, both states' logs replayed into their tables first; on the last merge
 * (`offset.last`: only finished afterwards) a's table then gains only the values of b that b's later sightings name.
 * Returns a, changed; b is left as it is, and a keeps nothing of it (b is a state a caller gave to merge).
 */
export function mergeDuplicates(a: DuplicateState, b: DuplicateState, offset: MergeOffset): DuplicateState {
  if (logOnly(a) && logOnly(b)) {
    if (b.log === undefined || b.log.size === 0) {
      // nothing to add
    } else if (offset.last === true && offset.given === true) {
      // Only finished from here, and b is a's to keep: its log is read after a's at the finish, not copied.
      checkShift(b.log, offset.rows, offset.lines);
      const segments = handedOver.get(a) ?? [];
      segments.push({ log: b.log, rows: offset.rows, lines: offset.lines });
      handedOver.set(a, segments);
    } else {
      takeHandedOver(a);
      appendLog(a.log ??= newSightingLog(), b.log, offset.rows, offset.lines);
    }
    a.count += b.count;
    return a;
  }
  settle(a);
  // b is the caller's state, never changed: replaying its log, or adopting its table into an empty a (which then
  // grows it), is done on a copy of its table.
  if ((b.log !== undefined && b.log.size > 0) || a.table.size === 0) b = { ...b, table: copyKeyTable(b.table), later: [...b.later] };
  settle(b);
  const shift = (line: number | undefined) => (line === undefined ? undefined : line + offset.lines);
  // b's first sightings that a has already seen become later sightings; b's own later sightings follow them, naming
  // where their first sightings went (looked up once per repeated value: few, against every entry of b).
  const later = a.later;
  const bTable = b.table;
  const named = offset.last === true ? new Set(b.later.map((s) => s.ref)) : undefined;
  a.table = absorb(a.table, bTable, offset.rows, offset.lines, (bRef, aRef) => {
    const s = first(b, bRef);
    later.push({ ...s, ref: aRef, row: s.row + offset.rows, line: shift(s.line) });
  }, named === undefined ? undefined : (bRef) => named.has(bRef));
  const moved = new Map<number, number>();
  for (const s of b.later) {
    let ref = moved.get(s.ref);
    if (ref === undefined) moved.set(s.ref, (ref = refOf(a.table, bTable, s.ref)));
    later.push({ ...s, ref, row: s.row + offset.rows, line: shift(s.line) });
  }
  a.count += b.count;
  return a;
}

/** Refuses what `appendLog` refuses: b's rows or lines, shifted, past what uniqueness tracks. */
function checkShift(b: SightingLog, rows: number, lines: number): void {
  // Tight loops over the arrays (a million entries in a few milliseconds), not lineOf per entry.
  let row = 0;
  for (let e = 0; e < b.size; e++) row = Math.max(row, b.rows[e] as number);
  position(row + rows);
  let line = 0; // the largest line + 1, 0 for none
  if (b.lines !== null) {
    for (let e = 0; e < b.size; e++) line = Math.max(line, b.lines[e] as number);
  } else if (b.lineShift !== NO_LINES && b.size > 0) line = row + b.lineShift;
  if (line > 0) position(line + lines);
}

/** Every value seen more than once, with all its sightings, the first one first. */
export function repeatGroups(state: DuplicateState): Array<{ value: string; members: Sighting[] }> {
  if (logOnly(state)) {
    const segments: LogSegment[] = [...(state.log === undefined ? [] : [{ log: state.log, rows: 0, lines: 0 }]),
      ...(handedOver.get(state) ?? [])];
    const { notes } = state;
    return repeatedTexts(segments, (row, line, slot) => sightingOf(notes, row, line, slot)).map(({ text, members }) => ({ value: text, members }));
  }
  settle(state);
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
 * count uniqueness this way: a value seen twice makes two rows fail). Each names the row's own value.
 */
export function duplicateFindings(state: DuplicateState, field: string | undefined,
  shown: (value: string) => string = (v) => v): DatasetFinding[] {
  const out: DatasetFinding[] = [];
  for (const { value, members } of repeatGroups(state)) {
    const text = shown(value);
    for (const s of members) {
      out.push({
        code: 'duplicate_value', ...locate(s), ...(field === undefined ? {} : { field }), value: s.shown ?? text,
        params: { count: members.length },
      });
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

/**
 * A text key without surrounding whitespace (what `stripSpaces` removes: spaces, tabs, line breaks, controls,
 * no-break spaces, zero-width characters, BOM): surrounding whitespace never makes two identifiers distinct. Values that start and end with
 * a visible ASCII character, nearly all, are returned as they are without a call.
 * @example trimKey(' 0100109106 ') // '0100109106'
 */
export function trimKey(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a > 32 && a < 127 && b > 32 && b < 127 ? s : stripSpaces(s);
}

/** `normalize(text)`, checked: a canonical form must be text (anything else is a definition fault, a rule error). */
export function canonicalKey(normalize: (value: string) => string, text: string): string {
  const key: unknown = normalize(text);
  if (typeof key !== 'string') throw new Error(`ddss: normalize returned ${typeof key} for a value, not text`);
  return key;
}

function first(state: DuplicateState, ref: number): Sighting & { text: string } {
  const s = firstSighting(state.table, ref);
  return { text: s.text, ...sightingOf(state.notes, s.row, s.line, s.key) };
}

/** A sighting as findings name it, its key slot (record key and note, or record key and shown value) read back. */
function sightingOf(notes: boolean, row: number, line: number | undefined, slot: string | undefined): Sighting {
  if (notes) {
    const { note, key } = splitNote(slot as string);
    return { row, line, key, note };
  }
  if (slot === undefined || slot.charCodeAt(0) !== 0) return { row, line, key: slot }; // the record key alone
  const { shown, key } = splitShown(slot);
  return shown === undefined ? { row, line, key } : { row, line, key, shown };
}

/**
 * Without notes, the table's key slot holds the record key alone (the common case: nothing more to store), or,
 * when the record's own value differs from the compared one (or the record key starts with NUL), NUL,
 * `<shown length>:<shown>` and, when there is one, `:<record key>`. An empty shown stands for "none".
 */
function withShown(shown: string | undefined, key: string | undefined): string | undefined {
  if (shown === undefined && (key === undefined || key.charCodeAt(0) !== 0)) return key;
  const s = shown ?? '';
  return `\u0000${s.length}:${s}${key === undefined ? '' : `:${key}`}`;
}

function splitShown(stored: string | undefined): { shown: string | undefined; key: string | undefined } {
  if (stored === undefined || stored.charCodeAt(0) !== 0) return { shown: undefined, key: stored };
  const { note, key } = splitNote(stored.slice(1));
  return { shown: note === '' ? undefined : note, key };
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
