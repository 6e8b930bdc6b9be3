import type { Report } from '../core/types.js';
import type { CliIo } from './_io.js';
import { columnLines, type RunRenames } from './_column-lines.js';
import { couldNotRun, errorGroups } from '../core/error-groups.js';
import { JSON_UTF8, JSON_UTF8_VI, LEGACY_ENCODING, readError, rowsHold } from './_read-error.js';
import { GZIP_PIPE } from '../sources/binary-input.js';
import { ndjsonArrayHint } from './_ndjson-hint.js';
import { trailingDelimiterHint } from './_trailing-delimiter.js';

/**
 * Why a partial run's input could not be read whole, one line, in the report's language where ddss has the words:
 * an input with nothing in it (empty, binary, gzip) is said by its finding's message, which is in that language; a
 * reader's own words stay as written. `pipe`: the command line a gzip input can be piped into (null when none).
 * @example `ddss: could not read the whole input: ${partialReason(report, null)}`
 */
export function partialReason(report: Report, pipe: string | null = GZIP_PIPE): string {
  const why = _oneLine(report.source?.error ?? 'unknown error').replace(/^ddss: /, '');
  const nothing = report.locale === 'vi'
    ? report.rules.find((r) => (r.id === 'source.empty' || r.id === 'source.binary_input') && r.failed > 0)?.samples[0]?.message : undefined;
  return nothing ?? readError(why, pipe ?? undefined);
}

/**
 * Says on stderr why a run could not be evaluated (exit 3), one line per cause (shared with `ddss merge`). `canRename`:
 * the run could be repeated with `--rename` (one process, not shards), so the missing-column hint may name it; `pipe`:
 * the command line a gzip input can be piped into (null for a merge of shards, which read no standard input);
 * `renamed`: the renames of the run, which the lines about missing and twice-named columns name (`columnLines`).
 * @example _explain(report, io)
 */
export function _explain(report: Report, io: CliIo, canRename = false, pipe: string | null = GZIP_PIPE, renamed: RunRenames = {}): void {
  // The lines a run that could not be evaluated, or read a damaged file, ends with are in the report's language (a
  // reader's or a rule's own words stay as written, as in the report's `error`).
  const vi = report.locale === 'vi';
  if (report.partial) {
    io.stderr.write(vi ? `ddss: không đọc được toàn bộ nguồn dữ liệu: ${partialReason(report, pipe)}\n`
      : `ddss: could not read the whole input: ${partialReason(report, pipe)}\n`);
  }
  // Once per cause, naming the rules it stopped: an unusable reference stops every rule using it (six for verifyPerson).
  for (const g of errorGroups(report.rules, report.partial)) io.stderr.write(`ddss: ${couldNotRun(g.ids, '"', report.locale)}: ${_oneLine(g.error)}\n`);
  // A file separated by another delimiter reads as one column: every declared column is "missing". Say which flag
  // reads it, as for encodings.
  const split = report.rules.find((r) => r.id === 'source.delimiter_mismatch');
  const seems = split?.samples[0]?.suggestion;
  if (split !== undefined && split.failed > 0 && seems !== undefined) {
    const shown = seems === '\t' ? '\\t' : seems;
    const flag = `--delimiter ${seems === '\t' ? 'tab' : `'${seems}'`}`;
    // In the report's language: a semicolon file is what a Vietnamese Excel writes (its decimal comma).
    io.stderr.write(report.locale === 'vi'
      ? `ddss: dòng tiêu đề chỉ có một cột chứa "${shown}": tệp có vẻ được phân cách bằng ký tự này; hãy khai báo ${flag}\n`
      : `ddss: the header is one column holding "${shown}": the file seems separated by it; declare ${flag}\n`);
  }
  // A wrapped JSON export read as one record: its finding says where the records seem to be and the flag reading them.
  // The declared columns are then a key of no record because of it: not listed besides.
  const wrapped = _wrappedRecords(report);
  if (wrapped !== undefined) io.stderr.write(`ddss: ${_oneLine(wrapped.message)} (${wrapped.rule})\n`);
  const array = ndjsonArrayHint(report);
  if (array !== undefined) io.stderr.write(`${array}\n`);
  const missing = (split === undefined || split.failed === 0) && wrapped === undefined;
  for (const line of columnLines(report, canRename, missing, renamed)) io.stderr.write(`${line}\n`);
  // A file cut short or joined from several exports is a fact about the file that the scores alone do not say (its
  // finding is one rule among many, out of the summary's top ten): one line each, as for the delimiter.
  const tail = report.rules.find((r) => r.id === 'source.zero_filled_tail')?.samples[0];
  if (tail !== undefined) io.stderr.write(`ddss: ${_oneLine(tail.message)} (source.zero_filled_tail)\n`);
  // A quote left open runs to the end of the input: the records after it were read as one value, never evaluated,
  // and the summary's row count alone does not say that the file held more.
  const open = report.rules.find((r) => r.id === 'source.unclosed_quote');
  if (open !== undefined && open.failed > 0) {
    const line = open.samples[0]?.line;
    io.stderr.write(vi ? `ddss: một giá trị trong dấu ngoặc kép${line === undefined ? '' : ` mở ở dòng ${line}`} không được đóng ` +
      'trước khi hết dữ liệu: các dòng từ đó trở đi đã bị đọc thành một giá trị, không phải các bản ghi, và không được ' +
      'đánh giá (source.unclosed_quote); hãy đóng dấu ngoặc kép trong tệp\n'
      : `ddss: a quoted value${line === undefined ? '' : ` opened on line ${line}`} is not closed before the end ` +
      'of the input: the lines from there on were read as one value, not as records, and were not evaluated ' +
      '(source.unclosed_quote); close the quote in the file\n');
  }
  const repeated = report.rules.find((r) => r.id === 'source.repeated_header');
  if (repeated !== undefined && repeated.failed > 0) {
    const line = repeated.samples[0]?.line;
    io.stderr.write(vi ? `ddss: ${repeated.failed} bản ghi lặp lại dòng tiêu đề${line === undefined ? '' : ` (bản ghi đầu ở dòng ${line})`}: ` +
      'các tệp được nối cùng dòng tiêu đề của chúng, không phải dữ liệu; chúng không được đánh giá (source.repeated_header)\n'
      : `ddss: ${repeated.failed} record${repeated.failed === 1 ? ' repeats' : 's repeat'} the header line` +
      `${line === undefined ? '' : ` (the first at line ${line})`}: files joined with their headers, not data; ` +
      'they were not evaluated (source.repeated_header)\n');
  }
  const trailing = trailingDelimiterHint(report);
  if (trailing !== undefined) io.stderr.write(`${trailing}\n`);
  // A baseline none of whose violations recur is most likely not this run's (hashed keys change with --pii-key): every
  // known problem then counts as new and fails the run, which without a word reads as a register gone bad overnight.
  const b = report.baseline;
  if (b !== undefined && b.violations > 0 && b.known === 0 && b.new > 0) {
    io.stderr.write(vi ? `ddss: không vi phạm nào trong ${b.violations} vi phạm của đường cơ sở (baseline) ${b.name} khớp với một trong ` +
      `${b.new} vi phạm của lần chạy này: đường cơ sở có được ghi cho tập dữ liệu này, theo định nghĩa này, với cùng --pii-key ` +
      '(khóa bản ghi được băm thay đổi theo nó) không?\n'
      : `ddss: none of the ${b.violations} violations of the baseline ${b.name} matched one of this run's ${b.new}: was it ` +
      'written for this dataset, by this definition, with the same --pii-key (hashed record keys change with it)?\n');
  }
  // Encodings are declared, never guessed: say what the file looks like when its first bytes tell (a BOM, the zero
  // bytes of UTF-16, UTF-8 letters), else which declarations to try when UTF-8 did not fit.
  const mismatch = report.rules.find((r) => r.id === 'source.encoding_mismatch');
  const invalid = report.rules.find((r) => r.id === 'source.invalid_encoding');
  // JSON is read as UTF-8 only (`--encoding` with it is a usage error): its hint is to convert the file; a UTF-16 one
  // already says so in the read error.
  const json = report.source?.kind === 'json' || report.source?.kind === 'ndjson';
  if (json) {
    if (invalid !== undefined && invalid.failed > 0) {
      io.stderr.write(vi ? `ddss: ${invalid.failed} hàng chứa byte không phải UTF-8; ${JSON_UTF8_VI}\n`
        : `ddss: ${rowsHold(invalid.failed)} bytes that are not UTF-8; ${JSON_UTF8}\n`);
    }
  } else if (mismatch !== undefined && mismatch.failed > 0) {
    const first = mismatch.samples[0];
    io.stderr.write(first?.suggestion === undefined
      ? vi ? 'ddss: tệp không ở mã hóa đã dùng để đọc nó (source.encoding_mismatch)\n'
        : 'ddss: the file is not in the encoding it was read with (source.encoding_mismatch)\n'
      : `ddss: ${_oneLine(first.message)}; ${vi ? 'hãy khai báo' : 'declare'} --encoding ${first.suggestion}\n`);
  } else if (invalid !== undefined && invalid.failed > 0 && (report.source?.encoding ?? 'utf8') === 'utf8') {
    io.stderr.write(vi ? `ddss: ${invalid.failed} hàng chứa byte không phải UTF-8; ${LEGACY_ENCODING.vi}\n`
      : `ddss: ${rowsHold(invalid.failed)} bytes that are not UTF-8; ${LEGACY_ENCODING.en}\n`);
  }
}

/** The finding of a JSON document read as one record that names where its records seem to be (`--json-records`). */
function _wrappedRecords(report: Report): { message: string; rule: string } | undefined {
  if (report.source?.kind !== 'json') return undefined;
  for (const rule of report.rules) {
    if (rule.id !== 'source.non_array_document' && rule.id !== 'source.record_too_large' && rule.id !== 'source.too_deep') continue;
    const found = rule.samples.find((s) => s.suggestion !== undefined);
    if (found !== undefined) return { message: found.message, rule: rule.id };
  }
  return undefined;
}

export function _oneLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
