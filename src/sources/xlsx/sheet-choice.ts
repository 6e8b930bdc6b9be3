import type { CheckedWorkbookReader } from './checked-workbook-reader.js';

/** How a workbook shows a sheet: `hidden` can be shown from Excel's menu, `veryHidden` only from its VBA editor. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A sheet as the workbook lists it (xl/workbook.xml), in workbook order. */
export interface WorkbookSheet {
  readonly name: string;
  readonly state: SheetState;
}

/** The sheet a read of a workbook takes, handed to `readXlsx`'s `onSheet` before its rows. */
export interface SheetChoice {
  /** The sheet read. */
  readonly name: string;
  /** `true`: asked for by name (`sheet`, `--sheet`); `false`: the default, the first visible sheet. */
  readonly asked: boolean;
  /** Every sheet of the workbook, in workbook order, the one read included (worksheets only: no chart sheet). */
  readonly sheets: readonly WorkbookSheet[];
}

/**
 * The sheet a read takes when none is named: the first visible one in workbook order, or undefined when every sheet is
 * hidden. Why not simply the first: agencies keep hidden sheets before the data (an old copy of the register, lookup
 * lists, a template), and validating such a copy can pass while the sheet everyone sees is never read.
 * @example defaultSheet([{ name: 'Old copy', state: 'hidden' }, { name: 'Data', state: 'visible' }]) // 'Data'
 */
export function defaultSheet(sheets: readonly WorkbookSheet[]): string | undefined {
  return sheets.find((s) => s.state === 'visible')?.name;
}

/**
 * A sheet's state as workbook.xml gives it (absent: visible; a value ECMA-376 does not know reads as hidden, the safe
 * side).
 * @example sheetState(undefined) // 'visible'; sheetState('veryHidden') // 'veryHidden'; sheetState('odd') // 'hidden'
 */
export function sheetState(state: unknown): SheetState {
  return state === undefined || state === 'visible' ? 'visible' : state === 'veryHidden' ? 'veryHidden' : 'hidden';
}

/**
 * How the library's messages name the option that picks a sheet (`readXlsx`'s `sheet`); the command line puts its
 * flag in its place (`--sheet`, `--sheet-copy`), so that each reader is told what it can set.
 */
export const SHEET_OPTION = 'the sheet option';

/**
 * The error of a read whose workbook has no visible sheet (Excel refuses to hide the last one; other writers do not):
 * which of the hidden sheets holds the register is not for ddss to guess.
 * @example hiddenSheetsError('w.xlsx', sheets) // 'ddss: every sheet of w.xlsx is hidden: "A" (hidden), …; choose the one to read with the sheet option'
 */
export function hiddenSheetsError(workbook: string, sheets: readonly WorkbookSheet[]): Error {
  return new Error(`ddss: every sheet of ${workbook} is hidden: ${sheets.map(describedSheet).join(', ')}; ` +
    `choose the one to read with ${SHEET_OPTION}`);
}

/** What `workbookSheets` reads of exceljs' reader: workbook.xml's sheets and the workbook's relationships. */
export interface ListedSheets {
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly state?: string; readonly rId?: string }[] };
  readonly workbookRels?: readonly { readonly Id?: string; readonly Type?: string }[];
}

/**
 * The worksheets a workbook lists, in workbook order, or undefined before its workbook part is read. A chart sheet
 * (or a dialog or macro sheet) is left out: it holds no cells, and exceljs never reads it, so as a default it read as
 * "the workbook has no sheets".
 * @example workbookSheets(reader) // [{ name: 'Old copy', state: 'hidden' }, { name: 'Data', state: 'visible' }]
 */
export function workbookSheets(reader: ListedSheets): readonly WorkbookSheet[] | undefined {
  const sheets = reader.model?.sheets;
  if (sheets === undefined) return undefined;
  const type = (rId: string | undefined) => reader.workbookRels?.find((r) => r.Id === rId)?.Type;
  return sheets.filter((s) => !/\/(chartsheet|dialogsheet|xlMacrosheet|xlIntlMacrosheet)$/i.test(type(s.rId) ?? ''))
    .map((s) => ({ name: s.name, state: sheetState(s.state) }));
}

/**
 * A sheet's name quoted as a JSON string (one holding a quote or a line break stays on one line), with its state.
 * @example describedSheet({ name: 'Old copy', state: 'hidden' }) // '"Old copy" (hidden)'
 */
export function describedSheet(s: WorkbookSheet): string {
  return `${JSON.stringify(s.name)}${s.state === 'visible' ? '' : s.state === 'hidden' ? ' (hidden)' : ' (very hidden)'}`;
}

/**
 * The sheet a read takes by default: the first visible one in workbook order (the order of workbook.xml, not of the
 * zip entries), or `first`, the first sheet exceljs gives, when the workbook has not listed its sheets. A workbook
 * whose sheets are all hidden is not read.
 * @example defaultTarget(workbookSheets(reader), ws.name, 'w.xlsx') // 'Data'
 */
export function defaultTarget(sheets: readonly WorkbookSheet[] | undefined, first: string, workbook: string | undefined): string | undefined {
  if (sheets === undefined) return first;
  const target = defaultSheet(sheets);
  if (target === undefined && sheets.length > 0) throw hiddenSheetsError(workbook ?? 'the workbook', sheets);
  return target;
}

/**
 * The error of a read that found no sheet to read: the sheet asked for (or the default), its part and why it was not
 * read when the workbook lists it, else the sheets it has.
 * @example sheetNotFound(reader, 'Data', seen) // Error: the sheet "Data" (xl/data/register.xml) was not read: …
 */
export function sheetNotFound(reader: CheckedWorkbookReader, asked: string | undefined, seen: readonly string[]): Error {
  const listed = workbookSheets(reader);
  const wanted = asked === undefined ? (listed === undefined ? undefined : defaultSheet(listed))
    : listed?.find((s) => s.name.normalize('NFC') === asked.normalize('NFC'))?.name;
  // A sheet the workbook lists whose part exceljs never gave: say which part, and why when it is known.
  const part = wanted === undefined ? undefined : reader.unreadSheet(wanted);
  if (wanted !== undefined && part !== undefined) {
    return new Error(`the sheet "${wanted}" (${part.path}) was not read: ${part.why ?? 'exceljs gave no sheet for its part'}`);
  }
  // exceljs sets the model from xl/workbook.xml: a zip without it is no .xlsx workbook (an .ods or .docx renamed).
  if (reader.model === undefined) {
    return new Error('it is not an Excel workbook: its zip has no xl/workbook.xml, which lists the sheets of an .xlsx ' +
      'workbook (an OpenDocument .ods, or another zip file named .xlsx?); open it in Excel or LibreOffice and save it as .xlsx');
  }
  if (asked === undefined) return new Error('the workbook has no sheets');
  const sheets = listed?.map((s) => s.name) ?? seen;
  return new Error(`no sheet "${asked}" in the workbook; its sheets: ${sheets.map((s) => `"${s}"`).join(', ')}`);
}
