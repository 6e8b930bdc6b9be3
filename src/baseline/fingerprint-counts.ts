import { randomInt } from 'node:crypto';
import { Hasher } from '../compare/_hash.js';

/**
 * A multiset of 64-bit fingerprints of string tuples in typed arrays (24 to 48 bytes per distinct tuple as the
 * table fills, 25 at a million; no JS object per entry), so a baseline of millions of violations stays small. The hash is seeded at
 * random per table, so nobody can craft a new violation that collides with a known one; two different tuples share a
 * fingerprint with probability about 2^-64 per pair.
 */
export class FingerprintCounts {
  private size = 0;
  private lo = new Uint32Array(1024);
  private hi = new Uint32Array(1024);
  /** Occurrences of the slot's tuple; 0 marks an empty slot. */
  private counts = new Uint32Array(1024);
  private readonly hasher = new Hasher(randomInt(2 ** 31), randomInt(2 ** 31));
  private readonly h = new Uint32Array(2);

  /** Distinct tuples held. */
  get distinct(): number {
    return this.size;
  }

  /** Bytes held by the typed arrays. */
  bytes(): number {
    return this.lo.byteLength * 3;
  }

  /** Slots in the table: the length of an array indexed by `find`'s results. */
  get capacity(): number {
    return this.lo.length;
  }

  /** Counts one more occurrence of the tuple (while loading; slots move as the table grows). */
  add(parts: readonly string[]): void {
    if ((this.size + 1) * 2 > this.lo.length) this.grow();
    const i = this.slot(parts);
    if (this.counts[i] === 0) {
      this.size++;
      this.lo[i] = this.h[0] as number;
      this.hi[i] = this.h[1] as number;
    }
    this.counts[i] = (this.counts[i] as number) + 1;
  }

  /** The tuple's slot, or -1 when the table does not hold it. */
  find(parts: readonly string[]): number {
    const i = this.slot(parts);
    return this.counts[i] === 0 ? -1 : i;
  }

  /** Occurrences of the tuple in slot `i`. */
  count(i: number): number {
    return this.counts[i] ?? 0;
  }

  /** The slot holding the tuple's fingerprint, or the empty slot where it would go; leaves the fingerprint in `h`. */
  private slot(parts: readonly string[]): number {
    this.hasher.reset();
    for (const p of parts) this.hasher.add(p);
    this.hasher.into(this.h);
    const lo = this.h[0] as number;
    const hi = this.h[1] as number;
    const mask = this.lo.length - 1;
    let i = lo & mask;
    while (this.counts[i] !== 0 && (this.lo[i] !== lo || this.hi[i] !== hi)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { lo, hi, counts } = this;
    const cap = lo.length * 2;
    this.lo = new Uint32Array(cap);
    this.hi = new Uint32Array(cap);
    this.counts = new Uint32Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < lo.length; j++) {
      if (counts[j] === 0) continue;
      let i = (lo[j] as number) & mask;
      while (this.counts[i] !== 0) i = (i + 1) & mask;
      this.lo[i] = lo[j] as number;
      this.hi[i] = hi[j] as number;
      this.counts[i] = counts[j] as number;
    }
  }
}
