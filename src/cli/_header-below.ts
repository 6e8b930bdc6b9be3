import type { Report } from '../core/types.js';
import { readCsv } from '../sources/csv/read-csv.js';
import { readXlsx } from '../sources/xlsx/read-xlsx.js';
import type { TabularSource } from '../core/source.js';
import type { InputOptions } from './_input.js';

/** Records looked at for a header below a title: exports put a few lines (agency, title, date) above the table. */
const ROWS = 30;
/** Cells read per record: more than any register has columns. */
const WIDTH = 512;

/** Where a header was found below the first record: its record (1-based), its line (a sheet's row number), columns named. */
export interface HeaderBelow {
  readonly row: number;
  readonly line: number;
  readonly matched: number;
}

/**
 * Looks, when most declared columns are missing from the header (`source.missing_column`), for a record below the
 * first that names them: Vietnamese agencies' exports often open with a title (`DANH SÁCH THỬA ĐẤT …`, the
 * agency, a date) above the table, and such a file reads as "none of the declared fields is a column". Reads the
 * first 30 records of the file again (a file given by path: a pipe cannot be read twice); the best record must name
 * at least two declared columns and half of them. `undefined` when there is no such record or the file cannot say.
 * @example await headerBelow(report, 'title.csv', { format: 'csv', encoding: undefined, delimiter: undefined }, fields)
 */
export async function headerBelow(report: Report, path: string, o: InputOptions, declared: readonly string[]):
  Promise<HeaderBelow | undefined> {
  const missing = report.rules.find((r) => r.id === 'source.missing_column')?.failed ?? 0;
  if (declared.length < 2 || missing * 2 < declared.length) return undefined;
  if (o.format !== 'csv' && o.format !== 'tsv' && o.format !== 'xlsx') return undefined;
  const names = new Set(declared);
  const columns = Array.from({ length: WIDTH }, (_, i) => `c${i + 1}`);
  const source: TabularSource = o.format === 'xlsx'
    ? readXlsx(path, { header: columns, ...(o.sheet === undefined ? {} : { sheet: o.sheet }), ...(o.range === undefined ? {} : { range: o.range }) })
    : readCsv(path, { header: columns, ...(o.encoding === undefined ? {} : { encoding: o.encoding }),
      delimiter: o.delimiter ?? (o.format === 'tsv' ? '\t' : ','), maxRecordBytes: 1 << 20 });
  let best: HeaderBelow | undefined;
  let first = 0;
  let row = 0;
  try {
    reading: for await (const batch of source.batches()) {
      for (let i = 0; i < batch.rows.length; i++) {
        row++;
        const cells = batch.rows[i] as readonly unknown[];
        const matched = cells.filter((c) => typeof c === 'string' && names.has(c.trim())).length;
        if (row === 1) first = matched;
        else if (matched > (best?.matched ?? first)) best = { row, line: batch.lines?.[i] ?? row, matched };
        if (row >= ROWS) break reading;
      }
    }
  } catch {
    return undefined; // the run's own report already says why the file cannot be read
  }
  return best !== undefined && best.matched >= 2 && best.matched * 2 >= declared.length ? best : undefined;
}

/**
 * The hint for a header found below a title: how to read from there (`tail` for a text file, `--range` for a sheet).
 * @example headerHint({ row: 3, line: 3, matched: 20 }, 'xlsx', 'title.xlsx', 20)
 */
export function headerHint(found: HeaderBelow, format: string, given: string, declared: number): string {
  const named = `it names ${found.matched} of the ${declared} declared columns`;
  if (format === 'xlsx') {
    // A sheet's rows are numbered as Excel shows them (empty rows are skipped by the reader, not renumbered).
    return `ddss: the header seems to be row ${found.line} of the sheet (${named}); the rows above it are no data: ` +
      `read from there with --range ${found.line}:1048576`;
  }
  return `ddss: the header seems to be line ${found.line} (${named}); the lines above it are no data: remove them, or ` +
    `read from there: tail -n +${found.line} ${JSON.stringify(given)} | ddss validate - …`;
}
