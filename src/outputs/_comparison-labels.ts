import type { Locale } from '../core/types.js';
import type { ComparisonReport, DifferenceStatus } from '../compare/types.js';
import { formatCount } from './_format.js';
import { losesNothing } from '../compare/loses-nothing.js';
import { NOTHING_TO_COMPARE } from '../compare/compare.js';
import { readerWordsVi } from '../sources/reader-words-vi.js';

/** The words of the comparison outputs, in both shipped languages. */
export interface ComparisonLabels {
  readonly locale: Locale;
  readonly title: string;
  readonly status: Readonly<Record<ComparisonReport['status'], string>>;
  /** The verdict of status `error` when both sides were read whole, and held no record. */
  readonly nothing: string;
  readonly live: string;
  readonly liveSub: string;
  readonly scoreLine: (matched: string, source: string) => string;
  readonly source: string;
  readonly copy: string;
  readonly key: string;
  /** The word for `n` rows: `1 row`, `2 rows` (a side of one record read "1 rows"). */
  readonly rows: (n: number) => string;
  readonly counts: Readonly<Record<keyof ComparisonReport['counts'], string>>;
  readonly statuses: Readonly<Record<DifferenceStatus, string>>;
  readonly column: string;
  readonly changedColumns: string;
  readonly onlyInSource: string;
  readonly onlyInCopy: string;
  /** Said after the one-sided columns of a copy that equals its source (columns were named): they differ in nothing. */
  readonly onlyInNoted: string;
  readonly samples: string;
  readonly occurrences: string;
  readonly noScore: string;
  readonly partitions: string;
  readonly issuesIn: { readonly source: string; readonly copy: string };
  /** File problems that lose nothing (a blank line): listed as notes, not as something left uncompared. */
  readonly notesIn: { readonly source: string; readonly copy: string };
  /** Records with a blank key (`keyless`), and how one of them is named: `record 2, line 3`. */
  readonly keyless: string;
  readonly record: (n: string, line: string | undefined) => string;
}

const EN: ComparisonLabels = {
  locale: 'en',
  title: 'Comparison',
  status: { equal: 'Equal: the copy matches its source', different: 'Different: the copy does not match its source',
    error: 'Not evaluated: a side could not be read whole' },
  nothing: 'Not evaluated: there is nothing to compare',
  live: 'Live',
  liveSub: 'sống · in sync with the source',
  scoreLine: (m, s) => `${m} of ${s} source records present and equal in the copy`,
  source: 'Source',
  copy: 'Copy',
  key: 'Key',
  rows: (n) => (n === 1 ? 'row' : 'rows'),
  counts: { matched: 'matched', changed: 'changed', missing: 'missing', extra: 'extra', duplicateKeys: 'duplicate keys' },
  statuses: { changed: 'changed', missing: 'missing in the copy', extra: 'extra in the copy', duplicate: 'duplicate key', keyless: 'blank key' },
  column: 'Column',
  changedColumns: 'Changed columns',
  onlyInSource: 'Columns only in the source',
  onlyInCopy: 'Columns only in the copy',
  onlyInNoted: 'not among the compared columns, so no difference',
  samples: 'Samples',
  occurrences: 'occurrences (source/copy)',
  noScore: 'no score',
  partitions: 'partitions',
  keyless: 'Records with a blank key, paired with nothing (not compared, so the copy is not called equal)',
  record: (n, line) => `record ${n}${line === undefined ? '' : `, line ${line}`}`,
  issuesIn: { source: 'Source file problems (what was not read is not compared, and the copy is not called equal)', copy: 'Copy file problems (what was not read is not compared, and the copy is not called equal)' },
  notesIn: { source: 'Source file notes (nothing was lost: no difference)', copy: 'Copy file notes (nothing was lost: no difference)' },
};

const VI: ComparisonLabels = {
  locale: 'vi',
  title: 'Đối chiếu',
  status: { equal: 'Khớp: bản sao trùng với nguồn', different: 'Khác: bản sao không trùng với nguồn',
    error: 'Không đánh giá được: không đọc được trọn một bên' },
  nothing: 'Không đánh giá được: không có gì để đối chiếu',
  live: 'Sống',
  liveSub: 'live · đồng bộ với nguồn',
  scoreLine: (m, s) => `${m} trên ${s} bản ghi nguồn có trong bản sao và trùng khớp`,
  source: 'Nguồn',
  copy: 'Bản sao',
  key: 'Khóa',
  rows: () => 'dòng',
  counts: { matched: 'khớp', changed: 'thay đổi', missing: 'thiếu', extra: 'thừa', duplicateKeys: 'khóa trùng' },
  statuses: { changed: 'thay đổi', missing: 'thiếu trong bản sao', extra: 'thừa trong bản sao', duplicate: 'khóa trùng', keyless: 'khóa trống' },
  column: 'Cột',
  changedColumns: 'Cột thay đổi',
  onlyInSource: 'Cột chỉ có ở nguồn',
  onlyInCopy: 'Cột chỉ có ở bản sao',
  onlyInNoted: 'không thuộc các cột được đối chiếu, nên không phải khác biệt',
  samples: 'Mẫu',
  occurrences: 'số lần (nguồn/bản sao)',
  noScore: 'không có điểm',
  partitions: 'phân vùng',
  keyless: 'Bản ghi có khóa trống, không ghép cặp được (không được đối chiếu, nên bản sao không được coi là khớp)',
  record: (n, line) => `bản ghi ${n}${line === undefined ? '' : `, dòng ${line}`}`,
  issuesIn: { source: 'Lỗi tệp nguồn (phần không đọc được thì không được đối chiếu, và bản sao không được coi là khớp)', copy: 'Lỗi tệp bản sao (phần không đọc được thì không được đối chiếu, và bản sao không được coi là khớp)' },
  notesIn: { source: 'Ghi chú tệp nguồn (không mất gì: không phải khác biệt)', copy: 'Ghi chú tệp bản sao (không mất gì: không phải khác biệt)' },
};

/** The labels of a locale. */
export function comparisonLabels(locale: Locale | undefined): ComparisonLabels {
  return locale === 'vi' ? VI : EN;
}

/**
 * The verdict of a comparison: its status's words, or for status `error` of two sides read whole, that there was
 * nothing to compare (not that a side could not be read).
 * @example verdictText(report, comparisonLabels('en')) // 'Different: the copy does not match its source'
 */
export function verdictText(report: ComparisonReport, l: ComparisonLabels): string {
  return report.status === 'error' && !report.partial ? l.nothing : l.status[report.status];
}

/**
 * Why the comparison was not evaluated (`report.error`) in the outputs' language: each side named in it (`source: …`)
 * is named in the locale's words, and "nothing to compare" is said in them; what a side's reader said stays as written
 * (it names files, bytes and lines) unless the input had nothing in it, as in `ddss compare`'s stderr line. The report JSON keeps the English.
 * @example comparisonError(report, comparisonLabels('vi')) // 'nguồn: đầu vào không có dữ liệu (0 byte); không có gì để đánh giá'
 */
export function comparisonError(report: ComparisonReport, l: ComparisonLabels): string | undefined {
  if (report.error === undefined || l.locale === 'en') return report.error;
  if (report.partial) return sidesNamed(report.error, l);
  return report.error === NOTHING_TO_COMPARE ? NOTHING_VI : report.error;
}

/**
 * `text` (a comparison's error, or a line made of it) with each side it names (`source: …; copy: …`) named in the
 * labels' words.
 * @example sidesNamed('source: cut short at line 7', comparisonLabels('vi')) // 'nguồn: cut short at line 7'
 */
export function sidesNamed(text: string, l: ComparisonLabels): string {
  if (l.locale === 'en') return text;
  // A side's reader error for an input with nothing in it is said in the locale's words too (`readerWordsVi`).
  return text.replace(/(^|; )(source|copy): ([\s\S]*?)(?=; (?:source|copy): |$)/g,
    (_m, before: string, side: 'source' | 'copy', why: string) => `${before}${SIDE_VI[side]}: ${readerWordsVi(why) ?? why}`);
}

/** The two inputs' names in Vietnamese inside a sentence (`nguồn`, `bản sao`): the labels' words, in lower case. */
export const SIDE_VI: Readonly<Record<'source' | 'copy', string>> = {
  source: VI.source.toLocaleLowerCase('vi'), copy: VI.copy.toLocaleLowerCase('vi'),
};

/** "Nothing to compare" (the report's `error` when both sides were read whole and held no record), in Vietnamese. */
const NOTHING_VI = 'không có gì để đối chiếu: nguồn và bản sao không có bản ghi nào (0 dòng mỗi bên)';

/**
 * The label of the columns only `side` has: noted as no difference when the copy equals its source all the same
 * (the compared columns were named, and these are not among them).
 * @example onlyInLabel(report, 'copy', comparisonLabels('en')) // 'Columns only in the copy'
 */
export function onlyInLabel(report: ComparisonReport, side: 'source' | 'copy', l: ComparisonLabels): string {
  const label = side === 'source' ? l.onlyInSource : l.onlyInCopy;
  return report.status === 'equal' ? `${label} (${l.onlyInNoted})` : label;
}

/**
 * A side's file problems as outputs list them, by code: those that leave something uncompared under `issuesIn`, and
 * those that lose nothing (a blank line, mixed line endings) under `notesIn`, which had said "what was not read is not
 * compared, and the copy is not called equal" below an "Equal" verdict. All are notes when the copy equals its source.
 * @example sideIssues(report, 'copy', comparisonLabels('en')) // [{ label: 'Copy file notes (…)', found: [['blank_row', 1]] }]
 */
export function sideIssues(report: ComparisonReport, side: 'source' | 'copy', l: ComparisonLabels): { label: string; found: [string, number][] }[] {
  const all = Object.entries(report.sourceIssues[side]);
  const noted = (code: string): boolean => report.status === 'equal' || losesNothing(code);
  return [
    { label: l.issuesIn[side], found: all.filter(([code]) => !noted(code)) },
    { label: l.notesIn[side], found: all.filter(([code]) => noted(code)) },
  ].filter((g) => g.found.length > 0);
}

/**
 * The line on records with a blank key, or undefined when there are none: the counts per side and the records sampled.
 * @example keylessText(report, comparisonLabels('en')) // 'Records with a blank key, …: Source 1 (record 2, line 3) · Copy 0'
 */
export function keylessText(report: ComparisonReport, l: ComparisonLabels): string | undefined {
  const k = report.keyless;
  if (k === undefined) return undefined;
  const n = (x: number): string => formatCount(x, l.locale);
  const side = (s: 'source' | 'copy'): string => {
    const shown = k.samples.filter((x) => x.side === s).map((x) => l.record(n(x.record), x.line === undefined ? undefined : n(x.line)));
    return `${s === 'source' ? l.source : l.copy} ${n(k[s])}${shown.length === 0 ? '' : ` (${shown.join('; ')}${shown.length < k[s] ? '; …' : ''})`}`;
  };
  return `${l.keyless}: ${side('source')} · ${side('copy')}`;
}
