import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { loadExcelJs } from '../src/sources/xlsx/exceljs.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the workbook writer is used only by tests, untyped */
let made: string | undefined;
let n = 0;

/** The directory of the workbooks written, made on first use. */
function dir(): string {
  made ??= mkdtempSync(join(tmpdir(), 'ddss-xlsx-'));
  return made;
}

/**
 * Removes the workbooks written so far. Each test file that writes workbooks registers it: `afterAll(removeWorkbooks)`.
 * Why not once here: the unit tests share one module graph across files (vitest's isolate: false), so a directory made
 * when this module loaded was removed after the first file's tests, and the next file's writes failed (ENOENT).
 * @example afterAll(removeWorkbooks);
 */
export function removeWorkbooks(): void {
  if (made !== undefined) rmSync(made, { recursive: true, force: true });
  made = undefined;
}

/**
 * Writes a workbook built by `build` with exceljs (the library ddss reads workbooks with) and returns its path.
 * @example const path = await writeWorkbook((wb) => wb.addWorksheet('S').addRows([['id'], ['1']]));
 */
export async function writeWorkbook(build: (wb: any) => void): Promise<string> {
  const ExcelJS = await loadExcelJs();
  const wb: any = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir(), `w${n++}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

/**
 * A CSV file as a workbook sheet of text cells (the header row, then each record), as Excel keeps a column of text.
 * @example const path = await csvAsWorkbook('examples/land/parcels.csv', 'Sổ địa chính');
 */
export async function csvAsWorkbook(csv: string, sheet: string): Promise<string> {
  const rows: (readonly string[])[] = [];
  for await (const batch of readCsv(csv).batches()) {
    if (batch.columns !== undefined) rows.push(batch.columns);
    rows.push(...(batch.rows as readonly string[][]));
  }
  return writeWorkbook((wb) => {
    wb.addWorksheet('Ghi chú').addRow(['not this sheet']);
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => { if (v !== '') { row.getCell(j + 1).value = v; row.getCell(j + 1).numFmt = '@'; } });
    });
  });
}

/** What `rewriteWorkbook` does to the zip besides `edit`. */
export interface RewriteOptions {
  /** Entries in Excel's order (the workbook, its relationships, the shared strings and the styles before the sheets:
   * exceljs' reader then parses a sheet straight from the zip), instead of exceljs' (the sheets first, which its reader
   * buffers in temporary files). */
  readonly excelOrder?: boolean;
  /** These entries first, in this order, then the others. */
  readonly first?: readonly string[];
  /** Each entry's CRC-32 and sizes after its data, in a data descriptor, as streaming writers write them. */
  readonly descriptors?: boolean;
  /** Entries stored uncompressed, so that a test can change their bytes in the file (`patchEntry`). */
  readonly store?: boolean;
  /** Entries moved to another name (`{ 'xl/worksheets/sheet1.xml': 'xl/worksheets/data.xml' }`), after `edit`; the
   * names in `first` are the old ones. */
  readonly rename?: Readonly<Record<string, string>>;
}

const EXCEL_ORDER = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * Rewrites the workbook at `path` into a new file, with jszip (exceljs' own zip library): `edit` returns an entry's
 * new text, or undefined to keep it. The zip is valid, each entry's CRC-32 that of its new bytes: what a buggy
 * exporter or a repacking tool writes.
 * @example const cut = await rewriteWorkbook(path, (name, text) => name.endsWith('sheet1.xml') ? text.slice(0, 500) : undefined);
 */
export async function rewriteWorkbook(path: string, edit: (name: string, text: string) => string | undefined,
  options: RewriteOptions = {}): Promise<string> {
  const src = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(src.files).filter((n) => src.files[n]?.dir === false);
  const first = options.first ?? (options.excelOrder === true ? EXCEL_ORDER : []);
  const order = [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))];
  const out = new JSZip();
  for (const name of order) {
    const text = await (src.file(name) as JSZip.JSZipObject).async('string');
    out.file(options.rename?.[name] ?? name, edit(name, text) ?? text);
  }
  const to = join(dir(), `w${n++}.xlsx`);
  writeFileSync(to, await out.generateAsync({ type: 'nodebuffer', compression: options.store === true ? 'STORE' : 'DEFLATE',
    streamFiles: options.descriptors === true }));
  return to;
}

/**
 * Changes the bytes of the zip entry `name` where they lie in the file at `path` (compressed, unless the workbook was
 * written with `store`), leaving the zip's headers as they were: a damaged copy or download.
 * @example patchEntry(path, 'xl/worksheets/sheet1.xml', (data) => { data[0] = 0x07; });
 */
export function patchEntry(path: string, name: string, patch: (data: Buffer) => void): void {
  const zip = readFileSync(path);
  const wanted = Buffer.from(name);
  for (let at = zip.indexOf(LOCAL_HEADER); at !== -1; at = zip.indexOf(LOCAL_HEADER, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 26);
    if (!zip.subarray(at + 30, at + 30 + nameLength).equals(wanted)) continue;
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    const size = zip.readUInt32LE(at + 18) || zip.indexOf(DATA_DESCRIPTOR, start) - start;
    patch(zip.subarray(start, start + size));
    writeFileSync(path, zip);
    return;
  }
  throw new Error(`no entry ${name} in ${path}`);
}
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const DATA_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

/**
 * The XML of a part with the elements of its root's namespace named with the prefix `x:` (`<x:worksheet
 * xmlns:x="…"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>`), as the .NET Open XML SDK writes them;
 * elements with a prefix of their own keep it. For `rewriteWorkbook`.
 * @example const dotnet = await rewriteWorkbook(path, (name, text) => (name.endsWith('.xml') ? prefixedXml(text) : undefined));
 */
export function prefixedXml(text: string): string {
  // The root declares the default namespace (the first xmlns="…" of the part).
  const ns = /\sxmlns="([^"]*)"/.exec(text)?.[1];
  if (ns === undefined) return text;
  return text.replace(` xmlns="${ns}"`, ` xmlns:x="${ns}"`)
    .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}x:${name}`);
}

