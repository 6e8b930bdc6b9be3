import { describe, expect, it } from 'vitest';
import { isSpace, stripSpaces } from './strip-spaces.js';

describe('isSpace', () => {
  it.each([
    [0x20, true], [0x09, true], [0x00, true], [0x1b, true], [0x85, true], [0xa0, true], [0x200b, true], [0x200c, true],
    [0x200d, true], [0x2060, true], [0x180e, true], [0xfeff, true], [0x3000, true], [0x2028, true],
    [0x30, false], [0x41, false], [0x7f, false], [0x84, false], [0xad, false], [0x110, false], [0x1ec7, false], [0x200e, false],
  ])('U+%s → %s', (c, expected) => expect(isSpace(c)).toBe(expected));
});

describe('stripSpaces', () => {
  it.each([
    ['\u200b001089012345 ', '001089012345'], ['001089012345\u2060\u0085', '001089012345'], ['\u0001P01\u001b', 'P01'],
    ['Hà\u200bNội', 'Hà\u200bNội'], ['P01', 'P01'], ['\u200b\u00a0', ''], ['', ''],
  ])('%j → %j, the characters inside kept', (text, expected) => expect(stripSpaces(text)).toBe(expected));

  it('returns the text itself when there is nothing around it', () => {
    const text = 'P000000001';
    expect(stripSpaces(text)).toBe(text);
  });
});
