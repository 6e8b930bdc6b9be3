/**
 * A set of row numbers that stays small when failures are rare and switches to a bitmap when they are not.
 * Plain data (typed arrays), so it can be structured-cloned to and from worker threads and merged exactly.
 */
export interface RowSet {
  /** Row numbers in insertion order (may repeat or be unsorted until `normalize`), while sparse. */
  list: Uint32Array;
  length: number;
  /** One bit per row once dense. */
  bits: Uint32Array | null;
  /** Last row added, to skip the common repeat (several findings of one rule on one row). */
  last: number;
}

const DENSE_AFTER = 1024;

export function createRowSet(): RowSet {
  return { list: new Uint32Array(16), length: 0, bits: null, last: -1 };
}

export function addRow(set: RowSet, row: number): void {
  if (row === set.last) return;
  set.last = row;
  if (set.bits !== null) {
    setBit(set, row);
    return;
  }
  if (set.length === set.list.length) {
    // Denser than one failure in 32 rows: a bitmap is smaller than the list.
    if (set.length >= DENSE_AFTER && set.length * 32 > row) {
      densify(set, row);
      setBit(set, row);
      return;
    }
    const grown = new Uint32Array(set.list.length * 2);
    grown.set(set.list);
    set.list = grown;
  }
  set.list[set.length++] = row;
}

function densify(set: RowSet, atLeast: number): void {
  let max = atLeast;
  for (let i = 0; i < set.length; i++) max = Math.max(max, set.list[i] as number);
  set.bits = new Uint32Array((max >>> 5) + 1);
  for (let i = 0; i < set.length; i++) {
    const r = set.list[i] as number;
    set.bits[r >>> 5] = (set.bits[r >>> 5] as number) | (1 << (r & 31));
  }
  set.list = new Uint32Array(0);
  set.length = 0;
}

function setBit(set: RowSet, row: number): void {
  let bits = set.bits as Uint32Array;
  const word = row >>> 5;
  if (word >= bits.length) {
    const grown = new Uint32Array(Math.max(word + 1, bits.length * 2));
    grown.set(bits);
    bits = grown;
    set.bits = grown;
  }
  bits[word] = (bits[word] as number) | (1 << (row & 31));
}

/** Calls `fn` for each row once, in ascending order. */
export function forEachRow(set: RowSet, fn: (row: number) => void): void {
  if (set.bits !== null) {
    const bits = set.bits;
    for (let w = 0; w < bits.length; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        fn(w * 32 + (31 - Math.clz32(low)));
        word ^= low;
      }
    }
    return;
  }
  const sorted = set.list.slice(0, set.length).sort();
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i] as number;
    if (i === 0 || r !== sorted[i - 1]) fn(r);
  }
}

/** The number of distinct rows. */
export function rowCount(set: RowSet): number {
  let n = 0;
  forEachRow(set, () => n++);
  return n;
}

/** Appends `b` after `a`: b's rows are shifted by `offset`. Returns a new set; the inputs are left as they are. */
export function mergeRowSets(a: RowSet, b: RowSet, offset: number): RowSet {
  const out = createRowSet();
  forEachRow(a, (r) => addRow(out, r));
  forEachRow(b, (r) => addRow(out, r + offset));
  return out;
}

/** ORs every set into one bitmap over `rows` rows and counts the rows set. */
export function unionCount(sets: readonly RowSet[], rows: number): number {
  if (sets.length === 0 || rows === 0) return 0;
  const bits = new Uint32Array((rows >>> 5) + 1);
  for (const set of sets) forEachRow(set, (r) => (bits[r >>> 5] = (bits[r >>> 5] as number) | (1 << (r & 31))));
  let n = 0;
  for (let w = 0; w < bits.length; w++) n += popcount(bits[w] as number);
  return n;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
