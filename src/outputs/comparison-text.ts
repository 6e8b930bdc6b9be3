import type { Locale } from '../core/types.js';
import type { ComparisonReport, Difference } from '../compare/types.js';
import { comparisonError, comparisonLabels, keylessText, onlyInLabel, sideIssues, verdictText, type ComparisonLabels } from './_comparison-labels.js';
import { plainText } from './_escape.js';
import { formatCount, formatPercent } from './_format.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { countOption } from './_count-option.js';

/** Options of `formatComparison`. */
export interface ComparisonTextOptions {
  readonly locale?: Locale;
  /** Samples listed (default 10). */
  readonly samples?: number;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ locale: true, samples: true } satisfies Record<keyof ComparisonTextOptions, true>);

/**
 * The comparison as a short console summary: the verdict and `live` score, row counts, counts by outcome, changed
 * columns, one-sided columns and the first samples. Data is made terminal-safe (no control characters).
 * @example process.stdout.write(formatComparison(report));
 */
export function formatComparison(report: ComparisonReport, options: ComparisonTextOptions = {}): string {
  checkOptionKeys(options, OPTION_KEYS, 'formatComparison');
  const samples = countOption(options.samples, 10, 'formatComparison: samples');
  const l = comparisonLabels(options.locale);
  const n = (x: number): string => formatCount(x, l.locale);
  const c = report.counts;
  const lines = [
    `${verdictText(report, l)} — ${l.live} ${formatPercent(report.score, l.locale)}` +
      (report.score === null ? '' : ` (${l.scoreLine(n(c.matched), n(report.rows.source))})`),
    `  ${l.source}: ${n(report.rows.source)} ${l.rows(report.rows.source)}${_name(report.source)} · ${l.copy}: ${n(report.rows.copy)} ${l.rows(report.rows.copy)}` +
      `${_name(report.copy)} · ${l.key}: ${plainText(report.key.join(', '))}`,
    `  ${(Object.keys(c) as (keyof typeof c)[]).map((k) => `${l.counts[k]} ${n(c[k])}`).join(' · ')}`,
  ];
  const changed = Object.entries(report.columns).filter(([, x]) => x.changed > 0).sort((a, b) => b[1].changed - a[1].changed);
  if (changed.length > 0) lines.push(`  ${l.changedColumns}: ${changed.map(([k, x]) => `${plainText(k)} ${n(x.changed)}`).join(', ')}`);
  for (const side of ['source', 'copy'] as const) {
    const only = report.columnsOnlyIn[side];
    if (only.length > 0) lines.push(`  ${onlyInLabel(report, side, l)}: ${plainText(only.join(', '))}`);
  }
  const keyless = keylessText(report, l);
  if (keyless !== undefined) lines.push(`  ${keyless}`);
  for (const side of ['source', 'copy'] as const) {
    for (const { label, found } of sideIssues(report, side, l)) {
      lines.push(`  ${label}: ${found.map(([code, n]) => `${plainText(code)} ${formatCount(n, l.locale)}`).join(', ')}`);
    }
  }
  const error = comparisonError(report, l);
  if (error !== undefined) lines.push(`  ${plainText(error)}`);
  const shown = report.samples.slice(0, samples);
  if (shown.length > 0) {
    lines.push(`  ${l.samples}:`);
    for (const d of shown) lines.push(`    ${differenceLine(d, l)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One difference on one line: status, key, and what differs. */
export function differenceLine(d: Difference, l: ComparisonLabels): string {
  // Quoted like the cells: a key with a trailing space, or an empty key, must be seen as such.
  const head = `${l.statuses[d.status]} "${plainText(d.key)}"`;
  if (d.status === 'changed') return `${head} ${plainText(d.column ?? '')}: "${plainText(d.source ?? '')}" → "${plainText(d.copy ?? '')}"`;
  if (d.status === 'duplicate' || d.status === 'keyless') return `${head} (${l.occurrences} ${d.sourceCount ?? 0}/${d.copyCount ?? 0})`;
  return head;
}

function _name(info: ComparisonReport['source']): string {
  return info?.name === undefined ? '' : ` (${plainText(info.name)})`;
}
