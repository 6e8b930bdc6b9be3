/**
 * Typed arrays that grow in place. A table of a million keys grew its arrays by copying: every growth allocated a
 * larger array, copied the old one into it, and left the old one for a later full GC, so dead copies of the largest
 * arrays sat in memory beside the live ones (the peak RSS of two worker threads) and the copying cost time. An array
 * made here lies on a resizable `ArrayBuffer` (ES2024, Node 20+) that reserves address space up front and commits
 * it as it grows: growing is `resize`, no copy, no garbage; only past the reservation is the array copied once into
 * a larger one (reserved again eight times over, so that happens a handful of times between a kilobyte and 4 GiB).
 *
 * Only arrays of {@link IN_PLACE_FROM} bytes or more lie on resizable buffers; smaller ones grow by copying (their dead
 * copies are small). Why: each resizable buffer is a memory mapping of its own, and a process that holds some 32,000
 * of them (a test making thousands of small tables) exhausts the kernel's mappings and V8 aborts the process, with
 * no error to catch. Above the threshold the count is bounded by the memory the arrays hold (64 KiB each at least),
 * and a thread holds at most {@link limits}.live of them at once (a service validating hundreds of large datasets
 * at a time): past that, new arrays are plain ones.
 *
 * Arrays that came from elsewhere (a state file, v8 deserialisation: fixed-size buffers) grow by copying into a
 * resizable one. Where address space is scarce (`ulimit -v`) a reservation can fail: the array is then a plain one
 * and grows by copying, as before. The arrays stay plain `Uint8Array`/`Uint32Array` (structured clone and transfer
 * keep them; `v8.serialize` writes their current length).
 */

type Ctor<T> = { new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };
type Growable = Uint8Array | Uint32Array;

/** Arrays of at least this many bytes grow in place; smaller ones are plain and grow by copying. */
export const IN_PLACE_FROM = 64 * 1024;
/** At most this many resizable buffers alive in this thread (mutable for tests). */
export const limits = { live: 8192 };
let live = 0;
/** Counts the resizable buffers the GC has collected (late, so the count errs high: towards plain arrays). */
const collected = new FinalizationRegistry<undefined>(() => { live--; });
/** Reserve this many times the bytes asked for, at least this much, at most this much. */
const RESERVE_FACTOR = 8;
export const MIN_RESERVE = 16 << 20;
const MAX_RESERVE = 2 ** 32;

/**
 * A zero-filled array of `length` elements that {@link growTo} grows in place once it is large: from `inPlaceFrom`
 * bytes (default {@link IN_PLACE_FROM}; 0 for an array on a hot path that will grow large, so that it is of one
 * kind from the start, see `newSightingLog`). Its buffer reserves at least `reserve` bytes of address space (default
 * {@link MIN_RESERVE}): an array known to grow past that asks for more, since outgrowing the reservation copies it.
 * @example const rows = growable(Uint32Array, 8); // rows.length === 8
 */
export function growable<T extends Growable>(C: Ctor<T>, length: number, inPlaceFrom = IN_PLACE_FROM,
  reserve = MIN_RESERVE): T {
  const bytes = length * C.BYTES_PER_ELEMENT;
  if (bytes < inPlaceFrom || live >= limits.live) return new C(new ArrayBuffer(bytes));
  try {
    const buffer = new ArrayBuffer(bytes, { maxByteLength: Math.min(MAX_RESERVE, Math.max(reserve, bytes * RESERVE_FACTOR)) });
    live++;
    collected.register(buffer, undefined);
    return new C(buffer);
  } catch {
    return new C(new ArrayBuffer(bytes)); // no address space to reserve (ulimit -v): a plain array, grown by copying
  }
}

/**
 * `a` with at least `length` elements (its elements kept, the new ones zero): the same array resized in place when its
 * buffer allows, else a larger copy. Callers must use the returned array.
 * @example rows = growTo(Uint32Array, rows, rows.length * 2);
 */
export function growTo<T extends Growable>(C: Ctor<T>, a: T, length: number): T {
  if (length <= a.length) return a;
  const bytes = length * C.BYTES_PER_ELEMENT;
  const buffer = a.buffer;
  if (buffer instanceof ArrayBuffer && buffer.resizable && a.byteOffset === 0 && bytes <= buffer.maxByteLength) {
    buffer.resize(bytes);
    // A length-tracking view follows the buffer; a fixed-length one (not made here) is replaced by one that does.
    return a.length >= length ? a : new C(buffer);
  }
  const next = growable(C, length);
  next.set(a);
  return next;
}
