import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createUtf16Decoder } from './utf16-decoder.js';

type Order = 'utf16le' | 'utf16be';

function run(bytes: Uint8Array, sizes: readonly number[] = [], order: Order = 'utf16le'): { text: string; bad: [number, number][] } {
  const bad: [number, number][] = [];
  const d = createUtf16Decoder((offset, at) => bad.push([offset, at]), 0, order);
  let text = '';
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes.length === 0 ? bytes.length : (sizes[k % sizes.length] as number);
    text += d.write(bytes.subarray(i, i + n));
    i += n;
  }
  return { text: text + d.end(), bad };
}

const units = (...xs: number[]): Uint8Array => Uint8Array.from(xs.flatMap((u) => [u & 0xff, u >> 8]));
/** The same bytes in the other byte order (an odd last byte stays where it is). */
const swapped = (bytes: Uint8Array): Uint8Array =>
  Uint8Array.from(bytes, (_, i) => (i % 2 === 0 ? (bytes[i + 1] ?? bytes[i]) : bytes[i - 1]) as number);

describe('createUtf16Decoder', () => {
  it.each([
    ['Vietnamese text', units(...[...'Việt'].map((c) => c.charCodeAt(0))), 'Việt', []],
    ['a surrogate pair', units(0xd83d, 0xde00), '😀', []],
    ['a lone high surrogate', units(0xd83d, 0x41), '\uFFFDA', [[0, 0]]],
    ['a lone low surrogate', units(0x41, 0xde00), 'A\uFFFD', [[2, 1]]],
    ['a high surrogate at the end', units(0x41, 0xd83d), 'A\uFFFD', [[2, 1]]],
    ['an odd byte at the end', Uint8Array.of(0x41, 0x00, 0x42), 'A\uFFFD', [[2, 1]]],
  ] as const)('%s', (_, bytes, text, bad) => {
    expect(run(bytes)).toEqual({ text, bad });
    expect(run(bytes, [1])).toEqual({ text, bad });
    expect(run(swapped(bytes), [], 'utf16be')).toEqual({ text, bad });
    expect(run(swapped(bytes), [1], 'utf16be')).toEqual({ text, bad });
  });

  it.each(['utf16le', 'utf16be'] as const)('%s: the same text and reports whatever the chunking', (order) => {
    const arb = fc.array(fc.constantFrom(0x41, 0xd83d, 0xde00, 0x1ec7, 0x0a), { maxLength: 20 });
    fc.assert(fc.property(arb, fc.boolean(), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
      (us, odd, sizes) => {
        const le = Uint8Array.from([...units(...us), ...(odd ? [0x41] : [])]);
        const bytes = order === 'utf16le' ? le : swapped(le);
        const whole = run(bytes, [], order);
        expect(whole.text).toBe(new TextDecoder(order === 'utf16le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes));
        expect(run(bytes, sizes, order)).toEqual(whole);
      }));
  });
});
