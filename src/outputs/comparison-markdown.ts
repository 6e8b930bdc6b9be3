import type { Locale } from '../core/types.js';
import type { ComparisonReport } from '../compare/types.js';
import { comparisonError, comparisonLabels, keylessText, onlyInLabel, sideIssues, verdictText } from './_comparison-labels.js';
import { markdownCode, markdownText } from './_escape.js';
import { formatCount, formatPercent } from './_format.js';
import { checkOptionKeys } from '../core/option-keys.js';

/**
 * The comparison as GitHub-flavoured Markdown (for a pull request or a wiki): verdict and `live` score, counts,
 * changed columns and samples. Every value is escaped, so data can neither add markup nor links.
 * @example writeFileSync('comparison.md', toComparisonMarkdown(report, { locale: 'vi' }));
 */
export function toComparisonMarkdown(report: ComparisonReport, options: { readonly locale?: Locale } = {}): string {
  checkOptionKeys(options, ['locale'], 'toComparisonMarkdown'); // a misspelt one ({ locael: 'vi' }) was ignored
  const l = comparisonLabels(options.locale);
  const n = (x: number): string => formatCount(x, l.locale);
  const c = report.counts;
  const out = [
    `# ${markdownText(l.title)}: ${markdownText(report.source?.name ?? l.source)} → ${markdownText(report.copy?.name ?? l.copy)}`,
    '',
    `**${markdownText(verdictText(report, l))}** — ${l.live}: **${formatPercent(report.score, l.locale)}**` +
      (report.score === null ? '' : ` (${markdownText(l.scoreLine(n(c.matched), n(report.rows.source)))})`),
    '',
    `${l.key}: ${report.key.map((k) => markdownCode(k)).join(', ')} · ${l.source}: ${n(report.rows.source)} ${l.rows(report.rows.source)} · ` +
      `${l.copy}: ${n(report.rows.copy)} ${l.rows(report.rows.copy)}`,
    '',
    `| ${(Object.keys(c) as (keyof typeof c)[]).map((k) => l.counts[k]).join(' | ')} |`,
    `|${Object.keys(c).map(() => '---:').join('|')}|`,
    `| ${(Object.keys(c) as (keyof typeof c)[]).map((k) => n(c[k])).join(' | ')} |`,
  ];
  const error = comparisonError(report, l);
  if (error !== undefined) out.push('', markdownText(error));
  const cols = Object.entries(report.columns).filter(([, x]) => x.changed > 0).sort((a, b) => b[1].changed - a[1].changed);
  if (cols.length > 0) {
    out.push('', `## ${l.changedColumns}`, '', `| ${l.column} | ${l.counts.changed} |`, '|---|---:|');
    for (const [k, x] of cols) out.push(`| ${markdownCode(k, { cell: true })} | ${n(x.changed)} |`);
  }
  for (const side of ['source', 'copy'] as const) {
    const list = report.columnsOnlyIn[side];
    if (list.length > 0) out.push('', `${markdownText(onlyInLabel(report, side, l))}: ${list.map((k) => markdownCode(k)).join(', ')}`);
  }
  const keyless = keylessText(report, l);
  if (keyless !== undefined) out.push('', markdownText(keyless));
  for (const side of ['source', 'copy'] as const) {
    for (const { label, found } of sideIssues(report, side, l)) {
      out.push('', `${markdownText(label)}: ${found.map(([code, n]) => `${markdownCode(code)} ${n}`).join(', ')}`);
    }
  }
  if (report.samples.length > 0) {
    out.push('', `## ${l.samples}`, '', `| ${l.key} | | ${l.column} | ${l.source} | ${l.copy} |`, '|---|---|---|---|---|');
    for (const d of report.samples) {
      const counts = d.status === 'duplicate' ? `${d.sourceCount ?? 0}/${d.copyCount ?? 0}` : '';
      out.push(`| ${markdownCode(d.key, { cell: true })} | ${markdownText(l.statuses[d.status])} | ${markdownCode(d.column ?? '', { cell: true })} | ` +
        `${markdownCode(d.source ?? '', { cell: true })}${counts === '' ? '' : ` ${counts}`} | ${markdownCode(d.copy ?? '', { cell: true })} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
