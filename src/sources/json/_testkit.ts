import type { SourceIssue } from '../../core/source.js';
import { createJsonScanner, type ScannerOptions } from './json-scanner.js';

/** What `scan` read: rows with their lines, issues, the error that stopped it, and its counts. */
export interface Scanned {
  rows: unknown[];
  lines: number[];
  issues: SourceIssue[];
  error: string | undefined;
  records: number;
  linesRead: number;
  batches: number[];
}

/**
 * Scans `text` cut into pieces of `piece` characters; issues get the row's index in the whole output. For the tests
 * of the JSON reader.
 * @example scan('[{"a":1}]').rows; // [{ a: 1 }]
 */
export function scan(text: string, options: Partial<ScannerOptions> = {}, piece = text.length || 1): Scanned {
  const s = createJsonScanner({ format: 'json', maxRecordBytes: 1 << 20, maxDepth: 64, ...options });
  const out: Scanned = { rows: [], lines: [], issues: [], error: undefined, records: 0, linesRead: 0, batches: [] };
  const collect = (): void => {
    const b = s.take();
    out.batches.push(b.rows.length + (b.issues?.length ?? 0));
    for (const issue of b.issues ?? []) {
      out.issues.push(issue.index === undefined ? issue : { ...issue, index: issue.index + out.rows.length });
    }
    out.rows.push(...b.rows);
    out.lines.push(...Array.from(b.lines ?? []));
    out.linesRead = b.linesRead ?? 0;
  };
  for (let i = 0; i < text.length && s.error() === undefined; i += piece) {
    s.push({ text: text.slice(i, i + piece), bad: [], bytes: 0 });
    while (!s.run()) collect();
  }
  if (s.error() === undefined) s.end();
  collect();
  out.error = s.error()?.message;
  out.records = s.records();
  return out;
}

/**
 * The codes of a scan's issues, in order.
 * @example codes(scan('[1]')); // ['non_object_element']
 */
export const codes = (r: Scanned): string[] => r.issues.map((i) => i.code);
