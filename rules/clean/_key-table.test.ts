import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { hashParts, hashText, joinParts } from './_key-hash.js';
import { absorb, firstSighting, lookup, newKeyTable, sight, type KeyTable } from './_key-table.js';
import { checkKeyTable } from './_check-key-table.js';
import { limits } from './_growable.js';
import { adoptKeySeed, keySeed } from './_key-seed.js';

/** What a `Map` would say: first sighting per text, and the first row of each repeated text. */
function model(texts: readonly string[]): { first: Map<string, number>; repeats: number[] } {
  const first = new Map<string, number>();
  const repeats: number[] = [];
  texts.forEach((t, row) => {
    const seen = first.get(t);
    if (seen === undefined) first.set(t, row);
    else repeats.push(seen);
  });
  return { first, repeats };
}

/**
 * Sights `texts` into a new table as rows 0… (line = row + 2), record keys numbered from `keyBase` as a later shard's
 * would be; returns the first rows named by every repeat.
 */
function fill(texts: readonly string[], keyBase = 0, seed?: number): { table: KeyTable; repeats: number[] } {
  const table = newKeyTable();
  if (seed !== undefined) table.seed = seed; // a table of another process (a shard's state file)
  const repeats: number[] = [];
  texts.forEach((t, i) => {
    const ref = sight(table, t, `key-${keyBase + i}`, i, i + 2);
    if (ref >= 0) repeats.push(firstSighting(table, ref).row);
  });
  return { table, repeats };
}

const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', 'Nguyễn Văn A', 'Nguyễn Văn A', '01234', '😀', 'é', 'e\u0301', '\u00ff', '\u0100'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

describe('key table', () => {
  it('agrees with a Map on which texts repeat and where each was first seen', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 300 }), (texts) => {
      const { table, repeats } = fill(texts);
      const m = model(texts);
      expect(repeats).toEqual(m.repeats);
      expect(table.size).toBe(m.first.size);
    }), { numRuns: 200 });
  });

  it('reads back text, row, line and record key exactly (one-byte, two-byte and astral text)', () => {
    const t = newKeyTable();
    const texts = ['P-1', 'Nguyễn Thị Ánh', '😀x', '', '\u00ff\u00fe', 'x'.repeat(10_000)];
    texts.forEach((s, row) => sight(t, s, row === 1 ? undefined : row === 2 ? s : `K${row}`, row, row === 3 ? undefined : row * 10));
    texts.forEach((s, row) => {
      const ref = sight(t, s, 'ignored', 99, 99);
      expect(firstSighting(t, ref)).toEqual({
        text: s, row, line: row === 3 ? undefined : row * 10, key: row === 1 ? undefined : row === 2 ? s : `K${row}`,
      });
    });
  });

  it('reads back any record key exactly, whatever its width and length (keys are written in one pass)', () => {
    const key = fc.oneof(text, fc.string({ unit: 'grapheme', minLength: 60, maxLength: 70 }), fc.constant('\u00ff'.repeat(8200)),
      fc.constant(`${'a'.repeat(5000)}\u0100`));
    fc.assert(fc.property(fc.array(fc.tuple(text, key), { maxLength: 60 }), (pairs) => {
      const t = newKeyTable();
      const first = new Map<string, string>();
      pairs.forEach(([s, k], row) => {
        if (sight(t, s, k, row, row + 2) < 0) first.set(s, k);
      });
      for (const [s, k] of first) expect(firstSighting(t, sight(t, s, 'again', 0, 0)).key).toBe(k);
    }), { numRuns: 200 });
  });

  it('takes a composite key as its parts: the same entry, hash and text as the parts joined', () => {
    const part = fc.oneof(text, fc.string({ minLength: 10, maxLength: 120 }), fc.constant('\u1ea0'.repeat(11)));
    const parts = fc.array(part, { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.array(fc.tuple(parts, fc.boolean()), { maxLength: 80 }), (keys) => {
      const t = newKeyTable();
      const texts = keys.map(([p]) => joinParts(p));
      const repeats: number[] = [];
      // Each key sighted as parts or as its joined text, at random: one table must not tell them apart.
      keys.forEach(([p, asParts], row) => {
        expect(hashParts(p, t.seed)).toBe(hashText(joinParts(p), t.seed));
        const ref = sight(t, asParts ? p : joinParts(p), `k${row}`, row, row + 2);
        if (ref >= 0) repeats.push(firstSighting(t, ref).row);
      });
      expect(repeats).toEqual(model(texts).repeats);
      for (const s of new Set(texts)) expect(firstSighting(t, sight(t, s, undefined, 0, 0)).text).toBe(s);
    }), { numRuns: 300 });
  });

  it('tells apart different texts whose 32-bit hashes collide', () => {
    const bySeed0 = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined; i++) {
      const s = `id-${i}`;
      const h = hashText(s, 0);
      const other = bySeed0.get(h);
      if (other !== undefined) pair = [other, s];
      else bySeed0.set(h, s);
    }
    const t = newKeyTable();
    t.seed = 0;
    expect(sight(t, pair[0], undefined, 0, undefined)).toBe(-1);
    expect(sight(t, pair[1], undefined, 1, undefined)).toBe(-1);
    expect(firstSighting(t, sight(t, pair[1], undefined, 2, undefined)).row).toBe(1);
    expect(t.size).toBe(2);
  });

  it('grows past many keys without losing any', () => {
    const texts = Array.from({ length: 50_000 }, (_, i) => `P${i % 40_000}`);
    const { table, repeats } = fill(texts);
    expect(table.size).toBe(40_000);
    expect(repeats).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
  });

  it('merges shards in order: the result equals one table over the whole input, whatever the seeds', () => {
    const seed = fc.oneof(fc.constant(undefined), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(fc.property(fc.array(text, { maxLength: 200 }), fc.nat(), seed, (texts, at, bSeed) => {
      const cut = texts.length === 0 ? 0 : at % (texts.length + 1);
      const a = fill(texts.slice(0, cut));
      const b = fill(texts.slice(cut), cut, bSeed);
      const crossRepeats: number[] = [];
      const merged = absorb(a.table, b.table, cut, cut, (_bRef, aRef) => crossRepeats.push(firstSighting(a.table, aRef).row));
      const whole = model(texts);
      expect(merged.size).toBe(whole.first.size);
      for (const [s, row] of whole.first) {
        const found = firstSighting(merged, sight(merged, s, undefined, 1e6, undefined));
        expect([found.row, found.line, found.key]).toEqual([row, row + 2, `key-${row}`]);
      }
      // Every first sighting in b of a text a had already seen is reported once, naming a's row.
      const inA = model(texts.slice(0, cut)).first;
      const expected = [...model(texts.slice(cut)).first.keys()].filter((s) => inA.has(s)).map((s) => inA.get(s));
      expect(crossRepeats.sort((x, y) => x - y)).toEqual((expected as number[]).sort((x, y) => x - y));
    }), { numRuns: 200 });
  });

  it('on a last merge adds only the entries of b it is told to keep: the same repeats, kept ones found, others absent', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 200 }), fc.nat(), fc.func(fc.boolean()), (texts, at, keepIt) => {
      const cut = texts.length === 0 ? 0 : at % (texts.length + 1);
      const full = { a: fill(texts.slice(0, cut)), b: fill(texts.slice(cut), cut) };
      const part = { a: fill(texts.slice(0, cut)), b: fill(texts.slice(cut), cut) };
      part.b.table.seed = part.a.table.seed;
      const repeats = (into: KeyTable) => (_bRef: number, aRef: number) => firstSighting(into, aRef).row;
      const fullRepeats: number[] = [];
      const partRepeats: number[] = [];
      const kept: number[] = [];
      absorb(full.a.table, full.b.table, cut, cut, (b, a) => fullRepeats.push(repeats(full.a.table)(b, a)));
      const merged = absorb(part.a.table, part.b.table, cut, cut, (b, a) => partRepeats.push(repeats(part.a.table)(b, a)),
        (bRef) => { const k = keepIt(bRef); if (k) kept.push(bRef); return k; });
      expect(partRepeats).toEqual(fullRepeats);
      const inA = model(texts.slice(0, cut)).first;
      const bOnly = [...model(texts.slice(cut)).first].filter(([t]) => !inA.has(t));
      if (inA.size === 0) {
        // Nothing to add to: b is adopted whole (free), kept or not.
        expect(merged.size).toBe(bOnly.length);
        return;
      }
      expect(merged.size).toBe(inA.size + kept.length);
      const keptRows = new Set(kept.map((ref) => firstSighting(part.b.table, ref).row + cut));
      for (const [t, row] of bOnly) {
        const ref = lookup(merged, t);
        if (keptRows.has(row + cut)) expect(firstSighting(merged, ref)).toMatchObject({ row: row + cut, key: `key-${row + cut}` });
        else expect(ref).toBe(-1);
      }
      expect(kept.length).toBeLessThanOrEqual(bOnly.length);
    }), { numRuns: 200 });
  });

  it('keeps irregular lines (multi-line records, blank lines, none at all) exactly, merged or not', () => {
    const gaps = fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5 }), fc.constant(-1)), { minLength: 1, maxLength: 120 });
    fc.assert(fc.property(gaps, fc.nat(), fc.nat({ max: 1000 }), (steps, at, base) => {
      // -1 = a row without a line (an array source); otherwise the line advances by the step.
      let line = base;
      const lines = steps.map((g) => (g < 0 ? undefined : (line += g)));
      const texts = steps.map((_, i) => `v${i}`);
      const cut = at % (texts.length + 1);
      // b numbers its lines from its own start, as a later range of a file does: offset = lines before it.
      const later = lines.slice(cut).filter((l): l is number => l !== undefined);
      const offset = later.length === 0 ? 0 : Math.min(...later) - 1;
      const a = newKeyTable();
      const b = newKeyTable();
      texts.forEach((t, i) => (i < cut ? sight(a, t, undefined, i, lines[i]) : sight(b, t, undefined, i - cut, shift(lines[i], -offset))));
      const merged = absorb(a, b, cut, offset, () => undefined);
      texts.forEach((t, i) => {
        const s = firstSighting(merged, sight(merged, t, undefined, 1e6, undefined));
        expect([s.row, s.line]).toEqual([i, lines[i]]);
      });
    }), { numRuns: 300 });
  });

  // Within the thread's budget of resizable buffers (./_growable.ts), which the uniqueness logs of the unit test files
  // before this one, collected late, may have used up: past it arrays are plain and grow by copying.
  it('grows its entries and text in place once they are large: the arrays stay the same objects as they grow', () => {
    const budget = limits.live;
    limits.live = Number.MAX_SAFE_INTEGER;
    try {
      const t = newKeyTable();
      for (let i = 0; i < 300_000; i++) sight(t, `parcel-${i}`, `key-${i}`, i, i + 2);
      const before = t.shards.map((s) => ({ rows: s.rows, at: s.at, arena: s.arena }));
      for (let i = 300_000; i < 600_000; i++) sight(t, `parcel-${i}`, `key-${i}`, i, i + 2);
      t.shards.forEach((s, k) => {
        expect(s.size).toBeGreaterThan(30_000); // grew …
        expect(s.rows).toBe(before[k]?.rows); // … without a copy
        expect(s.at).toBe(before[k]?.at);
        expect(s.arena).toBe(before[k]?.arena);
      });
      expect(firstSighting(t, sight(t, 'parcel-599999', undefined, 0, undefined))).toMatchObject({ row: 599_999, key: 'key-599999' });
    } finally {
      limits.live = budget;
    }
  });

  it('keeps growing after a round trip through a state file or a worker message', () => {
    const texts = Array.from({ length: 3_000 }, (_, i) => `P${i % 2_500}`);
    const viaFile = deserialize(serialize(fill(texts).table)) as KeyTable; // fixed-size arrays come back
    const viaMessage = structuredClone(fill(texts).table); // resizable ones
    for (const t of [viaFile, viaMessage]) {
      expect(checkKeyTable(t)).toBe(true);
      for (let i = 0; i < 20_000; i++) sight(t, `Q${i}`, undefined, 3_000 + i, undefined);
      expect(t.size).toBe(22_500);
      expect(firstSighting(t, sight(t, 'P7', undefined, 0, undefined)).row).toBe(7);
      expect(firstSighting(t, sight(t, 'Q19999', undefined, 0, undefined)).row).toBe(22_999);
      expect(checkKeyTable(t)).toBe(true);
    }
  });

  it('shares one seed per thread, so a worker adopting it builds tables that merge without re-hashing', () => {
    expect(newKeyTable().seed).toBe(keySeed());
    expect(newKeyTable().seed).toBe(newKeyTable().seed);
    const before = keySeed();
    try {
      adoptKeySeed(12345);
      expect(newKeyTable().seed).toBe(12345);
    } finally {
      adoptKeySeed(before);
    }
    expect(() => adoptKeySeed(2 ** 31)).toThrow(/int32/);
    expect(() => adoptKeySeed(1.5)).toThrow(/int32/);
  });

  it('refuses rows beyond its uint32 range rather than wrapping', () => {
    expect(() => sight(newKeyTable(), 'a', undefined, 2 ** 32, undefined)).toThrow(/up to 4294967294/);
  });
});

function shift(line: number | undefined, by: number): number | undefined {
  return line === undefined ? undefined : line + by;
}
