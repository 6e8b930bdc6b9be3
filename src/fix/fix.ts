import { composeRename, readRename } from '../core/rename.js';
import { compile, type Plan } from '../core/compile.js';
import { maskFormer, piiProtector } from '../core/mask.js';
import { isThenable } from '../core/_validator-helpers.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { FIX_KINDS, type DatasetDefinition, type FixKind, type ValidateOptions, type Violation } from '../core/types.js';
import { readCsv } from '../sources/csv/read-csv.js';
import { byteInput } from '../sources/csv/input.js';
import { createDecoder, encodingName, type Encoding } from '../sources/decode/decoder.js';
import { encodingMismatch } from '../sources/decode/encoding-mismatch.js';
import { SNIFF_BYTES, sniffEncoding } from '../sources/decode/sniff-encoding.js';
import { resolveHeader } from '../sources/csv/header.js';
import { validate } from '../validate.js';
import { rawRecords } from './_raw-records.js';
import { rewriteRecord, splitRecord } from './_cells.js';
import { mayOffer, recordSlots } from './_trial.js';
import { resolve, type Candidate, type Decision } from './_resolve.js';
import { aggregateIds, aggregateKey, settle } from './_settle.js';
import type { FixChange, FixInput, FixOptions, FixResult } from './types.js';

/** Cells to replace, by the line their record starts on, then by column. */
type Edits = Map<number, Map<number, string>>;

// ignoreBOM: a U+FEFF at the start of a record is a character of its first cell, to be kept.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

// Every option, as a record so that adding one to `FixOptions` without listing it here is a type error.
const OPTION_KEYS: Readonly<Record<keyof FixOptions, true>> = {
  only: true, write: true, onChange: true, delimiter: true, encoding: true, toUtf8: true, name: true, rename: true, now: true,
  timeZone: true, locale: true, showValues: true, piiKey: true, failUnder: true, maxSamplesPerRule: true, references: true,
  workers: true, minBytesPerWorker: true,
};

/**
 * Fixes what is safe to fix in a UTF-8 CSV file with a header line: the suggestions that rules mark as fixes
 * (`RuleBase.fixes`: NFC, whitespace, legacy encodings, mobile prefixes, lost leading zeros, Excel serial dates) and
 * the dates a date field's type rule can read in one way only (`date-format`),
 * each applied only when it is the one possible fix and breaks no rule of the record (else `not_fixed`, with the
 * reason). The fixed file is the input byte for byte except the fixed cells (same columns, rows, line endings, BOM,
 * quoting where possible); every change, and every fixable cell left as it was, goes to `onChange`. A fix that would
 * make a duplicate (`unique`, `uniqueBy`) is found by validating the fixed file, and put back.
 * @example
 * const out = createWriteStream('fixed.csv');
 * const r = await fix(landParcels, 'parcels.csv', { write: (c) => void out.write(c), onChange: (c) => log.push(c) });
 * r.before.criteria.clean.score; r.after.criteria.clean.score; // e.g. 0.95 → 0.99
 */
export async function fix(definition: DatasetDefinition, source: FixInput, options: FixOptions = {}): Promise<FixResult> {
  // Ignored, a misspelt option changed what is written without a word: `Only: ['nfc']` fixed every kind.
  checkOptionKeys(options, Object.keys(OPTION_KEYS), 'fix');
  if (options.only !== undefined && options.only.length === 0) {
    throw new RangeError(`ddss: fix only: an empty list fixes nothing; name kinds of fix (${FIX_KINDS.join(', ')}), or leave it out for all`);
  }
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) throw new RangeError('ddss: the delimiter must be one character other than a quote or line break');
  const kinds = new Set<FixKind>(options.only ?? FIX_KINDS);
  const unknown = [...kinds].find((k) => !FIX_KINDS.includes(k));
  if (unknown !== undefined) throw new RangeError(`ddss: unknown fix kind "${String(unknown)}"; kinds: ${FIX_KINDS.join(', ')}`);
  const encoding = encodingName(options.encoding ?? 'utf8');
  if (encoding === undefined) throw new RangeError(`ddss: unknown encoding "${options.encoding ?? ''}"`);
  if (encoding !== 'utf8' && options.toUtf8 !== true) {
    throw new Error(`ddss: fix rewrites UTF-8 files only; pass toUtf8 to write this ${encoding} file as UTF-8`);
  }
  // A legacy-encoded file is fixed as its UTF-8 text: every pass reads the conversion, and the output is UTF-8.
  const open = (): AsyncIterable<Uint8Array> => encoding === 'utf8' ? byteInput(source).open() : utf8Of(byteInput(source).open(), encoding);
  // Every pass reads the conversion, so no pass sees the bytes as they are: a file already in UTF-8, declared as
  // TCVN3, was validated as clean converted text and written garbled in every accented letter, with nothing in the log.
  if (encoding !== 'utf8') await refuseMismatch(byteInput(source).open(), encoding);
  const plan = compile(definition);
  const slots = recordSlots(plan);
  const run: ValidateOptions = {
    now: options.now ?? new Date(), // one time for every pass, so before, trials and after judge alike
    ...pick(options, ['timeZone', 'locale', 'showValues', 'piiKey', 'failUnder', 'maxSamplesPerRule', 'references']),
  };
  const name = options.name ?? (typeof source === 'string' ? source : undefined);
  // A renamed header (the definition's rename under options.rename) is read renamed by every pass, and where the
  // records to fix are found; the fixed file is written with the header as it is (its bytes).
  const rename = composeRename(readRename(definition.rename, Object.keys(definition.fields)), options.rename);
  const csv = { delimiter, encoding: 'utf8', ...(name === undefined ? {} : { name }), ...(rename === undefined ? {} : { header: rename }) };

  const wanted = new Map<number, { row: number; key: string | undefined; fields: Set<string> }>();
  const duplicates = new Set<string>();
  const aggregates = aggregateIds(plan);
  // Records with more cells than the header: which column a value belongs to is a guess (an unquoted comma split a
  // name, and " Văn Tám" under `note` was trimmed), so their cells are left for a person to mend. So are records with
  // a stray quote, and records short of cells over several lines (both found by `gather`): a quote typed by mistake
  // ran to the next quote, the cells after it stood under the wrong columns, and trimming one rewrote `, Lai Châu"`
  // as `"Lai Châu"""`. A record short of cells on its own line is read as most are, its last cells dropped by the
  // export (empty), the others where they stand.
  const misaligned = new Set<number>();
  const note = (v: Violation): void => {
    if (v.rule === 'source.extra_cell' && v.line !== undefined) misaligned.add(v.line);
    const agg = aggregateKey(aggregates, v);
    if (agg !== undefined) duplicates.add(agg);
    if (!mayOffer(plan, slots.get(v.rule), v, kinds) || v.line === undefined || v.row === undefined || v.field === undefined
      || !plan.fieldIndex.has(v.field)) return;
    const w = wanted.get(v.line) ?? { row: v.row, key: v.key, fields: new Set<string>() };
    w.fields.add(v.field);
    wanted.set(v.line, w);
  };
  // Only this validation reads the input as it is, so only it can be cut into byte ranges for worker threads.
  const before = await validate(definition, readCsv(encoding === 'utf8' ? source : open(), csv),
    { ...run, ...pick(options, ['workers', 'minBytesPerWorker']), onViolation: note });
  const none = { nfc: 0, whitespace: 0, 'legacy-encoding': 0, 'phone-prefix': 0, 'leading-zero': 0, 'excel-date': 0, 'date-format': 0 };
  if (before.partial) return { before, after: before, fixed: 0, notFixed: 0, byKind: none };
  const read = before.source?.encoding ?? 'utf8';
  if (read !== 'utf8') throw new Error(`ddss: fix rewrites UTF-8 files only; this input reads as ${read} (declare its encoding and pass toUtf8)`);

  const { candidates, keys, unreadable, unsure } = await gather(open, delimiter, wanted, rename);
  for (const line of unsure) misaligned.add(line);
  const decisions = await resolve(plan, slots, candidates, kinds, run);
  for (const [c, fields] of unreadable) {
    decisions.set(c, [...fields].map((field): Decision => ({ field, before: '', status: 'not_fixed', reason: 'invalid_encoding', path: [] })));
  }
  for (const [c, ds] of decisions) {
    if (misaligned.has(c.line)) decisions.set(c, ds.map((d): Decision => (d.status !== 'fixed' ? d
      : { field: d.field, before: d.before, status: 'not_fixed', reason: 'misaligned', path: d.path })));
  }
  const editsOf = (): Edits => {
    const edits: Edits = new Map();
    for (const [c, ds] of decisions) {
      for (const d of ds) {
        if (d.status !== 'fixed') continue;
        const cells = edits.get(c.line) ?? new Map<number, string>();
        cells.set(keys.indexOf(d.field), d.after);
        edits.set(c.line, cells);
      }
    }
    return edits;
  };
  const after = await settle(plan, decisions, duplicates,
    (onViolation) => validate(definition, readCsv(fixedBytes(open, editsOf(), delimiter), csv), { ...run, onViolation }));
  const byKind = { ...none };
  let fixed = 0;
  let notFixed = 0;
  const show = shower(plan, options);
  const order = (a: Decision, b: Decision): number => (plan.fieldIndex.get(a.field) ?? 0) - (plan.fieldIndex.get(b.field) ?? 0);
  for (const c of [...decisions.keys()].sort((a, b) => a.line - b.line)) {
    for (const d of (decisions.get(c) ?? []).sort(order)) {
      const kindsOf = [...new Set(d.path.map((o) => o.kind))];
      if (d.status === 'fixed') {
        fixed++;
        for (const k of kindsOf) byKind[k]++;
      } else notFixed++;
      const wait = options.onChange?.(change(c, d, kindsOf, show));
      if (isThenable(wait)) await wait;
    }
  }
  if (options.write !== undefined) for await (const chunk of fixedBytes(open, editsOf(), delimiter)) await options.write(chunk);
  return { before, after, fixed, notFixed, byKind };
}

function change(c: Candidate, d: Decision, kinds: readonly FixKind[], show: Shower): FixChange {
  return {
    status: d.status, row: c.row, line: c.line, ...(c.key === undefined ? {} : { key: c.key }), field: d.field,
    rule: d.path.map((o) => o.rule).join('+'), code: d.path.map((o) => o.code).join('+'), kind: kinds.join('+'),
    // Beside the fixed value, the former one is masked without its head (maskFormer): together they show no more.
    before: show(d.before, d.field, d.status === 'fixed'),
    ...(d.status === 'fixed' ? { after: show(d.after, d.field) } : { reason: d.reason, ...(d.detail === undefined ? {} : { detail: d.detail }) }),
  };
}

/** Shows a value of `field` in the change log; `former`: the value a fix replaced, shown beside the fixed one. */
type Shower = (text: string, field: string, former?: boolean) => string;

/** A value as the change log shows it: masked (or hashed) on a personal field unless `showValues`. */
function shower(plan: Plan, options: FixOptions): Shower {
  if (options.showValues === true) return (text) => text;
  const protect = piiProtector(options.piiKey);
  return (text, field, former = false) => {
    const pii = plan.fields[plan.fieldIndex.get(field) ?? -1]?.pii ?? false;
    if (pii === false || text === '') return text;
    return former && pii === 'mask' ? maskFormer(text) : protect(text, pii);
  };
}

/** The records named by the validation, read from the file's bytes as cells keyed like `readCsv`'s records (renamed as they are). */
async function gather(open: () => AsyncIterable<Uint8Array>, delimiter: string, wanted: ReadonlyMap<number, { row: number; key: string | undefined; fields: Set<string> }>,
  rename: Readonly<Record<string, string>> | undefined) {
  const candidates: Candidate[] = [];
  const unreadable = new Map<Candidate, ReadonlySet<string>>();
  // Records whose cells are a guess: a stray quote, or short of cells with a line break before the record's end.
  const unsure = new Set<number>();
  let keys: string[] = [];
  let first = true;
  for await (const batch of rawRecords(open(), delimiter)) {
    for (const r of batch) {
      if (first) {
        first = false;
        keys = [...resolveHeader(splitRecord(new TextDecoder().decode(r.bytes), delimiter)?.cells.map((c) => c.value) ?? [], rename ?? true, 1).keys];
        continue;
      }
      const w = wanted.get(r.line);
      if (w === undefined) continue;
      const text = decode(r.bytes);
      const cells = text === undefined ? undefined : splitRecord(text, delimiter);
      const values: Record<string, string> = {};
      cells?.cells.forEach((cell, i) => { if (i < keys.length) values[keys[i] as string] = cell.value; });
      const c: Candidate = { line: r.line, row: w.row, key: w.key, values, fields: w.fields };
      if (cells === undefined) unreadable.set(c, w.fields);
      else candidates.push(c);
      if (cells !== undefined && (cells.stray || (cells.cells.length < keys.length && /[\r\n]/.test(cells.body)))) unsure.add(r.line);
    }
  }
  return { candidates, keys, unreadable, unsure };
}

/** The input's bytes with the edited cells replaced: every other record is copied as it is. */
async function* fixedBytes(open: () => AsyncIterable<Uint8Array>, edits: Edits, delimiter: string): AsyncGenerator<Uint8Array> {
  for await (const batch of rawRecords(open(), delimiter)) {
    const parts = batch.map((r) => {
      const cells = edits.get(r.line);
      const text = cells === undefined ? undefined : decode(r.bytes);
      const record = text === undefined ? undefined : splitRecord(text, delimiter);
      return record === undefined || cells === undefined ? r.bytes : encoder.encode(rewriteRecord(record, cells, delimiter));
    });
    yield parts.length === 1 ? parts[0] as Uint8Array : Buffer.concat(parts);
  }
}

/**
 * Refuses, before anything is read as declared, an input whose first bytes say it is not in `encoding` (the
 * `encoding_mismatch` that validate reports): converting it would rewrite every accented letter.
 */
async function refuseMismatch(chunks: AsyncIterable<Uint8Array>, encoding: Encoding): Promise<void> {
  const head = new Uint8Array(SNIFF_BYTES);
  let kept = 0;
  let complete = true;
  for await (const chunk of chunks) {
    const n = Math.min(chunk.length, head.length - kept);
    head.set(chunk.subarray(0, n), kept);
    kept += n;
    if (kept === head.length) {
      complete = false;
      break;
    }
  }
  const mismatch = encodingMismatch(sniffEncoding(head.subarray(0, kept), complete), encoding);
  if (mismatch === undefined) return;
  const { likely, evidence } = mismatch.params as { likely: string; evidence: { en: string } };
  throw new Error(`ddss: fix reads this file as ${encoding}, but it looks like ${likely}: ${evidence.en}; ` +
    `converted, every accented letter would be rewritten: declare its encoding (${mismatch.suggestion ?? likely})`);
}

/** The UTF-8 bytes of a legacy-encoded input's text. */
async function* utf8Of(chunks: AsyncIterable<Uint8Array>, encoding: Encoding): AsyncGenerator<Uint8Array> {
  const decoder = createDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text !== '') yield encoder.encode(text);
  }
  const rest = decoder.end();
  if (rest !== '') yield encoder.encode(rest);
}

/** A record's text, or undefined when its bytes are not UTF-8 (rewriting it would change them). */
function decode(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

function pick<T extends object, K extends keyof T>(o: T, names: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const n of names) if (o[n] !== undefined) out[n] = o[n];
  return out;
}
