import type { Report } from '../core/types.js';

/** Findings that reject a line of NDJSON as a record. */
const REJECTS = new Set(['source.invalid_json', 'source.non_object_element']);

/**
 * The stderr line for NDJSON whose first line and most of the others are no record: most likely one JSON document (an
 * array of records, pretty-printed or on one line) named `.ndjson`. Each line was `invalid_json` (or the one line
 * `non_object_element`), the last element of a pretty-printed array (no comma after it) the only row, with no word of
 * the format; the line names the flag that reads it. Undefined for anything else (a damaged first line among records).
 * @example ndjsonArrayHint(report) // 'ddss: 4 of the 4 lines of the input are no record (…): … read it with --input-format json'
 */
export function ndjsonArrayHint(report: Report): string | undefined {
  if (report.source?.kind !== 'ndjson') return undefined;
  const records = report.source.records ?? 0;
  const rejected = records - report.rows;
  if (rejected <= report.rows || !report.rules.some((r) => REJECTS.has(r.id) && r.samples.some((s) => s.line === 1))) return undefined;
  if (report.locale === 'vi') {
    return `ddss: ${rejected} trong ${records} dòng của dữ liệu đầu vào không phải bản ghi (mỗi dòng một đối tượng JSON), kể cả ` +
      'dòng đầu tiên: nếu đó là một tài liệu JSON, một mảng các bản ghi, hãy đọc nó bằng --input-format json';
  }
  return `ddss: ${rejected} of the ${records} lines of the input are no record (one JSON object per line), the first among them: ` +
    'if it is one JSON document, an array of records, read it with --input-format json';
}
