import { describe, expect, it } from 'vitest';
import { rawRecords } from './_raw-records.js';

async function cut(text: string, size: number): Promise<Array<[string, number]>> {
  const bytes = Buffer.from(text, 'utf8');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const out: Array<[string, number]> = [];
  for await (const batch of rawRecords(chunks(), ',')) for (const r of batch) out.push([Buffer.from(r.bytes).toString('utf8'), r.line]);
  return out;
}

describe('rawRecords', () => {
  const text = '\ufeffid,name\r\n1,"An\nBình"\n2,Chi\r3,"x""y"\r\n\n4,Đào';
  const expected: Array<[string, number]> = [
    ['\ufeffid,name\r\n', 1], ['1,"An\nBình"\n', 2], ['2,Chi\r', 4], ['3,"x""y"\r\n', 5], ['\n', 6], ['4,Đào', 7],
  ];
  it.each([1, 2, 3, 7, 64])('cuts records and counts lines whatever the chunking (chunks of %i bytes)', async (size) => {
    expect(await cut(text, size)).toEqual(expected);
  });

  it('gives back the input byte for byte', async () => {
    expect((await cut(text, 5)).map(([t]) => t).join('')).toBe(text);
  });
});
