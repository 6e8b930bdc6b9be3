import { writeSync } from 'node:fs';
import type { Difference } from '../compare/types.js';
import { safeCell } from './violations.js';

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
 * Writes differences to an open file descriptor as CSV (RFC 4180 quoting, formula-injection safe like violation
 * files) or NDJSON, buffered and synchronous, so memory stays flat however many differences stream through.
 * @example const w = changeWriter(openSync('changes.csv', 'wx'), 'csv'); await compare(a, b, { key: 'id', onChange: w.write });
 */
export function changeWriter(fd: number, format: 'csv' | 'ndjson'): ChangeWriter {
  let pending: string[] = format === 'csv' ? [`${CHANGE_COLUMNS.join(',')}\r\n`] : [];
  let size = 0;
  const flush = (): void => {
    if (pending.length > 0) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(d) {
      const line = format === 'csv' ? _csvLine(d) : `${JSON.stringify(_ordered(d))}\n`;
      pending.push(line);
      size += line.length;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}

function _csvLine(d: Difference): string {
  const cells = [d.key, d.status, d.column, d.source, d.copy, d.sourceCount, d.copyCount];
  return `${cells.map((c) => (c === undefined ? '' : _quote(safeCell(String(c))))).join(',')}\r\n`;
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
