import type { Locale } from '../core/types.js';
import type { ComparisonReport } from '../compare/types.js';
import { comparisonError, comparisonLabels, keylessText, onlyInLabel, sideIssues, verdictText, type ComparisonLabels } from './_comparison-labels.js';
import { escapeHtml, scriptJson } from './_escape.js';
import { formatCount, formatPercent } from './_format.js';
import { gauge } from './_html-gauge.js';
import { htmlHead } from './_html-head.js';
import { checkOptionKeys } from '../core/option-keys.js';

/**
 * The comparison as one self-contained HTML page in the validation report's style: a `live` score gauge, a status
 * banner, counts by outcome, changed columns and samples. No network request, no script, every value escaped, and the
 * same strict CSP as the validation report. Same report, same bytes.
 * @example writeFileSync('comparison.html', toComparisonHtml(report));
 */
export function toComparisonHtml(report: ComparisonReport, options: { readonly locale?: Locale } = {}): string {
  checkOptionKeys(options, ['locale'], 'toComparisonHtml'); // a misspelt one ({ locael: 'vi' }) was ignored
  const l = comparisonLabels(options.locale);
  const error = comparisonError(report, l);
  const n = (x: number): string => formatCount(x, l.locale);
  const heading = `${report.source?.name ?? l.source} → ${report.copy?.name ?? l.copy}`;
  const c = report.counts;
  const detail = report.score === null ? l.noScore : l.scoreLine(n(c.matched), n(report.rows.source));
  const tone = report.status === 'equal' ? 'passed' : report.status === 'different' ? 'failed' : 'error';
  const countCells = (Object.keys(c) as (keyof typeof c)[])
    .map((k) => `<tr><th>${escapeHtml(l.counts[k])}</th><td class="num">${escapeHtml(n(c[k]))}</td></tr>`).join('');
  return [
    ...htmlHead(l.locale, `${heading} — ${l.title}`),
    `<header class="top"><div class="wrap"><p class="eyebrow">${escapeHtml(l.title)} · ddss</p><h1>${escapeHtml(heading)}</h1>` +
      `<dl class="meta">${_meta(report, l)}</dl></div></header>`,
    '<main class="wrap">',
    `<section class="banner b-${tone}" role="status" data-status="${escapeHtml(report.status)}"><strong>` +
      `${escapeHtml(verdictText(report, l))}</strong>${error === undefined ? '' : `<p class="reason">${escapeHtml(error)}</p>`}</section>`,
    `<section class="gauges" aria-label="${escapeHtml(l.live)}">` +
      gauge({ id: 'live', name: l.live, sub: l.liveSub, score: report.score, detail }, l.locale) +
      `<div class="card"><table id="counts"><tbody>${countCells}</tbody></table></div></section>`,
    _columns(report, l),
    _issues(report, l),
    _samples(report, l),
    '</main>',
    `<footer>ddss · comparison schemaVersion ${report.schemaVersion}</footer>`,
    `<script type="application/json" id="ddss-comparison">${scriptJson(report)}</script>`,
    '</body>',
    '</html>',
    '',
  ].filter((part) => part !== '').join('\n');
}

function _meta(report: ComparisonReport, l: ComparisonLabels): string {
  const n = (x: number): string => formatCount(x, l.locale);
  const items: [string, string][] = [
    [l.key, report.key.join(', ')],
    [l.source, `${n(report.rows.source)} ${l.rows(report.rows.source)}`],
    [l.copy, `${n(report.rows.copy)} ${l.rows(report.rows.copy)}`],
    [l.live, formatPercent(report.score, l.locale)],
  ];
  return items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('');
}

function _columns(report: ComparisonReport, l: ComparisonLabels): string {
  // Columns that differ, most changes first (every compared column, with 0, is in the JSON).
  const rows = Object.entries(report.columns).filter(([, x]) => x.changed > 0).sort((a, b) => b[1].changed - a[1].changed).map(([k, x]) =>
    `<tr><td><code>${escapeHtml(k)}</code></td><td class="num">${escapeHtml(formatCount(x.changed, l.locale))}</td></tr>`);
  const only = (['source', 'copy'] as const).map((side) => [onlyInLabel(report, side, l), report.columnsOnlyIn[side]] as const)
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => `<p>${escapeHtml(label)}: ${list.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ')}</p>`);
  if (rows.length === 0 && only.length === 0) return '';
  return `<section class="card"><h2>${escapeHtml(l.changedColumns)}</h2>` +
    (rows.length === 0 ? '' : `<div class="scroll"><table id="columns"><thead><tr><th>${escapeHtml(l.column)}</th>` +
      `<th class="num">${escapeHtml(l.counts.changed)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`) +
    `${only.join('')}</section>`;
}

function _issues(report: ComparisonReport, l: ComparisonLabels): string {
  const parts = (['source', 'copy'] as const).flatMap((side) => sideIssues(report, side, l))
    .map(({ label, found }) => `<p>${escapeHtml(label)}: ${found.map(([code, n]) =>
      `<code>${escapeHtml(code)}</code> ${escapeHtml(formatCount(n, l.locale))}`).join(', ')}</p>`);
  const keyless = keylessText(report, l);
  if (keyless !== undefined) parts.unshift(`<p>${escapeHtml(keyless)}</p>`);
  return parts.length === 0 ? '' : `<section class="card" id="issues">${parts.join('')}</section>`;
}

function _samples(report: ComparisonReport, l: ComparisonLabels): string {
  if (report.samples.length === 0) return '';
  const rows = report.samples.map((d) => {
    const dup = d.status === 'duplicate';
    return `<tr data-status="${escapeHtml(d.status)}"><td><code>${escapeHtml(d.key)}</code></td><td>${escapeHtml(l.statuses[d.status])}</td>` +
      `<td>${d.column === undefined ? '' : `<code>${escapeHtml(d.column)}</code>`}</td>` +
      `<td>${dup ? escapeHtml(String(d.sourceCount ?? 0)) : d.source === undefined ? '' : `<span class="val">${escapeHtml(d.source)}</span>`}</td>` +
      `<td>${dup ? escapeHtml(String(d.copyCount ?? 0)) : d.copy === undefined ? '' : `<span class="val">${escapeHtml(d.copy)}</span>`}</td></tr>`;
  });
  return `<section class="card"><h2>${escapeHtml(l.samples)}</h2><div class="scroll"><table id="samples"><thead><tr>` +
    `<th>${escapeHtml(l.key)}</th><th></th><th>${escapeHtml(l.column)}</th><th>${escapeHtml(l.source)}</th><th>${escapeHtml(l.copy)}</th>` +
    `</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}
