import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
