import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createUtf8Decoder, isWellFormedUtf8 } from './utf8-decoder.js';

/** Decodes in the given chunk sizes; returns the text and the invalid-byte reports [offset, text index]. */
function run(bytes: Uint8Array, sizes: readonly number[] = []): { text: string; bad: [number, number][] } {
  const bad: [number, number][] = [];
  const d = createUtf8Decoder((offset, at) => bad.push([offset, at]));
  let text = '';
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes.length === 0 ? bytes.length : (sizes[k % sizes.length] as number);
    text += d.write(bytes.subarray(i, i + n));
    i += n;
  }
  return { text: text + d.end(), bad };
}

const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

describe('createUtf8Decoder', () => {
  it.each([
    ['valid Vietnamese', new TextEncoder().encode('Việt Nam'), 'Việt Nam', []],
    ['a lone 0xFF', b(0x61, 0xff), 'a\uFFFD', [[1, 1]]],
    ['E0 80 (overlong)', b(0xe0, 0x80, 0x41), '\uFFFD\uFFFDA', [[0, 0], [1, 1]]],
    ['ED A0 80 (a surrogate)', b(0xed, 0xa0, 0x80), '\uFFFD\uFFFD\uFFFD', [[0, 0], [1, 1], [2, 2]]],
    ['F4 90 80 80 (beyond U+10FFFF)', b(0xf4, 0x90, 0x80, 0x80), '\uFFFD'.repeat(4), [[0, 0], [1, 1], [2, 2], [3, 3]]],
    ['E1 BB cut by the end', b(0x41, 0xe1, 0xbb), 'A\uFFFD', [[1, 1]]],
    ['E1 BB followed by ASCII', b(0xe1, 0xbb, 0x41), '\uFFFDA', [[0, 0]]],
    ['a real U+FFFD (EF BF BD)', b(0xef, 0xbf, 0xbd), '\uFFFD', []],
    ['a BOM inside the text (kept)', b(0x61, 0xef, 0xbb, 0xbf), 'a\uFEFF', []],
    ['😀 then C3', b(0xf0, 0x9f, 0x98, 0x80, 0xc3), '😀\uFFFD', [[4, 2]]],
  ] as const)('%s', (_, bytes, text, bad) => {
    expect(run(bytes)).toEqual({ text, bad });
    expect(run(bytes, [1])).toEqual({ text, bad });
  });

  const bytesArb = fc.array(fc.oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom(0xe1, 0xbb, 0x87, 0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0xc3, 0x80),
  ), { maxLength: 40 }).map((xs) => Uint8Array.from(xs));

  it('gives the text of the WHATWG decoder and one report per U+FFFD it made, whatever the chunking', () => {
    fc.assert(fc.property(bytesArb, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), (bytes, sizes) => {
      const whole = run(bytes);
      expect(whole.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      expect(run(bytes, sizes)).toEqual(whole);
      const genuine = Buffer.from(bytes).toString('latin1').split('\xef\xbf\xbd').length - 1;
      expect(whole.bad.length).toBe(whole.text.split('\uFFFD').length - 1 - genuine);
      for (const [offset, at] of whole.bad) {
        expect(whole.text[at]).toBe('\uFFFD');
        expect(offset).toBeLessThan(bytes.length);
      }
    }), { numRuns: 3000 });
  });
});

describe('createUtf8Decoder on valid text (ICU decodes chunks that are not all ASCII, V8 the rest)', () => {
  const text = fc.string({
    unit: fc.oneof(fc.constantFrom('a', ',', '\n', 'ệ', 'Đ', 'ư', '\uFEFF', '\uFFFD', '😀'),
      fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp) => String.fromCodePoint(cp))),
    maxLength: 60,
  });

  it('gives the WHATWG decoder\'s text and no report, whatever the chunking', () => {
    fc.assert(fc.property(text, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), (t, sizes) => {
      const bytes = new TextEncoder().encode(t);
      expect(run(bytes)).toEqual({ text: t, bad: [] });
      expect(run(bytes, sizes)).toEqual({ text: t, bad: [] });
    }), { numRuns: 3000 });
  });

  it('in chunks of any size: ASCII, Vietnamese, and past the size ICU is used for', () => {
    const line = 'P000000001,12,Nguyễn Thị Ánh Tuyết,Số 42 Hai Bà Trưng,Nữ,2026-11-21T12:15:58+07:00\n';
    for (const t of ['ascii,only\n'.repeat(40_000), line.repeat(4_000), line.repeat(9_000)]) {
      const bytes = new TextEncoder().encode(t);
      expect(run(bytes)).toEqual({ text: t, bad: [] });
      expect(run(bytes, [65_536, 3, 300_000])).toEqual({ text: t, bad: [] });
    }
  });
});

describe('isWellFormedUtf8', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const throws = (b: Uint8Array) => { try { fatal.decode(b); return false; } catch { return true; } };
  // Bytes near the edges of Table 3-7 (lead bytes, second-byte ranges, surrogates, overlongs, truncation).
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
    0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff));
  it('is true exactly when a fatal TextDecoder does not throw', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 8 }), fc.array(byte, { maxLength: 8 }), (a, b) => {
      for (const bytes of [a, Uint8Array.from(b)]) expect(isWellFormedUtf8(bytes)).toBe(!throws(bytes));
    }), { numRuns: 20_000 });
  });
});
