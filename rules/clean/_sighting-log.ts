/**
 * The values a uniqueness rule sees, logged in arrival order and deduplicated only when the rule finishes.
 *
 * Why not a hash table probed per row (./_key-table.ts, which this replaced on the rules' hot path): at a million
 * keys the table's slots and entries are tens of megabytes, and every probe of a new value is a cache and TLB miss
 * (~250 ns against ~70 ns once the table fits in cache; three uniqueness rules made it 14% of a land run). Appending
 * to a log is sequential; at the end the log is split by hash into partitions of a few thousand entries, each
 * deduplicated in a table that stays in cache (~30 ns an entry; ./_repeated-texts.ts). Merging the logs of shards is
 * concatenation.
 *
 * Each entry is stored as the key table stores one (./_key-arena.ts: the text, then the "key slot" the rule keeps
 * beside it), so equal texts have equal bytes and the entries compare without decoding. Rows are stored per entry;
 * lines only once one is not its row plus a shared shift (as the key table does).
 */
import {
  entryBound, entryBytes, entryEnd, lastTextHash, readEntry, writeEntry, writeEntryKey, writeTextHashed,
} from './_key-arena.js';
import { hashParts, lastTextWide, type KeyParts } from './_key-hash.js';
import { growTo, growable } from './_growable.js';
import { keySeed } from './_key-seed.js';
import { forEachObject } from '../../src/core/for-each-object.js';
import { grown, lineAt, MAX_POSITION, NO_LINES, position, setLine } from './_key-table.js';

export interface SightingLog {
  /** Entries back to back in arrival order. */
  arena: Uint8Array;
  used: number;
  size: number;
  rows: Uint32Array;
  /** line + 1 per entry (0 = none), allocated only once an entry's line is not its row plus `lineShift`. */
  lines: Uint32Array | null;
  /** (line + 1) − row shared by every entry while `lines` is null; NO_LINES when none has a line; NaN when empty. */
  lineShift: number;
  /**
   * Two words per entry: where it starts in the arena, and its hash with `seed` (`hashEntry`'s), kept as entries are
   * logged. Finding the repeats then needs no pass over the arena to locate and hash the entries, a pass that ran
   * after the last row on one thread while the others waited (about a third of that step). Null once a log whose
   * entries were hashed with another seed (a shard's state file) was appended: the repeats are then found as before.
   * One array, not two: each resizable buffer is a memory mapping (./_growable.ts). Absent from states written
   * before it was kept.
   */
  index?: Uint32Array | null;
  seed?: number;
  /**
   * The entries partitioned by hash, made ahead of the finish by the thread that logged them (`sealLogs`, when a
   * parallel range is done): a worker partitions its own logs while the others still read, not the one thread all
   * wait for at the end. Valid while the log holds `size` entries and the thread's seed is `seed`; never written to
   * a state file (`withoutIndexes`) nor read from one (`checkSightingLog`).
   */
  parts?: LogPartition | null;
}

/** A log's entries split by the top `bits` bits of their hashes, in log order within each part (a counting sort). */
export interface LogPartition {
  readonly size: number;
  readonly seed: number;
  readonly bits: number;
  /** Part p is [start[p], start[p + 1]) of `order` (entries) and `sorted` (their hashes). */
  readonly start: Uint32Array;
  readonly order: Uint32Array;
  readonly sorted: Uint32Array;
}

/** Whether the log keeps its entries' starts and hashes (see `SightingLog.index`). */
export function indexed(log: SightingLog): log is SightingLog & { index: Uint32Array; seed: number } {
  return log.index instanceof Uint32Array;
}

/** One logged sighting, read back: its text, row, line and key slot. */
export interface LoggedSighting {
  readonly text: string;
  readonly row: number;
  readonly line: number | undefined;
  readonly slot: string | undefined;
}

/** Makes what a caller keeps of a repeated text's sighting (one object per sighting, not two). */
export type SightingMaker<T> = (row: number, line: number | undefined, slot: string | undefined) => T;

/**
 * An empty log. Its arrays lie on resizable buffers from the start, not only once they reach 64 KiB as other
 * growable arrays do: V8 compiles `logSighting` (and the rules' `add` it is inlined into) for the kind of typed array
 * it has seen, and a plain array turning resizable after a few thousand rows threw that code away and compiled it
 * again, in every thread (a dozen recompilations on a land run). A log is one of a few per validator, so the memory
 * mappings this costs stay few (and past `limits.live` its arrays are plain, as before).
 *
 * The arena reserves {@link ARENA_RESERVE} of address space (memory is committed only as it grows): a land run's
 * arenas pass the default 16 MiB at about 600,000 rows, and outgrowing a reservation copies the arena into a new one,
 * touching every page again — on a virtual machine a first touch costs ~10 µs a page, so the copy cost ~40 ms an
 * arena, and the old arena stayed in memory until a full GC. Two threads' logs merged after a parallel run grew past
 * it too, on the one thread everyone waits for.
 */
export function newSightingLog(): SightingLog {
  const log = {
    arena: growable(Uint8Array, 256, 0, ARENA_RESERVE), used: 0, size: 0, rows: growable(Uint32Array, 16, 0), lines: null, lineShift: NaN,
    index: growable(Uint32Array, 32, 0), seed: keySeed(),
  };
  made.add(log);
  return log;
}

/** Address space an arena reserves: room for the text of a few million identifiers before it is ever copied. */
export const ARENA_RESERVE = 64 << 20;

/** The logs this thread made: those whose index `withoutIndexes` sets aside, and `sealLogs` partitions. */
const made = new WeakSet<SightingLog>();

/**
 * Runs `write` with the index of every log this thread made inside `value` (a validator state) set aside, then puts
 * them back: a shard's state file is merged in another process, under another seed, where an index is never used,
 * and it would make the file a third larger (8 bytes an entry beside ~24).
 * @example const bytes = withoutIndexes(state, () => serialize(state));
 */
export function withoutIndexes<T>(value: unknown, write: () => T): T {
  const aside: Array<[SightingLog, Uint32Array | null, LogPartition | null]> = [];
  forEachOwnLog(value, (log) => {
    aside.push([log, indexed(log) ? log.index : null, log.parts ?? null]);
    log.index = null;
    if (log.parts !== undefined) log.parts = null;
  });
  try {
    return write();
  } finally {
    for (const [log, index, parts] of aside) {
      log.index = index;
      if (parts !== null) log.parts = parts;
    }
  }
}

/** Calls `visit` with every log this thread made inside `value` (a validator state). */
export function forEachOwnLog(value: unknown, visit: (log: SightingLog) => void): void {
  forEachObject(value, (v) => {
    if (!made.has(v as SightingLog)) return true;
    visit(v as SightingLog);
    return false;
  });
}

/** Appends a sighting of `text` (a composite key as its parts) with the rule's key `slot`, at `row` and `line`. */
export function logSighting(log: SightingLog, text: string | KeyParts, slot: string | undefined, row: number,
  line: number | undefined): void {
  const seed = log.seed ?? 0;
  const at = log.used;
  let hash: number;
  if (typeof text === 'string') {
    // Written and hashed in one pass (room for the wide form, which the pass finds out).
    roomFor(log, at + entryBound(text, true, slot));
    const p = writeTextHashed(log.arena, at, text, seed);
    hash = lastTextHash();
    log.used = writeEntryKey(log.arena, p, text, slot);
  } else {
    // The hash's pass over the parts also tells whether they are wide (a unit above 0xff: two bytes a unit).
    hash = hashParts(text, seed);
    const wide = lastTextWide();
    roomFor(log, at + entryBound(text, wide, slot));
    log.used = writeEntry(log.arena, at, text, slot, wide);
  }
  const e = log.size;
  if (e === log.rows.length) {
    log.rows = growTo(Uint32Array, log.rows, grown(e));
    if (log.lines !== null) log.lines = growTo(Uint32Array, log.lines, log.rows.length);
    if (indexed(log)) log.index = growTo(Uint32Array, log.index, 2 * log.rows.length);
  }
  if (indexed(log)) {
    log.index[2 * e] = at;
    log.index[2 * e + 1] = hash;
  }
  log.rows[e] = position(row);
  setLine(log, e, line === undefined ? 0 : position(line + 1));
  log.size = e + 1;
}

/** Grows the log's arena to hold `need` bytes. */
function roomFor(log: SightingLog, need: number): void {
  if (need <= log.arena.length) return;
  if (need > 0xffffffff) throw new Error('ddss: uniqueness text exceeds 4 GiB in one log');
  log.arena = growTo(Uint8Array, log.arena, Math.min(0xffffffff, Math.max(need, grown(log.arena.length))));
}

/**
 * Appends b's sightings after a's, b's rows and lines shifted by `rows` and `lines` (b's shard follows a's): one copy
 * of b's bytes, b itself unchanged.
 */
export function appendLog(a: SightingLog, b: SightingLog, rows: number, lines: number): void {
  if (b.size === 0) return;
  const base = a.used;
  const used = base + b.used;
  if (used > 0xffffffff) throw new Error('ddss: uniqueness text exceeds 4 GiB in one log');
  if (used > a.arena.length) a.arena = growTo(Uint8Array, a.arena, used);
  a.arena.set(b.arena.subarray(0, b.used), base);
  a.used = used;
  const size = a.size + b.size;
  if (size > a.rows.length) {
    a.rows = growTo(Uint32Array, a.rows, size);
    if (a.lines !== null) a.lines = growTo(Uint32Array, a.lines, size);
  }
  // b's hashes join a's only when made with a's seed; b's starts move by a's bytes.
  if (indexed(a) && indexed(b) && a.seed === b.seed) {
    if (2 * size > a.index.length) a.index = growTo(Uint32Array, a.index, 2 * size);
    const to = a.index;
    const from = b.index;
    for (let k = 0, j = 2 * a.size; k < 2 * b.size; k += 2, j += 2) {
      to[j] = (from[k] as number) + base;
      to[j + 1] = from[k + 1] as number;
    }
  } else {
    a.index = null;
  }
  // Nearly always both logs share one line shift (each row's line is its row plus a constant): rows are then shifted
  // in a tight loop, not entry by entry through setLine (a third of a million-entry append).
  const shift = b.lineShift === NO_LINES ? NO_LINES : b.lineShift + lines - rows;
  if (a.lines === null && b.lines === null && (a.size === 0 || a.lineShift === shift)) {
    const limit = shift === NO_LINES ? MAX_POSITION : Math.min(MAX_POSITION, MAX_POSITION - shift);
    const to = a.rows;
    for (let e = 0, i = a.size; e < b.size; e++, i++) {
      const row = (b.rows[e] as number) + rows;
      if (row > limit) position(Math.max(row, row + (shift === NO_LINES ? 0 : shift))); // throws, as below
      to[i] = row;
    }
    a.lineShift = shift;
    a.size = size;
    return;
  }
  for (let e = 0; e < b.size; e++) {
    const line = lineAt(b, e);
    a.rows[a.size] = position((b.rows[e] as number) + rows);
    setLine(a, a.size, line === 0 ? 0 : position(line + lines));
    a.size++;
  }
}

/** Sighting e of `log`, whose entry starts at `at`. */
function sightingAt(log: SightingLog, e: number, at: number): LoggedSighting {
  const { text, key } = readEntry(log.arena, at);
  return { text, row: log.rows[e] as number, line: lineOf(log, e), slot: key };
}

/** Entry e's line, if its source has lines. */
export function lineOf(log: SightingLog, e: number): number | undefined {
  const line = lineAt(log, e);
  return line === 0 ? undefined : line - 1;
}

/** Every sighting of `log` in order (to replay it into a key table: the states of an older ddss hold one). */
export function* sightings(log: SightingLog): Generator<LoggedSighting> {
  for (let e = 0, p = 0; e < log.size; e++) {
    yield sightingAt(log, e, p);
    p += entryBytes(log.arena, p);
  }
}

/**
 * Whether a log that came from outside (a shard's state file) can be read safely: typed arrays of the right kinds,
 * every entry whole in the arena and the entries filling it exactly, every line in range.
 * @example checkSightingLog(state.log) // false for a truncated or forged log
 */
export function checkSightingLog(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const l = x as SightingLog;
  if (!(l.arena instanceof Uint8Array) || !(l.rows instanceof Uint32Array) || !(l.lines === null || l.lines instanceof Uint32Array)) return false;
  if (!Number.isSafeInteger(l.size) || l.size < 0 || l.size > l.rows.length || (l.lines !== null && l.size > l.lines.length)) return false;
  if (!Number.isSafeInteger(l.used) || l.used < 0 || l.used > l.arena.length) return false;
  // Partitions are made by the thread that reads them (they are set aside when a state is written).
  if (l.parts !== undefined && l.parts !== null) return false;
  if (l.lines === null && !(l.lineShift === NO_LINES || Number.isNaN(l.lineShift) || Number.isInteger(l.lineShift))) return false;
  // The index must hold each entry's own start (its hashes are used only under this thread's seed, which a file
  // cannot know).
  const index = indexed(l) ? l.index : undefined;
  if (l.index !== undefined && l.index !== null && (index === undefined || 2 * l.size > index.length
    || !Number.isInteger(l.seed) || (l.seed as number) < -(2 ** 31) || (l.seed as number) >= 2 ** 31)) return false;
  let p = 0;
  for (let e = 0; e < l.size; e++) {
    if (index !== undefined && index[2 * e] !== p) return false;
    p = entryEnd(l.arena, p, l.used);
    if (p < 0) return false;
    const line = lineAt(l, e);
    if (!(line >= 0 && line <= MAX_POSITION + 1)) return false;
  }
  return p === l.used;
}
