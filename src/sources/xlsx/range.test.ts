import { describe, expect, it } from 'vitest';
import { parseRange } from './range.js';

describe('parseRange', () => {
  it.each([
    ['B2:D10', { top: 2, bottom: 10, left: 2, right: 4 }],
    ['$A$3:$AB$2000', { top: 3, bottom: 2000, left: 1, right: 28 }],
    ['b:f', { top: 1, bottom: Infinity, left: 2, right: 6 }],
    ['2:500', { top: 2, bottom: 500, left: 1, right: Infinity }],
  ])('%s', (text, expected) => { expect(parseRange(text)).toEqual(expected); });

  it.each(['A1', 'A1-B2', 'A1:2', 'D1:B9', 'A9:A2', '0:5', ''])('refuses %j', (text) => {
    expect(() => parseRange(text)).toThrow(RangeError);
  });
});
