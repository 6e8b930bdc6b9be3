import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.js';
import { readCsvRange } from './read-csv-range.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = (n: number) => Array.from({ length: n }, (_, i) => `R${i},${i}\n`).join('');

describe('readCsvRange', () => {
  it('tells its true start before reading, and the file\'s size once its range is read', async () => {
    const path = join(dir, 'a.csv');
    writeFileSync(path, `id,n\n${rows(20_000)}`);
    const began: number[] = [];
    const source = readCsvRange(path, { start: 1000, exact: false, stop: 50_000, columns: ['id', 'n'], onBegin: (at) => began.push(at) });
    let batches = 0;
    for await (const _ of source.batches()) {
      // The file grows while the range is read: the size at its end tells.
      if (batches++ === 0) appendFileSync(path, rows(10));
    }
    const range = source.range();
    expect(began).toEqual([range.began]);
    expect(range.began).toBeGreaterThan(1000);
    expect(range.ended).toBeGreaterThanOrEqual(50_000);
    expect(range.size).toBe(Buffer.byteLength(`id,n\n${rows(20_000)}${rows(10)}`));
  });
});

describe('readCsvRange of a renamed file', () => {
  // A later range is handed the header line as written and the rename: it reads the columns renamed, and still tells
  // that line again (two exports joined) from data; a record of the renamed names is data, as in one thread.
  it.each([
    ['the header line as written', 'Mã thửa,area', ['repeated_header'], 1],
    ['the header line after a second export\'s byte order mark', '\ufeffMã thửa,area', ['repeated_header'], 1],
    ['the renamed names', 'parcel_id,area', [], 2],
  ])('%s, inside the range: %j', async (_, line, codes, rows) => {
    const path = join(dir, 'renamed.csv');
    const head = 'Mã thửa,area\nP0,1\n';
    writeFileSync(path, `${head}${line}\nP1,2\n`);
    const source = readCsvRange(path, { start: Buffer.byteLength(head), exact: true, stop: 1000, columns: ['Mã thửa', 'area'],
      rename: { 'Mã thửa': 'parcel_id' } });
    const batches = [];
    for await (const b of source.batches()) batches.push(b);
    expect(batches[0]?.columns).toEqual(['parcel_id', 'area']);
    expect(batches.flatMap((b) => b.issues ?? []).map((i) => i.code)).toEqual(codes);
    expect(batches.reduce((n, b) => n + b.rows.length, 0)).toBe(rows);
  });

  it('a renamed file splits into ranges, each told the rename', () => {
    expect(readCsv('parcels.csv', { header: { 'Mã thửa': 'parcel_id' } }).file?.csv.rename).toEqual({ 'Mã thửa': 'parcel_id' });
    expect(readCsv('parcels.csv').file?.csv.rename).toBeUndefined();
    expect(readCsv('parcels.csv', { header: ['parcel_id'] }).file).toBeUndefined();
  });
});
