/**
 * A set of strings that remembers where each was first seen (row, line, record key), kept in typed arrays rather
 * than a `Map`: no 16,777,216-entry limit, no per-entry objects for the garbage collector to trace, a few dozen bytes
 * per key, and structured-clonable as a handful of buffers (workers post it back cheaply).
 *
 * Layout: 16 shards picked by the hash's top bits, so no single array or rehash grows with the whole set. A shard is
 * an open-addressing table (linear probing) of entry indices over entry arrays in insertion order, plus a byte arena
 * holding each entry's text and record key: one byte per character when every code unit is below 256 (identifiers
 * almost always are), two otherwise. A probe compares the stored 32-bit hash first and the text only on a hash
 * match, so lookups are exact whatever collides. The hash seed is random per thread, so crafted input cannot aim
 * collisions at it; worker threads adopt their parent's ({@link adoptKeySeed}), so merging their tables needs no
 * re-hashing (merges re-hash when seeds differ: tables from other processes). Entry arrays and arenas grow in place
 * (./_growable.ts), so a growing table leaves no dead copies behind.
 */
import { entriesEqual, entryBound, entryBytes, hashEntry, readEntry, textEquals, writeEntry } from './_key-arena.js';
import { hashParts, hashText, joinParts, lastTextWide, type KeyParts } from './_key-hash.js';
import { growTo, growable } from './_growable.js';
import { keySeed } from './_key-seed.js';

const SHARD_BITS = 4;
export const SHARDS = 1 << SHARD_BITS;
/** Rows and lines are stored as uint32 (lines as line + 1, 0 meaning "no line"). */
export const MAX_POSITION = 0xfffffffe;

export interface KeyTableShard {
  /**
   * Open addressing, two int32 per slot: entry index + 1 (0 = empty) and the entry's hash, side by side so that a
   * probe reads one cache line, not a second array at a random place. The slot count is a power of two.
   */
  slots: Int32Array;
  size: number;
  /** Per entry, in insertion order: */
  rows: Uint32Array;
  /**
   * line + 1 per entry (0 = the source has no lines), allocated only once an entry's line is not its row plus the
   * shard's `lineShift`: in a file without multi-line records or blank lines every line is its row + 2, so the
   * common case stores no line at all.
   */
  lines: Uint32Array | null;
  /** (line + 1) − row shared by every entry while `lines` is null; NO_LINES when none has a line; NaN when empty. */
  lineShift: number;
  /** Arena offset of the entry's text and key. */
  at: Uint32Array;
  arena: Uint8Array;
  used: number;
}

export interface KeyTable {
  seed: number;
  size: number;
  shards: KeyTableShard[];
}

/** Where a text was first seen, read back from the table. */
export interface FirstSighting {
  readonly text: string;
  readonly row: number;
  readonly line: number | undefined;
  readonly key: string | undefined;
}

/** An empty table with this thread's seed. */
export function newKeyTable(): KeyTable {
  const shards: KeyTableShard[] = [];
  for (let s = 0; s < SHARDS; s++) {
    shards.push({
      slots: new Int32Array(32), size: 0, rows: growable(Uint32Array, 8),
      lines: null, lineShift: NaN, at: growable(Uint32Array, 8), arena: growable(Uint8Array, 128), used: 0,
    });
  }
  return { seed: keySeed(), size: 0, shards };
}

/**
 * A copy of `t` that shares no array with it, its entries where they were (references into `t` name the same entries
 * in the copy): a table of a state given to merge is the caller's, so it is copied before it is added to.
 * @example const mine = copyKeyTable(given.table); sight(mine, 'P1', undefined, 0, 1); // given.table is unchanged
 */
export function copyKeyTable(t: KeyTable): KeyTable {
  const shards = t.shards.map((s) => ({
    ...s, slots: s.slots.slice(), rows: s.rows.slice(), lines: s.lines === null ? null : s.lines.slice(), at: s.at.slice(),
    arena: s.arena.slice(),
  }));
  return { seed: t.seed, size: t.size, shards };
}

/**
 * Looks `text` up and adds it (first seen at `row`/`line`, record `key`) when new. Returns -1 when added, else the
 * reference of the entry already there (for {@link firstSighting}). A composite key may come as its parts
 * ({@link KeyParts}): the same entry as their joined text, without building it (a row of a `uniqueBy` rule).
 */
export function sight(t: KeyTable, text: string | KeyParts, key: string | undefined, row: number, line: number | undefined): number {
  const h = typeof text === 'string' ? hashText(text, t.seed) : hashParts(text, t.seed);
  const s = h >>> (32 - SHARD_BITS);
  const shard = t.shards[s] as KeyTableShard;
  const i = probeText(shard, h, text);
  const slot = shard.slots[2 * i] as number;
  if (slot !== 0) return (slot - 1) * SHARDS + s;
  const wide = lastTextWide(); // of `text`: nothing was hashed since
  const at = reserve(shard, entryBound(text, wide, key));
  shard.used = writeEntry(shard.arena, at, text, key, wide);
  place(t, shard, i, h, at, row, line);
  return -1;
}

/**
 * The slot of `shard` that holds `text` (hash `h`), or the free slot where it would go: linear probing, the stored
 * hash compared first and the text only on a match. Parts are joined only then (a repeat, nearly always).
 */
function probeText(shard: KeyTableShard, h: number, text: string | KeyParts): number {
  const slots = shard.slots;
  const mask = (slots.length >> 1) - 1;
  let i = h & mask;
  let joined: string | undefined;
  for (let slot = slots[2 * i] as number; slot !== 0; slot = slots[2 * i] as number) {
    if (slots[2 * i + 1] === h) {
      joined ??= typeof text === 'string' ? text : joinParts(text);
      if (textEquals(shard.arena, shard.at[slot - 1] as number, joined)) return i;
    }
    i = (i + 1) & mask;
  }
  return i;
}

/** {@link probeText} for an entry of another table's arena (`src`, at `at`): entries compare byte for byte. */
function probeEntry(shard: KeyTableShard, h: number, src: Uint8Array, at: number): number {
  const slots = shard.slots;
  const mask = (slots.length >> 1) - 1;
  let i = h & mask;
  for (let slot = slots[2 * i] as number; slot !== 0; slot = slots[2 * i] as number) {
    if (slots[2 * i + 1] === h && entriesEqual(shard.arena, shard.at[slot - 1] as number, src, at)) return i;
    i = (i + 1) & mask;
  }
  return i;
}

/** The first sighting behind a reference returned by {@link sight} or {@link absorb}. */
export function firstSighting(t: KeyTable, ref: number): FirstSighting {
  const shard = t.shards[ref % SHARDS] as KeyTableShard;
  const e = Math.floor(ref / SHARDS);
  const { text, key } = readEntry(shard.arena, shard.at[e] as number);
  const line = lineAt(shard, e);
  return { text, row: shard.rows[e] as number, line: line === 0 ? undefined : line - 1, key };
}

/**
 * Adds every entry of `b` (a later shard of the same data) to `a`, rows and lines shifted by `rows`/`lines`. For each
 * `b` entry already in `a`, `seenBefore(bRef, aRef)` is called (that sighting is a duplicate). Returns `a` (or `b`,
 * adopted, when `a` is empty). Where a `b` entry went: {@link refOf}. With `keep`, a `b` entry that `a` lacks is
 * added only when `keep(bRef)` says so: a last merge, whose table is read only for the entries something names,
 * skips copying the others (and growing `a` for them).
 */
export function absorb(a: KeyTable, b: KeyTable, rows: number, lines: number,
  seenBefore: (bRef: number, aRef: number) => void, keep?: (bRef: number) => boolean): KeyTable {
  if (a.size === 0) {
    shiftAll(b, rows, lines);
    return b;
  }
  const sameSeed = a.seed === b.seed;
  for (let bs = 0; bs < SHARDS; bs++) {
    const from = b.shards[bs] as KeyTableShard;
    // With one seed, b's shard bs goes to a's shard bs (the shard is the hash's top bits): make room for all of it at
    // once, so the slots are re-hashed once rather than at every doubling.
    if (sameSeed && keep === undefined) makeRoom(a.shards[bs] as KeyTableShard, from.size, from.used);
    // Entries in slot order, not insertion order: the hash is at hand there, and a's entry order is immaterial.
    for (let k = 0; k < from.slots.length; k += 2) {
      const e1 = from.slots[k] as number;
      if (e1 === 0) continue;
      const e = e1 - 1;
      const bAt = from.at[e] as number;
      const h = sameSeed ? from.slots[k + 1] as number : hashEntry(from.arena, bAt, a.seed);
      const s = h >>> (32 - SHARD_BITS);
      const shard = a.shards[s] as KeyTableShard;
      const i = probeEntry(shard, h, from.arena, bAt);
      const slot = shard.slots[2 * i] as number;
      if (slot !== 0) {
        seenBefore(e * SHARDS + bs, (slot - 1) * SHARDS + s);
        continue;
      }
      if (keep !== undefined && !keep(e * SHARDS + bs)) continue;
      const n = entryBytes(from.arena, bAt);
      const at = reserve(shard, n);
      // Byte by byte: entries are a few dozen bytes, and a subarray per entry would be an object per entry.
      const to = shard.arena;
      const src = from.arena;
      for (let j = 0; j < n; j++) to[at + j] = src[bAt + j] as number;
      shard.used = at + n;
      const line = lineAt(from, e);
      place(a, shard, i, h, at, position((from.rows[e] as number) + rows), line === 0 ? undefined : line - 1 + lines);
    }
  }
  return a;
}

/** The reference that `b`'s entry `bRef` has in `merged` (what {@link absorb} returned), or -1 when it has none. */
export function refOf(merged: KeyTable, b: KeyTable, bRef: number): number {
  const from = b.shards[bRef % SHARDS] as KeyTableShard;
  const bAt = from.at[Math.floor(bRef / SHARDS)] as number;
  const h = hashEntry(from.arena, bAt, merged.seed);
  const s = h >>> (32 - SHARD_BITS);
  const shard = merged.shards[s] as KeyTableShard;
  const slot = shard.slots[2 * probeEntry(shard, h, from.arena, bAt)] as number;
  return slot === 0 ? -1 : (slot - 1) * SHARDS + s;
}

function shiftAll(t: KeyTable, rows: number, lines: number): void {
  if (rows === 0 && lines === 0) return;
  for (const shard of t.shards) {
    for (let e = 0; e < shard.size; e++) shard.rows[e] = position((shard.rows[e] as number) + rows);
    if (shard.lines !== null) {
      for (let e = 0; e < shard.size; e++) {
        const line = shard.lines[e] as number;
        if (line !== 0) shard.lines[e] = position(line + lines);
      }
    } else if (shard.lineShift !== NO_LINES) shard.lineShift += lines - rows;
  }
}

export function position(n: number): number {
  if (n > MAX_POSITION) throw new Error(`ddss: uniqueness tracks rows and lines up to ${MAX_POSITION}`);
  return n;
}

/** Appends an entry whose bytes are already at `at`, into free slot `i`, growing the slots past 3/4 full. */
function place(t: KeyTable, shard: KeyTableShard, i: number, h: number, at: number, row: number,
  line: number | undefined): void {
  const e = shard.size;
  if (e === shard.rows.length) growEntries(shard);
  shard.rows[e] = position(row);
  setLine(shard, e, line === undefined ? 0 : position(line + 1));
  shard.at[e] = at;
  shard.slots[2 * i] = e + 1;
  shard.slots[2 * i + 1] = h;
  shard.size = e + 1;
  t.size++;
  if (shard.size * 8 > shard.slots.length * 3) rehash(shard); // past 3/4 full (slots.length is 2 per slot)
}

/** A `lineShift` no real shift can equal: rows and lines are below 2^32. */
export const NO_LINES = 2 ** 40;

/** Rows per entry, and lines stored only once one is not its row plus a shared shift (a table shard, a sighting log). */
export interface RowLines {
  rows: Uint32Array;
  lines: Uint32Array | null;
  lineShift: number;
}

/** Entry e's line + 1 (0 = none). */
export function lineAt(shard: RowLines, e: number): number {
  if (shard.lines !== null) return shard.lines[e] as number;
  return shard.lineShift === NO_LINES ? 0 : (shard.rows[e] as number) + shard.lineShift;
}

/** Records entry e's line + 1 (its row is already set), materialising the lines once one breaks the shared shift. */
export function setLine(shard: RowLines, e: number, line: number): void {
  if (shard.lines === null) {
    const shift = line === 0 ? NO_LINES : line - (shard.rows[e] as number);
    if (e === 0) shard.lineShift = shift;
    if (shift === shard.lineShift) return;
    const lines = growable(Uint32Array, shard.rows.length);
    for (let k = 0; k < e; k++) lines[k] = lineAt(shard, k);
    shard.lines = lines;
  }
  shard.lines[e] = line;
}

function growEntries(shard: KeyTableShard, n = grown(shard.rows.length)): void {
  shard.rows = growTo(Uint32Array, shard.rows, n);
  if (shard.lines !== null) shard.lines = growTo(Uint32Array, shard.lines, n);
  shard.at = growTo(Uint32Array, shard.at, n);
}

/** Room for `entries` more entries and `bytes` more arena bytes without growing again (the slots at most 3/4 full). */
function makeRoom(shard: KeyTableShard, entries: number, bytes: number): void {
  const size = shard.size + entries;
  if (size > shard.rows.length) growEntries(shard, size);
  if (shard.used + bytes > shard.arena.length) reserve(shard, bytes);
  let slots = shard.slots.length;
  while (size * 8 > slots * 3) slots *= 2;
  if (slots > shard.slots.length) rehash(shard, slots);
}

/** Re-places every entry in `length / 2` slots (twice as many by default) by the hash its slot holds. */
function rehash(shard: KeyTableShard, length = shard.slots.length * 2): void {
  const old = shard.slots;
  const slots = new Int32Array(length);
  const mask = (slots.length >> 1) - 1;
  for (let k = 0; k < old.length; k += 2) {
    if (old[k] === 0) continue;
    const h = old[k + 1] as number;
    let i = h & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    slots[2 * i] = old[k] as number;
    slots[2 * i + 1] = h;
  }
  shard.slots = slots;
}

/**
 * The next capacity: doubling while small, then ×1.5. Measured against ×1.25 when every growth copied (less unused
 * tail, but the old buffers of every growth waited for a GC before their memory returned: peak RSS on 4M land rows
 * 1106 MB against 771 MB). Growth in place leaves no old buffers; a plain array (no address space to reserve) still does.
 */
export function grown(n: number): number {
  return n < 65_536 ? n * 2 : Math.ceil(n * 1.5);
}

/** Makes room for `n` more arena bytes and returns where they start (see `grown`). */
function reserve(shard: KeyTableShard, n: number): number {
  const at = shard.used;
  if (at + n > shard.arena.length) {
    // Offsets are uint32: a shard holds up to 4 GiB of text (64 GiB a table), far past any in-memory run.
    if (at + n > 0xffffffff) throw new Error('ddss: uniqueness text exceeds 4 GiB in one shard');
    shard.arena = growTo(Uint8Array, shard.arena, Math.min(0xffffffff, Math.max(at + n, grown(shard.arena.length))));
  }
  return at;
}

/** The reference of `text`'s entry, or -1 when the table does not hold it (nothing is added). */
export function lookup(t: KeyTable, text: string): number {
  const h = hashText(text, t.seed);
  const s = h >>> (32 - SHARD_BITS);
  const shard = t.shards[s] as KeyTableShard;
  const slot = shard.slots[2 * probeText(shard, h, text)] as number;
  return slot === 0 ? -1 : (slot - 1) * SHARDS + s;
}

/** Bytes the table's typed arrays hold (allocated capacity, so what the process pays for it). */
export function tableBytes(t: KeyTable): number {
  let n = 0;
  for (const s of t.shards) n += s.slots.byteLength + s.rows.byteLength + (s.lines?.byteLength ?? 0) + s.at.byteLength + s.arena.byteLength;
  return n;
}
