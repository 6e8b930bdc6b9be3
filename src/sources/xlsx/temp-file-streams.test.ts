import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { removeWorkbooks, writeWorkbook } from '../../../test/_workbook.js';
import { readXlsx } from './read-xlsx.js';

afterAll(removeWorkbooks);

// exceljs writes the sheets that come before the shared strings to temporary files and opens a stream on one when it
// hands the sheet out. A read that ended at such a sheet (here: every sheet hidden) removed the file at once; when the
// stream's open came after that (a busy machine; a delayed `fs.open` here), its ENOENT had no listener and was thrown
// out of the event loop — an uncaught exception in the process that read the workbook. Seen once in CI as a
// "Vitest caught 1 unhandled error" in sheet-choice.test.ts.
describe('a workbook read that ends at a sheet kept in a temporary file', () => {
  it('leaves no stream behind to fail after the file is removed', async () => {
    const path = await writeWorkbook((wb) => {
      wb.addWorksheet('A', { state: 'hidden' }).addRows([['id'], ['1']]);
      wb.addWorksheet('B', { state: 'veryHidden' }).addRows([['id'], ['2']]);
    });
    const uncaught: unknown[] = [];
    const note = (e: unknown): void => { uncaught.push(e); };
    const open = fs.open;
    type Open = (...args: unknown[]) => void;
    // Opens of the temporary files (the `tmp` package's names) start 30 ms late, after the read has ended.
    (fs as { open: unknown }).open = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && /[\\/]tmp-\d+-/.test(args[0])) setTimeout(() => (open as Open)(...args), 30);
      else (open as Open)(...args);
    };
    process.on('uncaughtException', note);
    try {
      const source = readXlsx(path);
      await expect((async () => { for await (const b of source.batches()) void b; })()).rejects.toThrow(/every sheet .* is hidden/);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      (fs as { open: unknown }).open = open;
      process.off('uncaughtException', note);
    }
    expect(uncaught).toEqual([]);
  });
});
