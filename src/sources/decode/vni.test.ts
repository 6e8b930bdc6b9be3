import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeVni, encodeVni } from './vni.js';

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const LETTERS = [...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'];
const ALL = [...LETTERS, ...LETTERS.map((c) => c.toUpperCase())];

describe('decodeVni', () => {
  it.each([
    ['Tieáng Vieät', 'Tiếng Việt'],
    ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
    ['Baûo Thaéng', 'Bảo Thắng'],
    ['Ñoàng Nai', 'Đồng Nai'],
    ['Möôøng Khöông', 'Mường Khương'],
    ['TIEÁNG VIEÄT', 'TIẾNG VIỆT'],
    ['Quaän 1, TP. Hoà Chí Minh', 'Quận 1, TP. Hồ Chí Minh'],
  ])('reads %s as %s', (mojibake, text) => {
    expect(decodeVni(latin1(mojibake))).toBe(text);
  });

  it('reads a modifier byte that follows no letter it can mark as its Windows-1252 character', () => {
    expect(decodeVni(latin1('1ù x'))).toBe('1ù x');
    expect(decodeVni(Uint8Array.of(0x80, 0x93, 0x94))).toBe('€“”');
  });

  it('gives NFC text', () => {
    const text = decodeVni(latin1('Ngöôøi Vieät'));
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('encodeVni', () => {
  it('is the inverse of decodeVni for every Vietnamese letter, in both cases', () => {
    for (const c of ALL) expect(decodeVni(encodeVni(c) as Uint8Array)).toBe(c);
  });

  it('round-trips any text of Vietnamese letters, ASCII and Windows-1252 signs', () => {
    const chars = [...ALL, 'a', 'o', 'Y', ' ', '1', ',', '€', '“', '©', 'ä', 'Ù'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars)).map((a) => a.join('')), (s) => {
      const bytes = encodeVni(s);
      if (bytes !== undefined) expect(decodeVni(bytes)).toBe(s.normalize('NFC'));
    }));
  });

  it.each([['Ö'], ['Ñ'], ['中'], ['😀']])('has no VNI form for %s', (c) => {
    expect(encodeVni(c)).toBeUndefined();
  });

  it('refuses a Latin-1 sign whose byte would mark the vowel before it', () => {
    expect(encodeVni('aä')).toBeUndefined();
    expect(encodeVni('1ä')).toEqual(latin1('1ä'));
  });

  it('encodes Việt as V i e ä t', () => {
    expect(encodeVni('Việt')).toEqual(latin1('Vieät'));
  });
});
