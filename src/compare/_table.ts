import { hash64 } from './_hash.js';


/** What the table knows about one key when both sides have been read. */
export interface KeyOutcome {
  readonly sourceCount: number;
  readonly copyCount: number;
  /** Source and copy each had the key once and their compared cells hash equal. */
  readonly equal: boolean;
  /** The source's record (raw JSON) when it has one; else the copy's. */
  sourceRecord(): string | undefined;
  /** The copy's record (raw JSON), kept for changed and extra keys only. */
  copyRecord(): string | undefined;
}

/**
 * The per-key state of a comparison in typed arrays (no JS object per record): a 64-bit hash of the key and of the
 * compared cells, the occurrence counts, and offsets into one byte arena holding the canonical key (so keys are
 * matched exactly, not by hash) and the record as raw JSON (needed to show differences). A copy record is kept only
 * when it differs (changed or extra); matched records cost no arena bytes on the copy side.
 * Row order does not matter: an entry is found by its key wherever the record was.
 */
export class KeyTable {
  private n = 0;
  private cap = 1024;
  private keyLo = new Uint32Array(this.cap);
  private keyHi = new Uint32Array(this.cap);
  private rowLo = new Uint32Array(this.cap);
  private rowHi = new Uint32Array(this.cap);
  /** Arena offset of the entry's first record: the canonical key bytes, then the raw JSON. */
  private at = new Float64Array(this.cap);
  private keyLen = new Uint32Array(this.cap);
  private recLen = new Uint32Array(this.cap);
  /** Arena offset and length of the copy's raw JSON when it differs (-1: none). */
  private copyAt = new Float64Array(this.cap);
  private copyLen = new Uint32Array(this.cap);
  private srcCount = new Uint32Array(this.cap);
  private cpyCount = new Uint32Array(this.cap);
  /** 1 when the first copy record's cells hashed equal to the source record's. */
  private same = new Uint8Array(this.cap);
  private slots = new Int32Array(2048);
  private arena = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private readonly h = new Uint32Array(2);
  private scratch = Buffer.allocUnsafe(256);

  /** Bytes held by the table (typed arrays and arena). */
  bytes(): number {
    return this.cap * 57 + this.slots.byteLength + this.arena.byteLength;
  }

  /** Distinct keys so far. */
  size(): number {
    return this.n;
  }

  /** Adds a source record: its canonical key, its canonical compared cells and the raw JSON to show it by. */
  addSource(key: string, cells: string, raw: string): void {
    const e = this.find(key);
    if (e >= 0) {
      this.srcCount[e] = (this.srcCount[e] as number) + 1;
      return;
    }
    const i = this.insert(key, raw);
    hash64(cells, this.h);
    this.rowLo[i] = this.h[0] as number;
    this.rowHi[i] = this.h[1] as number;
    this.srcCount[i] = 1;
  }

  /** Adds a copy record (after every source record). */
  addCopy(key: string, cells: string, raw: string): void {
    const e = this.find(key);
    if (e < 0) {
      const i = this.insert(key, raw);
      this.cpyCount[i] = 1;
      return;
    }
    const count = (this.cpyCount[e] as number) + 1;
    this.cpyCount[e] = count;
    if (count !== 1 || this.srcCount[e] === 0) return;
    hash64(cells, this.h);
    if (this.h[0] === this.rowLo[e] && this.h[1] === this.rowHi[e]) this.same[e] = 1;
    else {
      const start = this.used;
      this.put(raw);
      this.copyAt[e] = start;
      this.copyLen[e] = this.used - start;
    }
  }

  /** Visits every key in the order it was first seen (source order, then the copy's new keys in copy order). */
  forEach(visit: (outcome: KeyOutcome) => void): void {
    for (let e = 0; e < this.n; e++) {
      const src = this.srcCount[e] as number;
      const first = (): string => this.text((this.at[e] as number) + (this.keyLen[e] as number), this.recLen[e] as number);
      const c = this.copyAt[e] as number;
      visit({
        sourceCount: src,
        copyCount: this.cpyCount[e] as number,
        equal: this.same[e] === 1,
        sourceRecord: first,
        copyRecord: () => (src === 0 ? first() : c < 0 ? undefined : this.text(c, this.copyLen[e] as number)),
      });
    }
  }

  /**
   * Every record the table stands for, as raw JSON bytes with the high word of its key hash (to pick a partition):
   * each source record `sourceCount` times and each copy record `copyCount` times (a matched copy record by the
   * source's record, which compares equal). Used to move the table to partition files when memory runs short.
   */
  records(visit: (side: 'source' | 'copy', keyHash: number, raw: Uint8Array) => void): void {
    for (let e = 0; e < this.n; e++) {
      const start = (this.at[e] as number) + (this.keyLen[e] as number);
      const first = this.arena.subarray(start, start + (this.recLen[e] as number));
      const src = this.srcCount[e] as number;
      const cpy = this.cpyCount[e] as number;
      for (let k = 0; k < src; k++) visit('source', this.keyHi[e] as number, first);
      const c = this.copyAt[e] as number;
      const copy = src === 0 || c < 0 ? first : this.arena.subarray(c, c + (this.copyLen[e] as number));
      for (let k = 0; k < cpy; k++) visit('copy', this.keyHi[e] as number, copy);
    }
  }

  private text(start: number, length: number): string {
    return this.arena.toString('utf8', start, start + length);
  }

  /** The entry of a canonical key, or -1; fills `h` with the key's hash. */
  private find(key: string): number {
    hash64(key, this.h);
    const lo = this.h[0] as number;
    const hi = this.h[1] as number;
    const mask = this.slots.length - 1;
    let encoded = -1;
    for (let s = lo & mask; ; s = (s + 1) & mask) {
      const e = (this.slots[s] as number) - 1;
      if (e < 0) return -1;
      if (this.keyLo[e] === lo && this.keyHi[e] === hi) {
        // Equal hashes: confirm with the key's bytes, so two keys never share an entry.
        if (encoded < 0) encoded = this.encode(key);
        if (this.sameKey(e, encoded)) return e;
      }
    }
  }

  private encode(key: string): number {
    if (this.scratch.length < key.length * 3) this.scratch = Buffer.allocUnsafe(key.length * 3 + 64);
    return this.scratch.write(key, 0, 'utf8');
  }

  private sameKey(e: number, length: number): boolean {
    if (this.keyLen[e] !== length) return false;
    const start = this.at[e] as number;
    return this.arena.compare(this.scratch, 0, length, start, start + length) === 0;
  }

  /** A new entry for the key whose hash is in `h`, its first record stored. */
  private insert(key: string, raw: string): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.keyLo[i] = this.h[0] as number;
    this.keyHi[i] = this.h[1] as number;
    const start = this.used;
    this.put(key);
    this.keyLen[i] = this.used - start;
    this.put(raw);
    this.at[i] = start;
    this.recLen[i] = this.used - start - (this.keyLen[i] as number);
    this.copyAt[i] = -1;
    if (this.n * 2 > this.slots.length) this.rehash();
    else this.place(i);
    return i;
  }

  private put(text: string): void {
    const need = this.used + text.length * 3;
    if (need > this.arena.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.arena.length * 2));
      this.arena.copy(next, 0, 0, this.used);
      this.arena = next;
    }
    this.used += this.arena.write(text, this.used, 'utf8');
  }

  private place(i: number): void {
    const mask = this.slots.length - 1;
    let s = (this.keyLo[i] as number) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = i + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.n; i++) this.place(i);
  }

  private grow(): void {
    this.cap *= 2;
    const u32 = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => { const b = new Uint32Array(this.cap); b.set(a); return b; };
    const f64 = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => { const b = new Float64Array(this.cap); b.set(a); return b; };
    this.keyLo = u32(this.keyLo); this.keyHi = u32(this.keyHi); this.rowLo = u32(this.rowLo); this.rowHi = u32(this.rowHi);
    this.at = f64(this.at); this.keyLen = u32(this.keyLen); this.recLen = u32(this.recLen);
    this.copyAt = f64(this.copyAt); this.copyLen = u32(this.copyLen);
    this.srcCount = u32(this.srcCount); this.cpyCount = u32(this.cpyCount);
    const same = new Uint8Array(this.cap); same.set(this.same); this.same = same;
  }
}
