import { describe, expect, it } from 'vitest';
import { sniffEncoding } from './sniff-encoding.js';

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const utf16le = (s: string): number[] => [...Buffer.from(s, 'utf16le')];
const utf16be = (s: string): number[] => [...Buffer.from(s, 'utf16le').swap16()];
const CSV = 'mã_thửa,tên\n1,Việt\n';

describe('sniffEncoding', () => {
  it.each([
    ['a UTF-8 BOM', [0xef, 0xbb, 0xbf, ...utf8('a')], { likely: 'utf8', evidence: 'bom', letters: 0 }],
    ['a UTF-16 LE BOM', [0xff, 0xfe, ...utf16le('a')], { likely: 'utf16le', evidence: 'bom', letters: 0 }],
    ['a UTF-16 BE BOM', [0xfe, 0xff, ...utf16be('a')], { likely: 'utf16be', evidence: 'bom', letters: 0 }],
    ['UTF-16 LE text without BOM', utf16le(CSV), { likely: 'utf16le', evidence: 'zero_bytes', letters: 0 }],
    ['UTF-16 BE text without BOM', utf16be(CSV), { likely: 'utf16be', evidence: 'zero_bytes', letters: 0 }],
    ['Vietnamese UTF-8', utf8(CSV), { likely: 'utf8', evidence: 'utf8', letters: 4 }],
    ['NFD Vietnamese UTF-8 (combining marks)', utf8('Việt'.normalize('NFD')), { likely: 'utf8', evidence: 'utf8', letters: 2 }],
    ['ASCII', utf8('id,name\n1,An\n'), { likely: 'utf8', evidence: 'utf8', letters: 0 }],
    ['UTF-8 with a few NULs', utf8('id,note\n1,a\0b\n2,c\0\n'), { likely: 'utf8', evidence: 'utf8', letters: 0 }],
    ['TCVN3 bytes (not UTF-8)', [0x56, 0x69, 0xd6, 0x74, 0x0a], undefined],
    ['Windows-1258 bytes (not UTF-8)', [0x56, 0x69, 0xea, 0xf2, 0x74], undefined],
    ['zero bytes everywhere (binary)', new Array<number>(64).fill(0), undefined],
    ['nothing', [], undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffEncoding(Uint8Array.from(bytes), true)).toEqual(expected);
  });

  it('waits for the rest of a character cut by the end of the window, unless the input ended there', () => {
    const cut = Uint8Array.from(utf8('Việt').slice(0, 4)); // 'Vi' and 2 of the 3 bytes of 'ệ'
    expect(sniffEncoding(cut, false)).toEqual({ likely: 'utf8', evidence: 'utf8', letters: 0 });
    expect(sniffEncoding(cut, true)).toBeUndefined();
  });
});
