import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { safeCell } from '../outputs/violations.js';
import { whenDrained } from '../outputs/_when-drained.js';
import { csvText, jsonLine } from '../outputs/_escape.js';
import type { FixChange } from './types.js';

/**
 * The columns of a change log, in their fixed order; NDJSON objects use the same names and order.
 * @example CHANGE_LOG_COLUMNS.join(',') // the CSV header line
 */
export const CHANGE_LOG_COLUMNS = [
  'status', 'row', 'line', 'key', 'field', 'rule', 'code', 'kind', 'before', 'after', 'reason', 'detail',
] as const;

/** Receives change-log lines one by one (e.g. as `onChange`) and flushes them on `close`. */
export interface ChangeLogSink {
  /**
   * Queues one line; never throws (a write error is reported by `close`). Returns a Promise while the target is full,
   * resolved once it has room: as `onChange`, it makes `fix` wait for a slow disk.
   */
  write(change: FixChange): Promise<void> | undefined;
  /** Writes what is queued, ends the stream and resolves once it is all flushed. */
  close(): Promise<void>;
}

// Lines are gathered into chunks of about this many characters: one write per line would cost a syscall each.
const CHUNK = 64 * 1024;

/**
 * A sink writing the change log of `fix` as CSV (a UTF-8 BOM unless `bom` is false, formula-guarded cells with
 * control characters shown as `\uXXXX`, like violation files) or NDJSON (one object per line, absent values left out), in the order given. Values are written
 * as `fix` shows them (masked on personal fields unless `showValues`).
 * @example
 * const log = changeLogSink(createWriteStream('changes.csv'), { format: 'csv' });
 * await fix(landParcels, 'parcels.csv', { onChange: log.write });
 * await log.close();
 */
export function changeLogSink(dest: Writable, options: { readonly format: 'csv' | 'ndjson'; readonly bom?: boolean }): ChangeLogSink {
  let failure: unknown;
  dest.on('error', (e: unknown) => { failure ??= e; });
  const full = whenDrained(dest);
  let pending: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    dest.write(pending.join(''));
    pending = [];
    chars = 0;
  };
  const push = (line: string): void => {
    pending.push(line);
    chars += line.length;
    if (chars >= CHUNK) flush();
  };
  if (options.format === 'csv') push(`${options.bom === false ? '' : '\ufeff'}${CHANGE_LOG_COLUMNS.join(',')}\n`);
  return {
    write(c) {
      if (failure !== undefined) return undefined;
      push(options.format === 'csv' ? `${CHANGE_LOG_COLUMNS.map((k) => csvCell(c[k])).join(',')}\n` : ndjsonLine(c));
      return full();
    },
    async close() {
      if (failure === undefined) {
        flush();
        const done = once(dest, 'finish').catch((e: unknown) => { failure ??= e; });
        dest.end();
        await done;
      }
      if (failure !== undefined) throw failure;
    },
  };
}

function csvCell(x: string | number | undefined): string {
  if (x === undefined) return '';
  if (typeof x === 'number') return String(x);
  // Shown escaped as violation files show them: a value of ESC sequences acted on the terminal of whoever ran `cat`.
  const safe = safeCell(csvText(x));
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function ndjsonLine(c: FixChange): string {
  const o: Record<string, unknown> = {};
  for (const k of CHANGE_LOG_COLUMNS) if (c[k] !== undefined) o[k] = c[k];
  return jsonLine(o);
}
