import { describe, expect, it } from 'vitest';
import { onlyZeros, withoutZeroTail, zeroTailIssue, type ZeroTailWatch } from './zero-tail.js';

const text = (s: string): number[] => [...new TextEncoder().encode(s)];
const z = (n: number): number[] => new Array<number>(n).fill(0);

/** The bytes handed on and what the watch found, for `bytes` cut into chunks of `size`. */
async function run(bytes: readonly number[], size: number, unit = 1) {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(Uint8Array.from(bytes.slice(i, i + size)));
  const watch: ZeroTailWatch = {};
  const out: number[] = [];
  for await (const c of withoutZeroTail(chunks, watch, () => unit)) out.push(...(c as Uint8Array));
  return { out, found: watch.found };
}

describe('withoutZeroTail', () => {
  it.each([
    ['a file ending in 4,096 zero bytes loses them, and says where they start', [...text('id\n1\n'), ...z(4096)], 1,
      text('id\n1\n'), { offset: 5, bytes: 4096 }],
    ['zeros that start inside the last line are left out from their first byte', [...text('id\n12'), ...z(20)], 1,
      text('id\n12'), { offset: 5, bytes: 20 }],
    ['a file of nothing but zeros is all tail', z(100), 1, [], { offset: 0, bytes: 100 }],
    ['16 zero bytes are a tail', [...text('a\n'), ...z(16)], 1, text('a\n'), { offset: 2, bytes: 16 }],
    ['15 zero bytes are not: they reach the reader (a control character, as before)', [...text('a\n'), ...z(15)], 1,
      [...text('a\n'), ...z(15)], undefined],
    ['a single NUL terminator is not', [...text('a\n'), 0], 1, [...text('a\n'), 0], undefined],
    ['zeros followed by a line break are not a tail (something was written after them)', [...text('a\n'), ...z(40), 10], 1,
      [...text('a\n'), ...z(40), 10], undefined],
    ['zeros in the middle of the input are handed on as they are', [...text('a'), ...z(40), ...text('b\n')], 1,
      [...text('a'), ...z(40), ...text('b\n')], undefined],
    ['in UTF-16 the run starts at a code unit, not at the high byte of the last letter', [0x61, 0x00, ...z(20)], 2,
      [0x61, 0x00], { offset: 2, bytes: 20 }],
    ['in UTF-16 a run that starts on a code unit keeps all its bytes, an odd count too', [0x00, 0x61, ...z(21)], 2,
      [0x00, 0x61], { offset: 2, bytes: 21 }],
    ['in UTF-16 a run cut to 15 bytes by the code unit is not a tail', [0x61, 0x00, ...z(15)], 2,
      [0x61, 0x00, ...z(15)], undefined],
  ] as const)('%s', async (_, bytes, unit, want, found) => {
    for (const size of [1, 3, 7, 64, 100_000]) {
      const got = await run(bytes, size, unit);
      expect(got.out).toEqual(want);
      expect(got.found).toEqual(found);
    }
  });

  it('hands on the zeros it holds before rethrowing a failure of the input', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Uint8Array.from([...text('a'), ...z(30)]);
      throw new Error('disk gone');
    }
    const watch: ZeroTailWatch = {};
    const out: number[] = [];
    await expect((async () => { for await (const c of withoutZeroTail(failing(), watch)) out.push(...(c as Uint8Array)); })())
      .rejects.toThrow('disk gone');
    expect(out).toEqual([...text('a'), ...z(30)]);
    expect(watch.found).toBeUndefined();
  });

  it('passes text chunks through, with the zeros held before them', async () => {
    const watch: ZeroTailWatch = {};
    const out: unknown[] = [];
    for await (const c of withoutZeroTail<Uint8Array | string>([Uint8Array.from(z(20)), 'x'], watch)) out.push(c);
    expect(out).toEqual([Uint8Array.from(z(20)), 'x']);
    expect(watch.found).toBeUndefined();
  });
});

describe('zeroTailIssue and onlyZeros', () => {
  it('is a file-level sufficiency error naming the length and the start of the run', () => {
    expect(zeroTailIssue({ offset: 1234, bytes: 4096 })).toEqual({ code: 'zero_filled_tail', criterion: 'sufficient',
      severity: 'error', scope: 'file', params: { bytes: 4096, offset: 1234 } });
  });

  it.each([
    [{ offset: 0, bytes: 4096 }, 'the input holds no text, only 4096 zero bytes: nothing was written to it (a crash or an unfinished copy)'],
    [{ offset: 3, bytes: 16 }, 'the input holds no text, only 16 zero bytes after byte 3: nothing was written to it (a crash or an unfinished copy)'],
  ])('an input of nothing but %j fails saying so', (run, error) => {
    expect(onlyZeros(run)).toBe(error);
  });
});
