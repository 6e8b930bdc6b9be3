import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { RowBatch, SourceIssue, SourceRead, TabularSource } from '../../core/source.js';
import type { SourceInfo } from '../../core/types.js';
import { fileErrorText } from '../../core/file-error-text.js';
import { checkXlsxOptions } from './check-xlsx-options.js';
import { headerWith, resolveHeader, type HeaderOption } from '../csv/header.js';
import { batchRecords } from '../batch-records.js';
import { cellValue, controlCharacterIssues } from './cell-value.js';
import { checkedWorkbookReader } from './checked-workbook-reader.js';
import { DamagedPart } from './damaged-part.js';
import { failure, type Failure } from './failure.js';
import { mergedCellsIssue } from './merged-cells.js';
import { closeSheetStreams, loadExcelJs, removeTempFiles, withTempFiles, type XlsxRow, type XlsxWorksheetReader } from './exceljs.js';
import { columnName, parseRange, type CellRange } from './range.js';
import { defaultTarget, SHEET_OPTION, sheetNotFound, workbookSheets, type SheetChoice, type WorkbookSheet } from './sheet-choice.js';
import type { StoredType, TypedCells } from './typed-cells.js';
import { batchSizeOf } from '../batch-size.js';

/** Options of `readXlsx`. */
export interface XlsxOptions {
  /** The sheet to read, by name (a hidden one too). Default: the first visible sheet of the workbook; a workbook
   * whose sheets are all hidden is not read (the error lists them). */
  readonly sheet?: string;
  /** Called once per read with the sheet read and the workbook's sheets, before its rows (the CLI names them). */
  readonly onSheet?: (choice: SheetChoice) => void;
  /** `true` (default): the first row of the range names the columns; an array: these names, no header row;
   * an object: the first row, with columns renamed `{ from: to }`. */
  readonly header?: HeaderOption;
  /** Only these cells, in A1 notation (`'A3:F2000'`, `'B:F'`). Default: the whole sheet. */
  readonly range?: string;
  /** The name shown in reports. Default: the file name of a path. */
  readonly name?: string;
  /** Rows per batch handed to the engine. Default 1024. */
  readonly batchSize?: number;
}

/** A file path or a Node readable stream of the .xlsx bytes. */
export type XlsxInput = string | Readable;

/** An Excel workbook sheet as a source: batches for the engine, and an async iterable of records. */
export interface XlsxSource extends TabularSource, AsyncIterable<Record<string, unknown>> {
  readonly kind: 'xlsx';
}

/**
 * Reads one sheet of an .xlsx workbook as a stream of rows — the one named, else the first visible one (a workbook
 * whose sheets are all hidden is not read; `info().sheet` names the sheet read) — with memory bounded by a row (plus the workbook's
 * shared-string table). Cells keep what Excel stored: text, numbers, booleans, dates (1900 and 1904 systems), a
 * formula's cached result (0, empty text and FALSE included); an error cell (`#N/A`) or a formula whose cached result
 * is an error (`#DIV/0!`) is `error_cell` and a formula with no cached result is `formula_without_value`, both with
 * the cell left missing. A missing sheet makes the iterator throw an Error that lists the workbook's sheets, and a
 * damaged workbook one that names the damaged part — a sheet or shared-string table cut short, bytes that do not
 * match the zip's CRC-32, an entry that does not inflate, XML that is not well-formed — after the rows read before
 * it (the run is `partial`, never scored on what was read). Needs the exceljs package.
 * @example
 * const report = await validate(landParcels, readXlsx('parcels.xlsx', { sheet: 'Sổ địa chính' }));
 */
export function readXlsx(input: XlsxInput, options: XlsxOptions = {}): XlsxSource {
  checkXlsxOptions(input, options);
  const range = options.range === undefined ? undefined : parseRange(options.range);
  const batchSize = batchSizeOf(options.batchSize, 1024, 'readXlsx');
  const header = options.header ?? true;
  const isPath = typeof input === 'string';
  const name = options.name ?? (isPath ? basename(input) : undefined);
  const named = name === undefined ? {} : { name };
  let info: SourceInfo = { kind: 'xlsx', ...named, records: 0 };
  // The sheet being read, in the report's source once it is known.
  let sheet: { sheet?: string } = {};
  let used = false;

  async function* batches(read?: SourceRead): AsyncGenerator<RowBatch> {
    const columns = headerWith(header, read?.rename);
    if (!isPath) {
      if (used) throw new Error('ddss: this workbook source is a stream and can be read only once');
      used = true;
    }
    let records = 0;
    // The temporary files exceljs makes for this read, removed when it ends however it ends (`removeTempFiles`).
    const cleanups: Array<() => void> = [];
    // The worksheets exceljs has handed out, whose temporary files' streams are closed when the read ends (at once,
    // for one handed out after it ended).
    const sheets: XlsxWorksheetReader[] = [];
    let ended = false;
    const raced = <T>(items: AsyncIterable<T>, failed: Failure, onItem?: (item: T) => void) =>
      racedSteps(items, failed, cleanups, onItem);
    let bytes: Readable | undefined;
    try {
      const ExcelJS = await loadExcelJs();
      bytes = isPath ? createReadStream(input) : input;
      const reader = new (checkedWorkbookReader(ExcelJS))(bytes, {
        sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
      // exceljs pipes the bytes into its unzipper without listening for their errors or the unzipper's, so a missing
      // file, a failing stream or an entry that does not inflate would leave it waiting forever: every wait below is
      // raced against the input's own failure and the zip's (`broken`).
      const failed = failure();
      bytes.once('error', (e) => { failed.fail(e); });
      reader.broken.catch((e: unknown) => { failed.fail(e); });
      let found = false;
      const seen: string[] = [];
      // The sheet read by default, known once the workbook has listed its sheets (before exceljs gives the first).
      let target: string | undefined;
      for await (const ws of raced(reader, failed, (w) => { sheets.push(w); if (ended) closeSheetStreams([w]); })) {
        const wsName = ws.name ?? `sheet ${seen.length + 1}`;
        seen.push(wsName);
        if (options.sheet === undefined && seen.length === 1) target = defaultTarget(workbookSheets(reader), wsName, name);
        // Names compare in NFC: a name typed or pasted decomposed ("Sổ" as o + two marks) looks the same on screen.
        const wanted = options.sheet === undefined ? wsName === target : wsName.normalize('NFC') === options.sheet.normalize('NFC');
        if (!wanted) {
          try {
            for await (const row of raced(ws, failed)) void row; // the reader must be drained to reach the next sheet
          } catch (e) {
            // A damaged sheet that is not the one read loses nothing of the data: the read goes on to the next. (A zip
            // that cannot be read on fails the next step all the same: `failed` has failed.)
            if (!(e instanceof DamagedPart)) throw e;
          }
          continue;
        }
        found = true;
        sheet = { sheet: wsName };
        options.onSheet?.({ name: wsName, asked: options.sheet !== undefined,
          sheets: workbookSheets(reader) ?? seen.map((s): WorkbookSheet => ({ name: s, state: 'visible' })) });
        const date1904 = reader.properties?.model?.date1904 === true;
        let batches = 0;
        const typedCells = ws.typedCells ?? new Map();
        for await (const batch of sheetBatches(raced(ws, failed), { header: columns, range, batchSize, date1904, typedCells,
          merged: ws.mergedCells ?? [], onRecord: () => { records++; } })) {
          info = { kind: 'xlsx', ...named, ...sheet, records };
          batches++;
          yield batch;
        }
        // A sheet with no cell at all (a cover sheet before the data) is an empty input, as an empty CSV file is —
        // not a register of 0 rows that merely "failed" rowCount. Name the other sheets, where the data may be.
        if (batches === 0) {
          // With a range, the cells outside it may hold the data: "the sheet is empty" sent the user to other sheets.
          if (options.range !== undefined) throw new Error(`ddss: the range ${options.range} of the sheet "${wsName}" of ${name ?? 'the workbook'} holds no cell`);
          const others = (reader.model?.sheets?.map((s) => s.name) ?? seen).filter((s) => s !== wsName);
          throw new Error(`ddss: the sheet "${wsName}" of ${name ?? 'the workbook'} is empty` +
            (others.length === 0 ? '' : `; choose one of its other sheets with ${SHEET_OPTION}: ${others.map((s) => `"${s}"`).join(', ')}`));
        }
        break; // the sheets after it are not read
      }
      if (!found) throw sheetNotFound(reader, options.sheet, seen);
      info = { kind: 'xlsx', ...named, ...sheet, records };
    } catch (e) {
      // A file that cannot be opened says so in words (`file not found (ENOENT)`), as the CSV and JSON readers do.
      const raw = typeof (e as NodeJS.ErrnoException).syscall === 'string' ? fileErrorText(e, { code: true })
        : e instanceof Error ? e.message : String(e);
      // The unzipper's words for a file that is no zip archive: a CSV file named .xlsx, most often; or an OLE compound
      // file (D0 CF 11 E0, read little-endian): an .xlsx saved with a password, which Excel encrypts into one, or an
      // Excel 97–2003 workbook renamed.
      const notZip = !(e instanceof DamagedPart) && /invalid signature|end of central directory/i.test(raw);
      const cause = !notZip ? raw : /invalid signature: 0xe011cfd0/i.test(raw)
        ? 'it is a password-protected workbook or an Excel 97–2003 one (an OLE compound file, not the zip archive of an ' +
          '.xlsx workbook): remove its password in Excel (File > Info > Protect Workbook), or save it as .xlsx, and validate that'
        : `it is not an Excel workbook (.xlsx is a zip archive; ${raw}); if it is CSV, give --input-format csv`;
      const message = cause.startsWith('ddss:') ? cause : `ddss: could not read ${name ?? 'the workbook'}: ${cause}`;
      info = { kind: 'xlsx', ...named, ...sheet, records, error: message };
      const code = (e as NodeJS.ErrnoException | undefined)?.syscall === undefined ? undefined : (e as NodeJS.ErrnoException).code;
      throw Object.assign(new Error(message, { cause: e }), code === undefined ? {} : { code });
    } finally {
      // The read ends here however it ends: the file closes, and a stream is not waited on any more.
      bytes?.destroy();
      ended = true;
      closeSheetStreams(sheets);
      removeTempFiles(cleanups);
    }
  }

  return {
    kind: 'xlsx',
    batches,
    info: () => info,
    [Symbol.asyncIterator]: () => batchRecords<unknown>(batches()),
  };
}

/**
 * The items of `items`, or the failure of `failed` as soon as it fails; each step of exceljs' reader runs with its
 * temporary files recorded in `cleanups`. `onItem` sees every item the reader gives, one that came after the failure
 * too (a step is not cancelled: it may still hand out a worksheet, with a stream open on its file).
 */
async function* racedSteps<T>(items: AsyncIterable<T>, failed: Failure, cleanups: Array<() => void>,
  onItem?: (item: T) => void): AsyncGenerator<T> {
  const it = items[Symbol.asyncIterator]();
  for (;;) {
    const step = withTempFiles(cleanups, () => it.next());
    if (onItem !== undefined) step.then((r) => { if (r.done !== true) onItem(r.value); }, () => undefined);
    const next = await failed.race(step);
    if (next.done === true) return;
    yield next.value;
  }
}

interface SheetOptions {
  readonly header: HeaderOption;
  readonly range: CellRange | undefined;
  readonly batchSize: number;
  readonly date1904: boolean;
  /** The cells stored as an error, a boolean or a date, row by row: each row's are taken (removed) as the row is read. */
  readonly typedCells: TypedCells;
  /** The sheet's merged ranges, complete once its rows are read. */
  readonly merged: readonly string[];
  readonly onRecord: () => void;
}

/** The rows of one sheet as engine batches: the header first, blank rows (gaps included) as `blank_row`. */
async function* sheetBatches(ws: AsyncIterable<XlsxRow>, o: SheetOptions): AsyncGenerator<RowBatch> {
  const r = o.range;
  let columns: readonly string[] | undefined = Array.isArray(o.header) ? [...(o.header as readonly string[])] : undefined;
  let pendingColumns: readonly string[] | undefined = columns;
  let issues: SourceIssue[] = [];
  let rows: unknown[][] = [];
  let lines: number[] = [];
  let last: number | undefined;
  // The first row of data: after the header row once it is read.
  let dataFrom = r?.top ?? 1;
  const flush = (): RowBatch => {
    const b: RowBatch = { ...(pendingColumns === undefined ? {} : { columns: pendingColumns }), rows, lines,
      ...(issues.length === 0 ? {} : { issues }) };
    pendingColumns = undefined;
    rows = [];
    lines = [];
    issues = [];
    return b;
  };
  for await (const row of ws) {
    const line = row.number;
    const types = o.typedCells.size === 0 ? undefined : o.typedCells.get(line);
    if (types !== undefined) o.typedCells.delete(line);
    if (r !== undefined && (line < r.top || line > r.bottom)) continue;
    const cells = readRow(row, r, o.date1904, types);
    // A stored row with nothing in it (Excel keeps formatted empty rows) is as blank as a row not stored at all: it is
    // a finding only when data follows it, so the formatted rows under a table and above its header are not findings.
    if (cells.values.every((v) => v === '') && cells.findings.length === 0) continue;
    if (columns === undefined) {
      const h = resolveHeader(cells.values.map((v) => (v instanceof Date ? v.toISOString() : String(v))), o.header, line);
      columns = h.columns;
      pendingColumns = columns;
      for (const issue of h.issues) issues.push(issue); // not spread: one per column, unbounded
      last = line;
      dataFrom = line + 1;
      continue;
    }
    // The blank rows between two rows of data, stored or not, are blank rows of the sheet.
    for (let gap = (last ?? (r?.top ?? 1) - 1) + 1; gap < line; gap++) {
      o.onRecord();
      issues.push({ code: 'blank_row', criterion: 'clean', severity: 'warning', scope: 'record', line: gap });
      if (issues.length >= o.batchSize) yield flush();
    }
    last = line;
    o.onRecord();
    {
      const index = rows.length;
      const width = columns.length;
      const values = cells.values.slice(0, width);
      while (values.length < width) values.push('');
      if (cells.values.length > width && cells.values.slice(width).some((v) => v !== '')) {
        issues.push({ code: 'extra_cell', criterion: 'clean', severity: 'error', scope: 'row', index, line,
          params: { cells: cells.values.length, columns: width } });
      }
      issues.push(...controlCharacterIssues(values, columns, index, line));
      for (const f of cells.findings) {
        if (f.column >= width) continue;
        issues.push({ code: f.code, criterion: f.code === 'error_cell' ? 'correct' : 'sufficient', severity: 'error',
          scope: 'row', index, line, field: columns[f.column] as string, params: { ...f.params, cell: f.ref } });
      }
      rows.push(values);
      lines.push(line);
    }
    if (rows.length >= o.batchSize || issues.length >= o.batchSize) yield flush();
  }
  const merged = columns === undefined ? undefined : mergedCellsIssue(o.merged, dataFrom, r);
  if (merged !== undefined) issues.push(merged);
  if (rows.length > 0 || issues.length > 0 || pendingColumns !== undefined) yield flush();
}

interface RowCells {
  readonly values: unknown[];
  readonly findings: { column: number; ref: string; code: string; params: Readonly<Record<string, unknown>> }[];
}

// exceljs' value type of a formula cell.
const FORMULA = 6;

function readRow(row: XlsxRow, r: CellRange | undefined, date1904: boolean, types: ReadonlyMap<number, StoredType> | undefined): RowCells {
  const values: unknown[] = [];
  const findings: RowCells['findings'] = [];
  const left = r?.left ?? 1;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (r !== undefined && (col < r.left || col > r.right)) return;
    const i = col - left;
    while (values.length < i) values.push('');
    // A formula's `value` drops a cached result that is not truthy (0, '', FALSE, an error): its `result` keeps it.
    const v = cell.type === FORMULA ? { formula: cell.formula ?? '', result: cell.result } : cell.value;
    const c = cellValue(v, cell.numFmt, date1904, types?.get(col));
    if ('value' in c) values[i] = c.value;
    else {
      values[i] = '';
      findings.push({ column: i, ref: `${columnName(col)}${row.number}`, code: c.code, params: c.params });
    }
  });
  return { values, findings };
}
