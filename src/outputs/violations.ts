import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { format as csvFormat } from '@fast-csv/format';
import { csvText, csvTextValue, jsonLine } from './_escape.js';
import { checkOptionKeys } from '../core/option-keys.js';
import type { Violation } from '../core/types.js';

/** The format of a violation file. */
export type ViolationFormat = 'csv' | 'ndjson';

/** Options of `writeViolations` and `violationSink`. */
export interface ViolationFileOptions {
  /** Default: from the file extension (`.csv`; `.ndjson` or `.jsonl`); `csv` for a stream. */
  readonly format?: ViolationFormat;
  /**
   * Start CSV output with a UTF-8 byte-order mark, so Excel reads Vietnamese text correctly. Default true; pass
   * false for tools that do not expect one. NDJSON never has one.
   */
  readonly bom?: boolean;
  /**
   * End the target when done. Default true; always true for a path. Pass false for `process.stdout` or a stream
   * you keep writing to.
   */
  readonly end?: boolean;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ format: true, bom: true, end: true } satisfies Record<keyof ViolationFileOptions, true>);

/** Receives violations one by one (e.g. as `onViolation`) and flushes them on `close`. */
export interface ViolationSink {
  /**
   * Queues one violation; never throws (a write error is reported by `close`). Returns a Promise while the target is
   * full, resolved once it has room (or failed): as `onViolation`, it makes the run wait for a slow disk.
   */
  write(violation: Violation): Promise<void> | undefined;
  /** Writes what is queued, ends the target (unless `end: false`) and resolves once it is all flushed. */
  close(): Promise<void>;
}

/**
 * The columns of a violation file, in their fixed order (DESIGN §6); NDJSON objects use the same key order.
 * @example VIOLATION_COLUMNS.join(',') // the CSV header line
 */
export const VIOLATION_COLUMNS = [
  'rule', 'criterion', 'severity', 'code', 'row', 'line', 'key', 'field', 'value', 'message', 'suggestion',
] as const;

/**
 * Neutralises a CSV cell that a spreadsheet would run as a formula (`= + - @`, or a leading tab, CR or NUL that some
 * importers strip first) by prefixing `'`, as OWASP recommends; a negative number (`-91600000000`, `-1.5`, `-0,25`,
 * `-1e5`, `-1.234,5` with its thousands grouped: the whole cell a number) is data, not a formula, and stays as it is.
 * A cell that begins with `'` gets one too, so the escape is reversible: a reader takes one leading `'` off a cell
 * that has one and has the value back (`'=1` was `=1`, `''=1` was `'=1`). NUL characters are then shown as `␀`,
 * because fast-csv would drop them silently and the defect must stay visible (ddss's CSV files apply it after
 * `csvText`, which has already written NUL and a CR alone as their escapes).
 * @example safeCell('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`; safeCell('-1.5') // '-1.5'
 */
export function safeCell(text: string): string {
  const safe = /^[=+\-@\t\r\0']/.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
  return safe.includes('\0') ? safe.replace(/\0/g, '\u2400') : safe;
}

/**
 * The value a violation file's CSV cell was written from (`safeCell(csvText(value))`): one leading `'` taken off, the
 * `\uXXXX` escapes read back (`csvTextValue`). What a baseline compares, so a value holding ESC, U+202E or the text
 * `\u001b` matches only itself.
 * @example csvCellValue("'=1") // '=1'; csvCellValue('a\\u001b') // 'a\u001b'
 */
export function csvCellValue(cell: string): string {
  return csvTextValue(cell.startsWith("'") ? cell.slice(1) : cell);
}

// A minus sign followed by nothing but a number (decimal point or comma, optional exponent; or thousands grouped by
// dots with a decimal comma, as Vietnamese exports write `-1.234,5`, or by commas with a decimal point): a
// spreadsheet reads it as a number, and there is no formula in it to run.
const NEGATIVE_NUMBER = /^-(?:(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;

// Lines of NDJSON are gathered into chunks of about this many characters: one write per line would cost a syscall
// per violation on millions of rows.
const CHUNK = 64 * 1024;

/**
 * A sink that writes violations as they are found, to a path or a stream, as CSV (fast-csv; formula-injection safe,
 * control, bidi and zero-width characters shown as `\uXXXX` (`csvText`, reversible), fixed column order) or NDJSON (one object per line, same field order). Values are written as the engine masked
 * them. `write` can be the validator's `onViolation`: it returns a Promise while the target is full, and the run
 * waits for it between batches of rows, so memory stays flat however slow the target is.
 * @example
 * const sink = violationSink('violations.csv');
 * const report = await validate(parcels, readCsv('parcels.csv'), { onViolation: sink.write });
 * await sink.close();
 */
export function violationSink(target: string | Writable, options: ViolationFileOptions = {}): ViolationSink {
  checkOptionKeys(options, OPTION_KEYS, 'violationSink');
  const writer = new ViolationWriter(target, options);
  return { write: (v) => (writer.write(v) ? undefined : writer.ready()), close: () => writer.close() };
}

/**
 * Streams violations (an iterable or async iterable, e.g. millions from a generator) to a CSV or NDJSON file or
 * stream, waiting for the target whenever it is full, so memory stays flat. Resolves when every byte is flushed
 * (and the file closed); rejects on the first write error.
 * @example await writeViolations('violations.ndjson', report.violations);
 */
export async function writeViolations(target: string | Writable, violations: Iterable<Violation> | AsyncIterable<Violation>,
  options: ViolationFileOptions = {}): Promise<void> {
  checkOptionKeys(options, OPTION_KEYS, 'writeViolations');
  const writer = new ViolationWriter(target, options);
  try {
    if (Symbol.asyncIterator in violations) {
      for await (const v of violations) if (!writer.write(v)) await writer.ready();
    } else {
      for (const v of violations) if (!writer.write(v)) await writer.ready();
    }
  } catch (e) {
    writer.abort(e);
  }
  await writer.close();
}

class ViolationWriter {
  private readonly dest: Writable;
  private readonly csv: Writable | undefined;
  private readonly endDest: boolean;
  private readonly ownsFile: boolean;
  private pending: string[] = [];
  private pendingChars = 0;
  private failure: unknown = undefined;
  private failWaiters: (() => void)[] = [];
  private closed = false;
  private waiting: Promise<void> | undefined;

  constructor(target: string | Writable, options: ViolationFileOptions) {
    const format = options.format ?? formatOf(target);
    this.ownsFile = typeof target === 'string';
    this.endDest = this.ownsFile || options.end !== false;
    this.dest = typeof target === 'string' ? createWriteStream(target) : target;
    this.dest.on('error', (e) => this.fail(e));
    if (format === 'csv') {
      const csv = csvFormat({ headers: [...VIOLATION_COLUMNS], alwaysWriteHeaders: true, includeEndRowDelimiter: true,
        writeBOM: options.bom !== false });
      csv.on('error', (e) => this.fail(e));
      csv.pipe(this.dest, { end: false });
      this.csv = csv;
    }
  }

  /** Queues a violation; false when the caller should wait for `ready()` before writing more. */
  write(v: Violation): boolean {
    if (this.failure !== undefined || this.closed) return true;
    if (this.csv !== undefined) return this.csv.write(VIOLATION_COLUMNS.map((c) => cell(v[c])));
    const line = ndjsonLine(v);
    this.pending.push(line);
    this.pendingChars += line.length;
    return this.pendingChars < CHUNK || this.flushPending();
  }

  /**
   * Resolves when the target can take more, or has failed or closed (a failure is reported by `close`); never
   * rejects. The same Promise while it waits, so a caller asking after every violation adds one listener, not one
   * each; its listeners are removed when it resolves, so a long run's waits leave nothing behind.
   */
  ready(): Promise<void> {
    const s = this.csv ?? this.dest;
    if (this.failure !== undefined || !s.writableNeedDrain || s.destroyed || this.dest.destroyed) return Promise.resolve();
    return (this.waiting ??= new Promise<void>((resolve) => {
      const done = (): void => {
        s.off('drain', done).off('close', done);
        this.dest.off('close', done);
        this.failWaiters = this.failWaiters.filter((w) => w !== done);
        this.waiting = undefined;
        resolve();
      };
      s.on('drain', done).on('close', done);
      // A CSV formatter does not close when its target does (a target destroyed without an error).
      if (s !== this.dest) this.dest.on('close', done);
      this.failWaiters.push(done);
    }));
  }

  abort(e: unknown): void {
    this.fail(e);
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      if (this.failure === undefined) await this.finish().catch((e: unknown) => this.fail(e));
    }
    if (this.failure !== undefined) {
      if (this.ownsFile) this.dest.destroy();
      throw this.failure;
    }
  }

  private async finish(): Promise<void> {
    if (this.csv !== undefined) {
      const done = once(this.csv, 'end');
      this.csv.end();
      await Promise.race([done, this.failed()]);
    } else {
      this.flushPending();
    }
    if (this.failure !== undefined) return;
    if (this.endDest) {
      const done = once(this.dest, 'finish');
      this.dest.end();
      await Promise.race([done, this.failed()]);
      // A file is closed only after 'finish'; wait for it so the caller can read it back at once.
      if (this.failure === undefined && this.ownsFile && !this.dest.closed) await once(this.dest, 'close');
    } else {
      // Write callbacks run in order: when this empty write's callback runs, everything before it is flushed.
      await new Promise<void>((resolve, reject) => this.dest.write('', (e) => (e ? reject(e) : resolve())));
    }
  }

  private flushPending(): boolean {
    if (this.pending.length === 0) return true;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    return this.dest.write(chunk);
  }

  private fail(e: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = e ?? new Error('ddss: violation file write failed');
    for (const w of this.failWaiters) w();
    this.failWaiters = [];
  }

  /** Resolves (never rejects) when a failure happens, to stop waiting for a stream that will not drain or finish. */
  private failed(): Promise<void> {
    return new Promise((resolve) => {
      if (this.failure !== undefined) resolve();
      else this.failWaiters.push(resolve);
    });
  }
}

function formatOf(target: string | Writable): ViolationFormat {
  if (typeof target !== 'string') return 'csv';
  if (/\.csv$/i.test(target)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(target)) return 'ndjson';
  throw new TypeError(`ddss: cannot tell the violation file format of "${target}": use .csv, .ndjson or { format }`);
}

function cell(value: string | number | undefined): string {
  // Shown escaped (`csvText`): a value of ESC sequences recoloured the terminal of whoever ran `cat`; reversibly, as
  // a baseline reads the file back (`csvCellValue`).
  return value === undefined ? '' : safeCell(csvText(String(value)));
}

function ndjsonLine(v: Violation): string {
  // Built key by key so every line has the fixed field order whatever order the violation object has.
  const o: Record<string, string | number> = {};
  for (const c of VIOLATION_COLUMNS) {
    const x = v[c];
    if (x !== undefined) o[c] = x;
  }
  return jsonLine(o);
}
