import { describe, expect, it } from 'vitest';
import { forEachObject } from './for-each-object.js';

describe('forEachObject', () => {
  it('visits every object reachable through objects, arrays, Maps and Sets once, cycles included', () => {
    const leaf = { leaf: true };
    const key = { key: true };
    const root: Record<string, unknown> = { a: [1, leaf, 'x'], m: new Map<unknown, unknown>([[key, leaf]]), s: new Set([leaf]) };
    root.self = root;
    const seen: object[] = [];
    forEachObject(root, (o) => { seen.push(o); });
    expect(seen).toHaveLength(6); // root, the array, the Map, the Set, leaf and key
    expect(new Set(seen)).toEqual(new Set([root, root.a, root.m, root.s, leaf, key]));
  });

  it('visits typed arrays without entering them, and does not enter an object whose visit returns false', () => {
    const bytes = new Uint8Array(4);
    const hidden = { hidden: true };
    const closed = { hidden };
    const seen: object[] = [];
    forEachObject({ bytes, closed }, (o) => {
      seen.push(o);
      return o !== closed;
    });
    expect(seen).toContain(bytes);
    expect(seen).toContain(closed);
    expect(seen).not.toContain(hidden);
  });

  it('steps over the holes of a sparse array at once (length 2³² − 1, as a forged state file can hold)', () => {
    const inside = { inside: true };
    const sparse = Object.assign([], { length: 2 ** 32 - 1, 7: inside }) as unknown[];
    const seen: object[] = [];
    forEachObject({ sparse }, (o) => { seen.push(o); });
    expect(seen).toContain(inside);
  });
});
