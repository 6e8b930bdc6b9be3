import { escapeHtml, scriptJson } from './_escape.js';
import { formatCount, formatInstant, formatPercent } from './_format.js';
import { gauge } from './_html-gauge.js';
import { HTML_SCRIPT } from './_html-assets.js';
import { htmlHead } from './_html-head.js';
import { historyCard } from './_sparkline.js';
import { gradeSections } from './_html-grades.js';
import { ruleTable, sampleSections } from './_html-rules.js';
import { labels, unscored, verdictLine, type Labels } from './_labels.js';
import { localized } from './_text.js';
import { rulesByFailures } from './_rank.js';
import { criterionBand, overallBand } from './_verdict-band.js';
import { reportObject } from './json.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { CRITERIA, type Locale, type Report, type SourceInfo } from '../core/types.js';
import { countOption } from './_count-option.js';

/** Options of `toHtml`. */
export interface HtmlOptions {
  /** Language of the page's own words (default: the report's locale). Messages keep the locale of the run. */
  readonly locale?: Locale;
  /** Heading and document title (default: the dataset's title in the page's locale, else its name). */
  readonly title?: string;
  /**
   * Violations shown per rule, in its collapsed section and in the embedded report JSON (default 10): the page stays
   * small (under 1 MB for 80 rules × 100 samples); counts stay exact and `truncated` says when some are left out.
   */
  readonly maxSamples?: number;
  /** The file holding every violation (`--violations`), as a path relative to the page: linked from the banner. */
  readonly violationsFile?: string;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ locale: true, title: true, maxSamples: true, violationsFile: true } satisfies Record<keyof HtmlOptions, true>);

/**
 * The report as one self-contained HTML page: score gauges, a status banner, a sortable rule table, violation
 * samples and the source. It makes no network request, every piece of data is escaped, and a strict CSP allows only
 * its own hashed style and script. Same report, same bytes.
 * @example writeFileSync('report.html', toHtml(report, { locale: 'vi' }));
 */
export function toHtml(full: Report, options: HtmlOptions = {}): string {
  checkOptionKeys(options, OPTION_KEYS, 'toHtml');
  const l = labels(options.locale ?? full.locale);
  const report = pageReport(full, countOption(options.maxSamples, 10, 'toHtml: maxSamples'));
  const heading = options.title ?? localized(report.title, l.locale) ?? report.dataset;
  const ordered = rulesByFailures(report.rules);
  const file = options.violationsFile === undefined || options.violationsFile === '' ? undefined : options.violationsFile;
  const samples = sampleSections(ordered, l, file !== undefined);
  return [
    ...htmlHead(l.locale, `${heading} — ${l.reportTitle}`),
    header(report, heading, l),
    '<main class="wrap">',
    banner(report, l, file),
    `<section class="gauges" aria-label="${escapeHtml(l.overall)}">${gauges(report, l)}</section>`,
    historyCard(report, l),
    `<section class="card"><h2>${escapeHtml(l.rulesHeading)}</h2><p class="hint">${escapeHtml(l.sortHint)}</p>`,
    ruleTable(ordered, l),
    '</section>',
    gradeSections(report, l.locale),
    samples === '' ? '' : `<section class="card"><h2>${escapeHtml(l.samplesHeading)}</h2>\n${samples}\n</section>`,
    `<section class="card"><h2>${escapeHtml(l.source.heading)}</h2>${source(report, l)}</section>`,
    '</main>',
    `<footer>ddss · schemaVersion ${report.schemaVersion} · ${escapeHtml(formatInstant(report.now))}</footer>`,
    // The report itself, for tools that read the page back; `<` is escaped so no value can close the block.
    `<script type="application/json" id="ddss-report">${scriptJson(reportObject(report))}</script>`,
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].filter((part) => part !== '').join('\n');
}

function header(report: Report, heading: string, l: Labels): string {
  const meta: [string, string][] = [[l.dataset, report.dataset], [l.rowsLabel, formatCount(report.rows, l.locale)]];
  if (report.source?.name !== undefined) meta.push([l.source.heading, report.source.name]);
  meta.push([l.source.now, formatInstant(report.now)]);
  const items = meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('');
  return `<header class="top"><div class="wrap"><p class="eyebrow">${escapeHtml(l.reportTitle)} · ddss</p>` +
    `<h1>${escapeHtml(heading)}</h1><dl class="meta">${items}</dl></div></header>`;
}

/** The report as the page shows it: at most `max` samples per rule, `truncated` set where some were left out. */
function pageReport(report: Report, max: number): Report {
  const limit = Math.max(0, Math.floor(max));
  if (report.rules.every((r) => r.samples.length <= limit)) return report;
  const rules = report.rules.map((r) => (r.samples.length <= limit ? r : { ...r, samples: r.samples.slice(0, limit), truncated: true }));
  return { ...report, rules };
}

/**
 * A link to a local file: each path segment percent-encoded, and a relative path made explicit (`./`), so no file
 * name can become another scheme (`javascript:`) or a query.
 */
function fileHref(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  const encoded = parts.map((p, i) => (i === 0 && p === '' ? '' : encodeURIComponent(p))).join('/');
  if (path.startsWith('/')) return `file://${encoded}`;
  return encoded.startsWith('./') || encoded.startsWith('../') ? encoded : `./${encoded}`;
}

function banner(report: Report, l: Labels, file: string | undefined): string {
  const parts = [`<strong>${escapeHtml(l.datasetStatus[report.status])}</strong>`];
  parts.push(`<p>${escapeHtml(verdictLine(report, l))}</p>`);
  if (file !== undefined) {
    parts.push(`<p><a class="file" href="${escapeHtml(fileHref(file))}">${escapeHtml(l.allViolations)}: <code>${escapeHtml(file)}</code></a></p>`);
  }
  if (report.partial) parts.push(`<p>${escapeHtml(l.partial)}</p>`);
  // The reason is a sentence, in the report's language, not code: in a monospace font Vietnamese letters with two
  // marks (ồ, ể, ầ) came apart on Linux (Liberation Mono and DejaVu Sans Mono draw the second mark beside the letter).
  if (report.error !== undefined) parts.push(`<p>${escapeHtml(l.notEvaluated)} <span class="reason">${escapeHtml(report.error)}</span></p>`);
  return `<section class="banner b-${escapeHtml(report.status)}" role="status" data-status="${escapeHtml(report.status)}">${parts.join('')}</section>`;
}

function gauges(report: Report, l: Labels): string {
  const overallDetail = report.score === null ? unscored(report, l) : l.rows(report.rows);
  const out = [gauge({ id: 'overall', name: l.overall, sub: l.datasetStatus[report.status], score: report.score,
    detail: overallDetail, band: overallBand(report) }, l.locale)];
  for (const c of CRITERIA) {
    const r = report.criteria[c];
    const parts = [];
    if (r.score === null) parts.push(unscored(report, l));
    else {
      if (r.rowPassRate !== null) parts.push(l.failedRowsOf(r.failedRows));
      if (r.tableScore !== null) parts.push(l.tableScore(formatPercent(r.tableScore, l.locale)));
    }
    out.push(gauge({ id: c, name: l.criteria[c].name, sub: l.criteria[c].sub, score: r.score,
      detail: parts.join(' · '), band: criterionBand(report, c) }, l.locale));
  }
  return out.join('\n');
}

function source(report: Report, l: Labels): string {
  const s: SourceInfo | null = report.source;
  const rows: [string, string][] = [[l.source.now, report.now]];
  if (s === null) rows.push([l.source.kind, l.source.unknown]);
  else {
    rows.push([l.source.kind, s.kind]);
    if (s.name !== undefined) rows.push([l.source.name, s.name]);
    if (s.encoding !== undefined) rows.push([l.source.encoding, s.encoding]);
    if (s.bytes !== undefined) rows.push([l.source.bytes, formatCount(s.bytes, l.locale)]);
    if (s.records !== undefined) rows.push([l.source.records, formatCount(s.records, l.locale)]);
    if (s.error !== undefined) rows.push([l.source.error, s.error]);
  }
  return `<dl class="src">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}
