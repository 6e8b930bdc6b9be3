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
