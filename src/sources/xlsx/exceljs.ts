import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

/** The parts of exceljs' streaming reader that ddss uses (exceljs is an optional peer dependency, loaded lazily). */
export interface XlsxCell {
  readonly value: unknown;
  readonly numFmt?: string;
}
export interface XlsxRow {
  readonly number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: XlsxCell, column: number) => void): void;
}
export interface XlsxWorksheetReader extends AsyncIterable<XlsxRow> {
  readonly name?: string;
  readonly state?: string;
}
export interface XlsxWorkbookReader extends AsyncIterable<XlsxWorksheetReader> {
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly state?: string }[] };
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}
/** The exceljs module, as far as ddss and its tests use it. */
type WorkbookReaderClass = new (input: unknown, options: Record<string, string>) => XlsxWorkbookReader;
export interface ExcelJsModule {
  readonly stream: { readonly xlsx: { readonly WorkbookReader: WorkbookReaderClass } };
  readonly Workbook: new () => unknown;
}

// A specifier in a variable: bundlers and the type checker leave it alone, so ddss loads without exceljs installed.
const NAME = 'exceljs';

/**
 * Loads exceljs on first use; without it, an Error that says how to install it.
 * @example const ExcelJS = await loadExcelJs();
 */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  try {
    const m = (await import(/* @vite-ignore */ NAME)) as { default?: ExcelJsModule } & ExcelJsModule;
    return m.default ?? m;
  } catch (e) {
    throw new Error('ddss: reading .xlsx workbooks needs the exceljs package: npm install exceljs', { cause: e });
  }
}

/** The cleanups of the temporary files exceljs' reader made during the read in progress (`withTempFiles`). */
const reads = new AsyncLocalStorage<Array<() => void>>();
let watching = false;

/**
 * Runs `next` (a step of exceljs' reader) with the temporary files the reader makes in it recorded in `cleanups`.
 * Why: the reader writes each worksheet that precedes the shared strings in the zip (where Excel puts them) to a
 * temporary file (the `tmp` package), and removes it, closing its descriptor, only once it has parsed that sheet to
 * its end; a read that stops at its sheet, or fails, left the file and an open descriptor until the process exited —
 * one per workbook read in a long-running process. `readXlsx` calls the recorded cleanups when its read ends (each is
 * the `tmp` package's own, which runs once).
 * @example const cleanups = []; await withTempFiles(cleanups, () => it.next()); … for (const c of cleanups) c();
 */
export function withTempFiles<T>(cleanups: Array<() => void>, next: () => T): T {
  watchTempFiles();
  return reads.run(cleanups, next);
}

/** Wraps the `tmp` module exceljs uses (the same instance: resolved from exceljs) to record each file's cleanup. */
function watchTempFiles(): void {
  if (watching) return;
  watching = true;
  let tmp: { file?: (...args: unknown[]) => unknown };
  try {
    const fromHere = createRequire(import.meta.url);
    tmp = createRequire(fromHere.resolve(NAME))('tmp') as typeof tmp;
  } catch {
    return; // another exceljs, without `tmp`: nothing to watch
  }
  const file = tmp.file;
  if (typeof file !== 'function') return;
  tmp.file = function (this: unknown, ...args: unknown[]) {
    const cleanups = reads.getStore();
    const done = args[args.length - 1];
    if (cleanups !== undefined && typeof done === 'function') {
      args[args.length - 1] = (err: unknown, path: unknown, fd: unknown, cleanup: unknown, ...rest: unknown[]) => {
        if (typeof cleanup === 'function') cleanups.push(() => { cleanup(); });
        return (done as (...a: unknown[]) => unknown)(err, path, fd, cleanup, ...rest);
      };
    }
    return file.apply(this, args);
  };
}

/** The stream of one zip entry as exceljs hands it to its parsers. */
interface Entry { setEncoding?(encoding: string): unknown }
type Parsers = Record<string, (this: unknown, ...args: unknown[]) => unknown>;

/**
 * exceljs 4.4's streaming reader decodes each 16 KiB chunk of XML on its own, so a multi-byte UTF-8 character cut by a
 * chunk boundary becomes U+FFFD (exceljs issues 2063, 2316) — in Vietnamese text that is about one cell in two thousand.
 * This reader hands its parsers text decoded across chunk boundaries instead (exceljs passes strings through as they
 * are).
 * @example const reader = new (utf8WorkbookReader(ExcelJS))('parcels.xlsx', { worksheets: 'emit' });
 */
export function utf8WorkbookReader(m: ExcelJsModule): WorkbookReaderClass {
  const Base = m.stream.xlsx.WorkbookReader;
  const proto = Base.prototype as Parsers;
  class Utf8WorkbookReader extends (Base as unknown as new (input: unknown, options: Record<string, string>) => object) {}
  const own = Utf8WorkbookReader.prototype as Parsers;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
    const base = proto[name];
    if (base === undefined) continue;
    own[name] = function (this: unknown, entry: unknown, ...rest: unknown[]) {
      (entry as Entry).setEncoding?.('utf8');
      return base.call(this, entry, ...rest);
    };
  }
  const sheet = proto._parseWorksheet;
  if (sheet !== undefined) {
    own._parseWorksheet = function (this: unknown, chunks: unknown, ...rest: unknown[]) {
      return sheet.call(this, utf8Text(chunks as AsyncIterable<Uint8Array | string>), ...rest);
    };
  }
  return Utf8WorkbookReader as unknown as WorkbookReaderClass;
}

/** Byte chunks as text, a character cut between two chunks decoded whole. */
async function* utf8Text(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
