import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeTcvn3, encodeTcvn3 } from './tcvn3.js';

/** Bytes of a string whose characters are all ≤ U+00FF (TCVN3 bytes shown as Latin-1, as mojibake looks). */
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Every Vietnamese letter with diacritics, lower and upper case. */
const LETTERS = [...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'];
const ALL = [...LETTERS, ...LETTERS.map((c) => c.toUpperCase())];

describe('decodeTcvn3', () => {
  it.each([
    ['TiÕng ViÖt', 'Tiếng Việt'],
    ['B¶o Th¾ng', 'Bảo Thắng'],
    ['M\u00adêng Kh\u00ad¬ng', 'Mường Khương'], // 0xAD (ư) is a soft hyphen in Latin-1
    ['§ång Nai', 'Đồng Nai'],
    ['Hµ Néi', 'Hà Nội'],
    ['Ninh B×nh', 'Ninh Bình'],
    ['ABC xyz 0123', 'ABC xyz 0123'],
  ])('reads %s as %s', (mojibake, text) => {
    expect(decodeTcvn3(latin1(mojibake))).toBe(text);
  });

  it('composes the combining tone-mark bytes 0xB0–0xB4 into NFC letters', () => {
    expect(decodeTcvn3(Uint8Array.of(0x55, 0xb3, 0x41, 0xb4))).toBe('ÚẠ');
  });

  it('keeps C0 bytes as control characters (a CSV needs them)', () => {
    expect(decodeTcvn3(Uint8Array.of(0x01, 0x0a))).toBe('\x01\n');
  });
});

describe('encodeTcvn3', () => {
  it('is the inverse of decodeTcvn3 for every Vietnamese letter, in both cases', () => {
    for (const c of ALL) expect(decodeTcvn3(encodeTcvn3(c) as Uint8Array)).toBe(c);
  });

  it('round-trips any text of Vietnamese letters and ASCII', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...ALL, 'a', 'Z', ' ', '0', ',', '"')).map((a) => a.join('')), (s) => {
      expect(decodeTcvn3(encodeTcvn3(s) as Uint8Array)).toBe(s.normalize('NFC'));
    }));
  });

  it.each(['€', '中', '😀', 'ß'])('has no TCVN3 form for %s', (c) => {
    expect(encodeTcvn3(`a${c}`)).toBeUndefined();
  });

  it('encodes Bảo Thắng to the bytes shown as B¶o Th¾ng', () => {
    expect(encodeTcvn3('Bảo Thắng')).toEqual(latin1('B¶o Th¾ng'));
  });
});
