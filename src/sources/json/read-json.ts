import { basename, extname } from 'node:path';
import { checkOptionKeys } from '../../core/option-keys.js';
import { orDefault } from '../../core/arg-kind.js';
import type { RowBatch, TabularSource } from '../../core/source.js';
import type { SourceInfo } from '../../core/types.js';
import { binaryInput, screenBinary, type BinaryScreen } from '../binary-input.js';
import { emptyInput } from '../empty-input.js';
import { onlyZeros, withoutZeroTail, zeroTailIssue, type ZeroTailWatch } from '../zero-tail.js';
import { fileChunks } from '../file-chunks.js';
import { MAX_PIECE, decodeUtf8, type TextChunk } from './decode-utf8.js';
import { createJsonScanner, type JsonScanner } from './json-scanner.js';
import { JsonSyntaxError } from './json-syntax-error.js';
import { recordsPath, showRecordsPath } from './records-path.js';
import { utf16Json } from './utf16-json.js';

/** Options of `readJson`. */
export interface ReadJsonOptions {
  /**
   * `json`: one document, an array of records; `ndjson`: one record per line. `auto` (default) decides by the
   * extension (`.ndjson`, `.jsonl`, `.ldjson` → ndjson; `.json` → json), else by the content: `{` followed by a
   * complete value on the first line (or a first line over `maxRecordBytes`) → ndjson, anything else → json.
   */
  readonly format?: 'json' | 'ndjson' | 'auto';
  /** Name of the source in reports. Default: the file name of a path. */
  readonly name?: string;
  /** A record larger than this many bytes is not read (`record_too_large`). Default 1 MiB. */
  readonly maxRecordBytes?: number;
  /** A record nested deeper than this is not read (`too_deep`); the record object itself is level 1. Default 64. */
  readonly maxDepth?: number;
  /**
   * Where the array of records is inside the document, for an export that wraps it (`{"success": true, "data": [...]}`):
   * a dotted path of keys (`data`, `result.items`) or an RFC 6901 JSON Pointer (`/result/items`; `/v1.0/data` for a
   * key holding a dot, `~1` for a `/` in a key). The records are read one by one; the other keys are skipped
   * without being held. The read fails naming what the document holds when the path is not there, holds no array,
   * or the document is an array. JSON only (an NDJSON file has one record per line): with `format: 'ndjson'`, or
   * `auto` and an `.ndjson`/`.jsonl` name, `readJson` throws; with `auto` and any other name the input is JSON.
   */
  readonly records?: string;
}

// Every option, as a record so that adding one to `ReadJsonOptions` without listing it here is a type error.
const KEYS: Readonly<Record<keyof ReadJsonOptions, true>> = { format: true, name: true, maxRecordBytes: true, maxDepth: true, records: true };
const OPTION_KEYS: readonly string[] = Object.keys(KEYS);

/** A file path, a Node `Readable`, or any (async) iterable of byte or string chunks. */
export type JsonInput = string | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A JSON or NDJSON file as a source: batches for the engine, or an async iterable of records for direct use. */
export interface JsonSource extends TabularSource, AsyncIterable<Record<string, unknown>> {
  readonly kind: 'json' | 'ndjson';
  /** A file read by its path, as read (what `validateShard` cuts); undefined for a stream. */
  readonly file?: JsonFile;
}

/** A JSON file as `readJson(path, options)` reads it: the format declared or told by the extension (else undefined). */
export interface JsonFile {
  readonly path: string;
  readonly name: string;
  readonly format: 'json' | 'ndjson' | undefined;
  readonly maxRecordBytes: number;
  readonly maxDepth: number;
  /** The records path, as `showRecordsPath` writes it (undefined: the document is the array). */
  readonly records?: string;
}

/** Rows are handed to the engine once this many rows or issues are waiting (and at most `MAX_BATCH`). */
const MIN_BATCH = 1024;

/**
 * Reads JSON (an array of objects) or NDJSON as a stream of records, with memory bounded by one record. Records are
 * null-prototype objects (`__proto__` and `constructor` are ordinary keys); nested values are kept as they
 * are; numbers with more than 15 significant digits or a leading zero keep their exact text. Structural problems
 * are `SourceIssue`s (`non_object_element`, `duplicate_key`, `invalid_json`, `leading_zero_number`, `record_too_large`,
 * `too_deep`, `invalid_encoding`, `non_array_document`); a broken JSON document, or a stream that fails, makes the iterator
 * throw after the records before it, so `validate` reports `partial: true`.
 * @example
 * const report = await validate(parcels, readJson('parcels.ndjson'), { now: new Date('2026-11-22') });
 * for await (const record of readJson('parcels.json')) console.log(record.parcel_id);
 * for await (const record of readJson('api-export.json', { records: 'result.items' })) console.log(record.parcel_id);
 */
export function readJson(source: JsonInput, options: ReadJsonOptions = {}): JsonSource {
  // A misspelt option (`formt: 'ndjson'`, `record: 'data'`) read the input as if the user had not asked.
  checkOptionKeys(options, OPTION_KEYS, 'readJson');
  // Null is refused, not read as the default.
  const maxRecordBytes = orDefault(options.maxRecordBytes, 1_048_576);
  const maxDepth = orDefault(options.maxDepth, 64);
  // A number only: '5' passed `> 0` as text.
  if (!(typeof maxRecordBytes === 'number' && maxRecordBytes > 0)) throw new RangeError('ddss: maxRecordBytes must be a positive number');
  if (!(Number.isInteger(maxDepth) && maxDepth >= 1)) throw new RangeError('ddss: maxDepth must be an integer ≥ 1');
  const path = options.records === undefined ? undefined : recordsPath(options.records);
  const format = options.format ?? 'auto';
  // Any other text was taken for a document and named in the report as given (`source.kind: "ndjsn"`).
  if (format !== 'json' && format !== 'ndjson' && format !== 'auto') {
    throw new RangeError(`ddss: readJson format must be "json", "ndjson" or "auto", got ${JSON.stringify(format)}`);
  }
  const isPath = typeof source === 'string';
  const name = options.name ?? (isPath ? basename(source) : undefined);
  // Records inside a document: the input is one JSON document, unless its name says NDJSON (refused below).
  const declared = format === 'auto' ? byExtension(isPath ? source : options.name) ?? (path === undefined ? undefined : 'json') : format;
  if (path !== undefined && declared === 'ndjson') {
    throw new RangeError('ddss: records reads the array of records inside one JSON document; NDJSON has one record per line: ' +
      'read it without records, or as format "json" if it is one document');
  }
  const records = path === undefined ? undefined : showRecordsPath(path);
  let detected = declared;
  let bytes = 0;
  let scanner: JsonScanner | undefined;
  let error: string | undefined;
  let used = false;

  const make = (f: 'json' | 'ndjson'): JsonScanner => createJsonScanner({ format: f, maxRecordBytes, maxDepth,
    ...(path === undefined ? {} : { records: path }) });

  async function* batches(): AsyncGenerator<RowBatch> {
    if (!isPath && !Array.isArray(source)) {
      if (used) throw new Error('ddss: this JSON source is a stream and can be read only once');
      used = true;
    }
    bytes = 0;
    error = undefined;
    detected = declared;
    scanner = detected === undefined ? undefined : make(detected);
    const held: TextChunk[] = [];
    /** Text read so far, and whether any of it is data (not whitespace, not the leading BOM). */
    let text = 0;
    let data = false;
    let bom = false;
    // A file cut short by a crash ends in zero bytes: left out, and one finding after every record (as for CSV).
    const tail: ZeroTailWatch = {};
    try {
      // A file read by path fails at its end if it changed size meanwhile (`fileChunks`).
      const input = isPath ? fileChunks(source, MAX_PIECE) : source;
      // A gzip or a workbook is no JSON with a syntax error at byte 0: say what it is (`source.binary_input`); so is
      // UTF-16 text, which JSON is not read as (`source.encoding_mismatch`).
      const screen: BinaryScreen = { skipped: 0 };
      const recognise = (head: Uint8Array) => binaryInput(head) ?? utf16Json(head);
      for await (const chunk of decodeUtf8(withoutZeroTail(screenBinary(input, screen, recognise), tail))) {
        bytes += chunk.bytes;
        if (!data && chunk.text !== '') {
          if (text === 0) bom = chunk.text.charCodeAt(0) === 0xfeff;
          data = hasData(chunk.text, text === 0 && bom ? 1 : 0);
          text += chunk.text.length;
        }
        if (scanner !== undefined) {
          yield* feed(scanner, chunk);
          continue;
        }
        held.push(chunk);
        detected = sniff(held, false, maxRecordBytes, maxDepth);
        if (detected !== undefined) yield* replay((scanner = make(detected)), held);
      }
      if (screen.found !== undefined) {
        bytes += screen.skipped;
        error = screen.found.error;
        const none = (scanner ?? make(detected ?? 'json')).take();
        yield { ...none, issues: [...(none.issues ?? []), screen.found.issue] };
        return;
      }
      if (scanner === undefined) {
        detected = sniff(held, true, maxRecordBytes, maxDepth) ?? 'json';
        yield* replay((scanner = make(detected)), held);
      }
      bytes += tail.found?.bytes ?? 0;
      scanner.end();
      yield* feed(scanner, undefined);
      while (scanner.ready()) yield scanner.take();
      const last = scanner.take();
      const zeros = tail.found === undefined ? [] : [zeroTailIssue(tail.found)];
      if (data) yield zeros.length === 0 ? last : { ...last, issues: [...(last.issues ?? []), ...zeros] };
      else if (tail.found !== undefined) {
        error = onlyZeros(tail.found);
        yield { ...last, issues: [...(last.issues ?? []), ...zeros] };
      } else {
        // Nothing to read is not an empty table that passes: a finding, and the read fails (no throw: no record was lost).
        const empty = emptyInput(bytes, bom ? Uint8Array.of(0xef, 0xbb, 0xbf) : new Uint8Array(0));
        error = empty.error;
        yield { ...last, issues: [...(last.issues ?? []), empty.issue] };
      }
    } catch (e) {
      let err = e instanceof Error ? e : new Error(String(e));
      // A file that cannot be opened or read names the input, as the CSV reader does: "file not found (ENOENT)"
      // alone did not say which file. The code stays on the error.
      const code = (err as NodeJS.ErrnoException).code;
      if (typeof (err as NodeJS.ErrnoException).syscall === 'string' && code !== undefined) {
        err = Object.assign(new Error(`ddss: could not read ${name ?? 'the JSON input'}: ${err.message}`, { cause: e }), { code });
      }
      error = err.message;
      if (err instanceof JsonSyntaxError) bytes = err.offset; // read up to there, whatever the chunking
      // The input failed (not the JSON): the complete records read before count, then the run is partial.
      if (scanner !== undefined && scanner.error() === undefined) {
        while (scanner.ready()) yield scanner.take();
        if (scanner.pending() > 0) yield scanner.take();
      }
      // A document cut short whose end is zero bytes: the finding says why it broke off.
      if (tail.found !== undefined) yield { rows: [], issues: [zeroTailIssue(tail.found)] };
      throw err;
    }
  }

  return {
    get kind() {
      return detected ?? 'json';
    },
    ...(isPath ? { file: { path: source, name: name ?? basename(source), format: declared, maxRecordBytes, maxDepth,
      ...(records === undefined ? {} : { records }) } } : {}),
    batches,
    info(): SourceInfo {
      return { kind: detected ?? 'json', ...(name === undefined ? {} : { name }), encoding: 'utf8', bytes,
        records: scanner?.records() ?? 0, ...(error === undefined ? {} : { error }) };
    },
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) yield* batch.rows as Record<string, unknown>[];
    },
  };
}

/** Reads one piece (or, with none, what `end()` produced): full batches go out, a broken document throws. */
function* feed(scanner: JsonScanner, chunk: TextChunk | undefined): Generator<RowBatch> {
  if (chunk !== undefined) {
    scanner.push(chunk);
    while (!scanner.run()) yield scanner.take();
  }
  const err = scanner.error();
  if (err !== undefined) {
    while (scanner.ready()) yield scanner.take();
    yield scanner.take(); // the records before the break are still good
    throw err;
  }
  if (chunk !== undefined && scanner.pending() >= MIN_BATCH) yield scanner.take();
}

function* replay(scanner: JsonScanner, held: TextChunk[]): Generator<RowBatch> {
  for (const chunk of held.splice(0)) yield* feed(scanner, chunk);
}

/** JSON whitespace is space, tab, CR and LF; anything else from `from` on is data. */
function hasData(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return true;
  }
  return false;
}

function byExtension(path: string | undefined): 'json' | 'ndjson' | undefined {
  const ext = path === undefined ? '' : extname(path).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.ndjson' || ext === '.jsonl' || ext === '.ldjson' ? 'ndjson' : undefined;
}

/**
 * Decides the format from the first text: `[` or a scalar → json; `{` → ndjson when the first line is a complete
 * value (or longer than `cap`), else json (a pretty-printed object). `undefined` while more text is needed.
 */
function sniff(held: readonly TextChunk[], ended: boolean, cap: number, maxDepth: number): 'json' | 'ndjson' | undefined {
  const text = held.map((c) => c.text).join('');
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && /[ \t\r\n]/.test(text.charAt(i))) i++;
  const more = !ended && text.length <= cap;
  if (i === text.length) return more ? undefined : 'json';
  if (text.charCodeAt(i) !== 123) return 'json';
  const nl = text.indexOf('\n', i);
  if (nl < 0 && more) return undefined;
  // A first line longer than a record may be: a pretty-printed object would have broken lines by now, so it is
  // one huge record, which ndjson reads (and rejects) without throwing away the lines after it.
  if (nl < 0 && !ended) return 'ndjson';
  const trial = createJsonScanner({ format: 'ndjson', maxRecordBytes: Infinity, maxDepth });
  trial.push({ text: text.slice(i, nl < 0 ? text.length : nl), bad: [], bytes: 0 });
  trial.run();
  trial.end();
  return trial.take().issues?.some((x) => x.code === 'invalid_json') === true ? 'json' : 'ndjson';
}
