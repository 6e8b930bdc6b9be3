import { describe, expect, it } from 'vitest';
import { byteOrderMark, createDecoder, encodingName } from './decoder.js';

function run(encoding: Parameters<typeof createDecoder>[0], bytes: Uint8Array, cut: number): { text: string; bad: number[]; encoding: string } {
  const bad: number[] = [];
  const d = createDecoder(encoding, (offset) => bad.push(offset));
  const text = d.write(bytes.subarray(0, cut)) + d.write(bytes.subarray(cut)) + d.end();
  return { text, bad, encoding: d.encoding };
}

const BOM_A_FF = Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xff);
const UTF16 = Uint8Array.of(0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8);
const UTF16BE = Uint8Array.of(0xfe, 0xff, 0x00, 0x61, 0xd8, 0x00);

describe('createDecoder', () => {
  it.each([0, 1, 2, 3, 4, 5])('strips a UTF-8 BOM cut at %i, counting its bytes in offsets', (cut) => {
    expect(run('utf8', BOM_A_FF, cut)).toEqual({ text: 'a\uFFFD', bad: [4], encoding: 'utf8' });
  });

  it.each([0, 1, 2, 3, 6])('switches utf8 to utf16le on a UTF-16LE BOM cut at %i', (cut) => {
    expect(run('utf8', UTF16, cut)).toEqual({ text: 'a\uFFFD', bad: [4], encoding: 'utf16le' });
  });

  it.each([0, 1, 2])('strips the BOM of a file declared utf16le (cut at %i)', (cut) => {
    expect(run('utf16le', UTF16, cut).text).toBe('a\uFFFD');
  });

  it.each([0, 1, 2, 3, 6])('switches utf8 to utf16be on a UTF-16BE BOM cut at %i', (cut) => {
    expect(run('utf8', UTF16BE, cut)).toEqual({ text: 'a\uFFFD', bad: [4], encoding: 'utf16be' });
    expect(run('utf16be', UTF16BE, cut)).toEqual({ text: 'a\uFFFD', bad: [4], encoding: 'utf16be' });
  });

  it.each([
    ['a UTF-8 BOM in utf16le', 'utf16le', BOM_A_FF, 'utf16le'],
    ['a UTF-16BE BOM in utf16le', 'utf16le', UTF16BE, 'utf16le'],
    ['a UTF-16LE BOM in utf16be', 'utf16be', UTF16, 'utf16be'],
  ] as const)('keeps the declared encoding and the BOM bytes for %s', (_name, declared, bytes, used) => {
    const got = run(declared, bytes, 1);
    expect(got.encoding).toBe(used);
    expect(got.text.length).toBeGreaterThan(0);
    expect(got.text.charCodeAt(0)).not.toBe(0x61);
  });

  it('reports a BOM cut short by the end of the input as invalid bytes', () => {
    expect(run('utf8', Uint8Array.of(0xef, 0xbb), 1)).toEqual({ text: '\uFFFD', bad: [0], encoding: 'utf8' });
  });

  it('reads an empty input as empty text', () => {
    expect(run('utf8', new Uint8Array(0), 0)).toEqual({ text: '', bad: [], encoding: 'utf8' });
  });
});

describe('encodingName', () => {
  it.each([
    ['UTF-8', 'utf8'], ['utf8', 'utf8'], ['UTF-16LE', 'utf16le'], ['UTF-16BE', 'utf16be'], ['utf16be', 'utf16be'], ['cp1258', 'windows-1258'], ['Windows-1258', 'windows-1258'],
    ['TCVN3', 'tcvn3'], ['abc', 'tcvn3'], ['VNI', 'vni'], ['latin1', undefined], ['__proto__', undefined], ['constructor', undefined],
  ])('%s → %s', (name, canonical) => {
    expect(encodingName(name)).toBe(canonical);
  });
});

describe('byteOrderMark', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], ['utf8', 3]], [[0xff, 0xfe], ['utf16le', 2]], [[0xfe, 0xff, 0x00], ['utf16be', 2]],
    [[0xef, 0xbb], undefined], [[0x61], undefined], [[], undefined],
  ] as const)('%j → %j', (bytes, bom) => {
    expect(byteOrderMark(Uint8Array.from(bytes))).toEqual(bom);
  });
});
