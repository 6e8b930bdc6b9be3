import { describe, expect, it } from 'vitest';
import { growTo, growable } from './_growable.js';

describe('growable arrays', () => {
  it('grow in place within their reservation, keeping every element and zero-filling the rest', () => {
    const a = growable(Uint32Array, 4);
    a.set([1, 2, 3, 4]);
    const b = growTo(Uint32Array, a, 1_000);
    expect(b).toBe(a);
    expect(b.length).toBe(1_000);
    expect([...b.subarray(0, 6)]).toEqual([1, 2, 3, 4, 0, 0]);
  });

  it('copy once past their reservation, into a larger growable array', () => {
    const a = growable(Uint8Array, 16);
    a[15] = 7;
    const reserved = (a.buffer as ArrayBuffer).maxByteLength;
    const b = growTo(Uint8Array, a, reserved + 1);
    expect(b).not.toBe(a);
    expect(b.length).toBe(reserved + 1);
    expect(b[15]).toBe(7);
    expect(growTo(Uint8Array, b, reserved + 2)).toBe(b); // reserved again beyond that
  });

  it('grow plain arrays (a state file, a deserialised table) by copying', () => {
    const a = new Uint32Array([5, 6]);
    const b = growTo(Uint32Array, a, 3);
    expect([...b]).toEqual([5, 6, 0]);
    expect(growTo(Uint32Array, b, 10)).toBe(b);
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
