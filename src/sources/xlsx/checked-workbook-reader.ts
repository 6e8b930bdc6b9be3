import { PassThrough, Readable } from 'node:stream';
import { cellRefs } from './cell-refs.js';
import { inlineStrings } from './inline-strings.js';
import { mergedCells } from './merged-cells.js';
import { numberTexts } from './number-texts.js';
import { asDamaged, DamagedPart, OversizedPart, SHARED_STRINGS_LABEL } from './damaged-part.js';
import type { ExcelJsModule, XlsxWorkbookReader } from './exceljs.js';
import { partText, type PartCheck } from './part-text.js';
import { sharedStringScanner } from './shared-string-scanner.js';
import { sheetParts, type SheetParts } from './sheet-parts.js';
import { typedCellScanner, type TypedCellScanner, type TypedCells } from './typed-cells.js';
import { zipWatch, type ZipFailure, type ZipWatch } from './zip-watch.js';

/** exceljs' streaming workbook reader, with what `checkedWorkbookReader` adds. */
export interface CheckedWorkbookReader extends XlsxWorkbookReader {
  /** Rejects when the workbook's zip cannot be read on (an entry whose data does not inflate): race each step with it. */
  readonly broken: Promise<never>;
  /** Where the workbook keeps the sheet `name` (its part's path in the zip) and, if it was passed unread, why. */
  unreadSheet(name: string): { readonly path: string; readonly why: string | undefined } | undefined;
}
export type CheckedWorkbookReaderClass = new (input: unknown, options: Record<string, string>) => CheckedWorkbookReader;

/** The parts of exceljs' reader these overrides use. */
interface Reader {
  readonly workbookRels?: readonly { readonly Id?: string; readonly Type?: string; Target?: string }[];
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly rId?: string }[] };
  /** The shared strings read so far (all of them once a sheet is parsed: exceljs parses the sheets after them). */
  readonly sharedStrings?: readonly unknown[];
}
type Method = (this: Reader, ...args: unknown[]) => unknown;
type Methods = Record<string, Method | undefined>;
interface WorksheetEvent { readonly eventType?: string; readonly value?: Record<string, unknown> }

const watches = new WeakMap<object, ZipWatch>();
const sheetPartsOf = new WeakMap<object, SheetParts>();

// The parts held in memory whole, capped so that a zip bomb is refused with bounded memory. The shared strings: about
// 9 million distinct texts of 30 characters, what a million rows with 9 columns of distinct text hold (measured: a
// table of 8-character texts refused at 512 MiB had filled 1.27 GB). The workbook, its relationships and the styles:
// a few MB in Excel's.
const MAX_SHARED_STRINGS = 256 * 1024 * 1024;
const MAX_SMALL_PART = 64 * 1024 * 1024;

// The parts exceljs parses whole before the sheets, and the root element each must close.
const SMALL_PARTS = { _parseRels: 'Relationships', _parseWorkbook: 'workbook', _parseStyles: 'styleSheet' } as const;
const PATHS = { _parseRels: 'xl/_rels/workbook.xml.rels', _parseWorkbook: 'xl/workbook.xml', _parseStyles: 'xl/styles.xml' } as const;

/**
 * exceljs' streaming `WorkbookReader`, made to fail a damaged workbook instead of reading less of it or waiting
 * forever: each part it parses (the sheets, the shared strings, the styles, the workbook and its relationships) is
 * decoded across chunk boundaries, its elements named without a namespace prefix (`<x:row>`, which exceljs' parsers do
 * not know), and checked to be whole and to match the zip's CRC-32 (`partText`); an XML error
 * names its part; an entry that does not inflate rejects `broken` (`zipWatch`). Every such failure is a `DamagedPart`
 * naming the part (`the sheet "Sổ địa chính" (xl/worksheets/sheet1.xml)`). Rows and cells stored without their
 * `r` reference are given it (`cellRefs`). Each worksheet reader also carries
 * `typedCells`, the cells stored as an error, a boolean or a date, whose type exceljs loses (`typedCellScanner`), and
 * a cell referring to a shared string the table does not hold fails its sheet (`sharedStringScanner`). An inline
 * string of several runs is handed over as one text (`inlineStrings`), a number cell whose value is no number as its
 * text (`numberTexts`), the merged ranges are noted in `mergedCells`, and a row numbered beyond Excel's 1,048,576
 * fails its sheet.
 * @example const reader = new (checkedWorkbookReader(ExcelJS))(stream, { worksheets: 'emit' });
 */
export function checkedWorkbookReader(m: ExcelJsModule): CheckedWorkbookReaderClass {
  const Base = m.stream.xlsx.WorkbookReader as unknown as new (input: unknown, options: Record<string, string>) => object;
  const proto = Base.prototype as Methods;
  class Checked extends Base {
    readonly broken: Promise<never>;
    constructor(input: unknown, options: Record<string, string>) {
      super(input, options);
      const watch = zipWatch((f) => zipDamage(this as Reader, f));
      watches.set(this, watch);
      sheetPartsOf.set(this, sheetParts(() => (this as Reader).workbookRels));
      this.broken = watch.failed;
    }
    unreadSheet(name: string): { readonly path: string; readonly why: string | undefined } | undefined {
      const reader = this as Reader;
      const rId = reader.model?.sheets?.find((s) => s.name === name)?.rId;
      const target = reader.workbookRels?.find((r) => r.Id === rId)?.Target;
      if (target === undefined) return undefined;
      const parts = sheetPartsOf.get(this);
      const path = parts?.real(`xl/${target}`) ?? `xl/${target}`;
      return { path, why: parts?.missed(path) };
    }
  }
  const own = Checked.prototype as unknown as Methods;

  const getStream = proto._getStream;
  if (getStream !== undefined) {
    // exceljs pipes what this returns into its unzipper: a stream of ddss' own sees that happen, and hands it the zip.
    own._getStream = function (input) {
      const feed = new Feed((zip) => {
        // The watch first sees each entry under its own path: `showSheetParts` is asked the path exceljs is shown later.
        showSheetParts(zip, sheetPartsOf.get(this));
        watches.get(this)?.attach(zip);
      });
      (getStream.call(this, input) as Readable).pipe(feed);
      return feed;
    };
  }
  for (const [name, root] of Object.entries(SMALL_PARTS) as [keyof typeof SMALL_PARTS, string][]) {
    const base = proto[name];
    if (base === undefined) continue;
    own[name] = async function (entry, ...rest) {
      const path = entryPath(entry, PATHS[name]);
      try {
        // Read whole before exceljs parses it: its parsers stop at the root's end, before the CRC-32 can be compared.
        let text = '';
        for await (const t of partText(entry as AsyncIterable<Uint8Array>, check(this, path, root, MAX_SMALL_PART))) text += t;
        const parsed = await base.call(this, Readable.from([text]), ...rest);
        if (name === '_parseRels') {
          relativeTargets(this);
          sheetPartsOf.get(this)?.retarget(this.workbookRels ?? []);
        }
        return parsed;
      } catch (e) {
        throw asDamaged(e, path, partLabel(this, path));
      }
    };
  }
  const sharedStrings = proto._parseSharedStrings;
  if (sharedStrings !== undefined) {
    own._parseSharedStrings = async function* (entry, ...rest) {
      const path = entryPath(entry, 'xl/sharedStrings.xml');
      try {
        const text = Readable.from(partText(entry as AsyncIterable<Uint8Array>, check(this, path, 'sst', MAX_SHARED_STRINGS)));
        yield* sharedStrings.call(this, text, ...rest) as AsyncIterable<unknown>;
      } catch (e) {
        throw asDamaged(e, path, partLabel(this, path));
      }
    } as Method;
  }
  const worksheet = proto._parseWorksheet;
  if (worksheet !== undefined) {
    own._parseWorksheet = function* (this: Reader, chunks, sheetNo, ...rest) {
      const shown = `xl/worksheets/sheet${String(sheetNo)}.xml`;
      const path = sheetPartsOf.get(this)?.real(shown) ?? shown;
      // The label is made when an error is: the workbook may give the sheet's name only after the sheet.
      const label = () => partLabel(this, path);
      // exceljs names a sheet from the workbook part, and read this one straight from the zip before that part (or
      // without it): it failed with a TypeError. Excel writes that part first; ddss reads the zip in its order.
      if ((this as Reader).model === undefined) {
        throw new Error(`${path} comes before xl/workbook.xml in the zip, or the zip has no xl/workbook.xml: that part ` +
          'names the sheets, and a workbook is read in the order of its zip (Excel writes that part first); open it in ' +
          'Excel or LibreOffice and save it as .xlsx');
      }
      const typedCells: TypedCells = new Map();
      const merged: string[] = [];
      const part = check(this, path, 'worksheet');
      const strings = sharedStringScanner({ count: () => this.sharedStrings?.length, damaged: part.damaged });
      const scanner = chained(inlineStrings(part.tooLarge), chained(cellRefs(), chained(typedCellScanner(typedCells),
        chained(numberTexts(), chained(strings, mergedCells(merged))))));
      const text = partText(chunks as AsyncIterable<Uint8Array>, { ...part, scanner });
      for (const event of worksheet.call(this, text, sheetNo, ...rest) as Iterable<WorksheetEvent>) {
        if (event.eventType === 'worksheet' && event.value !== undefined) {
          const ws = event.value;
          const parse = ws.parse as (() => AsyncIterable<unknown>) | undefined;
          ws.typedCells = typedCells;
          ws.mergedCells = merged;
          // A sheet exceljs wrote to a temporary file comes as a stream on that file (`closeSheetStreams`).
          if (chunks instanceof Readable) ws.fileStream = chunks;
          // The sheet's XML errors surface while its rows are iterated (exceljs' iterator calls this.parse()).
          if (typeof parse === 'function') {
            ws.parse = async function* () {
              try {
                let last = 0;
                for await (const events of parse.call(ws)) {
                  last = rowsOfExcel(events, last, (why) => new DamagedPart(path, label(), why));
                  yield events;
                }
              } catch (e) {
                throw asDamaged(e, path, label());
              }
            };
          }
        }
        yield event;
      }
    } as Method;
  }
  return Checked as unknown as CheckedWorkbookReaderClass;
}

// Excel's last row: no sheet it writes or opens has more.
const MAX_ROW = 1_048_576;

/**
 * Throws `damaged` for a row of the events exceljs parsed whose number is no row of Excel (1 to 1,048,576), or does
 * not come after the row before it (`last`, 0 at the start of the sheet); returns the last row number seen. Why: the
 * rows between two rows of data are blank rows of the sheet, counted one by one, so a row numbered 900,000,000 (a
 * hostile or broken file) kept the read going for minutes and gigabytes; and a sheet repeating a row number (two
 * records both "line 2", or a few MB zipped that repeat one row for hundreds of MB) is one Excel calls damaged too:
 * a sheet's rows are written in increasing order.
 */
function rowsOfExcel(events: unknown, last: number, damaged: (why: string) => Error): number {
  if (!Array.isArray(events)) return last;
  let previous = last;
  for (const e of events as WorksheetEvent[]) {
    if (e.eventType !== 'row') continue;
    const n = (e.value as { number?: unknown } | undefined)?.number;
    if (!(typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_ROW)) {
      throw damaged(`has a row numbered ${String(n)}, where Excel's rows are numbered 1 to 1,048,576`);
    }
    if (n <= previous) throw damaged(`has row ${n} after row ${previous}, where a sheet's rows come in increasing order`);
    previous = n;
  }
  return previous;
}

/**
 * Makes the workbook's relationship targets relative to `xl/`, the form exceljs compares with the sheet parts'
 * names (`worksheets/sheet1.xml`). Why: OPC allows a target from the package root (`/xl/worksheets/sheet1.xml`), and
 * openpyxl — pandas' `to_excel` — writes every sheet's so: exceljs then matched no sheet to its name and the workbook
 * read as "no sheets" (with `--sheet`: no sheet "Data"; its sheets: "Data").
 */
function relativeTargets(reader: Reader): void {
  for (const rel of reader.workbookRels ?? []) {
    const target = rel.Target;
    if (typeof target !== 'string') continue;
    const relative = target.startsWith('/xl/') ? target.slice('/xl/'.length) : target.startsWith('./') ? target.slice(2) : target;
    if (relative !== target) (rel as { Target?: string }).Target = relative;
  }
}

/**
 * Makes each entry of the zip tell exceljs' reader the name `parts` shows it under, decided when the reader takes the
 * entry (its `path`, read then): by that time the entries before it, the relationships among them, have been parsed.
 */
function showSheetParts(zip: unknown, parts: SheetParts | undefined): void {
  const z = zip as { push?: (chunk: unknown, ...rest: unknown[]) => boolean };
  const push = z.push;
  if (parts === undefined || typeof push !== 'function') return;
  z.push = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    const path = (chunk as { path?: unknown } | null)?.path;
    if (typeof chunk === 'object' && chunk !== null && typeof path === 'string') {
      Object.defineProperty(chunk, 'path', { get: () => parts.shown(path), configurable: true, enumerable: true });
    }
    return push.call(this, chunk, ...rest);
  };
}

/** `a`'s pass over a sheet's text, then `b`'s over what `a` passes on. */
function chained(a: TypedCellScanner, b: TypedCellScanner): TypedCellScanner {
  return { scan: (text) => b.scan(a.scan(text)), end: () => b.scan(a.end()) + b.end() };
}

/** A pass-through that calls `onPipe` with each stream it is piped into. */
class Feed extends PassThrough {
  constructor(private readonly onPipe: (destination: unknown) => void) {
    super();
  }
  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    this.onPipe(destination);
    return super.pipe(destination, options);
  }
}

function check(reader: Reader, shown: string, root: string, maxChars?: number): PartCheck {
  // A part shown to exceljs under another name (`sheetParts`) is its own in the zip and in every message.
  const path = sheetPartsOf.get(reader)?.real(shown) ?? shown;
  return {
    root,
    crc: () => watches.get(reader)?.crc(path) ?? Promise.resolve(undefined),
    damaged: (why) => new DamagedPart(path, partLabel(reader, path), why),
    tooLarge: (why) => new OversizedPart(path, partLabel(reader, path), why),
    ...(maxChars === undefined ? {} : { maxChars }),
  };
}

function entryPath(entry: unknown, otherwise: string): string {
  const path = (entry as { path?: unknown }).path;
  return typeof path === 'string' ? path : otherwise;
}

/**
 * The error for a zip that cannot be read on. A file that fails before its first entry is left to the unzipper's
 * words (`invalid signature`: no zip at all, most often a CSV file named .xlsx).
 */
function zipDamage(reader: Reader, f: ZipFailure): unknown {
  if (f.path === undefined) {
    return f.kind === 'cut' ? new DamagedPart('', 'its zip', 'ends before its first part (an incomplete download or copy)', { cause: f.cause })
      : f.cause;
  }
  const label = partLabel(reader, f.path);
  const cause = { cause: f.cause };
  if (f.kind === 'inflate') return new DamagedPart(f.path, label, `cannot be decompressed (${f.message})`, cause);
  if (f.inside) {
    return f.kind === 'cut' ? new DamagedPart(f.path, label, 'is cut short: the file ends inside it (an incomplete download or copy)', cause)
      : new DamagedPart(f.path, label, `cannot be read from the zip (${f.message})`, cause);
  }
  const after = `after ${label.replace(/,$/, '')}`;
  return f.kind === 'cut' ? new DamagedPart(f.path, 'its zip', `ends before its last record, ${after} (an incomplete download or copy)`, cause)
    : new DamagedPart(f.path, 'its zip', `holds what is no zip record ${after} (${f.message})`, cause);
}

/**
 * How a message names the part at `path` (its path in the zip, or the name exceljs was shown): a sheet by its name
 * when the workbook has given it, and by its path in the zip.
 */
function partLabel(reader: Reader, path: string): string {
  if (path === 'xl/sharedStrings.xml') return SHARED_STRINGS_LABEL;
  const parts = sheetPartsOf.get(reader);
  const real = parts?.real(path) ?? path;
  const shown = parts?.alias(real) ?? real;
  const n = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(shown)?.[1];
  if (n === undefined) return `the part ${real}`;
  const rel = reader.workbookRels?.find((r) => r.Target === `worksheets/sheet${n}.xml`);
  const sheet = rel === undefined ? undefined : reader.model?.sheets?.find((s) => s.rId === rel.Id);
  return sheet === undefined ? `the sheet file ${real}` : `the sheet "${sheet.name}" (${real})`;
}
