import { stat } from 'node:fs/promises';
import type { SourceIssue } from '../core/source.js';
import type { DatasetDefinition } from '../core/types.js';
import type { JsonSource } from '../sources/json/read-json.js';
import { createJsonScanner, type JsonScanner } from '../sources/json/json-scanner.js';
import type { JsonRowBatch } from '../sources/json/_record-sink.js';
import { MAX_PIECE, decodeUtf8 } from '../sources/json/decode-utf8.js';
import { JsonSyntaxError } from '../sources/json/json-syntax-error.js';
import { recordsPath } from '../sources/json/records-path.js';
import { utf16Json } from '../sources/json/utf16-json.js';
import { binaryInput, SIGNATURE_BYTES } from '../sources/binary-input.js';
import { emptyInput } from '../sources/empty-input.js';
import { fileChunks } from '../sources/file-chunks.js';
import { onlyZeros, withoutZeroTail, zeroTailIssue, type ZeroTailWatch } from '../sources/zero-tail.js';
import { anyData, byteRange, hasData, head, lineStart } from './json-shard-bytes.js';
import { inputFingerprint } from './input-fingerprint.js';
import { splitRanges } from './split.js';
import { globalLines } from './validate-parallel.js';
import type { ShardSpec } from './shard-spec.js';
import type { ShardRange, ShardState } from './shard-state.js';
import type { ShardValidateOptions } from './validate-shard.js';
import { shardCommon } from './shard-common.js';
import { lastWaits, SinkFailure } from '../core/sink-waits.js';
import { liveState } from '../core/live-state.js';

/** What a part's read hands back besides the batches it fed: its range (rows and lines come from the state). */
type Part = Omit<ShardRange, 'rows' | 'lines' | 'endings'>;
type Feed = (batch: JsonRowBatch) => void;
/** What the receiver asked to wait for since the last call (`Validator.waitForSinks`). */
type Wait = () => Promise<void> | undefined;

/**
 * Validates shard K of N of a JSON file read by `readJson(path)` and returns its state. The file's bytes are cut
 * into N equal ranges as a CSV file is. NDJSON: a shard reads only the lines that start in its range (it looks
 * past its cut for the next line break; a line is a record, whatever it holds). A JSON array cannot be cut safely
 * without reading what comes before (a cut may fall inside a string that looks like records), so every shard parses
 * the file from its start, skipping (parsing, not validating) the records that begin before its range, and stops
 * at the first record that begins after it: shard K parses K/N of the file, all shards together about (N + 1)/2
 * times the file. Records, rows, lines and findings are the one-process reader's, so the merge is byte-identical. The
 * records of a wrapped document (`readJson(path, { records })`) are cut the same way: by where each one begins.
 * @example const part = await validateShard(landParcels, readJson('parcels.ndjson'), { shard: '2/7', now: '2026-11-22' });
 */
export async function validateJsonShard(definition: DatasetDefinition, input: JsonSource, shard: ShardSpec,
  options: ShardValidateOptions): Promise<ShardState> {
  const file = input.file;
  if (file === undefined) throw new Error('ddss: a shard reads a JSON file by its path (readJson(path)), not a stream');
  const format = file.format;
  if (format === undefined) {
    throw new Error(`ddss: ${file.name}: declare whether it is json or ndjson (readJson(path, { format }), --input-format): ` +
      'a shard cannot tell from the part it reads');
  }
  const common = await shardCommon(definition, options);
  const size = (await stat(file.path)).size;
  const fingerprint = await inputFingerprint(file.path, size);
  const cuts = splitRanges(size, 0, shard.count).map((r) => r.from);
  const k = shard.index - 1;
  const v = common.validator();
  // Records inside a wrapper: every shard walks the document from its start, as for a plain array.
  const scanner = createJsonScanner({ format, maxRecordBytes: file.maxRecordBytes, maxDepth: file.maxDepth, starts: format === 'json',
    ...(file.records === undefined ? {} : { records: recordsPath(file.records) }) });
  const feed: Feed = (b) => v.addBatch(b);
  // After each piece of the file: what the receiver returned for its violations.
  const wait = (): Promise<void> | undefined => v.waitForSinks();
  let part: Part;
  // A gzip, a workbook or UTF-16 text: no shard decodes its bytes as JSON; the first says what it is, each fails (as
  // one read does).
  const first = await head(file.path, SIGNATURE_BYTES);
  const binary = binaryInput(first) ?? utf16Json(first);
  try {
    if (binary !== undefined) {
      if (k === 0) feed({ rows: [], issues: [binary.issue] });
      part = { began: cuts[k] as number, ended: k === cuts.length - 1 ? size : cuts[k + 1] as number, records: 0, error: binary.error };
    } else {
      part = format === 'ndjson' ? await ndjsonPart(file.path, size, cuts, k, scanner, feed, wait)
        : await arrayPart(file.path, cuts, k, scanner, feed, wait);
    }
    await wait();
  } catch (e) {
    throw e instanceof SinkFailure ? e.cause : e; // the caller's receiver failed, not the file
  }
  const state = liveState(v); // gives out the last graded record
  await lastWaits(v.waitForSinks());
  return {
    ...common.header,
    input: { kind: format, name: file.name, bytes: size, fingerprint, maxRecordBytes: file.maxRecordBytes, maxDepth: file.maxDepth,
      ...(file.records === undefined ? {} : { records: file.records }) },
    shard,
    range: { ...part, rows: state.rows, lines: state.lines, endings: [] },
    state,
  };
}

/**
 * NDJSON: the lines that start in [cut k, cut k+1). The scanner reads from the line break before the first (so a
 * U+FEFF opening a line mid-file is not taken for a byte order mark, as one process would not): its lines and byte
 * offsets are shifted back to the shard's own.
 */
async function ndjsonPart(path: string, size: number, cuts: readonly number[], k: number, scanner: JsonScanner, feed: Feed,
  wait: Wait): Promise<Part> {
  const began = k === 0 ? 0 : await lineStart(path, cuts[k] as number, size);
  const ended = k === cuts.length - 1 ? size : await lineStart(path, cuts[k + 1] as number, size);
  // A part with no line of its own (its cut fell in the file's last line, which has no line break after it) reads
  // nothing: from the byte before, it read that byte as a line of its own.
  const from = began === 0 || began === ended ? began : began - 1;
  const lineShift = began === 0 || began === ended ? 0 : 1;
  const local = (b: JsonRowBatch): JsonRowBatch => (lineShift === 0 && from === 0 ? b : {
    rows: b.rows,
    // The keys seen so far are the part's columns (merged shards join them in first-seen order, as one run sees them).
    ...(b.columns === undefined ? {} : { columns: b.columns }),
    ...(b.lines === undefined ? {} : { lines: Array.from(b.lines, (l) => l - lineShift) }),
    ...(b.linesRead === undefined ? {} : { linesRead: b.linesRead - lineShift }),
    ...(b.issues === undefined ? {} : { issues: b.issues.map((i) => shiftIssue(i, -lineShift, from)) }),
  });
  let data = false;
  let first = from === 0;
  let error: string | undefined;
  // Zero bytes that end the file: only the part that reads to its end can end in them (they hold no line break).
  const tail: ZeroTailWatch = {};
  try {
    for await (const chunk of decodeUtf8(withoutZeroTail(byteRange(path, from, ended, size), tail))) {
      data ||= hasData(chunk.text, first && chunk.text.charCodeAt(0) === 0xfeff ? 1 : 0);
      first = false;
      scanner.push(chunk);
      while (!scanner.run()) feed(local(scanner.take()));
      await wait();
    }
    scanner.end();
    while (scanner.ready()) feed(local(scanner.take()));
    const last = scanner.take();
    // Blank lines are no records; only a file without any data is an empty input (the first shard says so).
    const whole: ZeroTailWatch = {};
    if (data || k !== 0 || await anyData(path, whole)) feed(local(last));
    else if (whole.found !== undefined) {
      error = onlyZeros(whole.found);
      feed(local(last));
    } else {
      const empty = emptyInput(size, await head(path));
      error = empty.error;
      feed({ ...local(last), issues: [...(last.issues ?? []), empty.issue] });
    }
  } catch (e) {
    if (e instanceof SinkFailure) throw e;
    error = e instanceof Error ? e.message : String(e);
    while (scanner.pending() > 0) feed(local(scanner.take()));
  }
  if (tail.found !== undefined) feed({ rows: [], issues: [shiftIssue(zeroTailIssue(tail.found), 0, from)] });
  return { began, ended, records: scanner.records(), ...(error === undefined ? {} : { error }) };
}

/**
 * A JSON array: the records that begin in [cut k, cut k+1), parsed from the file's start. The lines before the first
 * record beginning at or after cut k belong to the shards before; the shard's lines run to the first record
 * beginning at or after cut k+1 (or the end), so the shards' lines tile the file as their records do.
 */
async function arrayPart(path: string, cuts: readonly number[], k: number, scanner: JsonScanner, feed: Feed,
  wait: Wait): Promise<Part> {
  const lo = k === 0 ? 0 : cuts[k] as number;
  const hi = k === cuts.length - 1 ? Infinity : cuts[k + 1] as number;
  let base: number | undefined = k === 0 ? 0 : undefined; // lines before the shard's part
  let next: number | undefined; // lines before the next shard's part
  let records = 0;
  let data = false;
  let bom = false;
  let text = 0;
  let bytes = 0;
  let error: string | undefined;
  // The keys of the records parsed so far, from the file's start: handed on with the next batch fed once they grew
  // (a batch that brought new keys may hold none of the shard's records).
  let columns: readonly string[] | undefined;
  let sent: readonly string[] | undefined;
  /** Feeds the records of `b` that are the shard's; false once a record of the next shard was seen. */
  const own = (b: JsonRowBatch): boolean => {
    if (b.columns !== undefined) columns = b.columns;
    const starts = b.starts as NonNullable<JsonRowBatch['starts']>;
    const lines = b.lines as readonly number[];
    const issues = b.issues ?? [];
    // Physical records in order: rows and rejected records, with where each began and its line.
    const seen = [...starts.rows.map((s, i) => ({ s, line: lines[i] as number })),
      ...issues.flatMap((x, i) => (starts.issues[i] === undefined ? [] : [{ s: starts.issues[i] as number, line: x.line as number }]))]
      .sort((a, b2) => a.s - b2.s);
    for (const r of seen) {
      if (base === undefined && r.s >= lo) base = r.line - 1;
      if (next === undefined && r.s >= hi) next = r.line - 1;
    }
    if (base === undefined) return true; // everything so far begins before the shard's part
    const mine = (s: number): boolean => s >= lo && s < hi;
    const rows: unknown[] = [];
    const rowLines: number[] = [];
    const index = new Map<number, number>();
    starts.rows.forEach((s, i) => {
      if (!mine(s)) return;
      index.set(i, rows.length);
      rows.push(b.rows[i]);
      rowLines.push(lines[i] as number - (base as number));
    });
    const kept: SourceIssue[] = [];
    issues.forEach((x, i) => {
      const s = starts.issues[i];
      if (s === undefined ? x.index === undefined || !index.has(x.index) : !mine(s)) return;
      if (s !== undefined) records++;
      kept.push({ ...x, ...(x.index === undefined ? {} : { index: index.get(x.index) as number }),
        ...(x.line === undefined ? {} : { line: x.line - (base as number) }) });
    });
    records += rows.length;
    if (rows.length > 0 || kept.length > 0) {
      const fresh = columns !== sent && columns !== undefined ? { columns } : {};
      sent = columns;
      feed({ rows, lines: rowLines, ...fresh, ...(kept.length === 0 ? {} : { issues: kept }) });
    }
    return next === undefined;
  };
  let linesRead = 0;
  /** Takes what the scanner holds: a batch it closed early, then the current one. */
  const take = (): boolean => {
    for (;;) {
      const early = scanner.ready();
      const b = scanner.take();
      linesRead = b.linesRead ?? linesRead;
      if (!own(b)) return false;
      if (!early) return true;
    }
  };
  // Every shard parses from the file's start; zero bytes that end the file are reported once (in `done`).
  const tail: ZeroTailWatch = {};
  try {
    reading: for await (const chunk of decodeUtf8(withoutZeroTail(fileChunks(path, MAX_PIECE), tail))) {
      bytes += chunk.bytes;
      if (!data && chunk.text !== '') {
        if (text === 0) bom = chunk.text.charCodeAt(0) === 0xfeff;
        data = hasData(chunk.text, text === 0 && bom ? 1 : 0);
        text += chunk.text.length;
      }
      scanner.push(chunk);
      while (!scanner.run()) if (!take()) break reading;
      // Records of the next shard read before the break: the break is the next shard's (or a later one's).
      if (!take()) break;
      if (scanner.error() !== undefined) throw scanner.error() as JsonSyntaxError;
      await wait();
    }
    if (next === undefined) {
      scanner.end();
      if (!take()) return done();
      if (scanner.error() !== undefined) throw scanner.error() as JsonSyntaxError;
      if (!data && tail.found !== undefined) error = onlyZeros(tail.found);
      else if (!data) {
        const empty = emptyInput(bytes, bom ? Uint8Array.of(0xef, 0xbb, 0xbf) : new Uint8Array(0));
        error = empty.error;
        feed({ rows: [], issues: [empty.issue] });
      }
    }
  } catch (e) {
    if (e instanceof SinkFailure) throw e;
    const err = e instanceof Error ? e : new Error(String(e));
    error = err.message;
    if (err instanceof JsonSyntaxError) bytes = err.offset;
    else if (scanner.error() === undefined && scanner.pending() > 0) take();
  }
  return done();

  function done(): Part {
    // A shard with no record of its own (or none after its cut) ends where the input's lines end.
    const from = base ?? linesRead;
    const to = next ?? linesRead;
    // Once: by the last shard, or by a shard whose read broke at the end (the merge stops at the first of those).
    if (tail.found !== undefined && (k === cuts.length - 1 || error !== undefined)) feed({ rows: [], issues: [zeroTailIssue(tail.found)] });
    feed({ rows: [], linesRead: to - from });
    return {
      began: from, ended: to, records,
      ...(error === undefined ? {} : { error: globalLines(error, -from), bytes }),
    };
  }
}

/** An issue's line moved by `lines`, its byte offset (when it names one) by `bytes`. */
function shiftIssue(issue: SourceIssue, lines: number, bytes: number): SourceIssue {
  const offset = issue.params?.offset;
  return {
    ...issue,
    ...(issue.line === undefined ? {} : { line: issue.line + lines }),
    ...(typeof offset === 'number' && bytes !== 0 ? { params: { ...issue.params, offset: offset + bytes } } : {}),
  };
}
