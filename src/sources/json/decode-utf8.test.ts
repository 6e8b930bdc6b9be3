import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, utf8Length, type TextChunk } from './decode-utf8.js';

async function decode(parts: readonly (Uint8Array | string)[]): Promise<TextChunk[]> {
  const out: TextChunk[] = [];
  for await (const chunk of decodeUtf8(parts)) out.push(chunk);
  return out;
}

/** The decoded text and each invalid sequence as [offset, length], whatever the chunking. */
async function summary(parts: readonly (Uint8Array | string)[]): Promise<{ text: string; bad: number[][]; bytes: number }> {
  let text = '';
  const bad: number[][] = [];
  let bytes = 0;
  for (const chunk of await decode(parts)) {
    for (const b of chunk.bad) {
      for (let k = 0; k < b.count; k++) {
        expect(chunk.text.charAt(b.pos + k)).toBe('\uFFFD');
        bad.push([b.offset + k * b.length, b.length]);
      }
    }
    text += chunk.text;
    bytes += chunk.bytes;
  }
  return { text, bad, bytes };
}

function cut(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  return parts;
}

describe('decodeUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 'AB', []],
    ['a lone continuation byte', [0x41, 0x80, 0x42], 'A\uFFFDB', [[1, 1]]],
    ['0xFF', [0xff], '\uFFFD', [[0, 1]]],
    ['a truncated 3-byte sequence before ASCII', [0xe2, 0x82, 0x41], '\uFFFDA', [[0, 2]]],
    ['an overlong form (E0 80)', [0xe0, 0x80], '\uFFFD\uFFFD', [[0, 1], [1, 1]]],
    ['a surrogate code point (ED A0 80)', [0xed, 0xa0, 0x80], '\uFFFD\uFFFD\uFFFD', [[0, 1], [1, 1], [2, 1]]],
    ['a truncated sequence at the end', [0x41, 0xf0, 0x9f, 0x98], 'A\uFFFD', [[1, 3]]],
    ['a real U+FFFD, which is valid', [0xef, 0xbf, 0xbd], '\uFFFD', []],
    ['a BOM, which is kept for the reader', [0xef, 0xbb, 0xbf, 0x41], '\uFEFFA', []],
  ])('locates invalid bytes: %s', async (_name, bytes, text, bad) => {
    expect(await summary([new Uint8Array(bytes)])).toEqual({ text, bad, bytes: bytes.length });
  });

  it('joins a 4-byte character cut into single bytes', async () => {
    const parts = [0xf0, 0x9f, 0x98, 0x80].map((b) => new Uint8Array([b]));
    expect(await summary(parts)).toEqual({ text: '😀', bad: [], bytes: 4 });
  });

  it('passes strings through and counts their UTF-8 bytes', async () => {
    expect(await summary(['a', 'é😀'])).toEqual({ text: 'aé😀', bad: [], bytes: 7 });
  });

  it('gives a run of invalid bytes as one entry', async () => {
    const [chunk] = await decode([new Uint8Array([0x41, 0xff, 0xff, 0xff, 0xe2, 0x82, 0xe2, 0x82, 0x41])]);
    expect(chunk?.bad).toEqual([{ pos: 1, offset: 1, length: 1, count: 3 }, { pos: 4, offset: 4, length: 2, count: 2 }]);
  });

  it('cuts large chunks into pieces of at most 64 KiB', async () => {
    const chunks = await decode([new Uint8Array(200_000).fill(0x20)]);
    expect(chunks.map((c) => c.text.length)).toEqual([65_536, 65_536, 65_536, 3_392]);
  });

  it('rejects chunks that are neither bytes nor strings', async () => {
    await expect(decode([42 as unknown as string])).rejects.toThrow(TypeError);
  });

  it('agrees with a one-shot TextDecoder for any bytes and any chunking', async () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x80, 0xbf, 0xc3, 0xe0, 0xed, 0xef, 0xf0, 0xf4));
    await fc.assert(fc.asyncProperty(fc.array(byte, { maxLength: 64 }), fc.array(fc.nat(), { maxLength: 8 }),
      async (list, cuts) => {
        const bytes = new Uint8Array(list);
        const whole = await summary([bytes]);
        expect(whole.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
        expect(await summary(cut(bytes, cuts))).toEqual(whole);
        const real = whole.text.split('\uFFFD').length - 1 - whole.bad.length;
        // Runs are maximal: two entries of a chunk never continue one another.
        for (const chunk of await decode([bytes])) {
          chunk.bad.forEach((b, i) => {
            const next = chunk.bad[i + 1];
            if (next !== undefined && next.length === b.length) expect(next.pos).not.toBe(b.pos + b.count);
          });
        }
        expect(real).toBe(Buffer.from(bytes).toString('latin1').split('\xef\xbf\xbd').length - 1);
      }), { numRuns: 300 });
  });
});

describe('utf8Length', () => {
  it.each([['', 0], ['abc', 3], ['é', 2], ['ệ', 3], ['😀', 4], ['\uFEFF', 3]])('%j is %i bytes', (text, n) => {
    expect(utf8Length(text)).toBe(n);
  });
});
