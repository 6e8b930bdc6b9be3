/**
 * npx tsx bench/xlsx-memory.ts [rows] — memory of reading a large workbook with `readXlsx`, outside `npm test`: writes a
 * sheet of `rows` (default 200000) land-parcel-like rows with exceljs' streaming writer, then reads it back row by
 * row and prints the rows read, the time, and the peak RSS and heap seen while reading (sampled every 50 ms) next to
 * the file's size. Shared strings off in the writer, as exports from most agency systems are inline; a workbook
 * with shared strings also keeps its string table in memory (that table is the workbook's, not a row's).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../src/index.js';
import { loadExcelJs } from '../src/sources/xlsx/exceljs.js';

const rows = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'ddss-xlsx-mem-'));
const path = join(dir, 'parcels.xlsx');
try {
  /* eslint-disable @typescript-eslint/no-explicit-any -- exceljs' writer is used only here, untyped */
  const ExcelJS = (await loadExcelJs()) as any;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Sổ địa chính');
  ws.addRow(['parcel_id', 'province_code', 'owner_name', 'owner_id', 'area_m2', 'registered_at']).commit();
  for (let i = 1; i <= rows; i++) {
    ws.addRow([`P${String(i).padStart(9, '0')}`, '01', `Nguyễn Văn Thửa ${i}`, `0010890${String(i % 100000).padStart(5, '0')}`,
      100 + (i % 900), new Date(Date.UTC(2020, 0, 1 + (i % 2000)))]).commit();
  }
  ws.commit();
  await wb.commit();
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const started = Date.now();
  let read = 0;
  for await (const batch of readXlsx(path).batches()) read += batch.rows.length;
  clearInterval(timer);
  const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
  console.log(`${read} rows read in ${((Date.now() - started) / 1000).toFixed(1)} s from a ${mb(statSync(path).size)} workbook; ` +
    `RSS ${mb(base.rss)} before, peak ${mb(peakRss)}; heap ${mb(base.heapUsed)} before, peak ${mb(peakHeap)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
