import type { Report } from '../core/types.js';
import { CRITERIA } from '../core/types.js';
import { formatPercent } from './_format.js';
import type { Labels } from './_labels.js';
import { escapeHtml } from './_escape.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** Scores closer than this are drawn on a band this wide, so noise of a tenth of a point is not drawn as a cliff. */
const MIN_SPAN = 0.02;

/** The range a series is drawn on: its own, widened around its middle to at least `MIN_SPAN`. */
function range(values: readonly (number | null)[]): [number, number] {
  const known = values.filter((v): v is number => v !== null);
  // A loop, not Math.min(...known): a history window is the user's to set, and a spread of many runs overflows the stack.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of known) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo >= MIN_SPAN) return [lo, hi];
  const mid = (lo + hi) / 2;
  return [mid - MIN_SPAN / 2, mid + MIN_SPAN / 2];
}

/**
 * A score trend as block characters, scaled to the series' own range (at least two points wide, so a slide of a
 * few points in a high score is visible and noise is not); a null score is a gap, `·`.
 * @example sparkline([0.9, 0.92, null, 0.95]) // '▁▄·█'
 */
export function sparkline(values: readonly (number | null)[]): string {
  const [lo, hi] = range(values);
  return values.map((v) => (v === null ? '·' : BLOCKS[Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1))])).join('');
}

/**
 * The same trend as an inline SVG polyline (no script, no external reference), for the HTML report's gauges.
 * @example svgSparkline([0.9, 0.95, 0.92], 'Correct') // '<svg …><polyline …/></svg>'
 */
export function svgSparkline(values: readonly (number | null)[], title: string): string {
  const w = 96;
  const h = 22;
  const [lo, hi] = range(values);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values.flatMap((v, i) => (v === null ? [] : [
    `${(i * step).toFixed(1)},${(h - 2 - ((v - lo) / (hi - lo)) * (h - 4)).toFixed(1)}`,
  ]));
  return `<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeHtml(title)}">` +
    `<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${points.join(' ')}"/></svg>`;
}

/**
 * The console's history block: one sparkline per score, then what the history rules found.
 * @example historyLines(report, labels('en')) // ['History (4 earlier runs, h.ndjson):', '  Overall  ▄▄▄▄▁ 94.8%', …]
 */
export function historyLines(report: Report, l: Labels, clean: (s: string) => string): string[] {
  const h = report.history;
  if (h === undefined) return [];
  const names = [l.overall, ...CRITERIA.map((c) => l.criteria[c].name)];
  const width = Math.max(...names.map((n) => n.length));
  const rows = (['overall', ...CRITERIA] as const).map((k, i) => {
    const series = h.trend[k];
    if (series.every((v) => v === null)) return '';
    return `  ${(names[i] as string).padEnd(width)}  ${sparkline(series)}  ${formatPercent(series.at(-1) ?? null, l.locale)}`;
  }).filter((r) => r !== '');
  const found = report.rules.filter((r) => r.id.startsWith('history.') && r.status === 'failed')
    .flatMap((r) => r.samples.map((s) => `  ! ${clean(s.message)}`));
  return [l.historyHeading(h.runs, clean(h.name)), ...rows, ...(notJudged(report) ? [`  ${l.historyNotJudged}`] : []), ...found];
}

/** Whether a run that was evaluated had too few earlier runs for any history rule (they are skipped together). */
function notJudged(report: Report): boolean {
  return report.status !== 'error' && report.rules.some((r) => r.id === 'history.row_count_drop' && r.status === 'skipped');
}

/**
 * The HTML report's history card: a sparkline per score and what the history rules found (every value escaped).
 * @example historyCard(report, labels('en')) // '<section class="card history">…</section>' or ''
 */
export function historyCard(report: Report, l: Labels): string {
  const h = report.history;
  if (h === undefined) return '';
  const names = [l.overall, ...CRITERIA.map((c) => l.criteria[c].name)];
  const rows = (['overall', ...CRITERIA] as const).flatMap((k, i) => {
    const series = h.trend[k];
    if (series.every((v) => v === null)) return [];
    const name = names[i] as string;
    return [`<tr><th scope="row">${escapeHtml(name)}</th><td>${svgSparkline(series, name)}</td>` +
      `<td class="num">${escapeHtml(formatPercent(series.at(-1) ?? null, l.locale))}</td></tr>`];
  });
  const found = report.rules.filter((r) => r.id.startsWith('history.') && r.status === 'failed')
    .flatMap((r) => r.samples.map((s) => `<li>${escapeHtml(s.message)}</li>`));
  return `<section class="card history"><h2>${escapeHtml(l.historyHeading(h.runs, h.name).replace(/:$/, ''))}</h2>` +
    `<table><tbody>${rows.join('')}</tbody></table>${notJudged(report) ? `<p class="hint">${escapeHtml(l.historyNotJudged)}</p>` : ''}` +
    `${found.length === 0 ? '' : `<ul>${found.join('')}</ul>`}</section>`;
}
