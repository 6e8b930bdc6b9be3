import type { RowBatch, SourceRead, TabularSource } from '../core/source.js';
import { SHEET_OPTION } from '../sources/xlsx/sheet-choice.js';

/**
 * A workbook source whose read errors name the command line's flag where the library names its option: "choose one
 * of its other sheets with the sheet option" becomes "… with --sheet" (`compare`: `--sheet-copy`), since a user of
 * the command has no options object to set. The error itself is kept (its class, its cause), only its words change.
 * @example withSheetFlag(readXlsx(path, { name }), '--sheet-copy')
 */
export function withSheetFlag(source: TabularSource, flag: string): TabularSource {
  return {
    ...source,
    batches: (read?: SourceRead) => _flagged(source.batches(read), flag),
  };
}

async function* _flagged(batches: AsyncIterable<RowBatch>, flag: string): AsyncGenerator<RowBatch> {
  try {
    yield* batches;
  } catch (e) {
    if (e instanceof Error) e.message = e.message.replaceAll(SHEET_OPTION, flag);
    throw e;
  }
}
