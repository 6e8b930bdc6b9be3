import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { growTo, growable, IN_PLACE_FROM, limits } from './_growable.js';

const LARGE = IN_PLACE_FROM / 4; // Uint32 elements of a large array

describe('growable arrays', () => {
  // The unit test files share this module: the buffers of their uniqueness logs, collected late, count against the
  // thread's budget, which would make these arrays plain. Each test here has the budget to itself (one sets its own).
  let budget = limits.live;
  beforeEach(() => {
    budget = limits.live;
    limits.live = Number.MAX_SAFE_INTEGER;
  });
  afterEach(() => {
    limits.live = budget;
  });

  it('grow in place within their reservation once large, keeping every element and zero-filling the rest', () => {
    const a = growable(Uint32Array, LARGE);
    a.set([1, 2, 3, 4]);
    const b = growTo(Uint32Array, a, LARGE * 3);
    expect(b).toBe(a);
    expect(b.length).toBe(LARGE * 3);
    expect([...b.subarray(0, 6)]).toEqual([1, 2, 3, 4, 0, 0]);
  });

  it('stay plain while small (a resizable buffer is a memory mapping of its own), and turn growable past the threshold', () => {
    const a = growable(Uint32Array, 4);
    expect((a.buffer as ArrayBuffer).resizable).toBe(false);
    a.set([1, 2]);
    const b = growTo(Uint32Array, a, 8);
    expect(b).not.toBe(a);
    expect((b.buffer as ArrayBuffer).resizable).toBe(false);
    const c = growTo(Uint32Array, b, LARGE);
    expect((c.buffer as ArrayBuffer).resizable).toBe(true);
    expect([...c.subarray(0, 3)]).toEqual([1, 2, 0]);
    expect(growTo(Uint32Array, c, LARGE * 2)).toBe(c);
  });

  it('many small ones do not exhaust the process (each resizable buffer is a mapping: ~32,000 abort it)', () => {
    const kept: Uint8Array[] = [];
    for (let i = 0; i < 40_000; i++) kept.push(growTo(Uint8Array, growable(Uint8Array, 128), 512));
    expect(kept.length).toBe(40_000);
  });

  it('are plain past the number of resizable buffers a thread may hold, and still grow (by copying)', () => {
    const before = limits.live;
    const kept: Uint32Array[] = [];
    try {
      limits.live = 0;
      const a = growable(Uint32Array, LARGE);
      expect((a.buffer as ArrayBuffer).resizable).toBe(false);
      kept.push(a);
      const b = growTo(Uint32Array, a, LARGE * 2);
      expect((b.buffer as ArrayBuffer).resizable).toBe(false);
      expect(b.length).toBe(LARGE * 2);
    } finally {
      limits.live = before;
    }
    expect((growable(Uint32Array, LARGE).buffer as ArrayBuffer).resizable).toBe(true);
  });

  it('copy once past their reservation, into a larger growable array', () => {
    const a = growable(Uint8Array, IN_PLACE_FROM);
    a[15] = 7;
    const reserved = (a.buffer as ArrayBuffer).maxByteLength;
    const b = growTo(Uint8Array, a, reserved + 1);
    expect(b).not.toBe(a);
    expect(b.length).toBe(reserved + 1);
    expect(b[15]).toBe(7);
    expect(growTo(Uint8Array, b, reserved + 2)).toBe(b); // reserved again beyond that
  });

  it('grow plain arrays (a state file, a deserialised table) by copying, into a growable one once large', () => {
    const a = new Uint32Array([5, 6]);
    const b = growTo(Uint32Array, a, 3);
    expect(b).not.toBe(a);
    expect([...b]).toEqual([5, 6, 0]);
    const c = growTo(Uint32Array, new Uint32Array(LARGE).fill(1), LARGE + 1);
    expect((c.buffer as ArrayBuffer).resizable).toBe(true);
    expect([c[LARGE - 1], c[LARGE]]).toEqual([1, 0]);
  });

  it('replace a fixed-length view of a resizable buffer by one that tracks it', () => {
    const buffer = new ArrayBuffer(8, { maxByteLength: 1024 });
    const fixed = new Uint32Array(buffer, 0, 2);
    fixed.set([9, 8]);
    const b = growTo(Uint32Array, fixed, 10);
    expect(b.length).toBe(10);
    expect([...b.subarray(0, 3)]).toEqual([9, 8, 0]);
  });

  it('never shrink', () => {
    const a = growable(Uint8Array, 10);
    expect(growTo(Uint8Array, a, 5)).toBe(a);
    expect(a.length).toBe(10);
  });
});
