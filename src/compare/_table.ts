import { hash64 } from './_hash.js';

/** What the table knows about one key when both sides have been read. One view is reused: read it, do not keep it. */
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

/** Arena offsets are chunk × 2^32 + position: exact in a Float64Array for any realistic size. */
const SPAN = 0x1_0000_0000;
const FIRST_CHUNK = 1 << 16;
const MAX_CHUNK = 1 << 24;

/**
 * The per-key state of a comparison in typed arrays (no JS object per record): a 64-bit hash of the key and of the
 * compared cells, the occurrence counts, and offsets into a byte arena holding the canonical key (so keys are
 * matched exactly, not by hash) and the record as raw JSON (needed to show differences). A copy record is kept only
 * when it differs (changed or extra); matched records cost no arena bytes on the copy side. The arena grows by
 * chunks, never copied. Row order does not matter: an entry is found by its key wherever the record was.
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
  private readonly chunks: Buffer[] = [Buffer.allocUnsafe(FIRST_CHUNK)];
  private chunk = this.chunks[0] as Buffer;
  private used = 0;
  private arenaBytes = FIRST_CHUNK;
  private readonly h = new Uint32Array(2);
  private scratch = Buffer.allocUnsafe(256);
  private readonly view = new Outcome(this);

  /** Bytes held by the table (typed arrays and arena). */
  bytes(): number {
    return this.cap * 57 + this.slots.byteLength + this.arenaBytes;
  }

  /** Adds a source record: its canonical key, the 64-bit hash of its canonical compared cells, its raw JSON. */
  addSource(key: string, rowLo: number, rowHi: number, raw: string): void {
    const e = this.find(key);
    if (e >= 0) {
      this.srcCount[e] = (this.srcCount[e] as number) + 1;
      return;
    }
    const i = this.insert(key, raw);
    this.rowLo[i] = rowLo;
    this.rowHi[i] = rowHi;
    this.srcCount[i] = 1;
  }

  /** Adds a copy record (after every source record). */
  addCopy(key: string, rowLo: number, rowHi: number, raw: string): void {
    const e = this.find(key);
    if (e < 0) {
      const i = this.insert(key, raw);
      this.cpyCount[i] = 1;
      return;
    }
    const count = (this.cpyCount[e] as number) + 1;
    this.cpyCount[e] = count;
    if (count !== 1 || this.srcCount[e] === 0) return;
    if (rowLo === this.rowLo[e] && rowHi === this.rowHi[e]) this.same[e] = 1;
    else {
      this.reserve(raw.length * 3);
      const start = this.offset();
      this.copyLen[e] = this.put(raw);
      this.copyAt[e] = start;
    }
  }

  /** Visits every key in the order it was first seen (source order, then the copy's new keys in copy order). */
  async forEach(visit: (outcome: KeyOutcome) => PromiseLike<unknown> | undefined): Promise<void> {
    for (let e = 0; e < this.n; e++) {
      const wait = visit(this.view.of(e));
      // The visitor's receiver is slow (a disk, a database): wait before the next key rather than pile them up.
      if (wait !== undefined) await wait;
    }
  }

  /** @internal */
  firstRecord(e: number): string {
    return this.text((this.at[e] as number) + (this.keyLen[e] as number), this.recLen[e] as number);
  }

  /** @internal */
  changedCopy(e: number): string | undefined {
    const c = this.copyAt[e] as number;
    return c < 0 ? undefined : this.text(c, this.copyLen[e] as number);
  }

  /** @internal */
  counts(e: number): [number, number, boolean] {
    return [this.srcCount[e] as number, this.cpyCount[e] as number, this.same[e] === 1];
  }

  /**
   * Every record the table stands for, as raw JSON bytes with the high word of its key hash (to pick a partition):
   * each source record `sourceCount` times and each copy record `copyCount` times (a matched copy record by the
   * source's record, which compares equal). Used to move the table to partition files when memory runs short.
   */
  records(visit: (side: 'source' | 'copy', keyHash: number, raw: Uint8Array) => void): void {
    for (let e = 0; e < this.n; e++) {
      const first = this.bytesAt((this.at[e] as number) + (this.keyLen[e] as number), this.recLen[e] as number);
      const src = this.srcCount[e] as number;
      const cpy = this.cpyCount[e] as number;
      for (let k = 0; k < src; k++) visit('source', this.keyHi[e] as number, first);
      const c = this.copyAt[e] as number;
      const copy = src === 0 || c < 0 ? first : this.bytesAt(c, this.copyLen[e] as number);
      for (let k = 0; k < cpy; k++) visit('copy', this.keyHi[e] as number, copy);
    }
  }

  private bytesAt(offset: number, length: number): Buffer {
    const pos = offset % SPAN;
    return (this.chunks[Math.floor(offset / SPAN)] as Buffer).subarray(pos, pos + length);
  }

  private text(offset: number, length: number): string {
    const pos = offset % SPAN;
    return (this.chunks[Math.floor(offset / SPAN)] as Buffer).toString('utf8', pos, pos + length);
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
    const offset = this.at[e] as number;
    const pos = offset % SPAN;
    return (this.chunks[Math.floor(offset / SPAN)] as Buffer).compare(this.scratch, 0, length, pos, pos + length) === 0;
  }

  /** A new entry for the key whose hash is in `h`, its first record stored. */
  private insert(key: string, raw: string): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.keyLo[i] = this.h[0] as number;
    this.keyHi[i] = this.h[1] as number;
    // Key and record in one chunk, so the record is found from the key's offset.
    this.reserve((key.length + raw.length) * 3);
    this.at[i] = this.offset();
    this.keyLen[i] = this.put(key);
    this.recLen[i] = this.put(raw);
    this.copyAt[i] = -1;
    if (this.n * 2 > this.slots.length) this.rehash();
    else this.place(i);
    return i;
  }

  private offset(): number {
    return (this.chunks.length - 1) * SPAN + this.used;
  }

  /** Makes room for `most` bytes in the current chunk, starting a new one if needed (chunks double up to 16 MiB). */
  private reserve(most: number): void {
    if (this.used + most <= this.chunk.length) return;
    const size = Math.max(most, Math.min(MAX_CHUNK, this.chunk.length * 2));
    this.chunk = Buffer.allocUnsafe(size);
    this.chunks.push(this.chunk);
    this.arenaBytes += size;
    this.used = 0;
  }

  private put(text: string): number {
    const written = this.chunk.write(text, this.used, 'utf8');
    this.used += written;
    return written;
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
    this.keyLo = u32(this.keyLo, this.cap); this.keyHi = u32(this.keyHi, this.cap);
    this.rowLo = u32(this.rowLo, this.cap); this.rowHi = u32(this.rowHi, this.cap);
    this.at = f64(this.at, this.cap); this.keyLen = u32(this.keyLen, this.cap); this.recLen = u32(this.recLen, this.cap);
    this.copyAt = f64(this.copyAt, this.cap); this.copyLen = u32(this.copyLen, this.cap);
    this.srcCount = u32(this.srcCount, this.cap); this.cpyCount = u32(this.cpyCount, this.cap);
    const same = new Uint8Array(this.cap);
    same.set(this.same);
    this.same = same;
  }
}

/** The reused view of one entry handed to `forEach` visitors. */
class Outcome implements KeyOutcome {
  sourceCount = 0;
  copyCount = 0;
  equal = false;
  private e = 0;

  constructor(private readonly table: KeyTable) {}

  of(e: number): this {
    this.e = e;
    [this.sourceCount, this.copyCount, this.equal] = this.table.counts(e);
    return this;
  }

  sourceRecord(): string | undefined {
    return this.table.firstRecord(this.e);
  }

  copyRecord(): string | undefined {
    return this.sourceCount === 0 ? this.table.firstRecord(this.e) : this.table.changedCopy(this.e);
  }
}

function u32(a: Uint32Array<ArrayBuffer>, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}

function f64(a: Float64Array<ArrayBuffer>, cap: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
