import { describe, expect, it } from 'vitest';
import { notOneOf, oneOf, preview } from './one-of.js';
import { codes } from '../../test/_ctx.js';

describe('oneOf / notOneOf', () => {
  it.each([
    [oneOf(['Nam', 'Nữ']), 'Nam', []],
    [oneOf(['Nam', 'Nữ']), 'nam', ['not_in_set']],
    [oneOf(['Nam', 'Nữ'], { caseInsensitive: true }), 'NỮ', []],
    [oneOf([1, 2]), 2, []],
    [oneOf([1, 2]), 3, ['not_in_set']],
    [notOneOf(['000000000000']), '000000000000', ['forbidden_value']],
    [notOneOf(['000000000000']), '001089012345', []],
  ])('%#: %j', (rule, v, expected) => expect(codes(rule, v)).toEqual(expected));

  it('compares dates by their day, not as objects (a date field\'s oneOf failed every value)', () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
    expect(codes(oneOf([day('2025-07-01'), day('2008-08-01')]), day('2025-07-01'))).toEqual([]);
    expect(codes(oneOf([day('2025-07-01')]), day('2025-07-02'))).toEqual(['not_in_set']);
    expect(codes(notOneOf([day('1900-01-01')]), day('1900-01-01'))).toEqual(['forbidden_value']);
    expect(preview([day('2025-07-01')])).toBe('2025-07-01T00:00:00.000Z');
  });

  // Regression: the built-ins' enums failed "active " as not_in_set; with `trim` (and `.trimmed()` beside it) the
  // stray space is one clean finding, not also a correctness one.
  it.each([
    [oneOf(['active', 'closed'], { trim: true }), 'active ', []],
    [oneOf(['active', 'closed'], { trim: true }), '\ufeffclosed\u00a0', []],
    [oneOf(['active', 'closed'], { trim: true }), 'active\u200b', []],
    [oneOf(['active', 'closed'], { trim: true }), 'act ive', ['not_in_set']],
    [oneOf(['active', 'closed']), 'active ', ['not_in_set']],
    [oneOf(['Nam', 'Nữ'], { trim: true, caseInsensitive: true }), ' NỮ\t', []],
    [oneOf([' x '], { trim: true }), ' x ', []],
    [notOneOf(['000000000000'], { trim: true }), '000000000000 ', ['forbidden_value']],
    [notOneOf(['000000000000']), '000000000000 ', []],
  ])('case %#: with trim, compares the value without its surrounding whitespace', (rule, v, expected) => expect(codes(rule, v)).toEqual(expected));

  // Regression: a decomposed (NFD) "Nữ" was not_in_set, a correctness error, where it is the listed value in another
  // Unicode form (DOMAIN-VN §6: a clean finding, `.nfc()`'s).
  const nfd = (s: string) => s.normalize('NFD');
  it.each([
    [oneOf(['Nam', 'Nữ']), nfd('Nữ'), []],
    [oneOf(['Nam', 'Nữ'], { caseInsensitive: true }), nfd('NỮ'), []],
    [oneOf(['Nam', 'Nữ'], { trim: true }), `${nfd('Nữ')}\u00a0`, []],
    [oneOf(['Nam', 'Nữ']), `${nfd('Nữ')} `, ['not_in_set']],
    [oneOf([nfd('Nữ')]), 'Nữ', []],
    [oneOf(['Nam', 'Nữ']), nfd('Nứ'), ['not_in_set']],
    [oneOf(['Hà Nội']), 'Ha\u0300 Nô\u0323i', []],
    [notOneOf(['Không rõ']), nfd('Không rõ'), ['forbidden_value']],
    [notOneOf(['Không rõ']), 'Không', []],
  ])('case %#: compares the value in NFC', (rule, v, expected) => expect(codes(rule, v)).toEqual(expected));

  it('says trim in its params only when asked', () => {
    expect(oneOf(['a']).params).toEqual({ allowed: 'a' });
    expect(oneOf(['a'], { trim: true }).params).toEqual({ allowed: 'a', trim: true });
    expect(notOneOf(['a'], { trim: true }).params).toEqual({ forbidden: 'a', trim: true });
  });

  it('previews long lists briefly', () => {
    expect(preview(Array.from({ length: 30 }, (_, i) => i))).toMatch(/… \(30 values\)$/);
  });
});
