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
export interface ExcelJsModule {
  readonly stream: { readonly xlsx: {
    readonly WorkbookReader: new (input: unknown, options: Record<string, string>) => XlsxWorkbookReader;
  } };
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
