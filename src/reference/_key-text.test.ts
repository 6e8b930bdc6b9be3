import { describe, expect, it } from 'vitest';
import { joinParts, keyPart, splitParts } from './_key-text.js';

describe('key text', () => {
  it.each([
    [['a']], [['a', 'b']], [['a\u0000b']], [['a\\0b']], [['', '']], [['\\', '\u0000']], [['x\\', '0']],
  ])('joinParts/splitParts round-trip %j', (parts) => {
    expect(splitParts(joinParts(parts))).toEqual(parts);
  });

  it('distinct part lists give distinct texts', () => {
    const lists = [['a', 'b'], ['a\u0000b'], ['a\\0b'], ['a\\', 'b'], ['a', '\\b'], ['ab']];
    expect(new Set(lists.map(joinParts)).size).toBe(lists.length);
  });

  it.each([
    [' 00004 ', '00004'], [7, '7'], ['', undefined], ['  ', undefined], [null, undefined], [undefined, undefined],
    [new Date(Date.UTC(2026, 0, 2)), String(Date.UTC(2026, 0, 2))],
  ])('keyPart(%j) is %j', (v, expected) => {
    expect(keyPart(v)).toBe(expected);
  });
});
