import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { binaryInput } from './binary-input.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('binaryInput', () => {
  it.each([
    ['gzip', gzipSync('parcel_id\nP1\n')],
    ['zip', bytes('PK', [3, 4, 20, 0, 0, 0, 8, 0])],
    ['zip', bytes('PK', [5, 6, 0, 0, 0, 0])],
    ['legacy Office (OLE2, e.g. an Excel 97–2003 .xls workbook)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])],
    ['bzip2', bytes('BZh9', [0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0])],
    ['xz', bytes([0xfd], '7zXZ', [0, 0])],
    ['zstd', bytes([0x28, 0xb5, 0x2f, 0xfd, 0])],
    ['7z', bytes('7z', [0xbc, 0xaf, 0x27, 0x1c, 0])],
    ['SQLite database', bytes('SQLite format 3', [0, 16])],
    ['PDF', bytes('%PDF-1.7\n')],
    ['PNG image', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['JPEG image', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0])],
  ])('%s: a file-level finding and a read error saying what to do', (format, head) => {
    const got = binaryInput(head);
    expect(got?.issue).toEqual({ code: 'binary_input', criterion: 'sufficient', severity: 'error', scope: 'file', params: { format } });
    expect(got?.error).toMatch(new RegExp(`^the input is ${format.replace(/[().]/g, '\\$&')} data, not text: \\w`));
  });

  it.each([
    ['a UTF-8 CSV', bytes('parcel_id,owner_name\nP1,Nguyễn Văn A\n')],
    ['a header starting like bzip2 but not one', bytes('BZh1,BZh2\n1,2\n')],
    ['a header starting with PK', bytes('PK,name\n1,a\n')],
    ['a header starting with MZ', bytes('MZ_code,name\n1,a\n')],
    ['UTF-16 LE with its BOM', bytes([0xff, 0xfe], [0x61, 0, 0x2c, 0, 0x62, 0])],
    ['a Windows-1258 CSV starting with ÿ', bytes([0xff], 'ten,ma\n')],
    ['bytes of no known format', bytes([0, 0, 0, 0, 0, 0, 0, 0])],
    ['a signature cut short', bytes([0x1f, 0x8b])],
    ['nothing', bytes()],
  ])('%s: not recognised', (_, head) => {
    expect(binaryInput(head)).toBeUndefined();
  });
});
