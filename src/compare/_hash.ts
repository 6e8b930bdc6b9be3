/**
 * 64-bit hashes of strings as two 32-bit lanes (FNV-1a and a multiply-rotate lane), for the key table: equal inputs
 * give equal hashes; different inputs collide with probability about 2^-64 per pair.
 */

/** A running hash over a sequence of strings; each string's length is mixed in, so `["ab", "c"]` ≠ `["a", "bc"]`. */
export class Hasher {
  private a: number;
  private b: number;

  /** A seed other than the default makes collisions impossible to craft without knowing it. */
  constructor(private readonly seedA = 0x811c9dc5, private readonly seedB = 0x9e3779b9) {
    this.a = seedA;
    this.b = seedB;
  }

  /** Starts over. */
  reset(): this {
    this.a = this.seedA;
    this.b = this.seedB;
    return this;
  }

  /** Mixes in one string, delimited by its length. */
  add(text: string): this {
    let a = Math.imul(this.a ^ text.length, 0x01000193);
    let b = Math.imul(this.b ^ text.length, 0x5bd1e995);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b = (b << 13) | (b >>> 19);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  /** The two lanes, finally mixed (murmur3 fmix32) so every input bit reaches the low bits a table indexes with. */
  into(out: Uint32Array): void {
    out[0] = fmix(this.a);
    out[1] = fmix(this.b);
  }
}

function fmix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h >>> 0;
}

const one = new Hasher();

/** The 64-bit hash of one string, into `out[0]` (low lane) and `out[1]` (high lane). */
export function hash64(text: string, out: Uint32Array): void {
  one.reset().add(text).into(out);
}
