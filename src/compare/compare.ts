import { randomBytes } from 'node:crypto';
import type { RowInput } from '../core/validate.js';
import { readRename } from '../core/rename.js';
import { columnCanon, type Canon, type TextOptions } from './_canon.js';
import { Hasher, hash64 } from './_hash.js';
import { openSide, type Side } from './_side.js';
import { isTabularSource, type SourceRead } from '../core/source.js';
import { objectRows } from '../reference/_object-rows.js';
import { Spill } from './_spill.js';
import { KeyTable } from './_table.js';
import { columnList, comparedColumns } from './_columns.js';
import { losesNothing } from './loses-nothing.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { orDefault } from '../core/arg-kind.js';
import { tally, type Tally } from './_tally.js';
import type { CompareOptions, ComparisonReport, KeylessRecords } from './types.js';
import { personalColumns, type PersonalColumns } from './_personal-columns.js';
import { personalColumnName } from '../profile/personal-column.js';

const DEFAULT_BUDGET = 256 * 1024 * 1024;
// Every option, as a record so that adding one to `CompareOptions` without listing it here is a type error.
const OPTION_KEYS: Readonly<Record<keyof CompareOptions, true>> = {
  key: true, columns: true, dataset: true, ignoreCase: true, ignoreWhitespace: true, normalize: true, pii: true,
  showValues: true, piiKey: true, maxSamples: true, onChange: true, memoryBudget: true, tempDir: true,
};
/** Partitions of a spilled comparison: each holds about 1/64 of the keys, compared in memory in turn. */
const PARTITIONS = 64;

/**
 * Compares a copy with its source, key by key, in one streaming pass over each side, and returns the comparison
 * report: matched, changed (and in which columns), missing and extra records, duplicate keys (never paired), and the
 * `live` score `matched / rows.source`. Row order does not matter. The key table lives in typed arrays; past
 * `memoryBudget` both sides are hash-partitioned to temporary files and compared partition by partition. A side that
 * cannot be read whole gives status `error` and no score; it rejects only for bad options (no key, a key or compared
 * column neither header has).
 * @example
 * const r = await compare(readCsv('2025.csv'), readCsv('2026.csv'), { key: 'id_no' });
 * r.counts; // { matched: 9_870, changed: 100, missing: 20, extra: 10, duplicateKeys: 0 }
 */
export async function compare(source: RowInput, copy: RowInput, options: CompareOptions): Promise<ComparisonReport> {
  // Ignored, a misspelt option changed the comparison without a word: `PII` showed personal columns in clear.
  checkOptionKeys(options, Object.keys(OPTION_KEYS), 'compare');
  const key = columnList('key', typeof options.key === 'string' ? [options.key] : options.key);
  if (key.length === 0) throw new TypeError('ddss: compare needs a key column');
  // Null is refused, not read as the default.
  const maxSamples = orDefault(options.maxSamples, 100);
  if (!Number.isSafeInteger(maxSamples) || maxSamples < 0) throw new TypeError('ddss: maxSamples must be a whole number ≥ 0');
  const budget = orDefault(options.memoryBudget, DEFAULT_BUDGET);
  // A number only: '5' passed `> 0` as text.
  if (!(typeof budget === 'number' && budget > 0)) throw new TypeError('ddss: memoryBudget must be a positive number of bytes');
  if (options.normalize !== undefined && options.normalize !== 'nfc') throw new TypeError('ddss: normalize must be "nfc"');
  _requireKey(options);

  // The copy's header is read first, so the compared columns are known before the source streams. A dataset's
  // `rename:` reads both headers, as `validate` reads a file with it (and `ddss compare --dataset` always did).
  // Its fields too, so a header cell that is a field's name but for its form (accents decomposed) is read as it.
  const read = options.dataset === undefined ? undefined : { rename: readRename(options.dataset.rename, Object.keys(options.dataset.fields)) };
  const copySide = await _openSide(copy, 'the copy', read);
  const sourceSide = await _openSide(source, 'the source', read);
  let compared: readonly string[];
  let onlyIn: { readonly source: readonly string[]; readonly copy: readonly string[] };
  try {
    ({ compared, onlyIn } = comparedColumns({ key, named: options.columns, pii: options.pii ?? [] }, sourceSide, copySide,
      options.showValues === true));
  } catch (e) {
    await Promise.all([sourceSide.close(), copySide.close()]);
    throw e;
  }

  const text: TextOptions = { ignoreCase: options.ignoreCase === true, ignoreWhitespace: options.ignoreWhitespace === true,
    nfc: options.normalize === 'nfc' };
  const canons = [...key, ...compared].map((c) => columnCanon(c, options.dataset, text));
  const names = [...key, ...compared];
  // Columns nothing declares (no dataset field, not --pii, no personal name) are judged by their values, before any is shown.
  const pii = options.pii ?? [];
  const judge = personalColumns(names, options.showValues === true ? []
    : names.flatMap((c, i) => (options.dataset?.fields[c] === undefined && !pii.includes(c) && !personalColumnName(c) ? [i] : [])));
  const run = new Run(names, canons, key.length, budget, options.tempDir, maxSamples, options.dataset !== undefined, judge,
    options.onChange !== undefined);
  try {
    const rows = {
      source: await run.read(sourceSide, 0),
      copy: await run.read(copySide, 1),
    };
    const t = tally({ key, compared, canons, dataset: options.dataset, pii: [...pii, ...await judge.personal()],
      showValues: options.showValues === true, piiKey: options.piiKey, maxSamples, onChange: options.onChange });
    const partitions = await run.finish(t);
    // Records with a blank key, paired with nothing, are differences too: after the keys, one per blank key as read.
    for (const [parts, counts] of run.blankKeys) await t.keyless(JSON.parse(parts) as unknown[], counts[0], counts[1]);
    return _report({ key, compared, onlyIn, rows, t, options, partitions, sourceSide, copySide, keyless: run.keyless });
  } finally {
    run.dispose();
  }
}

/**
 * A side given as rows in code is screened like a reference's: a row that is not a record (null, a string, an array)
 * would be compared as a row of empty cells, so the side cannot be read whole (status `error`), naming the first.
 */
async function _openSide(input: RowInput, subject: string, read: SourceRead | undefined): Promise<Side> {
  if (isTabularSource(input)) return openSide(input, read === undefined ? {} : { read });
  const screened = objectRows(subject, input, 'they would be compared as rows of empty cells');
  const side = await openSide(screened.rows);
  return { ...side, error: () => side.error() ?? screened.refused() };
}

/** The passes of one comparison: in memory while the key table fits the budget, then through partition files. */
class Run {
  private table: KeyTable | undefined = new KeyTable();
  private spill: Spill | undefined;
  private readonly h = new Uint32Array(2);
  // Cells are hashed with a random seed per run: equal hashes mean "matched", so a copy crafted to collide with its
  // source must not be possible. Keys keep a fixed hash (they are confirmed byte for byte; partitions stay stable).
  private readonly cells = new Hasher(randomBytes(4).readUInt32LE(0), randomBytes(4).readUInt32LE(0));

  /** Records with a blank key, which are paired with nothing (a null key is no key: it matched any other null). */
  readonly keyless: { source: number; copy: number; samples: Array<KeylessRecords['samples'][number]> } = { source: 0, copy: 0, samples: [] };
  /** Each blank key as read (its parts as JSON, absent ones empty) and its records per side, when `onChange` wants them. */
  readonly blankKeys = new Map<string, [number, number]>();

  constructor(private readonly names: readonly string[], private readonly canons: readonly Canon[],
    private readonly nk: number, private readonly budget: number, private readonly tempDir: string | undefined,
    private readonly maxSamples: number, private readonly datasetMissing: boolean, private readonly judge: PersonalColumns,
    private readonly keepBlankKeys: boolean) {}

  /** Streams one side (0 source, 1 copy) into the table or the partitions; returns its record count. */
  async read(side: Side, which: 0 | 1): Promise<number> {
    const at = this.names.map((c) => side.columns.indexOf(c));
    const n = at.length;
    let count = 0;
    for await (const batch of side.batches()) {
      for (let r = 0; r < batch.length; r++) {
        const row = batch[r] as readonly unknown[];
        const raw = new Array<unknown>(n);
        for (let i = 0; i < n; i++) {
          const p = at[i] as number;
          raw[i] = p < 0 ? null : _jsonable(row[p]);
        }
        count++;
        this.judge.see(which, raw);
        if (this.blankKey(raw)) this.addKeyless(which, count, side.line(r), raw);
        else this.add(which, raw, JSON.stringify(raw));
      }
      if (this.table !== undefined && this.table.bytes() > this.budget) this.toPartitions();
    }
    return count;
  }

  /** Classifies every key into the tally; returns the number of partitions used (0: in memory). */
  async finish(t: Tally): Promise<number> {
    if (this.table !== undefined) {
      await this.table.forEach((o) => t.add(o));
      return 0;
    }
    const spill = this.spill as Spill;
    spill.close();
    for (let p = 0; p < spill.partitions; p++) {
      this.table = new KeyTable();
      for (const which of [0, 1] as const) {
        spill.lines(which, p, (line) => this.add(which, JSON.parse(line) as unknown[], line));
      }
      await this.table.forEach((o) => t.add(o));
    }
    this.table = undefined;
    return spill.partitions;
  }

  /** Whether a key cell is blank: absent, null, white space only, or (with a dataset) one of its missing values. */
  private blankKey(raw: readonly unknown[]): boolean {
    for (let i = 0; i < this.nk; i++) {
      const v = raw[i];
      if (v === null || (typeof v === 'string' && v.trim() === '')) return true;
      // A dataset's canonical form of a missing cell (`NULL`, `-`, …) is '\u0000'; without one no text is blank.
      if (this.datasetMissing && (this.canons[i] as Canon)(v) === '\u0000') return true;
    }
    return false;
  }

  private addKeyless(which: 0 | 1, record: number, line: number | undefined, raw: readonly unknown[]): void {
    const side = which === 0 ? 'source' : 'copy';
    this.keyless[side]++;
    if (this.keepBlankKeys) {
      const parts = JSON.stringify(raw.slice(0, this.nk).map((v) => v ?? ''));
      const counts = this.blankKeys.get(parts) ?? [0, 0];
      counts[which]++;
      this.blankKeys.set(parts, counts);
    }
    if (this.keyless.samples.length < this.maxSamples) this.keyless.samples.push({ side, record, ...(line === undefined ? {} : { line }) });
  }

  dispose(): void {
    this.spill?.remove();
  }

  private add(which: 0 | 1, raw: readonly unknown[], line: string): void {
    const canons = this.canons;
    const nk = this.nk;
    const keyText = nk === 1 ? (canons[0] as Canon)(raw[0]) : JSON.stringify(raw.slice(0, nk).map((v, i) => (canons[i] as Canon)(v)));
    if (this.table === undefined) {
      hash64(keyText, this.h);
      (this.spill as Spill).write(which, this.h[1] as number, line);
      return;
    }
    // The compared cells' canonical forms are hashed as they are made: no array or joined string per record.
    const hasher = this.cells.reset();
    for (let i = nk; i < canons.length; i++) hasher.add((canons[i] as Canon)(raw[i]));
    hasher.into(this.h);
    if (which === 0) this.table.addSource(keyText, this.h[0] as number, this.h[1] as number, line);
    else this.table.addCopy(keyText, this.h[0] as number, this.h[1] as number, line);
  }

  /** Moves everything the table stands for into partition files; later records go there directly. */
  private toPartitions(): void {
    const spill = new Spill(PARTITIONS, this.tempDir);
    this.spill = spill;
    (this.table as KeyTable).records((side, keyHash, raw) => spill.write(side === 'source' ? 0 : 1, keyHash, raw));
    this.table = undefined;
  }
}

/** A cell as JSON keeps it: bigints as their digits, absent cells as null (both compare as their text). */
function _jsonable(v: unknown): unknown {
  return v === undefined ? null : typeof v === 'bigint' ? String(v) : v;
}

/** Hashed personal fields need a key, or the same value hashes differently on every run. */
function _requireKey(o: CompareOptions): void {
  if (o.showValues === true || (o.piiKey !== undefined && o.piiKey !== '') || o.dataset === undefined) return;
  const hashed = Object.keys(o.dataset.fields).filter((n) => o.dataset?.fields[n]?.privacy === 'hash');
  if (hashed.length > 0) throw new TypeError(`ddss: dataset "${o.dataset.name}" hashes ${hashed.join(', ')} (pii: hash), which needs a piiKey`);
}


/** The report's `error` when both sides were read whole and held no record (the outputs say it in their locale). */
export const NOTHING_TO_COMPARE = 'nothing to compare: the source and the copy hold no records (0 rows on each side)';

interface ReportParts {
  readonly key: readonly string[];
  readonly compared: readonly string[];
  readonly onlyIn: { readonly source: readonly string[]; readonly copy: readonly string[] };
  readonly rows: { readonly source: number; readonly copy: number };
  readonly t: Tally;
  readonly options: CompareOptions;
  readonly partitions: number;
  readonly sourceSide: Side;
  readonly copySide: Side;
  readonly keyless: KeylessRecords;
}

function _report(p: ReportParts): ComparisonReport {
  // A reader's own error often starts with "ddss: " (JSON, workbooks): after the side's name, once is enough.
  const failures = [['source', p.sourceSide.error() ?? p.sourceSide.unread()], ['copy', p.copySide.error() ?? p.copySide.unread()]]
    .filter((x): x is [string, string] => x[1] !== undefined).map(([side, e]) => `${side}: ${e.replace(/^ddss: /, '')}`);
  const partial = failures.length > 0;
  // No record on either side (`[]` twice, two header-only files): nothing was compared, so nothing can be called
  // equal, as validate's "nothing to evaluate" (a key or column no header could show was never checked either).
  const error = partial ? failures.join('; ') : p.rows.source + p.rows.copy === 0 ? NOTHING_TO_COMPARE : undefined;
  const c = p.t.counts;
  // A file problem on either side (a record or a cell not read, a repeated column, bytes not in the encoding, a property
  // the first record lacks) is something not compared as written: such a copy is never said to equal its source.
  const uncompared = (issues: Readonly<Record<string, number>>) => Object.keys(issues)
    .some((code) => !losesNothing(code) && !(code === 'extra_property' && p.options.columns !== undefined));
  const problems = uncompared(p.sourceSide.issues()) || uncompared(p.copySide.issues());
  const keyless = p.keyless.source + p.keyless.copy > 0;
  // A column one side has only is a difference when every common column is compared; when `columns` names the ones
  // to compare, the others are no part of the question (listed, but a copy with more columns can equal its source).
  const oneSided = p.options.columns === undefined && p.onlyIn.source.length + p.onlyIn.copy.length > 0;
  const differs = c.changed + c.missing + c.extra + c.duplicateKeys > 0 || keyless || oneSided || problems;
  return {
    kind: 'comparison',
    schemaVersion: 1,
    status: error !== undefined ? 'error' : differs ? 'different' : 'equal',
    key: p.key,
    compared: p.compared,
    columnsOnlyIn: p.onlyIn,
    rows: p.rows,
    counts: { ...c },
    duplicates: { ...p.t.duplicates },
    ...(keyless ? { keyless: { source: p.keyless.source, copy: p.keyless.copy, samples: [...p.keyless.samples] } } : {}),
    columns: p.t.columns,
    samples: p.t.samples,
    score: partial || p.rows.source === 0 ? null : c.matched / p.rows.source,
    options: {
      dataset: p.options.dataset?.name ?? null, ignoreCase: p.options.ignoreCase === true,
      ignoreWhitespace: p.options.ignoreWhitespace === true, normalize: p.options.normalize ?? null,
    },
    source: p.sourceSide.info(),
    copy: p.copySide.info(),
    sourceIssues: { source: p.sourceSide.issues(), copy: p.copySide.issues() },
    partitions: p.partitions,
    partial,
    ...(error === undefined ? {} : { error }),
  };
}
