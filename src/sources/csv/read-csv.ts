import { createAssembler } from './assembler.js';
import { detectDelimiter } from './detect-delimiter.js';
import { byteInput, type CsvInput } from './input.js';
import { createScanner, type CsvScanner, type LineEnding } from './scanner.js';
import { checkHeaderOption, headerWith, type HeaderOption } from './header.js';
import { batchRecords } from '../batch-records.js';
import { createDecoder, encodingName, type Encoding } from '../decode/decoder.js';
import { encodingMismatch } from '../decode/encoding-mismatch.js';
import { SNIFF_BYTES, sniffEncoding } from '../decode/sniff-encoding.js';
import { screenBinary, type BinaryScreen } from '../binary-input.js';
import { emptyInput } from '../empty-input.js';
import { onlyZeros, withoutZeroTail, zeroTailIssue, type ZeroRun, type ZeroTailWatch } from '../zero-tail.js';
import type { RowBatch, SourceIssue, SourceRead, TabularSource } from '../../core/source.js';
import type { SourceInfo } from '../../core/types.js';
import { checkOptionKeys } from '../../core/option-keys.js';
import { orDefault } from '../../core/arg-kind.js';
import { batchSizeOf } from '../batch-size.js';

export interface CsvOptions {
  /** One character, or `'auto'` to pick `,` `;` or tab from the header line. Default `,`. */
  readonly delimiter?: string;
  /** `utf8` (default), `utf16le`, `windows-1258`, `tcvn3` or `vni` (aliases such as `utf-8` accepted). */
  readonly encoding?: Encoding | (string & {});
  /** `true` (default): the first line names the columns; an array: these names, the file has no header line; an
   * object: the first line, with columns renamed `{ from: to }`. */
  readonly header?: HeaderOption;
  /** A record larger than this (UTF-8 bytes of its text) is reported and skipped. Default 1 MiB. */
  readonly maxRecordBytes?: number;
  /** The name shown in reports. Default: the file path. */
  readonly name?: string;
  /**
   * Rows per batch handed to the engine. Default 256: the rows of a batch are alive until it is validated, and the
   * garbage collector copies what is alive when it runs, so larger batches measured more GC work (bench/CSV-PARSERS.md).
   */
  readonly batchSize?: number;
  /**
   * Receives the first line ending of each kind instead of a `mixed_line_endings` issue. For a byte range of a file:
   * a range that is handed its header (`header` an array) starts inside the file, so findings about the input as a
   * whole (`empty`, `encoding_mismatch`) are not its to make either.
   */
  readonly onEnding?: (kind: LineEnding, line: number) => void;
}

/** A record of `readCsv` iterated directly: a null-prototype object keyed by header (see `recordKeys`). */
export type CsvRecord = Readonly<Record<string, string>>;

/** A CSV source: batches for the engine, and an async iterable of records for direct use. */
export interface CsvSource extends TabularSource, AsyncIterable<CsvRecord> {
  readonly kind: 'csv';
  /**
   * Set when the input can be split into byte ranges for worker threads (a file path, a splittable encoding). `rename`
   * is the `header` rename map: every range reads the header line under it, and knows that line as written.
   */
  readonly file?: { readonly path: string; readonly csv: { readonly delimiter: string; readonly encoding: string; readonly maxRecordBytes: number; readonly name: string; readonly rename?: Readonly<Record<string, string>> } };
}

const DEFAULT_MAX_RECORD = 1024 * 1024;

// Every option, as a record so that adding one to `CsvOptions` without listing it here is a type error.
const KEYS: Readonly<Record<keyof CsvOptions, true>> = {
  delimiter: true, encoding: true, header: true, maxRecordBytes: true, name: true, batchSize: true, onEnding: true,
};
const OPTION_KEYS: readonly string[] = Object.keys(KEYS);

/**
 * Reads a CSV file or stream lazily (nothing is opened until iteration). Structural problems are issues, never
 * exceptions; an input that fails mid-way (I/O error, stream error) makes the iterator throw an Error naming the
 * source and the bytes read, which `validate` reports as `partial: true`.
 * Iterated directly it yields one null-prototype object per evaluated row: a missing cell is an absent key, extra
 * cells are left out, and a blank or repeated header at column n is keyed `<name>_<n>`.
 * @example
 * const report = await validate(landParcels, readCsv('parcels.csv', { encoding: 'tcvn3' }));
 * for await (const r of readCsv('parcels.csv')) console.log(r.parcel_id);
 */
export function readCsv(input: CsvInput, options: CsvOptions = {}): CsvSource {
  // A misspelt option (`delimeter: ';'`) read the file with the default, as if the user had not asked.
  checkOptionKeys(options, OPTION_KEYS, 'readCsv');
  checkHeaderOption(options.header, 'readCsv');
  return readCsvRenamed(input, options, undefined);
}

/**
 * `readCsv` of a byte range of a renamed file (`readCsvRange`): `options.header` is the header line's cells as written,
 * which a repeated header line holds, and the columns are those cells renamed by `rename`.
 * @example readCsvRenamed(bytes, { header: ['Mã thửa', 'area_m2'], onEnding }, { 'Mã thửa': 'parcel_id' })
 */
export function readCsvRenamed(input: CsvInput, options: CsvOptions, rename: Readonly<Record<string, string>> | undefined): CsvSource {
  const encoding = encodingName(options.encoding ?? 'utf8');
  if (encoding === undefined) throw new RangeError(`ddss: unknown encoding "${options.encoding}"`);
  const delimiter = options.delimiter ?? ',';
  if (delimiter !== 'auto' && (delimiter.length !== 1 || '"\r\n'.includes(delimiter))) {
    throw new RangeError(`ddss: the delimiter must be one character other than a quote or line break, or 'auto'`);
  }
  const maxRecordBytes = orDefault(options.maxRecordBytes, DEFAULT_MAX_RECORD); // null is refused, not the default
  if (!(maxRecordBytes >= 1 && Number.isFinite(maxRecordBytes))) throw new RangeError('ddss: maxRecordBytes must be ≥ 1');
  const batchSize = batchSizeOf(options.batchSize, 256, 'readCsv');
  const header = options.header ?? true;
  const source = byteInput(input);
  const name = options.name ?? source.name;
  let info: SourceInfo = { kind: 'csv', ...(name === undefined ? {} : { name }), encoding, bytes: 0, records: 0 };
  // A range handed its header (an array) starts inside the file; the first range reads the header line (`true`, or a
  // rename map), so the findings about the input as a whole are its to make.
  const wholeInput = options.onEnding === undefined || !Array.isArray(header);

  async function* batches(read?: SourceRead): AsyncGenerator<RowBatch> {
    const named = headerWith(header, read?.rename);
    let bytes = 0;
    let asm: ReturnType<typeof createAssembler> | undefined;
    let used: Encoding = encoding as Encoding;
    const update = (error?: string): void => {
      info = { kind: 'csv', ...(name === undefined ? {} : { name }), encoding: used, bytes, records: asm?.records ?? 0,
        ...(error === undefined ? {} : { error }) };
    };
    try {
      const decoder = createDecoder(encoding as Encoding, (offset, at) => asm?.invalid(offset, at));
      asm = createAssembler({ header: named, rename, maxRecordBytes, batchSize, encoding: () => decoder.encoding,
        ...(options.onEnding === undefined ? {} : { onEnding: options.onEnding }) });
      const a = asm;
      let scanner: CsvScanner | undefined;
      let pending = '';
      let textAt = 0;
      const push = (text: string, final: boolean): void => {
        if (text !== '') {
          a.text(text, textAt);
          textAt += text.length;
        }
        if (scanner === undefined) {
          pending += text;
          const head = pending.length > maxRecordBytes ? pending.slice(0, maxRecordBytes) : pending;
          const d = delimiter !== 'auto' ? delimiter : detectDelimiter(head, final || head.length < pending.length);
          if (d === undefined) return;
          scanner = createScanner({ delimiter: d, maxRecordBytes }, a);
          a.bind(scanner);
          text = pending;
          pending = '';
        }
        scanner.write(text);
        a.settle();
        if (final) scanner.end();
      };
      // The first bytes, kept to say what the input is when it is not what was declared (or holds nothing).
      const head = new Uint8Array(wholeInput ? SNIFF_BYTES : 0);
      let kept = 0;
      // The input is screened for binary formats (a gzip, a workbook): their bytes are never decoded as text. A byte
      // range after the first starts at a record, where such bytes would be text.
      const screen: BinaryScreen = { skipped: 0 };
      // A file cut short by a crash ends in zero bytes: they are held back, and left out if they end the input.
      const tail: ZeroTailWatch = {};
      const unit = (): number => (decoder.encoding === 'utf16le' || decoder.encoding === 'utf16be' ? 2 : 1);
      const chunks = withoutZeroTail(wholeInput ? screenBinary(source.open(), screen) : source.open(), tail, unit);
      for await (const chunk of chunks) {
        if (kept < head.length) {
          const n = Math.min(chunk.length, head.length - kept);
          head.set(chunk.subarray(0, n), kept);
          kept += n;
        }
        bytes += chunk.length;
        // Once stopped, the rest is only counted, so that info() does not depend on how the input was chunked.
        if (a.stopped) continue;
        push(decoder.write(chunk), false);
        used = decoder.encoding;
        update();
        yield* a.take();
      }
      const read = bytes;
      bytes += screen.skipped + (tail.found?.bytes ?? 0);
      const binary = screen.found;
      if (!a.stopped && binary === undefined) push(decoder.end(), true);
      used = decoder.encoding;
      const whole = binary !== undefined ? { issues: [binary.issue], error: binary.error }
        : wholeInput ? inputIssues(head.subarray(0, kept), read, textAt === 0, used, tail.found) : {};
      // A range of a file ends in the zeros only when it ends the file (see withoutZeroTail): it reports them too.
      a.finish([...whole.issues ?? [], ...(tail.found === undefined ? [] : [zeroTailIssue(tail.found)])]);
      update(a.error ?? whole.error);
      yield* a.take();
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e);
      // "after 0 bytes" says nothing when the file did not even open (`file not found (ENOENT)`).
      const message = `ddss: could not read ${name ?? 'the CSV input'}${bytes > 0 ? ` after ${bytes} bytes` : ''}: ${cause}`;
      update(message);
      // The code of a file that cannot be read (`ENOENT`) stays on the error, for callers to tell the cause.
      const code = (e as NodeJS.ErrnoException | undefined)?.syscall === undefined ? undefined : (e as NodeJS.ErrnoException).code;
      throw Object.assign(new Error(message, { cause: e }), code === undefined ? {} : { code });
    }
  }

  // Byte ranges need line breaks and quotes that are single bytes no other character contains, and a header line (read
  // as it is, or renamed: each range is handed the line as written and the rename, so it still knows the line again).
  const splittable = typeof input === 'string' && (encoding === 'utf8' || encoding === 'windows-1258') &&
    delimiter !== 'auto' && !Array.isArray(header) && rename === undefined;
  const renamed = header === true ? {} : { rename: header as Readonly<Record<string, string>> };
  return {
    kind: 'csv',
    ...(splittable ? { file: { path: input, csv: { delimiter, encoding, maxRecordBytes, name: name ?? input, ...renamed } } } : {}),
    batches,
    info: () => info,
    [Symbol.asyncIterator]: () => batchRecords<string>(batches()),
  };
}

/**
 * Findings about the input as a whole: `empty` (no text at all: 0 bytes or only a byte order mark; the read fails),
 * and `encoding_mismatch` (its first bytes say it is not in the encoding it was read with). `bytes` leaves out a
 * zero-filled tail (`zeros`): an input of nothing else fails as an empty one does, its finding being the tail's.
 */
function inputIssues(head: Uint8Array, bytes: number, noText: boolean, used: Encoding, zeros: ZeroRun | undefined):
  { issues?: SourceIssue[]; error?: string } {
  if (noText && zeros !== undefined) return { error: onlyZeros(zeros) };
  if (noText) {
    const empty = emptyInput(bytes, head);
    return { issues: [empty.issue], error: empty.error };
  }
  const mismatch = encodingMismatch(sniffEncoding(head, bytes <= head.length), used);
  return mismatch === undefined ? {} : { issues: [mismatch] };
}
