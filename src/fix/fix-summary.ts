import { CRITERIA, FIX_KINDS, type Criterion, type Locale, type Report } from '../core/types.js';
import { formatCount, formatPercent } from '../outputs/_format.js';
import { labels } from '../outputs/_labels.js';
import type { FixResult } from './types.js';

/** The words of the summary in each shipped language; kinds of fix and reasons are codes (`--only` takes them), as written. */
interface FixWords {
  readonly fixed: (n: string, count: number) => string;
  readonly left: string;
  readonly criterion: string;
  readonly scores: string;
  readonly rows: string;
  readonly overall: string;
  readonly criterionName: (c: Criterion) => string;
  readonly status: (s: Report['status']) => string;
  /** The summary's first line: what was fixed into what (`out` undefined: a dry run). */
  readonly heading: (o: FixHeading) => string;
}

/** What the summary's first line names. */
export interface FixHeading {
  readonly dataset: string;
  readonly input: string;
  readonly out: string | undefined;
  /** The legacy encoding the input was converted from (`--to-utf8`). */
  readonly convertedFrom: string | undefined;
  readonly log: string | undefined;
}

const WORDS: Readonly<Record<Locale, FixWords>> = {
  en: {
    fixed: (n, count) => `fixed ${n} cell${count === 1 ? '' : 's'}`,
    left: 'left as they are',
    criterion: 'criterion',
    scores: 'score before → after',
    rows: 'failing rows before → after',
    overall: 'overall',
    criterionName: (c) => c,
    status: (s) => s,
    heading: (o) => `ddss fix ${o.dataset}: ${o.input} → ${o.out ?? '(dry run: no file written)'}` +
      `${o.convertedFrom === undefined ? '' : ` (${o.convertedFrom} written as UTF-8)`}${o.log === undefined ? '' : `, log ${o.log}`}`,
  },
  vi: {
    fixed: (n) => `đã sửa ${n} ô`,
    left: 'giữ nguyên',
    criterion: 'tiêu chí',
    scores: 'điểm trước → sau',
    rows: 'hàng không đạt trước → sau',
    overall: 'tổng thể',
    criterionName: (c) => labels('vi').criteria[c].name.toLowerCase(),
    status: (s) => labels('vi').datasetStatus[s],
    heading: (o) => `ddss fix ${o.dataset}: ${o.input} → ${o.out ?? '(chạy thử: không ghi tệp nào)'}` +
      `${o.convertedFrom === undefined ? '' : ` (${o.convertedFrom} ghi thành UTF-8)`}${o.log === undefined ? '' : `, nhật ký ${o.log}`}`,
  },
};

/**
 * The first line of a `fix` run's summary, in the locale's words: the input, the fixed file (or that none is written),
 * the encoding converted from and the change log.
 * @example fixHeading({ dataset: 'land-parcels', input: 'a.csv', out: 'b.csv', convertedFrom: undefined, log: undefined }, 'en')
 * // 'ddss fix land-parcels: a.csv → b.csv'
 */
export function fixHeading(o: FixHeading, locale: Locale): string {
  return WORDS[locale].heading(o);
}

/**
 * The console summary of a `fix` run: cells fixed per kind, cells left and why, and per criterion the score and the
 * failing rows before → after (the after column is the fixed file's validation), in the locale's words.
 * @example fixSummary(result, { locale: 'en', left: { breaks_rule: 4 } })
 * // "fixed 76 cells: nfc 18, whitespace 17, …\ncriterion    before → after …"
 */
export function fixSummary(r: FixResult, o: { readonly locale: Locale; readonly left: Readonly<Record<string, number>> }): string {
  const w = WORDS[o.locale];
  const n = (x: number): string => formatCount(x, o.locale);
  const kinds = FIX_KINDS.filter((k) => r.byKind[k] > 0).map((k) => `${k} ${n(r.byKind[k])}`);
  const reasons = Object.entries(o.left).sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, c]) => `${k} ${n(c)}`);
  const lines = [
    `${w.fixed(n(r.fixed), r.fixed)}${kinds.length === 0 ? '' : `: ${kinds.join(', ')}`}`,
    `${w.left} ${n(r.notFixed)}${reasons.length === 0 ? '' : `: ${reasons.join(', ')}`}`,
    '',
    `${w.criterion.padEnd(12)}${w.scores.padEnd(26)}${w.rows}`,
  ];
  for (const c of CRITERIA) {
    const b = r.before.criteria[c];
    const a = r.after.criteria[c];
    const score = `${formatPercent(b.score, o.locale)} → ${formatPercent(a.score, o.locale)}`;
    lines.push(`${w.criterionName(c).padEnd(12)}${score.padEnd(26)}${n(b.failedRows)} → ${n(a.failedRows)}`);
  }
  lines.push(`${w.overall.padEnd(12)}${formatPercent(r.before.score, o.locale)} → ${formatPercent(r.after.score, o.locale)}` +
    ` (${w.status(r.before.status)} → ${w.status(r.after.status)})`);
  return `${lines.join('\n')}\n`;
}
