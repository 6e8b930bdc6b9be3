import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { TypedCells } from './typed-cells.js';

/** The parts of exceljs' streaming reader that ddss uses (exceljs is an optional peer dependency, loaded lazily). */
export interface XlsxCell {
  readonly value: unknown;
  readonly numFmt?: string;
  /** exceljs' value type: 6 for a formula, whose `value` drops a result that is not truthy (0, '', NaN). */
  readonly type?: number;
  readonly formula?: string;
  /** A formula's cached result as exceljs read it. */
  readonly result?: unknown;
}
export interface XlsxRow {
  readonly number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: XlsxCell, column: number) => void): void;
}
export interface XlsxWorksheetReader extends AsyncIterable<XlsxRow> {
  readonly name?: string;
  readonly state?: string;
  /** The cells stored as an error, a boolean or a date, set by `checkedWorkbookReader` (taken row by row as rows are read). */
  readonly typedCells?: TypedCells;
  /** The sheet's merged ranges (`B3:B5`), set by `checkedWorkbookReader`: complete once its rows are read. */
  readonly mergedCells?: readonly string[];
  /** The stream on the sheet's temporary file, when exceljs wrote it to one (set by `checkedWorkbookReader`). */
  readonly fileStream?: Readable;
}
export interface XlsxWorkbookReader extends AsyncIterable<XlsxWorksheetReader> {
  /** workbook.xml's sheets, in workbook order; `state`: `hidden`, `veryHidden`, or absent (visible). */
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly state?: string; readonly rId?: string }[] };
  /** The workbook's relationships (xl/_rels/workbook.xml.rels): which part holds each sheet, and of what type. */
  readonly workbookRels?: readonly { readonly Id?: string; readonly Type?: string; readonly Target?: string }[];
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}
/** The exceljs module, as far as ddss and its tests use it. */
export type WorkbookReaderClass = new (input: unknown, options: Record<string, string>) => XlsxWorkbookReader;
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
/** The reads that have ended (`removeTempFiles`). */
const ended = new WeakSet<Array<() => void>>();
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

/**
 * Removes the temporary files recorded in `cleanups` when the read ends, however it ends; a file the reader is given
 * after that (a read that failed while the file was being made, as when a sheet's zip entry does not inflate) is
 * removed at once, and the reader is told it could not be made, so it opens no stream on it.
 * @example try { … } finally { removeTempFiles(cleanups); }
 */
export function removeTempFiles(cleanups: Array<() => void>): void {
  ended.add(cleanups);
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      // Removing a temporary file that cannot be removed is not the read's failure.
    }
  }
}

/**
 * Closes the streams of the worksheets exceljs' reader has handed out (or had ready when the read failed), before
 * their temporary files are removed. Why: the reader opens a worksheet's temporary file (`fs.createReadStream`) when
 * it hands the worksheet out, and nothing listens for that stream's errors until its rows are read. A read that ends
 * at that worksheet (every sheet hidden, the sheet asked for not found yet) removed the file; when the open came
 * after the removal (a busy machine), the stream's ENOENT had no listener and was thrown out of the event loop: an
 * uncaught exception in the process that read the workbook. The error of a stream closed here is expected, and
 * dropped.
 * @example try { … } finally { closeSheetStreams(sheets); removeTempFiles(cleanups); }
 */
export function closeSheetStreams(sheets: readonly XlsxWorksheetReader[]): void {
  for (const ws of sheets) {
    const stream = ws.fileStream;
    if (!(stream instanceof Readable)) continue; // a sheet read straight from the zip: no file of its own
    stream.on('error', () => undefined);
    stream.destroy();
  }
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
        if (typeof cleanup === 'function') {
          cleanups.push(() => { cleanup(); });
          if (ended.has(cleanups)) {
            removeTempFiles(cleanups);
            return (done as (e: Error) => unknown)(new Error('ddss: the workbook read has ended'));
          }
        }
        return (done as (...a: unknown[]) => unknown)(err, path, fd, cleanup, ...rest);
      };
    }
    return file.apply(this, args);
  };
}
