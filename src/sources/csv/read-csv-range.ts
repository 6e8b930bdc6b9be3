import { open } from 'node:fs/promises';
import { CHUNK_BYTES, READ_BYTES, turn } from '../file-chunks.js';
import { readCsvRenamed, type CsvOptions, type CsvSource } from './read-csv.js';
import { recordBoundaries } from './record-boundaries.js';
import type { LineEnding } from './scanner.js';
import type { SourceIssue } from '../../core/source.js';

export interface CsvRangeOptions extends Omit<CsvOptions, 'header' | 'onEnding'> {
  /** Byte offset to start at. Unless `exact`, reading starts after the first line break at or past it. */
  readonly start: number;
  readonly exact: boolean;
  /** Stop before the first record that starts at or after this byte offset. */
  readonly stop: number;
  /** The file's header line as written (before `rename`), for a range that does not start at the beginning of the file. */
  readonly columns?: readonly string[];
  /** Header columns read under other names `{ from: to }` (`readCsv`'s `header` map), in every range. */
  readonly rename?: Readonly<Record<string, string>> | undefined;
  /** Called with the range's true start as soon as it is found (before any record is read). */
  readonly onBegin?: (at: number) => void;
}

/** A CSV source over one byte range of a file, which also tells which bytes it covered. */
export interface CsvRangeSource extends CsvSource {
  /**
   * Byte offsets of the first record read and of the first record not read, and the file's size once the range was
   * read (undefined when it could not be opened); complete once iterated.
   */
  range(): { began: number; ended: number; size: number | undefined };
  /** The first line (within the range) where each kind of line ending appeared. */
  endings(): ReadonlyArray<{ kind: LineEnding; line: number }>;
}


/**
 * Reads the records of a CSV file that start in [start, stop): the range's true start is the record start after
 * the first line break at or past `start` (or `start` itself when `exact`), and it reads on past `stop` to the end
 * of the record in progress, finding record ends with the scanner's own quote rules at the byte level. Ranges cut
 * at the same offsets tile the file exactly when each guessed start is a real record start; `validateCsvParallel`
 * verifies that against the previous range's end.
 * @example readCsvRange('parcels.csv', { start: 0, exact: true, stop: 100_000_000 })
 */
export function readCsvRange(path: string, options: CsvRangeOptions): CsvRangeSource {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  let began = options.start;
  let ended = options.start;
  let size: number | undefined;
  const endings: Array<{ kind: LineEnding; line: number }> = [];

  async function* bytes(): AsyncGenerator<Uint8Array> {
    const file = await open(path, 'r');
    // Each block (READ_BYTES, cut into CHUNK_BYTES pieces as fileChunks cuts its reads) is read into a buffer of its
    // own while the previous one is validated, so the disk's latency overlaps the work (as fileChunks' read-ahead
    // does for readCsv) and no chunk is copied: chunks are its pieces.
    const read = async (at: number): Promise<Uint8Array> => {
      const buf = new Uint8Array(READ_BYTES);
      const { bytesRead } = await file.read(buf, 0, READ_BYTES, at);
      return buf.subarray(0, bytesRead);
    };
    let ahead: Promise<Uint8Array> | undefined;
    try {
      let pos = options.start;
      if (!options.exact) pos = await afterLineBreak(file, pos);
      began = pos;
      ended = pos;
      options.onBegin?.(pos);
      if (pos >= options.stop) return; // the range starts where the next one does: nothing of its own
      const boundaries = recordBoundaries(delimiter);
      let first = true;
      ahead = read(pos);
      for (;;) {
        const block = await ahead;
        ahead = undefined;
        if (block.length === 0) break;
        ahead = read(pos + block.length);
        for (let piece = 0; piece < block.length; piece += CHUNK_BYTES) {
          if (piece > 0) await turn(); // as fileChunks does between pieces: a worker's failure is heard within one
          let chunk = block.subarray(piece, Math.min(block.length, piece + CHUNK_BYTES));
          // A UTF-8 BOM at the start of the file is not part of the first field (the decoder strips it).
          const from = first && pos === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
          first = false;
          const at = pos;
          // A chunk that ends before the stop holds no record end to stop at: only its end state is needed.
          let cut = -1;
          if (at + chunk.length < options.stop) boundaries.skip(chunk, from);
          else cut = boundaries.scan(chunk, from, (end) => at + end >= options.stop);
          if (cut >= 0) chunk = chunk.subarray(0, cut);
          yield chunk;
          pos += chunk.length;
          ended = pos;
          if (cut >= 0) return;
        }
      }
    } finally {
      await ahead?.catch(() => undefined); // a read in flight finishes before its file closes
      // The size at the end of the range, for the caller to compare with the size the run started with: a file
      // truncated or grown meanwhile was not read as it was.
      size = await file.stat().then((s) => s.size, () => undefined);
      await file.close();
    }
  }

  // A later range is handed the header line as written and renames it as the first range does, so it still tells a
  // repeat of that line (two exports joined with `cat`) from data. Only the reading options go on to readCsv.
  const { rename, columns, start: _start, exact: _exact, stop: _stop, onBegin: _onBegin, ...csv } = options;
  const source = readCsvRenamed((async function* () { yield* bytes(); })(), {
    ...csv,
    header: columns ?? rename ?? true,
    name: options.name ?? path,
    onEnding: (kind, line) => endings.push({ kind, line }),
  }, columns === undefined ? undefined : rename);
  const given = options.columns !== undefined;
  return {
    ...source,
    kind: 'csv',
    async *batches() {
      for await (const batch of source.batches()) {
        if (batch.issues === undefined || (!given && began === 0)) {
          yield batch;
          continue;
        }
        // A later range is handed the header: its issues were the first range's to report. Byte offsets (invalid
        // bytes, a zero-filled tail) are counted from the range's start by its reader, and are the file's here.
        const issues = given ? batch.issues.filter((i) => i.scope !== 'header') : batch.issues;
        yield { ...batch, issues: began === 0 ? issues : issues.map((i) => atOffset(i, began)) };
      }
    },
    range: () => ({ began, ended, size }),
    endings: () => endings,
  };
}

/** An issue whose `params.offset` (a byte offset in the range) is made an offset in the file. */
function atOffset(issue: SourceIssue, began: number): SourceIssue {
  const offset = issue.params?.offset;
  return typeof offset === 'number' ? { ...issue, params: { ...issue.params, offset: offset + began } } : issue;
}

/** The offset just after the first LF, CR or CRLF at or after `pos` (the file's end when there is none). */
async function afterLineBreak(file: Awaited<ReturnType<typeof open>>, pos: number): Promise<number> {
  const buf = new Uint8Array(CHUNK_BYTES);
  let at = pos;
  for (;;) {
    const { bytesRead } = await file.read(buf, 0, CHUNK_BYTES, at);
    if (bytesRead === 0) return at;
    for (let i = 0; i < bytesRead; i++) {
      const c = buf[i];
      if (c === 0x0a) return at + i + 1;
      if (c === 0x0d) {
        if (i + 1 < bytesRead) return at + i + 1 + (buf[i + 1] === 0x0a ? 1 : 0);
        const next = new Uint8Array(1);
        const r = await file.read(next, 0, 1, at + i + 1);
        return at + i + 1 + (r.bytesRead === 1 && next[0] === 0x0a ? 1 : 0);
      }
    }
    at += bytesRead;
  }
}

/**
 * The header line of a CSV file as written (never renamed: `rename` is left out), which ranges after the first are
 * handed; empty for a file without one.
 * @example await headerLine('parcels.csv', { delimiter: ',' }) // ['parcel_id', 'area_m2', …]
 */
export async function headerLine(path: string, csv: Omit<CsvRangeOptions, 'start' | 'exact' | 'stop'>): Promise<readonly string[]> {
  const { rename: _, ...asWritten } = csv;
  const source = readCsvRange(path, { ...asWritten, start: 0, exact: true, stop: 1 });
  for await (const batch of source.batches()) if (batch.columns !== undefined) return batch.columns;
  return [];
}
