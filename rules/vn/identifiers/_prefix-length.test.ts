import { describe, expect, it } from 'vitest';
import { decidingPrefix } from './_prefix-length.js';

describe('decidingPrefix', () => {
  it.each<[string, number | undefined]>([
    ['2(?:0[3-9]|1[0-689]|2[0-25-9])\\d{7}', 3],
    ['1800\\d{4,6}|12(?:0[13]|28)\\d{4}', 4],
    ['121[0-3]\\d{5}|(?:1[46]0|(?:3\\d|7[06-9])\\d|5(?:[1689]\\d|2[238]|59))\\d{6}', 4],
    ['[12]\\d{9}|[135-9]\\d{8}|[16]\\d{6,7}|7\\d{6}', 1],
    ['\\d{9}', 0],
    ['69\\d', 2],
    // Forms whose later digits matter, or that this reader does not know: no prefix decides them.
    ['(?:12)+\\d{3}', undefined],
    ['1[2-4]?\\d{6}', undefined],
    ['12\\d{3}5', undefined],
    ['(\\d{3})\\d{4}', undefined],
    ['1(?=2)\\d{5}', undefined],
    ['1.\\d{5}', undefined],
    ['[^0]\\d{5}', undefined],
    ['12\\d{3}|34', undefined],
    ['(?:1|', undefined],
  ])('%s → %s', (pattern, expected) => {
    expect(decidingPrefix(pattern)).toBe(expected);
  });
});
