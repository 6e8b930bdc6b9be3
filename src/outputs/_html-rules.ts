import { escapeHtml } from './_escape.js';
import { formatCount, formatParam, formatPercent } from './_format.js';
import { ruleBand } from './_verdict-band.js';
import type { Labels } from './_labels.js';
import { fieldLabel, localized } from './_text.js';
import { CRITERION_RANK, SEVERITY_RANK, STATUS_RANK, type IndexedRule } from './_rank.js';
import type { RuleResult, Sample } from '../core/types.js';

/**
 * Whether a rule gets a samples section: it has samples to show or an error to explain.
 * @example report.rules.filter(hasDetails).length // the number of collapsible sections
 */
export function hasDetails(rule: RuleResult): boolean {
  return rule.samples.length > 0 || rule.error !== null;
}

/**
 * The sortable rule table, rows in the given order (failures first). Every cell carries its sort key in
 * `data-sort`, so the script compares numbers and ranks, not formatted text.
 * @example ruleTable(rulesByFailures(report.rules), labels('en'))
 */
export function ruleTable(rules: readonly IndexedRule[], l: Labels): string {
  const c = l.col;
  const head = [
    th(c.id, 'text'), th(c.criterion, 'rank'), th(c.severity, 'rank'), th(c.field, 'text'),
    th(c.checked, 'num', true), th(c.failed, 'num', true, 'descending'), th(c.passRate, 'num', true),
    th(c.status, 'rank'),
  ].join('');
  const body = rules.map(({ rule, index }) => ruleRow(rule, index, l)).join('\n');
  return `<div class="scroll"><table id="rules" class="rules">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

function th(text: string, type: 'text' | 'rank' | 'num', numeric = false, sort?: 'descending'): string {
  return `<th data-type="${type}"${numeric ? ' class="num"' : ''}${sort === undefined ? '' : ` aria-sort="${sort}"`}>` +
    `<button type="button">${escapeHtml(text)}<span class="arrow" aria-hidden="true"></span></button></th>`;
}

function ruleRow(r: RuleResult, index: number, l: Labels): string {
  const id = `<code class="id">${escapeHtml(r.id)}</code>`;
  const cells = [
    `<td data-sort="${escapeHtml(r.id)}">${hasDetails(r) ? `<a href="#s-${index}">${id}</a>` : id}${descSpan(r, l)}</td>`,
    `<td data-sort="${CRITERION_RANK[r.criterion]}"><span class="crit">${escapeHtml(l.criteria[r.criterion].name)}</span></td>`,
    `<td data-sort="${SEVERITY_RANK[r.severity]}"><span class="sev sev-${escapeHtml(r.severity)}">${escapeHtml(l.severity[r.severity])}</span></td>`,
    // No field: a table-level rule says so; a cross-field record rule is row-level and shows a plain dash.
    r.field === null
      ? `<td data-sort=""><span class="muted">${r.level === 'table' ? `— ${escapeHtml(l.tableLevel)}` : '—'}</span></td>`
      : `<td data-sort="${escapeHtml(r.field)}"><code class="id">${escapeHtml(r.field)}</code>${labelSpan(r, l)}</td>`,
    `<td class="num" data-sort="${r.checked}">${formatCount(r.checked, l.locale)}</td>`,
    `<td class="num" data-sort="${r.failed}">${formatCount(r.failed, l.locale)}</td>`,
    `<td class="num" data-sort="${r.passRate ?? ''}">${passRate(r, l)}</td>`,
    `<td data-sort="${STATUS_RANK[r.status]}"><span class="pill st-${escapeHtml(r.status)}">${escapeHtml(l.ruleStatus[r.status])}</span></td>`,
  ];
  return `<tr data-i="${index}" class="is-${escapeHtml(r.status)}">${cells.join('')}</tr>`;
}

/** What the rule checks, under its id, in the page's locale. */
function descSpan(r: RuleResult, l: Labels): string {
  const d = localized(r.description, l.locale);
  return d === undefined ? '' : `<span class="desc">${escapeHtml(d)}</span>`;
}

/** The field's label under its name, when it has one. */
function labelSpan(r: RuleResult, l: Labels): string {
  const label = fieldLabel(r, l.locale);
  return label === undefined ? '' : `<span class="lbl">${escapeHtml(label)}</span>`;
}

function passRate(r: RuleResult, l: Labels): string {
  const rate = r.passRate;
  if (rate === null) return '<span class="muted">—</span>';
  const w = Math.round(Math.max(0, Math.min(1, rate)) * 1000) / 10;
  return `<span class="rate">${formatPercent(rate, l.locale)}<svg viewBox="0 0 100 6" width="48" height="6" aria-hidden="true">` +
    `<rect class="bg" width="100" height="6" rx="3"/>${w > 0 ? `<rect class="bar ${ruleBand(r)}" width="${w}" height="6" rx="3"/>` : ''}</svg></span>`;
}

/**
 * One collapsible section per rule with samples or an error: the rule's parameters, its error, and a table of its
 * kept violations (row, line, key, field, value, code, message, suggestion). The first section starts open.
 * @example sampleSections(rulesByFailures(report.rules), labels('vi'))
 */
export function sampleSections(rules: readonly IndexedRule[], l: Labels, file = false): string {
  const shown = rules.filter(({ rule }) => hasDetails(rule));
  return shown.map(({ rule, index }, i) => section(rule, index, l, i === 0, file)).join('\n');
}

function section(r: RuleResult, index: number, l: Labels, open: boolean, file: boolean): string {
  const summary = [
    `<code class="id">${escapeHtml(r.id)}</code>`,
    `<span class="crit">${escapeHtml(l.criteria[r.criterion].name)}</span>`,
    `<span class="pill st-${escapeHtml(r.status)}">${escapeHtml(l.ruleStatus[r.status])}</span>`,
    r.status === 'error' ? '' : `<span class="muted">${escapeHtml(l.violations(r.violations))}` +
      `${r.truncated ? ` (${escapeHtml(l.showing(r.samples.length, r.violations))})` : ''}</span>`,
  ].join(' ');
  const params = r.params === undefined ? '' : paramsLine(r.params, l);
  const error = r.error === null ? '' : `<p class="err">${escapeHtml(r.error)}</p>`;
  const table = r.samples.length === 0 ? '' : samplesTable(r.samples, l);
  const hidden = r.status === 'error' ? 0 : r.violations - r.samples.length;
  const more = hidden > 0 ? `<p class="muted">${escapeHtml(l.moreIn(hidden, file))}</p>` : '';
  return `<details id="s-${index}"${open ? ' open' : ''}><summary>${summary}</summary>` +
    `<div class="body">${params}${error}${table}${more}</div></details>`;
}

function paramsLine(params: Readonly<Record<string, unknown>>, l: Labels): string {
  const parts = Object.keys(params)
    .filter((k) => params[k] !== null && params[k] !== undefined)
    .map((k) => `${escapeHtml(k)} = <code>${escapeHtml(formatParam(params[k], l.locale))}</code>`);
  return parts.length === 0 ? '' : `<p class="params">${escapeHtml(l.params)}: ${parts.join(' · ')}</p>`;
}

function samplesTable(samples: readonly Sample[], l: Labels): string {
  const c = l.col;
  const head = [c.row, c.line, c.key, c.field, c.value, c.code, c.message, c.suggestion]
    .map((t, i) => `<th${i < 2 ? ' class="num"' : ''}>${escapeHtml(t)}</th>`).join('');
  const rows = samples.map((s) => [
    `<td class="num">${s.row === undefined ? '—' : formatCount(s.row, l.locale)}</td>`,
    `<td class="num">${s.line === undefined ? '—' : formatCount(s.line, l.locale)}</td>`,
    `<td>${s.key === undefined ? '' : `<code class="id">${escapeHtml(s.key)}</code>`}</td>`,
    `<td>${s.field === undefined ? '' : `<code class="id">${escapeHtml(s.field)}</code>`}</td>`,
    `<td>${s.value === undefined ? '' : `<code class="val">${escapeHtml(s.value)}</code>`}</td>`,
    `<td><code class="id">${escapeHtml(s.code)}</code></td>`,
    `<td>${escapeHtml(s.message)}</td>`,
    `<td>${s.suggestion === undefined ? '' : `<code class="val">${escapeHtml(s.suggestion)}</code>`}</td>`,
  ].join(''));
  return `<div class="scroll"><table class="samples"><thead><tr>${head}</tr></thead><tbody>\n` +
    `${rows.map((r) => `<tr>${r}</tr>`).join('\n')}\n</tbody></table></div>`;
}
