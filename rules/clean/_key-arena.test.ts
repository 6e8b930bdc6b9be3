import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryBound, lastTextHash, readEntry, writeEntry, writeEntryKey, writeTextHashed } from './_key-arena.js';
import { hashText, lastTextWide } from './_key-hash.js';

/** Texts of both widths, around the lengths where the meta's varint takes another byte (n << 1 at 128 and 16384). */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', 'P0012345678', 'Nguyễn Văn A', 'Lê Xuân Lâm', '\u00ff', '\u0100', '😀'),
  fc.tuple(fc.constantFrom(62, 63, 64, 65, 8191, 8192, 8193), fc.constantFrom('x', 'ễ', '\u00e9')).map(([n, c]) => c.repeat(n)),
  fc.tuple(fc.constantFrom(63, 64, 8191, 8192), fc.constantFrom('ễ', '\u0100')).map(([n, c]) => 'a'.repeat(n - 1) + c),
);
const key = fc.oneof(fc.constant(undefined), fc.constant('same'), fc.string({ maxLength: 10 }), fc.constantFrom('K-001', 'Ấp 3'));

describe('writeTextHashed', () => {
  it('writes the bytes writeEntry writes and the hash hashText computes, in one pass', () => {
    fc.assert(fc.property(text, key, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (t, k0, seed) => {
      const k = k0 === 'same' ? t : k0;
      const h = hashText(t, seed);
      const wide = lastTextWide();
      const bound = entryBound(t, true, k);
      const expected = new Uint8Array(bound + 8).fill(0xee);
      const end = writeEntry(expected, 3, t, k, wide);
      const got = new Uint8Array(bound + 8).fill(0xee);
      const p = writeTextHashed(got, 3, t, seed);
      expect(lastTextHash()).toBe(h);
      expect(lastTextWide()).toBe(wide);
      expect(writeEntryKey(got, p, t, k)).toBe(end);
      // The narrow bytes a wide text was first written with lie within its wide form: nothing past the entry changes.
      expect(got).toEqual(expected);
      expect(readEntry(got, 3)).toEqual({ text: t, key: k });
    }), { numRuns: 500 });
  });
});
