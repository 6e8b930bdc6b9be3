import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnoseEncoding, legacyEncoding } from './legacy-encoding.js';
import { encodeTcvn3 } from '../../../src/sources/decode/tcvn3.js';
import { encodeVni } from '../../../src/sources/decode/vni.js';
import { codes, runValue } from '../cross/_testkit.js';
import { vietnameseScore } from './_vietnamese.js';

const asWindows1252 = (bytes: Uint8Array | undefined): string => new TextDecoder('windows-1252').decode(bytes);

describe('legacyEncoding', () => {
  it.each([
    ['TiÕng ViÖt', 'legacy_encoding', 'TCVN3', 'Tiếng Việt'],
    ['B¶o Th¾ng', 'legacy_encoding', 'TCVN3', 'Bảo Thắng'],
    ['Thµnh phè Hå ChÝ Minh', 'legacy_encoding', 'TCVN3', 'Thành phố Hồ Chí Minh'],
    ['NguyÔn V¨n A', 'legacy_encoding', 'TCVN3', 'Nguyễn Văn A'],
    ['Tieáng Vieät', 'legacy_encoding', 'VNI', 'Tiếng Việt'],
    ['Thaønh phoá Hoà Chí Minh', 'legacy_encoding', 'VNI', 'Thành phố Hồ Chí Minh'],
    ['Nguyá»…n', 'mojibake', undefined, 'Nguyễn'],
    ['HÃ\u00a0 Ná»™i', 'mojibake', undefined, 'Hà Nội'],
    ['HÃ  Ná»™i', 'mojibake', undefined, 'Hà Nội'],
  ])('reports %s as %s (%s), suggesting %s', (text, code, encoding, fixed) => {
    const found = runValue(legacyEncoding(), text);
    expect(codes(found)).toEqual([code]);
    expect(found[0]?.params?.encoding).toBe(encoding);
    expect(found[0]?.suggestion).toBe(fixed);
  });

  it.each([
    ['Cà Mau'], ['Hà Nam'], ['Tô Hà'], ['Lê Thị Ánh'], ['Đà Nẵng'], ['Nguyễn Văn An'], ['Müller'], ['José Martí'],
    ['São Paulo'], ['Crème brûlée'], ['Xã Ea M\'DRóh'], ['Krông Bông'], ['Sông Kôn'], ['TP.HCM'], ['plain ascii'], [''],
  ])('lets %s pass', (text) => {
    expect(runValue(legacyEncoding(), text)).toEqual([]);
  });

  it('names both encodings and offers no conversion when TCVN3 and VNI are equally plausible', () => {
    const d = diagnoseEncoding('Cöa Nam');
    expect(d?.encodings).toEqual(['TCVN3', 'VNI']);
    expect(d?.converted).toBeUndefined();
    expect(codes(runValue(legacyEncoding(), 'Cöa Nam'))).toEqual(['legacy_encoding']);
  });

  // Regression: UTF-8 read as Windows-1252 where a byte the code page lacks (81, 8D, 8F, 90, 9D) was dropped, as
  // Excel and many tools do, went undetected: the whole value no longer converts back.
  it.each<[string, string | undefined]>([
    ['Äáº¯k Láº¯k', 'Đắk Lắk'], // Đ = C4 90: the 90 was dropped
    ['Ä\ufffdáº¯k Láº¯k', 'Đắk Lắk'], // or replaced by U+FFFD
    ['Ä?áº¯k Láº¯k', 'Đắk Lắk'], // or by "?"
    ['Buôn Ma Thuột, Äáº¯k Láº¯k', 'Buôn Ma Thuột, Đắk Lắk'], // beside text that is fine
    ['Há»c', 'Học'], // ọ = E1 BB 8D; "HỐc" also decodes, but no Vietnamese word changes case inside
    ['ThÃ¡i BÃ¬nh', 'Thái Bình'], // nothing lost: the whole value converts (as before)
    ['Ná»', undefined], // ọ, ỏ, ờ, ề, Ố: several words fit, so no conversion is offered
    ['Nguyá»…n VÄ', undefined], // a sequence cut short at the end
    ['NGÃ BA Äáº¯k', undefined], // "NGÃ" may be genuine or a damaged "NGÁ": nothing is offered
    ['Ã©tÃ©', undefined], // French read as Windows-1252: mojibake, but no Vietnamese to offer
    ['HÆ°Æ¡ng', 'Hương'], ['ÄÆ°á»ng', 'Đường'], // Đ and ờ (E1 BB 9D) lost: of the fills only "Đường" is a word
  ])('reports %j as mojibake, suggesting %j', (text, fixed) => {
    const found = runValue(legacyEncoding(), text);
    expect(codes(found)).toEqual(['mojibake']);
    expect(found[0]?.suggestion).toBe(fixed);
  });

  it.each([
    // Vietnamese: Ã is a letter (ngã), but a Vietnamese string never holds a UTF-8 lead as Windows-1252 shows it
    // followed by a continuation byte.
    ['NGÃ BA'], ['Phạm Thị Ngã'], ['HÃN'], ['Ngã Năm'], ['ĐẮK LẮK'], ['Đắk Lắk'], ['NGUYỄN THỊ ÁNH'], ['Võ Thị Sáu'],
    ['Ksor H’Bơ'], ['Lê Thị Ánh ‘Út’'], ['“NGÃ”'], ['Nguye\u0302\u0303n Văn An'], ['Ê Đê'], ['Hòa Bình – Sơn La'],
    // Other languages: their Ã, Ä, Å, Æ, Ì are followed by letters, not by a continuation byte.
    ['São Paulo'], ['JOÃO GONÇALVES'], ['Ästhetik'], ['Ångström'], ['Æsir'], ['Ærøskøbing'], ['Ìsola'], ['Málaga'],
    ['Åre – Östersund'], ['Ärzte'],
  ])('lets %j pass', (text) => {
    expect(runValue(legacyEncoding(), text)).toEqual([]);
  });

  it('detects UTF-8 read as Windows-1252 even when the bytes it lacks were dropped (property)', () => {
    // Windows-1252 as Excel reads it: 80–9F are punctuation, and the five bytes it lacks are dropped.
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const lossy = (name: string) => [...new TextEncoder().encode(name)]
      .map((b) => (b >= 0x80 && b < 0xa0 ? high[b - 0x80] as string : String.fromCharCode(b))).join('')
      .replace(/[\u0081\u008d\u008f\u0090\u009d]/g, '');
    fc.assert(fc.property(accented, (name) => {
      const d = diagnoseEncoding(lossy(name));
      return d?.encodings[0] === 'UTF-8' && (d.converted === undefined || d.converted === name);
    }));
    // Upper case too: Đ, Á, Í, Ý lose a byte there.
    fc.assert(fc.property(accented.map((n) => n.toUpperCase()), (name) => {
      const d = diagnoseEncoding(lossy(name));
      return d?.encodings[0] === 'UTF-8' && (d.converted === undefined || d.converted === name);
    }));
  });

  it('never reports valid Vietnamese text in upper case either (property)', () => {
    fc.assert(fc.property(names, (name) => diagnoseEncoding(name.toUpperCase()) === undefined));
  });

  it('never reports values that are not text', () => {
    expect(runValue(legacyEncoding(), 12 as unknown)).toEqual([]);
  });

  const syllables = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Thị', 'Văn', 'Hương', 'Thắng', 'Quốc', 'Việt', 'Bảo',
    'Ngọc', 'Thủy', 'Đức', 'Hải', 'Phường', 'Xã', 'Thành', 'Huyện', 'Yên', 'Nghệ', 'Giang', 'Hưng', 'Long', 'Biên'];
  const names = fc.array(fc.constantFrom(...syllables), { minLength: 2, maxLength: 5 }).map((w) => w.join(' '));
  /** Names with at least one letter beyond ASCII (an ASCII name reads the same in every encoding). */
  const accented = names.filter((n) => /[^A-Za-z ]/.test(n));

  it('never reports valid Vietnamese text (property)', () => {
    fc.assert(fc.property(names, (name) => diagnoseEncoding(name) === undefined));
  });

  it('always detects UTF-8 read as Windows-1252 and offers the original (property)', () => {
    fc.assert(fc.property(accented, (name) => {
      const d = diagnoseEncoding(asWindows1252(new TextEncoder().encode(name)));
      return d?.encodings[0] === 'UTF-8' && d.converted === name;
    }));
  });

  it('detects TCVN3 and VNI text read as Windows-1252 unless it reads as Vietnamese itself (property)', () => {
    // "Thị" in VNI read as Windows-1252 is "Thò", a real word: such text cannot be told from valid text.
    expect(diagnoseEncoding(asWindows1252(encodeVni('Thị Thị')))).toBeUndefined();
    fc.assert(fc.property(accented, fc.constantFrom('TCVN3', 'VNI'), (name, encoding) => {
      const bytes = encoding === 'TCVN3' ? encodeTcvn3(name) : encodeVni(name);
      fc.pre(vietnameseScore(asWindows1252(bytes)) < 1);
      const d = diagnoseEncoding(asWindows1252(bytes));
      return d !== undefined && d.encodings.includes(encoding) && (d.converted === undefined || d.converted === name);
    }));
  });
});
