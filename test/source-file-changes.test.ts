import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../src/index.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { readJson } from '../src/sources/json/read-json.js';

// Issue 13 item 6: a file truncated or appended to while it was read gave a report of a complete read. The change
// is made from a check on the first row, after the reader has handed that row out: no timing involved.

const NOW = new Date('2026-11-22T00:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'ddss-changes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A definition whose check on the first row (id 1) changes the file. */
function changing(change: () => void) {
  let done = false;
  return defineDataset({
    name: 'changing',
    fields: {
      id: field.text().required().check('touch', (id) => {
        if (id === '1' && !done) {
          done = true;
          change();
        }
        return true;
      }),
      name: field.text(),
    },
  });
}

const csvRows = (n: number): string => `id,name\n${Array.from({ length: n }, (_, i) => `${i + 1},Tên ${i + 1}`).join('\n')}\n`;
const ndjsonRows = (n: number): string =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: String(i + 1), name: `Tên ${i + 1}` })).join('\n') + '\n';

describe('a file that changes while it is read', () => {
  it('CSV appended to: the run is partial, the rows read are evaluated', async () => {
    const path = join(dir, 'grown.csv');
    writeFileSync(path, csvRows(3));
    const before = Buffer.byteLength(csvRows(3));
    // Batches of one row, so the first row is checked while the file is still open. No line break at the end of
    // what is appended: whether or not the read ahead saw it, the half record is never a row.
    const source = readCsv(path, { batchSize: 1 });
    const report = await validate(changing(() => appendFileSync(path, '4,appended')), source, { now: NOW });
    expect([report.partial, report.status, report.rows]).toEqual([true, 'error', 3]);
    // How many bytes were read depends on whether the read ahead saw the new bytes; the sizes do not.
    expect(report.source?.error).toMatch(new RegExp(`^ddss: could not read ${path} after \\d+ bytes: ` +
      `the file changed while it was read \\(${before} bytes at the start, ${before + 10} at the end\\)$`));
  });

  it('CSV truncated: the run is partial', async () => {
    const path = join(dir, 'truncated.csv');
    const text = csvRows(30_000);
    writeFileSync(path, text);
    const source = readCsv(path, { batchSize: 1 });
    const report = await validate(changing(() => truncateSync(path, 100)), source, { now: NOW });
    expect([report.partial, report.status]).toEqual([true, 'error']);
    expect(report.rows).toBeGreaterThan(0);
    expect(report.source?.error).toMatch(
      `the file changed while it was read (${Buffer.byteLength(text)} bytes at the start, 100 at the end)`);
  });

  it.each([['appended to', 'grown'], ['truncated', 'cut']])('NDJSON %s: the run is partial', async (_how, name) => {
    const path = join(dir, `${name}.ndjson`);
    // Over 1024 records in the first 64 KiB, so a batch is checked while the file is still open.
    const text = ndjsonRows(name === 'grown' ? 3000 : 30_000);
    writeFileSync(path, text);
    const change = name === 'grown' ? () => appendFileSync(path, '{"id":"4"') : () => truncateSync(path, 100);
    const report = await validate(changing(change), readJson(path), { now: NOW });
    expect([report.partial, report.status]).toEqual([true, 'error']);
    const after = name === 'grown' ? Buffer.byteLength(text) + 9 : 100;
    expect(report.source?.error).toBe(`the file changed while it was read (${Buffer.byteLength(text)} bytes at the start, ${after} at the end)`);
    if (name === 'grown') expect(report.rows).toBe(3000);
  });

  it('an unchanged file is a complete read', async () => {
    const path = join(dir, 'same.csv');
    writeFileSync(path, csvRows(3));
    const report = await validate(changing(() => {}), readCsv(path), { now: NOW });
    expect([report.partial, report.rows]).toEqual([false, 3]);
  });
});
