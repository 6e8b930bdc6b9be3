import { describe, expect, it } from 'vitest';
import { Hasher, hash64 } from './_hash.js';

const of = (h: Hasher, parts: string[]): string => {
  const out = new Uint32Array(2);
  h.reset();
  for (const p of parts) h.add(p);
  h.into(out);
  return `${out[0]}:${out[1]}`;
};

describe('Hasher', () => {
  it.each([
    [['ab', 'c'], ['a', 'bc']],
    [['', 'a'], ['a', '']],
    [['a'], ['a', '']],
    [['Hòa'], ['Hoà']],
  ])('tells %j from %j', (a, b) => {
    expect(of(new Hasher(), a)).not.toBe(of(new Hasher(), b));
  });

  it('is the same for the same parts and seed, and differs with another seed', () => {
    expect(of(new Hasher(1, 2), ['x', 'y'])).toBe(of(new Hasher(1, 2), ['x', 'y']));
    expect(of(new Hasher(1, 2), ['x', 'y'])).not.toBe(of(new Hasher(3, 4), ['x', 'y']));
  });

  it('hash64 spreads nearby keys over the low bits a table indexes with', () => {
    const out = new Uint32Array(2);
    const buckets = new Set<number>();
    for (let i = 0; i < 1024; i++) {
      hash64(`P${String(i).padStart(9, '0')}`, out);
      buckets.add((out[0] as number) & 1023);
    }
    expect(buckets.size).toBeGreaterThan(600);
  });
});
