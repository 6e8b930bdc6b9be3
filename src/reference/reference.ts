import { checkOptionKeys } from '../core/option-keys.js';
import { openSide } from '../compare/_side.js';
import { isTabularSource } from '../core/source.js';
import { listedColumns, seemsDelimited } from '../core/columns.js';
import { recordsHint } from '../core/message.js';
import { encodingWatch } from './_encoding-watch.js';
import { recordWatch } from './_record-watch.js';
import { objectRows } from './_object-rows.js';
import { compoundCells, isCompound } from './_compound-cells.js';
import { firstSighting, lookup, newKeyTable, sight, tableBytes, type KeyTable } from '../../rules/clean/_key-table.js';
import { joinParts, keyPart, splitParts } from './_key-text.js';
import type { RowInput } from '../core/validate.js';

/** How a reference is keyed and what it keeps besides the key. */
export interface ReferenceSourceOptions {
  /** The column (or columns, a composite key) other datasets' keys are looked up by. */
  readonly key: string | readonly string[];
  /** Columns kept for each key (read back with `get`); default none, so only the keys take memory. */
  readonly columns?: readonly string[];
  /**
   * Columns kept when the source has them (an optional column of a register's format, such as a death date); a
   * source without one reads as if every cell of it were empty.
   */
  readonly optionalColumns?: readonly string[];
}

/** A reference read into memory: keys in a typed-array key table, kept cells beside each key. */
export interface ReferenceTable {
  readonly name: string;
  readonly key: readonly string[];
  /**
   * The columns kept: the required ones, and the optional ones the source can hold — those of a header, and all of
   * them for object records (JSON, rows given in code), any of which may hold one a first record leaves out.
   */
  readonly columns: readonly string[];
  /** Distinct keys held. */
  readonly size: number;
  /** Records read whose key was already held (the first is kept), and records with a missing key part (skipped). */
  readonly duplicates: number;
  /**
   * Where the first repeated key was read in the reference: its row (0-based, of the reference's own records) and
   * its physical line when the source numbers lines; messages point there, since the key itself may be personal.
   */
  readonly firstDuplicate?: ReferencePosition;
  readonly missingKeys: number;
  /** Why the reference could not be read (whole); a rule using it then errors rather than judge against part of it. */
  readonly error?: string;
  /** Whether a key (one part per key column, as text) is held. */
  has(parts: readonly string[]): boolean;
  /** A kept column's cell for a key; `undefined` when the key is not held or the cell is empty. */
  get(parts: readonly string[], column: string): string | undefined;
  /** Bytes the key table's arrays take (keys, kept cells and the hash index). */
  bytes(): number;
}

/** A record of a reference (not of the checked input): its 0-based row and, when the source numbers lines, its line. */
export interface ReferencePosition {
  readonly row: number;
  readonly line?: number;
}

/** A named reference source, read once (at the first run that needs it) and shared by every later run. */
export interface Reference {
  readonly kind: 'reference';
  readonly name: string;
  readonly key: readonly string[];
  readonly columns: readonly string[];
  /** Reads the source into a {@link ReferenceTable} (once; later calls return the same table). Never rejects. */
  load(): Promise<ReferenceTable>;
}

/**
 * Another dataset to check against (a code list, a parent register), keyed by `key`: read once into a compact key
 * table before the checked dataset streams. Keys compare as text, trimmed; records with an empty key part are
 * skipped; a repeated key keeps its first record. Give it to `validate(…, { references: { [name]: … } })`.
 * @example
 * const communes = reference('communes', readCsv('communes.csv'), { key: 'code' });
 * await validate(parcels, readCsv('parcels.csv'), { references: { communes } });
 */
export function reference(name: string, source: RowInput, options: ReferenceSourceOptions): Reference {
  // A misspelt option failed on the first run as "options.key is not iterable", or kept no column without a word.
  checkOptionKeys(options, ['key', 'columns', 'optionalColumns'] satisfies (keyof ReferenceSourceOptions)[], `reference '${name}'`);
  const key = typeof options.key === 'string' ? [options.key] : [...(options.key ?? [])];
  if (key.length === 0) throw new Error(`ddss: reference '${name}' needs a key column`);
  const columns = [...(options.columns ?? [])];
  const optional = (options.optionalColumns ?? []).filter((c) => !columns.includes(c) && !key.includes(c));
  let loaded: Promise<ReferenceTable> | undefined;
  return {
    kind: 'reference', name, key, columns,
    load: () => (loaded ??= read(name, source, key, columns, optional)),
  };
}

async function read(name: string, source: RowInput, key: readonly string[], wanted: readonly string[],
  optional: readonly string[]): Promise<ReferenceTable> {
  const t = newKeyTable();
  let columns = wanted;
  let duplicates = 0;
  let firstDuplicate: ReferencePosition | undefined;
  let missingKeys = 0;
  let error: string | undefined;
  try {
    const watch = encodingWatch(name, isTabularSource(source) && source.kind === 'csv');
    const records = recordWatch(name);
    // Rows given in code are screened for ones that are not records (a source's rows are its reader's records).
    const screened = isTabularSource(source) ? undefined
      : objectRows(`reference '${name}'`, source, 'their keys would be reported as not in it');
    // A JSON document that is one object holding its records under a key: read as one record, whose keys are not
    // the columns looked for; said with the flag that reads them.
    let wrapped = '';
    const side = await openSide(screened?.rows ?? source, { also: optional, issue: (i) => {
      watch.issue(i);
      records.issue(i);
      if (wrapped === '' && i.code === 'non_array_document') wrapped = recordsHint(i.params, 'en', 'reference-json-records') ?? '';
    } });
    const at = (c: string): number => side.columns.indexOf(c);
    const absent = [...key, ...columns].filter((c) => at(c) < 0);
    if (side.columns.length === 0 || absent.length > 0) {
      // Nothing to look keys up in. Read on, keeping nothing, to learn why: a CSV file's encoding shows only once it
      // ends, a JSON document may break after its first bytes; and reading to the end closes the file.
      for await (const batch of side.batches()) void batch;
      const unread = side.error()?.replace(/^ddss: /, '');
      error = watch.mismatch() ?? screened?.refused() ?? (unread !== undefined ? `reference '${name}' could not be read: ${unread}`
        : side.columns.length === 0 ? `reference '${name}' is empty (no header, no records)`
          : `reference '${name}' has no column ${absent.map((c) => `'${c}'`).join(', ')} (${listedColumns(side.columns)})${watch.headerHint()}${delimiterHint(side.columns)}${wrapped === '' ? '' : `; ${wrapped}`}`);
    } else {
      columns = [...wanted, ...optional.filter((c) => at(c) >= 0)];
      records.use([...key, ...columns]);
      const ki = key.map(at);
      const ci = columns.map(at);
      const parts: string[] = new Array<string>(ki.length);
      const read = [...ki, ...ci];
      const names = [...key, ...columns];
      // A JSON file's record without its key (or a kept property) is a CSV row without that cell: not read whole.
      // Optional columns may be left out (no death date). Rows given in code keep their documented reading: an object
      // without the key is a missing key (skipped).
      const json = isTabularSource(source) && (source.kind === 'json' || source.kind === 'ndjson');
      const required = json ? [...key, ...wanted] : [];
      const ri = required.map(at);
      const compound = compoundCells(name);
      let row = 0;
      for await (const batch of side.batches()) {
        for (let i = 0; i < batch.length; i++) {
          const r = batch[i] as readonly unknown[];
          // An array or object read as text is a guessed key (["00004"] as "00004"): the table is refused below.
          for (let k = 0; k < read.length; k++) {
            const v = r[read[k] as number];
            if (isCompound(v)) compound.cell(v, names[k] as string, row, side.line(i));
          }
          // One holding null or "" is an empty key (skipped, counted) or cell, as an empty CSV cell is.
          for (let k = 0; k < ri.length; k++) {
            if (r[ri[k] as number] === undefined && side.lacks(i, required[k] as string)) records.absent(required[k] as string, row, side.line(i));
          }
          let ok = true;
          for (let k = 0; k < ki.length; k++) {
            const p = keyPart(r[ki[k] as number]);
            if (p === undefined) { ok = false; break; }
            parts[k] = p;
          }
          if (!ok) { missingKeys++; row++; continue; }
          const kept = ci.length === 0 ? undefined : joinParts(ci.map((i) => keyPart(r[i]) ?? ''));
          if (sight(t, joinParts(parts), kept, row, undefined) >= 0 && duplicates++ === 0) {
            const line = side.line(i);
            firstDuplicate = line === undefined ? { row } : { row, line };
          }
          row++;
        }
      }
      const failed = side.error()?.replace(/^ddss: /, '');
      // A file in the wrong encoding also breaks records apart: its own message says what to declare, so it comes first.
      error = failed !== undefined ? `reference '${name}' could not be read whole: ${failed}`
        : watch.mismatch() ?? watch.invalid([...key, ...columns]) ?? screened?.refused() ?? records.lost() ?? compound.refused();
    }
  } catch (e) {
    error = `reference '${name}' could not be read: ${e instanceof Error ? e.message : String(e)}`;
  }
  return table(name, key, columns, t, { duplicates, firstDuplicate, missingKeys, error });
}

/** A header read as one column holding another delimiter (`code;name` read with `,`): the delimiter to declare. */
function delimiterHint(columns: readonly string[]): string {
  const d = columns.length === 1 ? seemsDelimited(columns[0] as string) : undefined;
  return d === undefined ? '' : `; its header is one column holding "${d[1]}": declare --reference-delimiter ${d[0] === '\t' ? 'tab' : `'${d[0]}'`}`;
}

/** What reading a reference found besides its keys (kept with the table, and posted to worker threads with it). */
interface ReadOutcome {
  readonly duplicates: number;
  readonly firstDuplicate?: ReferencePosition | undefined;
  readonly missingKeys: number;
  readonly error?: string | undefined;
}

/** A table as plain structured-clonable data (typed arrays), so worker threads get it rather than read it again. */
export interface ReferenceTableData {
  readonly name: string;
  readonly key: readonly string[];
  readonly columns: readonly string[];
  readonly keys: KeyTable;
  readonly duplicates: number;
  readonly firstDuplicate?: ReferencePosition;
  readonly missingKeys: number;
  readonly error?: string;
}

const DATA = new WeakMap<ReferenceTable, ReferenceTableData>();

/**
 * The plain data behind a table read by `reference()` (for worker threads).
 * @example post({ communes: referenceTableData(await communes.load()) })
 */
export function referenceTableData(t: ReferenceTable): ReferenceTableData {
  const d = DATA.get(t);
  if (d === undefined) throw new Error(`ddss: reference '${t.name}' was not read by reference()`);
  return d;
}

/**
 * The table again, from its data (in a worker thread).
 * @example referenceTableFrom(task.references.communes).has(['00004'])
 */
export function referenceTableFrom(d: ReferenceTableData): ReferenceTable {
  return table(d.name, d.key, d.columns, d.keys, d);
}

function table(name: string, key: readonly string[], columns: readonly string[], t: KeyTable, o: ReadOutcome): ReferenceTable {
  const found = {
    duplicates: o.duplicates, missingKeys: o.missingKeys,
    ...(o.firstDuplicate === undefined ? {} : { firstDuplicate: o.firstDuplicate }),
    ...(o.error === undefined ? {} : { error: o.error }),
  };
  const out: ReferenceTable = {
    name, key, columns, size: t.size, ...found,
    has: (parts) => lookup(t, joinParts(parts)) >= 0,
    get(parts, column) {
      const c = columns.indexOf(column);
      const ref = c < 0 ? -1 : lookup(t, joinParts(parts));
      if (ref < 0) return undefined;
      const kept = firstSighting(t, ref).key;
      const v = kept === undefined ? undefined : splitParts(kept)[c];
      return v === '' ? undefined : v;
    },
    bytes: () => tableBytes(t),
  };
  DATA.set(out, { name, key, columns, keys: t, ...found });
  return out;
}
