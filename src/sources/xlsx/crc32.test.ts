import { describe, expect, it } from 'vitest';
import { crc32, crc32Here } from './crc32.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926],
    ['Sổ địa chính', crc32Here(bytes('Sổ địa chính'))],
  ])('of %j is %d, with zlib and without', (s, sum) => {
    expect(crc32(bytes(s))).toBe(sum);
    expect(crc32Here(bytes(s))).toBe(sum);
  });

  it('continues across chunks as over the whole', () => {
    const all = bytes('<worksheet><sheetData><row r="1"/></sheetData></worksheet>');
    for (const cut of [0, 1, 17, all.length]) {
      expect(crc32(all.subarray(cut), crc32(all.subarray(0, cut)))).toBe(crc32(all));
      expect(crc32Here(all.subarray(cut), crc32Here(all.subarray(0, cut)))).toBe(crc32(all));
    }
  });
});
