import { escapeHtml } from './_escape.js';
import { formatCount } from './_format.js';
import { gradedTable, type GradedRow } from './_html-graded.js';
import { htmlHead } from './_html-head.js';
import { HTML_STYLE } from './_html-assets.js';
import { labels } from './_labels.js';
import { WORKLIST_CSP, WORKLIST_SCRIPT, WORKLIST_STYLE } from './_worklist-assets.js';
import { worklistLabels, type WorklistLabels } from './_worklist-labels.js';
import { CRITERIA, type Criterion, type Locale } from '../core/types.js';
import { checkOptionKeys } from '../core/option-keys.js';

/** One group of a worklist: its counts and its worst records, worst first. */
export interface WorklistGroup {
  /** The group's value (a commune code…); null for records whose cell is empty. */
  readonly name: string | null;
  readonly records: number;
  /** Records with at least one error or warning finding of each criterion. */
  readonly withFindings: Readonly<Record<Criterion, number>>;
  readonly worst: readonly GradedRow[];
}

/** Options of `toWorklistHtml`. */
export interface WorklistHtmlOptions {
  /** The column the records are grouped by; undefined: one group of every record. */
  readonly column?: string | undefined;
  /** Records listed per group at most (said in the heading). */
  readonly top: number;
  /** Language of the page's words (default English). Data is never translated. */
  readonly locale?: Locale;
  /** The grades file's name, shown in the heading. */
  readonly source?: string;
  /** How many groups the grades file has, when only some are shown (`--groups N`). */
  readonly of?: number;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ column: true, top: true, locale: true, source: true, of: true } satisfies Record<keyof WorklistHtmlOptions, true>);

/**
 * A worklist as one self-contained HTML page a clerk can filter (by key, rule or group) and sort (by grade, by each
 * criterion's grade, by findings): one section per group with its counts per criterion and its worst records first.
 * Without JavaScript it is a readable static list; it makes no network request, every value is escaped, and a
 * strict CSP allows only its own hashed style and script. Same groups, same bytes.
 * @example writeFileSync('worklist.html', toWorklistHtml(groups, { column: 'commune_code', top: 20, locale: 'vi' }));
 */
export function toWorklistHtml(groups: readonly WorklistGroup[], options: WorklistHtmlOptions): string {
  checkOptionKeys(options, OPTION_KEYS, 'toWorklistHtml');
  const l = worklistLabels(options.locale);
  const total = groups.reduce((n, g) => n + g.records, 0);
  const listed = groups.reduce((n, g) => n + g.worst.length, 0);
  const heading = l.heading(options.column);
  const meta: [string, string][] = [];
  if (options.source !== undefined) meta.push([l.gradesFile, options.source]);
  meta.push([l.groups, options.of === undefined ? formatCount(groups.length, l.locale) : l.someGroups(groups.length, options.of)],
    [l.records, formatCount(total, l.locale)],
    [l.title, l.listed(options.top)]);
  return [
    ...htmlHead(l.locale, `${heading} — ${l.title}`, { csp: WORKLIST_CSP, styles: [HTML_STYLE, WORKLIST_STYLE] }),
    `<header class="top"><div class="wrap"><p class="eyebrow">${escapeHtml(l.title)} · ddss</p><h1>${escapeHtml(heading)}</h1>` +
      `<dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl></div></header>`,
    '<main class="wrap">',
    // Shown by the script: without JavaScript there is nothing to type into.
    `<div class="filter" id="filter-bar" hidden><label for="filter">${escapeHtml(l.filter)}</label>` +
      `<input id="filter" type="search" autocomplete="off" spellcheck="false" placeholder="${escapeHtml(l.filterHint)}">` +
      `<span class="muted"><b id="shown">${listed}</b> ${escapeHtml(l.shown)}</span>` +
      `<span class="hint">${escapeHtml(l.sortHint)}</span></div>`,
    `<p class="card" id="none" hidden>${escapeHtml(l.noMatch)}</p>`,
    ...groups.map((g, i) => section(g, i, options.column, l)),
    '</main>',
    '<footer>ddss worklist</footer>',
    `<script>${WORKLIST_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(g: WorklistGroup, i: number, column: string | undefined, l: WorklistLabels): string {
  const names = labels(l.locale).criteria;
  const name = g.name ?? l.emptyGroup;
  const counts = CRITERIA.map((c) => `<span class="crit ${g.withFindings[c] === 0 ? 'zero' : 'some'}">` +
    `${escapeHtml(names[c].name)} <b>${escapeHtml(formatCount(g.withFindings[c], l.locale))}</b></span>`).join('');
  return `<section class="card group" id="g${i}" data-group="${escapeHtml(g.name ?? '')}">` +
    `<h2>${column === undefined ? '' : `<span class="col">${escapeHtml(column)}</span>`}<span>${escapeHtml(name)}</span></h2>` +
    `<p class="counts"><span>${escapeHtml(l.recordCount(g.records))} · ${escapeHtml(l.withFindings)}:</span>${counts}</p>` +
    gradedTable(g.worst, l, { sortable: true, group: g.name ?? '' }) +
    '</section>';
}
