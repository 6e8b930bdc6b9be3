/**
 * Finding the repeated texts of a uniqueness log (./_sighting-log.ts) when its rule finishes: the entries split by
 * hash into partitions of a few thousand, each deduplicated in a small table that stays in cache.
 */
import { entriesEqual, entryBytes, hashEntry, readEntry, readKey } from './_key-arena.js';
import { keySeed } from './_key-seed.js';
import { indexed, lineOf, type SightingLog, type SightingMaker } from './_sighting-log.js';

/**
 * Every text logged more than once, with all its sightings (as `make` makes them) in log order, the first one first.
 * Groups come in the order of their first sightings. A group's text is decoded once, each sighting's key slot once.
 */
export function repeatedTexts<T>(log: SightingLog, make: SightingMaker<T>): Array<{ text: string; members: T[] }> {
  const total = log.size;
  if (total < 2) return [];
  const { arena } = log;
  const seed = keySeed();
  // Where each entry starts, and its hash, in log order: as logged, unless hashed with a seed other than this
  // thread's (a shard's state file: its hashes could be chosen to collide, this thread's seed is secret).
  let index: Uint32Array; // entry i starts at index[2i], its hash is index[2i + 1]
  if (indexed(log) && log.seed === seed) index = log.index;
  else {
    index = new Uint32Array(2 * total);
    for (let i = 0, p = 0; i < total; i++) {
      index[2 * i] = p;
      index[2 * i + 1] = hashEntry(arena, p, seed);
      p += entryBytes(arena, p);
    }
  }
  const { start, order, sorted } = partitionByHash(index, total);
  const repeats = probePartitions(arena, index, start, order, sorted);
  return [...repeats.keys()].sort((x, y) => x - y).map((f) => {
    const text = readEntry(arena, index[2 * f] as number).text;
    const member = (i: number) => make(log.rows[i] as number, lineOf(log, i), readKey(arena, index[2 * i] as number, text));
    const later = repeats.get(f) as number[];
    const members = [member(f)];
    for (const i of later) members.push(member(i));
    return { text, members };
  });
}

/**
 * The entries partitioned by their hash's top bits, a few thousand each, in log order within each (a stable counting
 * sort): `order` holds the entries, `sorted` their hashes (read sequentially by the probe), partition p is
 * [start[p], start[p + 1]). Phases of `repeatedTexts` are functions of their own, with no closure made per call: V8
 * compiled the loops of one function by on-stack replacement, and each log's call met code specialised to the last
 * one's closure (a "wrong call target" deoptimisation), so a land run's second log was partitioned in unoptimised code
 * (66–77 ms for its 885k entries, against 12–16 ms for the next log's million), after the last row, while the other
 * threads waited.
 */
function partitionByHash(index: Uint32Array, total: number): { start: Uint32Array; order: Uint32Array; sorted: Uint32Array } {
  const bits = Math.min(16, Math.max(0, Math.ceil(Math.log2(total / 2048))));
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
  return { start, order, sorted };
}

/** The repeats within each partition: first sighting → later ones, entries in log order. */
function probePartitions(arena: Uint8Array, index: Uint32Array, start: Uint32Array, order: Uint32Array,
  sorted: Uint32Array): Map<number, number[]> {
  const parts = start.length - 1;
  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, (start[p + 1] as number) - (start[p] as number));
  const slots = new Int32Array(capacity(largest));
  const repeats = new Map<number, number[]>();
  for (let p = 0; p < parts; p++) {
    const lo = start[p] as number;
    const hi = start[p + 1] as number;
    const mask = capacity(hi - lo) - 1;
    slots.fill(0, 0, mask + 1);
    for (let j = lo; j < hi; j++) {
      const h = sorted[j] as number;
      for (let s = h & mask; ; s = (s + 1) & mask) {
        const there = slots[s] as number;
        if (there === 0) {
          slots[s] = j + 1;
          break;
        }
        if (sorted[there - 1] !== h) continue;
        const f = order[there - 1] as number;
        const i = order[j] as number;
        if (!entriesEqual(arena, index[2 * f] as number, arena, index[2 * i] as number)) continue;
        const later = repeats.get(f);
        if (later === undefined) repeats.set(f, [i]);
        else later.push(i);
        break;
      }
    }
  }
  return repeats;
}

/** Slots for n entries at most half full, a power of two (16 at least). */
function capacity(n: number): number {
  let c = 16;
  while (c < n * 2) c *= 2;
  return c;
}
