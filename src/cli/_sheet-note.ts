import type { SheetChoice } from '../sources/xlsx/sheet-choice.js';
import { describedSheet } from '../sources/xlsx/sheet-choice.js';
import type { CliIo } from './_io.js';
import type { Locale } from '../core/types.js';

// The sheets named in a note; more are counted. Ten fit a terminal line of names as agencies give them.
const NAMED = 10;

/**
 * The stderr line saying which sheet a command read and which others the workbook has, when the workbook has more
 * than one and none was asked for; otherwise undefined. Why: with several sheets, which one was validated is not
 * obvious, and a report on the wrong one looks like any other. Names are quoted as JSON strings, so one holding a quote
 * or a line break stays on the line. `whose` and `flag` name the input and its flag for a command that reads two (`compare`:
 * `' of the copy'`, `'sheet-copy'`).
 * @example sheetNote({ name: 'Data', asked: false, sheets }) // 'ddss: read the sheet "Data" (the first visible one); the workbook also has "Old copy" (hidden), "Lists"; choose one with --sheet'
 */
export function sheetNote(choice: SheetChoice, { whose = '', flag = 'sheet', locale = 'en' }: SheetNoteWords = {}): string | undefined {
  if (choice.asked) return undefined;
  const others = choice.sheets.filter((s) => s.name !== choice.name);
  if (others.length === 0) return undefined;
  if (locale === 'vi') {
    // Under --locale vi, as the run's other lines: "(ẩn)" for a hidden sheet, "(ẩn sâu)" for a very hidden one.
    const named = others.slice(0, NAMED).map((s) => `${JSON.stringify(s.name)}${s.state === 'visible' ? '' : s.state === 'hidden' ? ' (ẩn)' : ' (ẩn sâu)'}`);
    const listed = others.length > NAMED ? `${named.join(', ')} và ${others.length - NAMED} trang tính khác` : named.join(', ');
    return `ddss: đã đọc trang tính ${JSON.stringify(choice.name)}${whose} (trang hiển thị đầu tiên); sổ làm việc còn có ${listed}; ` +
      `hãy chọn một trang bằng --${flag}`;
  }
  const named = others.slice(0, NAMED).map(describedSheet);
  const listed = others.length > NAMED ? `${named.join(', ')} and ${others.length - NAMED} others` : named.join(', ');
  return `ddss: read the sheet ${JSON.stringify(choice.name)}${whose} (the first visible one); the workbook also has ${listed}; ` +
    `choose one with --${flag}`;
}

/** How a sheet note names the input (`whose`: ' of the copy'), its flag, and the language it is said in. */
export interface SheetNoteWords {
  readonly whose?: string;
  readonly flag?: string;
  readonly locale?: Locale;
}

/**
 * The `onSheet` of a command's read of a workbook: writes its `sheetNote` to stderr as the read starts.
 * @example openInput(path, given, { ...options, onSheet: noteSheet(io) })
 */
export function noteSheet(io: CliIo, names: SheetNoteWords = {}): (choice: SheetChoice) => void {
  return (choice) => {
    const note = sheetNote(choice, names);
    if (note !== undefined) io.stderr.write(`${note}\n`);
  };
}
