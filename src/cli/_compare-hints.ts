import type { ComparisonReport } from '../compare/types.js';
import { watchIssues } from './_watch-issues.js';
import type { SourceIssue, TabularSource } from '../core/source.js';
import { SIDES, sideFlags, type CompareInputs, type CompareSide, type Sides } from './_compare-inputs.js';
import { JSON_UTF8, JSON_UTF8_VI, readError, rowsHold } from './_read-error.js';
import { isStdin } from './_stdin.js';
import { shellArg } from './_shell-arg.js';
import type { Locale } from '../core/types.js';
import { comparisonError, comparisonLabels, SIDE_VI, sidesNamed } from '../outputs/_comparison-labels.js';

/** What an input's source said of its encoding as it was read: the first `encoding_mismatch`, and cells not in it. */
export interface EncodingSeen {
  mismatch: SourceIssue | undefined;
  invalid: number;
}

/**
 * The source with its issues watched: the comparison report only counts them by code, and the hint must name the
 * encoding the file's first bytes say it is in (`encoding_mismatch`'s suggestion).
 * @example const seen: EncodingSeen = { mismatch: undefined }; compare(watchEncoding(readCsv(a), seen), …)
 */
export function watchEncoding(source: TabularSource, seen: EncodingSeen): TabularSource {
  return watchIssues(source, (i) => {
    if (i.code === 'encoding_mismatch') seen.mismatch ??= i;
    else if (i.code === 'invalid_encoding' || i.code === 'header_invalid_encoding') seen.invalid++;
  });
}

/**
 * What `ddss compare` says on stderr after a comparison, one line each: why a file could not be read (the readers'
 * advice put as a comparison: `zcat "b.csv" | ddss compare "a.csv" - …`, not `ddss validate -`), and each file read in
 * an encoding it is not in, with the flag declaring that file's own (`--encoding-copy`): two exports written by
 * different systems are in different encodings, and a name read in the wrong one compares as changed.
 * @example compareHints(report, args, { source: 'a.csv', copy: 'b.csv' }, seen) // ['ddss: 3 rows of the source hold bytes that are not UTF-8, …']
 */
export function compareHints(report: ComparisonReport, inputs: CompareInputs, given: Sides<string>, seen: Sides<EncodingSeen>,
  locale: Locale = 'en'): string[] {
  const vi = locale === 'vi';
  const lines: string[] = [];
  // Both read whole, neither holding a record: nothing went unread, there was nothing to compare.
  if (report.error !== undefined && !report.partial) {
    lines.push(`ddss: ${comparisonError(report, comparisonLabels(locale)) ?? ''}`);
  } else if (report.error !== undefined) {
    let error = report.error;
    for (const side of SIDES) {
      // The report says a side's error without the reader's own "ddss: " (compare's `_report`).
      const own = report[side]?.error?.replace(/^ddss: /, '');
      if (own !== undefined) error = error.replace(`${side}: ${own}`, () => `${side}: ${readError(own, _pipe(side, given), `--input-format-${side}`)}`);
    }
    // The side named in the run's language; what its reader said stays as written (it names files, bytes, lines).
    error = sidesNamed(error, comparisonLabels(locale));
    lines.push(`ddss: ${vi ? 'không đọc được toàn bộ dữ liệu đầu vào' : 'could not read the whole input'}: ${error.split('\n')[0] ?? ''}`);
  }
  const rows = { source: report.sourceIssues.source.invalid_encoding ?? 0, copy: report.sourceIssues.copy.invalid_encoding ?? 0 };
  const legacy = (side: CompareSide): boolean => seen[side].mismatch === undefined && !isJson(inputs, side) &&
    encodingHint(side, inputs, seen[side], rows[side]) !== undefined;
  // Both exports from the one legacy system, neither file's encoding given alone: the flag of both is the one to give.
  if (SIDES.every(legacy) && SIDES.every((side) => inputs.encoding[side] === inputs.shared.encoding)) {
    lines.push(vi
      ? `ddss: ${rows.source} hàng của nguồn và ${rows.copy} hàng của bản sao chứa byte không phải UTF-8, được đối chiếu như ký tự ` +
        'thay thế; nếu chúng đến từ một hệ thống cũ, hãy khai báo mã hóa của chúng: --encoding tcvn3, vni hoặc windows-1258 ' +
        '(hoặc --encoding-source và --encoding-copy, nếu hai tệp khác nhau)'
      : `ddss: ${rows.source} row${rows.source === 1 ? '' : 's'} of the source and ${rows.copy} of the copy hold bytes that are not UTF-8, compared as ` +
        'replacement characters; if they come from a legacy system, declare their encoding: --encoding tcvn3, vni or windows-1258 ' +
        '(or --encoding-source and --encoding-copy, if they differ)');
    return lines;
  }
  for (const side of SIDES) {
    const line = encodingHint(side, inputs, seen[side], rows[side], locale);
    if (line !== undefined) lines.push(`ddss: ${line}`);
  }
  return lines;
}

/**
 * The encoding to declare for `side`, when what it was read from says it is not in the one it was read with; `rows`:
 * how many rows hold bytes not in it (undefined: some, when only the first rows were read, as before a usage error).
 * @example encodingHint('copy', inputs, { mismatch: undefined, invalid: 2 }) // 'the copy holds bytes that are not UTF-8; … --encoding-copy tcvn3, vni or windows-1258'
 */
export function encodingHint(side: CompareSide, inputs: CompareInputs, seen: EncodingSeen, rows?: number, locale: Locale = 'en'): string | undefined {
  const vi = locale === 'vi';
  const mismatch = seen.mismatch;
  // "the copy holds", "3 rows of the copy hold": the subject of the lines below.
  const holds = rows === undefined ? (vi ? `${SIDE_VI[side]} chứa` : `the ${side} holds`)
    : vi ? `${rows} hàng của ${SIDE_VI[side]} chứa` : rowsHold(rows, ` of the ${side}`);
  const compared = vi ? ', được đối chiếu như ký tự thay thế' : ', compared as replacement characters';
  if (isJson(inputs, side)) {
    // JSON is read as UTF-8 only (`--encoding-copy` with it is a usage error): it is converted. A UTF-16 file's read
    // error says so already.
    if (mismatch !== undefined || (rows ?? seen.invalid) === 0) return undefined;
    return `${holds} ${vi ? 'byte không phải UTF-8' : 'bytes that are not UTF-8'}${compared}; ${vi ? JSON_UTF8_VI : JSON_UTF8}`;
  }
  if (mismatch !== undefined) {
    const p = mismatch.params ?? {};
    const evidence = (p.evidence as { en?: string; vi?: string } | undefined)?.[locale] ?? '';
    const declare = mismatch.suggestion === undefined ? ' (source.encoding_mismatch)'
      : `; ${vi ? 'hãy khai báo' : 'declare'} ${sideFlags(inputs, 'encoding', side, mismatch.suggestion, locale)}`;
    return vi ? `${SIDE_VI[side]} có vẻ ở mã hóa ${String(p.likely)}, không phải ${String(p.declared)} như đã đọc: ${evidence}${declare}`
      : `the ${side} looks like ${String(p.likely)}, not ${String(p.declared)} as it was read: ${evidence}${declare}`;
  }
  // UTF-8 is the only encoding with bytes that are not text: a legacy one reads any byte.
  if ((rows ?? seen.invalid) === 0 || (inputs.encoding[side] ?? 'utf8') !== 'utf8') return undefined;
  // Text not in its encoding compares as replacement characters: two different names can look equal.
  const what = `${holds} ${vi ? 'byte không phải UTF-8' : 'bytes that are not UTF-8'}${rows === undefined ? '' : compared}`;
  return vi ? `${what}; nếu tệp đến từ một hệ thống cũ, hãy khai báo mã hóa của nó: ${sideFlags(inputs, 'encoding', side, 'tcvn3, vni hoặc windows-1258', locale)}`
    : `${what}; if it comes from a legacy system, declare its encoding: ${sideFlags(inputs, 'encoding', side, 'tcvn3, vni or windows-1258')}`;
}

/** The pipe reading `side` from standard input, the other file as given; none when the other is standard input. */
function _pipe(side: CompareSide, given: Sides<string>): string | undefined {
  const other = side === 'source' ? given.copy : given.source;
  if (isStdin(other)) return undefined;
  const file = isStdin(given[side]) ? 'FILE' : shellArg(given[side]);
  return `zcat ${file} | ddss compare ${side === 'source' ? `- ${shellArg(other)}` : `${shellArg(other)} -`} …`;
}

function isJson(inputs: CompareInputs, side: CompareSide): boolean {
  return inputs.formats[side] === 'json' || inputs.formats[side] === 'ndjson';
}
