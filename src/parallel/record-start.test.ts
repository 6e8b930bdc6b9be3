import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordStart } from './record-start.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-record-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recordStart', () => {
  // Records start at 0 (header), 4, 14 (after a quoted line break at 8), 19 (after CRLF); 22 bytes.
  const text = 'a,b\n1,"x\ny,z"\n2,w\r\n3,v';
  const path = join(dir, 'f.csv');
  writeFileSync(path, text);
  it.each([
    [1, 4, 'the header is never a shard\'s first record'],
    [4, 4, 'a record start is its own start'],
    [5, 14, 'inside a record'],
    [6, 14, 'before a quoted line break: the record\'s end, not the byte after that line break (9)'],
    [14, 14, 'just after a record'],
    [15, 19, 'a CRLF is one line ending'],
    [20, 22, 'past the last record\'s start: the file\'s end'],
  ])('from byte %i: %i (%s)', async (at, start) => {
    expect(await recordStart(path, at, 0x2c)).toBe(start);
  });

  it('skips a UTF-8 byte order mark as the reader does (a quote after it opens a quoted value)', async () => {
    const bom = join(dir, 'bom.csv');
    writeFileSync(bom, '\uFEFF"a\nb",c\n1,2\n');
    expect(await recordStart(bom, 4, 0x2c)).toBe(11);
  });
});
