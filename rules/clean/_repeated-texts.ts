/**
 * Finding the repeated texts of a uniqueness log (./_sighting-log.ts) when its rule finishes: the entries split by
 * hash into partitions of a few thousand, each deduplicated in a small table that stays in cache.
 *
 * The log may come in segments: the last merge of a parallel run hands the workers' logs over as they are
 * (`LogSegment`), rather than copying each into the first (the copy touched tens of megabytes of fresh pages on the
 * one thread every other waits for, a fifth of that wait). A segment partitioned ahead by the thread that logged it
 * (`sealLogs`) is not partitioned again: partitions by more bits combine into fewer, since a part's entries by the
 * top b bits are the parts by the top b + d bits that share them, side by side.
 */
import { entriesEqual, entryBytes, hashEntry, readEntry, readKey } from './_key-arena.js';
import { keySeed } from './_key-seed.js';
import {
  forEachOwnLog, indexed, lineOf, type LogPartition, type SightingLog, type SightingMaker,
} from './_sighting-log.js';

/** A log of a run's sightings, its rows and lines shifted by those of the run's part before it. */
export interface LogSegment {
  readonly log: SightingLog;
  readonly rows: number;
  readonly lines: number;
}

/**
 * Every text logged more than once, with all its sightings (as `make` makes them) in log order, the first one first:
 * the segments' logs read as one, in order. Groups come in the order of their first sightings. A group's text is
 * decoded once, each sighting's key slot once.
 */
export function repeatedTexts<T>(segments: readonly LogSegment[], make: SightingMaker<T>): Array<{ text: string; members: T[] }> {
  const segs = segments.filter((s) => s.log.size > 0);
  let total = 0;
  for (const s of segs) total += s.log.size;
  if (total < 2) return [];
  const seed = keySeed();
  const want = bitsFor(total);
  const indexes = segs.map((s) => indexOf(s.log, seed));
  const parts = segs.map((s, k) => partitionOf(s.log, indexes[k] as Uint32Array, seed, want));
  let bits = want;
  for (const p of parts) bits = Math.min(bits, p.bits);
  const bases = new Float64Array(segs.length + 1);
  for (let k = 0; k < segs.length; k++) bases[k + 1] = (bases[k] as number) + (segs[k] as LogSegment).log.size;
  const found = { arenas: segs.map((s) => s.log.arena), indexes, bases };
  const repeats = parts.length === 1
    ? probeOne(found, parts[0] as LogPartition, bits)
    : probeSegments(found, parts, bits);
  return [...repeats.keys()].sort((x, y) => x - y).map((f) => {
    const at = locate(found, f);
    const seg = segs[at.k] as LogSegment;
    const text = readEntry(seg.log.arena, at.at).text;
    const member = (g: number) => {
      const m = locate(found, g);
      const s = segs[m.k] as LogSegment;
      const line = lineOf(s.log, m.e);
      return make((s.log.rows[m.e] as number) + s.rows, line === undefined ? undefined : line + s.lines, readKey(s.log.arena, m.at, text));
    };
    const members = [member(f)];
    for (const g of repeats.get(f) as number[]) members.push(member(g));
    return { text, members };
  });
}

/**
 * Partitions, ahead of the finish, every log this thread made inside `value` (a validator state) and kept an index
 * of under this thread's seed: a parallel range calls it when its rows are done, so that its logs are partitioned
 * on its own thread rather than after the last range, on the one all wait for. More bits than the log alone needs,
 * so that the parts stay small once the ranges' logs are read together (at most 2¹⁶ of them, as at the finish).
 * @example sealLogs(liveState(v)) // then post or merge the state
 */
export function sealLogs(value: unknown): void {
  const seed = keySeed();
  forEachOwnLog(value, (log) => {
    if (!indexed(log) || log.seed !== seed || log.size < 2 || sealed(log, seed)) return;
    log.parts = partitionByHash(log.index, log.size, seed, bitsFor(log.size * SEAL_SPARE));
  });
}

/** Room in a sealed partition's bits for this many logs of its size read together. */
const SEAL_SPARE = 8;

/** Partition bits for n entries: parts of about 2,048 (a table that stays in cache), at most 2¹⁶ parts. */
function bitsFor(n: number): number {
  return Math.min(16, Math.max(0, Math.ceil(Math.log2(n / 2048))));
}

/** Whether the log's partition was made for its present entries under `seed`. */
function sealed(log: SightingLog, seed: number): boolean {
  const p = log.parts;
  return p !== undefined && p !== null && p.size === log.size && p.seed === seed && indexed(log) && log.seed === seed;
}

/**
 * Where each entry starts, and its hash, in log order (entry i starts at index[2i], its hash is index[2i + 1]): as
 * logged, unless hashed with a seed other than this thread's (a shard's state file: its hashes could be chosen to
 * collide, this thread's seed is secret).
 */
function indexOf(log: SightingLog, seed: number): Uint32Array {
  if (indexed(log) && log.seed === seed) return log.index;
  const { arena, size } = log;
  const index = new Uint32Array(2 * size);
  for (let i = 0, p = 0; i < size; i++) {
    index[2 * i] = p;
    index[2 * i + 1] = hashEntry(arena, p, seed);
    p += entryBytes(arena, p);
  }
  return index;
}

/** The log's partition: the sealed one, or one made now with `bits`. */
function partitionOf(log: SightingLog, index: Uint32Array, seed: number, bits: number): LogPartition {
  return sealed(log, seed) ? log.parts as LogPartition : partitionByHash(index, log.size, seed, bits);
}

/**
 * The entries partitioned by their hash's top `bits` bits, in log order within each part (a stable counting sort):
 * `order` holds the entries, `sorted` their hashes (read sequentially by the probe), part p is [start[p], start[p + 1]).
 * Phases of `repeatedTexts` are functions of their own, with no closure made per call: V8 compiled the loops of one
 * function by on-stack replacement, and each log's call met code specialised to the last one's closure (a "wrong call
 * target" deoptimisation), so a land run's second log was partitioned in unoptimised code (66–77 ms for its 885k
 * entries, against 12–16 ms for the next log's million), after the last row, while the other threads waited.
 */
function partitionByHash(index: Uint32Array, total: number, seed: number, bits: number): LogPartition {
  const parts = 1 << bits;
  // The top `bits` bits; with one partition, none (`h >>> 32` would be h: shift counts are taken mod 32).
  const shift = bits === 0 ? 0 : 32 - bits;
  const mask = parts - 1;
  const start = new Uint32Array(parts + 1);
  for (let i = 0; i < total; i++) {
    const p = (((index[2 * i + 1] as number) >>> shift) & mask) + 1;
    start[p] = (start[p] as number) + 1;
  }
  for (let p = 0; p < parts; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const order = new Uint32Array(total);
  const sorted = new Uint32Array(total);
  const fill = start.slice(0, parts);
  for (let i = 0; i < total; i++) {
    const h = index[2 * i + 1] as number;
    const p = (h >>> shift) & mask;
    const j = fill[p] as number;
    fill[p] = j + 1;
    order[j] = i;
    sorted[j] = h;
  }
  return { size: total, seed, bits, start, order, sorted };
}

/** The segments' arenas and indexes, and where each segment's entries start in the whole (bases[k]). */
interface Found {
  readonly arenas: readonly Uint8Array[];
  readonly indexes: readonly Uint32Array[];
  readonly bases: Float64Array;
}

/** Entry g of the whole: its segment k, its entry e there, where it starts in k's arena. */
function locate(found: Found, g: number): { k: number; e: number; at: number } {
  const { bases } = found;
  let k = 0;
  while (g >= (bases[k + 1] as number)) k++;
  const e = g - (bases[k] as number);
  return { k, e, at: (found.indexes[k] as Uint32Array)[2 * e] as number };
}

/** Part p's entries of a partition by more bits than `bits` (its parts p·2ᵈ … (p + 1)·2ᵈ − 1, side by side). */
function lowOf(part: LogPartition, p: number, bits: number): number {
  return part.start[p << (part.bits - bits)] as number;
}

/** The repeats of one log: first sighting → later ones, entries in log order. */
function probeOne(found: Found, part: LogPartition, bits: number): Map<number, number[]> {
  const parts = 1 << bits;
  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, lowOf(part, p + 1, bits) - lowOf(part, p, bits));
  const slots = new Int32Array(capacity(largest));
  const repeats = new Map<number, number[]>();
  for (let p = 0; p < parts; p++) probePart(found, part.order, part.sorted, lowOf(part, p, bits), lowOf(part, p + 1, bits), slots, repeats);
  return repeats;
}

/**
 * The repeats of several logs read as one: each part's entries gathered from every segment in order (their ids in the
 * whole, and their hashes, in a scratch that stays in cache), then probed as one log's are.
 */
function probeSegments(found: Found, segs: readonly LogPartition[], bits: number): Map<number, number[]> {
  const parts = 1 << bits;
  let largest = 0;
  for (let p = 0; p < parts; p++) {
    let n = 0;
    for (const s of segs) n += lowOf(s, p + 1, bits) - lowOf(s, p, bits);
    largest = Math.max(largest, n);
  }
  const ids = new Uint32Array(largest);
  const hashes = new Uint32Array(largest);
  const slots = new Int32Array(capacity(largest));
  const repeats = new Map<number, number[]>();
  for (let p = 0; p < parts; p++) {
    let n = 0;
    for (let k = 0; k < segs.length; k++) {
      const s = segs[k] as LogPartition;
      const base = found.bases[k] as number;
      for (let j = lowOf(s, p, bits), hi = lowOf(s, p + 1, bits); j < hi; j++, n++) {
        ids[n] = base + (s.order[j] as number);
        hashes[n] = s.sorted[j] as number;
      }
    }
    probePart(found, ids, hashes, 0, n, slots, repeats);
  }
  return repeats;
}

/** Probes entries [lo, hi) of one part (`ids` in the whole, in log order; `hashes` theirs) into `repeats`. */
function probePart(found: Found, ids: Uint32Array, hashes: Uint32Array, lo: number, hi: number, slots: Int32Array,
  repeats: Map<number, number[]>): void {
  const mask = capacity(hi - lo) - 1;
  slots.fill(0, 0, mask + 1);
  for (let j = lo; j < hi; j++) {
    const h = hashes[j] as number;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const there = slots[s] as number;
      if (there === 0) {
        slots[s] = j + 1;
        break;
      }
      if (hashes[there - 1] !== h) continue;
      const f = ids[there - 1] as number;
      const i = ids[j] as number;
      if (!sameEntry(found, f, i)) continue;
      const later = repeats.get(f);
      if (later === undefined) repeats.set(f, [i]);
      else later.push(i);
      break;
    }
  }
}

/** Whether entries f and i of the whole hold the same bytes. */
function sameEntry(found: Found, f: number, i: number): boolean {
  if (found.arenas.length === 1) {
    const index = found.indexes[0] as Uint32Array;
    const arena = found.arenas[0] as Uint8Array;
    return entriesEqual(arena, index[2 * f] as number, arena, index[2 * i] as number);
  }
  const a = locate(found, f);
  const b = locate(found, i);
  return entriesEqual(found.arenas[a.k] as Uint8Array, a.at, found.arenas[b.k] as Uint8Array, b.at);
}

/** Slots for n entries at most half full, a power of two (16 at least). */
function capacity(n: number): number {
  let c = 16;
  while (c < n * 2) c *= 2;
  return c;
}
