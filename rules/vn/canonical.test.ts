import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonical } from './canonical.js';
import { vn } from './index.js';
import { mst } from './identifiers/mst.js';
import { cccd } from './identifiers/cccd.js';
import { bhxh } from './identifiers/bhxh.js';
import { bhyt } from './identifiers/bhyt.js';
import { phone } from './identifiers/phone.js';
import { gcnSerial } from './land/gcn-serial.js';
import { seededRng, validBhxh, validBhyt, validCccd, validCmnd, validMst, validPhone } from './identifiers/_generate.js';
import { codes, findings } from './identifiers/_check.js';

const cases: Record<keyof typeof canonical, readonly (readonly [string, string])[]> = {
  mst: [
    ['0100109106', '0100109106'], [' 0100109106 ', '0100109106'], ['0100109106001', '0100109106-001'],
    ['0100109106-001', '0100109106-001'], ['\t0100109106001\u00a0', '0100109106-001'], ['001089012345', '001089012345'],
    ['0100109107', '0100109107'], [' 0100 109 106', '0100 109 106'], ['abc ', 'abc'], ['', ''],
  ],
  cccd: [
    ['001089012345', '001089012345'], [' 001089012345', '001089012345'], ['001 089 012345', '001089012345'],
    ['001.089.012.345', '001089012345'], ['012345678', '012345678'], ['012 345 678', '012345678'],
    ['01089012345', '01089012345'], ['001 089 01234', '001 089 01234'], ['x1 ', 'x1'],
  ],
  bhxh: [['0123456789', '0123456789'], [' 01 2345 6789 ', '0123456789'], ['123456789', '123456789'], ['abc', 'abc']],
  bhyt: [
    ['DN4010123456789', 'DN4010123456789'], [' dn4010123456789 ', 'DN4010123456789'], ['GD 4 79 7912345678', 'GD4797912345678'],
    ['DN40101234567', 'DN40101234567'], ['hello world', 'hello world'],
  ],
  phone: [
    ['0912345678', '0912345678'], ['+84 912.345.678', '0912345678'], ['84912345678', '0912345678'],
    ['0084-912-345-678', '0912345678'], ['(028) 3812 3456', '02838123456'], ['0162 123 4567', '0321234567'],
    ['1900 1234', '19001234'], ['+84 1900 5454 54', '1900545454'], ['019001234', '19001234'], ['912345678', '912345678'],
    [' call me ', 'call me'],
  ],
  gcnSerial: [
    ['CS 123456', 'CS 123456'], ['CS123456', 'CS 123456'], [' ĐT12345678 ', 'ĐT 12345678'], ['A1234567', 'A 1234567'],
    ['cs123456', 'cs123456'], ['CS-123456', 'CS-123456'],
  ],
  name: [
    ['Công ty TNHH Hòa Bình', 'công ty tnhh hoà bình'], [' CÔNG TY  HOÀ BÌNH ', 'công ty hoà bình'],
    ['Thủy Sản Thuỷ Tiên', 'thuỷ sản thuỷ tiên'], ['Nguyễn', 'nguyễn'], ['NGUYỄN'.normalize('NFD'), 'nguyễn'],
    ['Quá Giàu', 'quá giaù'], ['ABC\tXYZ', 'abc xyz'], ['', ''],
  ],
};

describe('vn.canonical', () => {
  it('is exported on vn', () => {
    expect(vn.canonical).toBe(canonical);
    expect(Object.keys(vn.canonical).sort()).toEqual(['bhxh', 'bhyt', 'cccd', 'gcnSerial', 'mst', 'name', 'phone']);
  });

  it('gives the old and new tone placements of a name one key, and different tones different keys', () => {
    const pairs = [['Hòa', 'Hoà'], ['Thủy', 'Thuỷ'], ['Khỏe', 'Khoẻ'], ['Của', 'Cuả'], ['Hóa Chất', 'HOÁ CHẤT']];
    for (const [a, b] of pairs) expect(canonical.name(a as string), `${a} ${b}`).toBe(canonical.name(b as string));
    expect(canonical.name('Hòa')).not.toBe(canonical.name('Hóa'));
    expect(canonical.name('Hòa')).not.toBe(canonical.name('Hoa'));
    expect(canonical.name('Thu')).not.toBe(canonical.name('Thư'));
  });

  it.each(Object.entries(cases).flatMap(([name, rows]) => rows.map(([input, out]) => [name, input, out] as const)))(
    '%s(%j) → %j', (name, input, out) => {
      expect(canonical[name as keyof typeof canonical](input)).toBe(out);
    });

  it.each(Object.keys(canonical))('%s is idempotent, total, and returns anything it does not recognise trimmed (property)', (name) => {
    const f = canonical[name as keyof typeof canonical];
    fc.assert(fc.property(fc.string(), (s) => {
      const c = f(s);
      return typeof c === 'string' && f(c) === c && (c === s.trim() || c.length <= s.trim().length + 1);
    }));
  });

  // The rule and the canonical form agree: every form the rule accepts (or suggests) of a value has one canonical
  // form, and distinct well-formed values keep distinct forms.
  it('gives every accepted variant of a generated valid identifier one form, and distinct identifiers distinct forms', () => {
    const rng = seededRng(20261122);
    const check = (name: keyof typeof canonical, make: () => string, variants: (v: string) => readonly string[]) => {
      const seen = new Map<string, string>();
      for (let i = 0; i < 300; i++) {
        const v = make();
        const forms = new Set(variants(v).map((x) => canonical[name](x)));
        expect(forms.size, `${name} ${v}`).toBe(1);
        const form = [...forms][0] as string;
        const other = seen.get(form);
        if (other !== undefined) expect(canonical[name](other)).toBe(form);
        seen.set(form, v);
      }
      return seen.size;
    };
    const spaced = (v: string) => [v, ` ${v}`, `${v} `, `\t${v}\u00a0`];
    expect(check('mst', () => validMst(rng, { branch: true }), (v) => [...spaced(v), v.replace('-', '')])).toBeGreaterThan(250);
    expect(check('cccd', () => validCccd(rng), (v) => [...spaced(v), `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}`])).toBeGreaterThan(250);
    expect(check('cccd', () => validCmnd(rng), spaced)).toBeGreaterThan(250);
    expect(check('bhxh', () => validBhxh(rng), (v) => [...spaced(v), `${v.slice(0, 2)} ${v.slice(2)}`])).toBeGreaterThan(250);
    expect(check('bhyt', () => validBhyt(rng), (v) => [...spaced(v), v.toLowerCase(), `${v.slice(0, 2)} ${v.slice(2, 3)} ${v.slice(3, 5)} ${v.slice(5)}`])).toBeGreaterThan(250);
    expect(check('phone', () => validPhone(rng), (v) => [...spaced(v), `+84 ${v.slice(1)}`, `${v.slice(0, 4)}.${v.slice(4, 7)}.${v.slice(7)}`])).toBeGreaterThan(250);
  });

  it('maps only values the rules accept or name with that very suggestion', () => {
    const now = new Date('2026-11-22');
    const pairs: readonly [keyof typeof canonical, ReturnType<typeof mst>, readonly string[]][] = [
      ['mst', mst(), ['0100109106001', ' 0100109106-001']],
      ['cccd', cccd(), ['001 089 012345', '001.089.012.345']],
      ['bhxh', bhxh(), ['01 2345 6789']],
      ['bhyt', bhyt(), ['dn4010123456789', 'GD 4 79 7912345678']],
      ['phone', phone(), ['+84 912.345.678', '0162 123 4567', '1900 1234']],
      ['gcnSerial', gcnSerial(), ['CS123456']],
    ];
    for (const [name, rule, values] of pairs) {
      for (const v of values) {
        const found = findings(rule, v, now);
        expect(found.every((f) => f.suggestion === undefined || f.suggestion === canonical[name](v)), `${name} ${v}`).toBe(true);
        expect(codes(rule, canonical[name](v), now), `${name} ${v}`).toEqual([]);
      }
    }
  });
});

// canonical.name works word by word, each word's key remembered (an enterprise name cost 4 µs): it must give the key
// of the whole text, which the definition states (lower case, NFD, tone moved, NFC, white space runs as one space).
describe('canonical.name word by word', () => {
  const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
  const whole = (value: string): string => value.trim().toLowerCase().normalize('NFD').split(/\s+/u).map((syllable) => {
    const tone = TONE.exec(syllable)?.[0];
    if (tone === undefined) return syllable;
    const bare = syllable.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '');
    let i = /^(?:qu|gi(?=[aeiouy]))/.test(bare) ? 2 : 0;
    while (i < bare.length && !/[aeiouy]/.test(bare[i] as string)) i++;
    if (i >= bare.length) return syllable;
    let end = i;
    while (end < bare.length && (/[aeiouy]/.test(bare[end] as string) || /[\u0300-\u036f]/.test(bare[end] as string))) end++;
    return `${bare.slice(0, end)}${tone}${bare.slice(end)}`;
  }).join(' ').normalize('NFC');
  // Letters, marks, white space of every kind, Greek (final sigma), and a word longer than the remembered ones.
  const piece = fc.constantFrom('Công', 'TY', 'tnhh', 'HOÀ', 'Hòa', 'Ho\u0300a', 'thuỷ', 'Thủy', 'QUÁ', 'già', 'Σ', 'ΟΔΟΣ', 'İ', 'ǅ',
    '\u0301', ' ', '  ', '\t', '\u00a0', '\u2001', '\u3000', '\ufeff', '\n', 'x'.repeat(40), 'Ñ', 'ﬁ', '1', '-');
  it('gives the key of the whole text, for any text, in any order', () => {
    fc.assert(fc.property(fc.array(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), { minLength: 1, maxLength: 20 }), (names) => {
      for (const n of names) expect([n, canonical.name(n)]).toEqual([n, whole(n)]);
    }), { numRuns: 500 });
  });

  it('gives it for arbitrary text too', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (n) => {
      expect(canonical.name(n)).toBe(whole(n));
    }), { numRuns: 2000 });
  });
});
