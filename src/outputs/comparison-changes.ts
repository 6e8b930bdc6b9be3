import { writeSync } from 'node:fs';
import type { Difference } from '../compare/types.js';
import { safeCell } from './violations.js';
import { csvText, jsonLine } from './_escape.js';

/**
 * The columns of a changes file (`ddss compare --changes`), in their fixed order; NDJSON objects use the same keys
 * (camelCase: `sourceCount`, `copyCount`) and order, leaving out absent fields.
 * @example CHANGE_COLUMNS.join(',') // the CSV header line
 */
export const CHANGE_COLUMNS = ['key', 'status', 'column', 'source', 'copy', 'source_count', 'copy_count'] as const;

/** Receives differences one by one (as `onChange`) and writes them to an open file. */
export interface ChangeWriter {
  write(d: Difference): void;
  /** Writes what is buffered; the caller closes the file. */
  flush(): void;
}

const CHUNK = 64 * 1024;

/**
 * Writes differences to an open file descriptor as CSV (RFC 4180 quoting, formula-injection safe and control
 * characters shown as `\uXXXX` like violation files) or NDJSON, buffered and synchronous, so memory stays flat however many differences stream through.
 * @example const w = changeWriter(openSync('changes.csv', 'wx'), 'csv'); await compare(a, b, { key: 'id', onChange: w.write });
 */
export function changeWriter(fd: number, format: 'csv' | 'ndjson'): ChangeWriter {
  let pending: string[] = format === 'csv' ? [`${CHANGE_COLUMNS.join(',')}\r\n`] : [];
  let size = 0;
  const flush = (): void => {
    if (pending.length > 0) writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
    pending = [];
    size = 0;
  };
  return {
    write(d) {
      const line = format === 'csv' ? _csvLine(d) : jsonLine(_ordered(d));
      pending.push(line);
      size += line.length;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}

/**
 * Writes every byte: a write may take only part of them (a disk filling up takes what fits, and only the next write
 * fails), and the rest would be lost without a word.
 */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

function _csvLine(d: Difference): string {
  const cells = [d.key, d.status, d.column, d.source, d.copy, d.sourceCount, d.copyCount];
  // Shown escaped as violation files show them: a cell of ESC sequences acted on the terminal of whoever ran `cat`.
  return `${cells.map((c) => (c === undefined ? '' : _quote(safeCell(csvText(String(c)))))).join(',')}\r\n`;
}

function _quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function _ordered(d: Difference): Record<string, string | number> {
  const o: Record<string, string | number> = { key: d.key, status: d.status };
  if (d.column !== undefined) o.column = d.column;
  if (d.source !== undefined) o.source = d.source;
  if (d.copy !== undefined) o.copy = d.copy;
  if (d.sourceCount !== undefined) o.sourceCount = d.sourceCount;
  if (d.copyCount !== undefined) o.copyCount = d.copyCount;
  return o;
}
