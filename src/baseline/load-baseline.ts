import { basename, extname } from 'node:path';
import { readCsv } from '../sources/csv/read-csv.js';
import { readJson } from '../sources/json/read-json.js';
import { csvCellValue, safeCell } from '../outputs/violations.js';
import type { TabularSource } from '../core/source.js';
import type { Violation } from '../core/report-types.js';
import { FingerprintCounts } from './fingerprint-counts.js';
import { TableLines, tableLevel, type BaselineLine } from './table-lines.js';
import { fileErrorText } from '../core/file-error-text.js';

/**
 * The violations of an earlier run, as `validate`'s `baseline` option takes them: a violation of the current run
 * with the same rule, code, record key and field as one of these is *known* (each baseline line is used up once,
 * so a third duplicate where the baseline had two is new). A table-level violation (no row, no key: a row count, a
 * stale table) is known only when it is not worse than the baseline's (`judgeTableLine`).
 */
export interface Baseline {
  /** The file's name, as reports show it. */
  readonly name: string;
  /** Violations in the baseline. */
  readonly violations: number;
  /** The fingerprints of (rule, code, key, field) of the record-level violations, counted. */
  readonly table: FingerprintCounts;
  /** The table-level violations, with their values. */
  readonly tables: TableLines;
}

/** The columns of a violations file a baseline needs. */
const NEEDED = ['rule', 'code', 'key', 'field'] as const;
/** The columns it reads when they are there: a line without a row or key is table-level, compared by its value. */
const WANTED = ['row', 'value'] as const;

/**
 * Reads a violations file written by `ddss validate --violations` (CSV, with or without a byte-order mark, or
 * NDJSON / JSONL, by extension; an empty NDJSON file is a run's without violations) into a baseline. Streams the file; memory is 24 to 48 bytes per distinct violation (25 MB for a million).
 * A file that is not a violations file (a needed column is missing), a damaged record or an unreadable file rejects
 * with an Error naming the file, because a baseline that was only partly read would make new problems look known.
 * @example const report = await validate(landParcels, readCsv('parcels.csv'), { baseline: await loadBaseline('old.ndjson') });
 */
export async function loadBaseline(path: string, options: { readonly name?: string } = {}): Promise<Baseline> {
  const name = options.name ?? basename(path);
  const ext = extname(path).toLowerCase();
  const source: TabularSource = ext === '.csv' ? readCsv(path, { name })
    : ext === '.ndjson' || ext === '.jsonl' ? readJson(path, { format: 'ndjson', name })
      : fail(name, 'a baseline is a violations file ending in .csv, .ndjson or .jsonl');
  const into = collector();
  let columns: readonly string[] | undefined;
  // An NDJSON violations file of a run without violations is empty (0 bytes): a baseline of nothing known, not a
  // damaged file (it was refused, exit 2, the night after a clean run). A CSV one has its header line.
  let nothing = false;
  try {
    for await (const batch of source.batches()) {
      if (batch.columns !== undefined && ext === '.csv') {
        columns = batch.columns;
        const absent = NEEDED.find((c) => !batch.columns?.includes(c));
        if (absent !== undefined) fail(name, `not a violations file: it has no "${absent}" column`);
      }
      // A control character in a cell is what the earlier run's violations quote (source.control_character of a
      // key or value), written as read: data of the file, not damage to it, so it does not refuse the baseline.
      const bad = batch.issues?.find((i) => i.severity === 'error' && i.code !== 'control_character');
      if (bad?.code === 'empty' && ext !== '.csv') {
        nothing = true;
        continue;
      }
      if (bad !== undefined) fail(name, `${bad.code.replace(/_/g, ' ')}${bad.line === undefined ? '' : ` at line ${bad.line}`}`);
      for (const row of batch.rows) into.add(cellsOf(row, columns, name, ext === '.csv'));
    }
  } catch (e) {
    if (e instanceof BaselineError) throw e;
    fail(name, fileErrorText(e));
  }
  const missing = source.info().error;
  if (missing !== undefined && !nothing) fail(name, missing);
  return into.baseline(name);
}

/**
 * A baseline from violations in memory (an earlier report's `violations`, or any list), for tests and pipelines
 * that keep them.
 * @example const baseline = baselineFrom(lastMonth.violations);
 */
export function baselineFrom(violations: Iterable<Pick<Violation, 'rule' | 'code' | 'key' | 'field' | 'row' | 'value'>>, name = 'baseline'): Baseline {
  const into = collector();
  for (const v of violations) into.add(v);
  return into.baseline(name);
}

/** Sorts baseline lines into record-level fingerprints and table-level lines as they are read. */
function collector(): { add(line: BaselineLine): void; baseline(name: string): Baseline } {
  const table = new FingerprintCounts();
  const tables = new TableLines();
  let violations = 0;
  return {
    add(line) {
      if (tableLevel(line)) tables.add(line);
      else table.add(baselineParts(line));
      violations++;
    },
    baseline: (name) => ({ name, violations, table, tables }),
  };
}

/**
 * What identifies a violation across runs: rule, code, record key and field, compared as `safeCell` writes them
 * (a NUL is shown as `␀` there, in files of earlier versions too).
 */
export function baselineParts(v: { readonly rule: string; readonly code: string; readonly key?: string | undefined; readonly field?: string | undefined }): string[] {
  return [v.rule, v.code, safeCell(v.key ?? ''), safeCell(v.field ?? '')];
}

class BaselineError extends Error {}

function fail(name: string, why: string): never {
  throw new BaselineError(`ddss: baseline ${name}: ${why}`);
}

/**
 * The cells a baseline reads from one record (an object, or an array read through the header): the four it needs,
 * and the row and value when the file has them. A CSV file's cells are read back into the values they were written
 * from (`csvCellValue`: its formula guard and `\uXXXX` escapes undone), as an NDJSON file holds them.
 */
function cellsOf(row: unknown, columns: readonly string[] | undefined, name: string, csv: boolean): BaselineLine {
  const out = { rule: '', code: '', key: '', field: '' };
  const cell = (c: string): unknown => {
    if (Array.isArray(row)) {
      const i = columns?.indexOf(c) ?? -1;
      return i < 0 ? undefined : row[i];
    }
    return typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[c] : undefined;
  };
  for (const c of NEEDED) {
    if (Array.isArray(row) && (columns?.indexOf(c) ?? -1) < 0) fail(name, `not a violations file: it has no "${c}" column`);
    const v = cell(c);
    if (v === undefined && !Array.isArray(row) && (c === 'rule' || c === 'code')) fail(name, `not a violations file: a record has no "${c}"`);
    out[c] = text(v, csv) ?? '';
  }
  if (out.rule === '' || out.code === '') fail(name, 'not a violations file: a record has an empty rule or code');
  const [rowCell, value] = WANTED.map((c) => text(cell(c), csv));
  return { ...out, row: rowCell === undefined || rowCell === '' ? undefined : Number(rowCell), value };
}

function text(v: unknown, csv: boolean): string | undefined {
  return v === undefined || v === null ? undefined : typeof v !== 'string' ? String(v) : csv ? csvCellValue(v) : v;
}
