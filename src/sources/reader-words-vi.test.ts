import { describe, expect, it } from 'vitest';
import { readerWordsVi } from './reader-words-vi.js';
import { emptyInput } from './empty-input.js';
import { binaryInput } from './binary-input.js';
import { readError } from '../cli/_read-error.js';

describe('readerWordsVi', () => {
  it('says every error of an empty input as its finding does', () => {
    const heads = [[0, new Uint8Array(0)], [3, Uint8Array.of(0xef, 0xbb, 0xbf)], [5, Uint8Array.of(0xef, 0xbb, 0xbf, 0x20, 0x0a)],
      [2, Uint8Array.of(0x20, 0x0a)], [2, Uint8Array.of(0xff, 0xfe)]] as const;
    for (const [bytes, head] of heads) {
      expect(readerWordsVi(emptyInput(bytes, head).error)).toBe(`đầu vào không có dữ liệu (${bytes} byte); không có gì để đánh giá`);
    }
  });

  it('says a binary input\'s format and what to do, the gzip pipe in a command\'s own words', () => {
    const gzip = binaryInput(Uint8Array.of(0x1f, 0x8b, 0x08, 0))?.error ?? '';
    expect(readerWordsVi(gzip)).toBe('đầu vào là dữ liệu gzip, không phải văn bản: hãy giải nén trước (gunzip, hoặc `zcat FILE | ddss validate - …`)');
    expect(readerWordsVi(readError(gzip, undefined))).toBe('đầu vào là dữ liệu gzip, không phải văn bản: hãy giải nén trước (gunzip)');
    expect(readerWordsVi(readError(gzip, 'zcat "a b.csv" | ddss compare - b.csv …')))
      .toBe('đầu vào là dữ liệu gzip, không phải văn bản: hãy giải nén trước (gunzip, hoặc `zcat "a b.csv" | ddss compare - b.csv …`)');
    const sqlite = binaryInput(new TextEncoder().encode('SQLite format 3\u0000....'))?.error ?? '';
    expect(readerWordsVi(sqlite)).toBe('đầu vào là dữ liệu SQLite database, không phải văn bản: hãy xuất bảng thành CSV trước (sqlite3 -csv -header …)');
  });

  it('has Vietnamese for every binary format\'s hint', () => {
    const heads = [[0x1f, 0x8b, 0x08], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], [0x28, 0xb5, 0x2f, 0xfd],
      [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a, 0x90, 0x00]];
    for (const head of heads) {
      const error = binaryInput(Uint8Array.from([...head, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))?.error;
      expect(error).toBeDefined();
      expect(readerWordsVi(error ?? '')).toMatch(/^đầu vào là dữ liệu .+, không phải văn bản: .*(hãy|không)/);
    }
  });

  it('leaves any other error as written', () => {
    expect(readerWordsVi('the input is cut short at line 7')).toBeUndefined();
    expect(readerWordsVi('cannot read "x.csv": file not found')).toBeUndefined();
  });
});
