import { htmlHead } from '../outputs/_html-head.js';
import { escapeHtml } from '../outputs/_escape.js';
import { distinctText, rangeText, signsText, typeText } from './describe-column.js';
import { labelsOf, type ProfileTextOptions } from './profile-text.js';
import { profilePercent, type ProfileLabels } from './_profile-labels.js';
import { MAX_PROFILED_COLUMNS } from './profile-state.js';
import type { ColumnProfile, Profile } from './types.js';

/**
 * The profile as one self-contained HTML page (the report's strict CSP head: no script, no request): a table of
 * the columns, then a folded section per column with its top values and shapes. Every value is escaped; personal
 * identifiers are masked as in the other formats.
 * @example await writeFile('profile.html', profileHtml(await profile(readCsv('parcels.csv'))))
 */
export function profileHtml(p: Profile, options: ProfileTextOptions = {}): string {
  const l = labelsOf(options, 'profileHtml');
  const h = l.html;
  const title = `${p.source} — ${h.title}`;
  const issues = p.issues.map((i) => `${i.count} ${i.code}`).join(', ');
  const meta = [[h.rows, `${p.rows}${p.sampled ? l.sampled : ''}`], [h.columns, `${p.columns.length}${p.columnsNotProfiled === undefined ? '' : ` (${l.notProfiled(p.columnsNotProfiled, MAX_PROFILED_COLUMNS)})`}`],
    ...(issues === '' ? [] : [[cap(l.sourceIssues), issues]])]
    .map(([k, v]) => `<div><dt>${escapeHtml(k as string)}</dt><dd>${escapeHtml(v as string)}</dd></div>`).join('');
  return [
    ...htmlHead(l.locale, title),
    `<header class="top"><div class="wrap"><p class="eyebrow">${escapeHtml(h.eyebrow)}</p><h1>${escapeHtml(p.source)}</h1><dl class="meta">${meta}</dl></div></header>`,
    '<main class="wrap">',
    `<section class="card"><h2>${escapeHtml(h.columnsHeading)}</h2><p class="hint">${escapeHtml(h.columnsHint)}</p>`,
    `<div class="scroll"><table><thead><tr><th>${escapeHtml(h.column)}</th><th>${escapeHtml(h.type)}</th><th class="num">${escapeHtml(cap(l.missing))}</th><th class="num">${escapeHtml(cap(l.distinct))}</th><th>${escapeHtml(cap(l.range))}</th><th class="num">${escapeHtml(cap(l.length))}</th><th>${escapeHtml(cap(l.signs))}</th></tr></thead><tbody>`,
    ...p.columns.map((c) => row(c, p.communeLists, l)),
    '</tbody></table></div></section>',
    `<section class="card"><h2>${escapeHtml(h.valuesAndShapes)}</h2><p class="hint">${escapeHtml(h.valuesHint)}</p>`,
    ...p.columns.map((c) => details(c, l)),
    '</section>',
    '</main>',
    '</body></html>',
    '',
  ].join('\n');
}

/** A row name as a column heading: its first letter in capitals (`Missing`, `Thiếu`). */
function cap(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function row(c: ColumnProfile, communeLists: Profile['communeLists'], l: ProfileLabels): string {
  const length = c.length === undefined ? '' : c.length.min === c.length.max ? String(c.length.min) : `${c.length.min}–${c.length.max}`;
  return `<tr><td><code>${escapeHtml(c.name)}</code></td><td>${escapeHtml(typeText(c, l))}</td>` +
    `<td class="num">${c.missing} (${profilePercent(c.missingShare, l.locale)})</td><td class="num">${escapeHtml(distinctText(c, l))}</td>` +
    `<td><span class="mono">${escapeHtml(rangeText(c))}</span></td><td class="num">${length}</td>` +
    `<td>${signsText(c, communeLists, l).map((s) => escapeHtml(s)).join('<br>')}</td></tr>`;
}

function details(c: ColumnProfile, l: ProfileLabels): string {
  const h = l.html;
  if (c.top.length === 0) return '';
  const sign = c.topExact ? '' : '≥ ';
  const values = c.top.map((t) => `<tr><td><span class="val">${escapeHtml(t.value)}</span></td><td class="num">${sign}${t.count}</td></tr>`).join('');
  const shapes = c.shapes.map((s) => `<tr><td><span class="val">${escapeHtml(s.shape)}</span></td><td class="num">${c.shapesExact ? '' : '≥ '}${s.count}</td></tr>`).join('');
  const hint = c.topExact ? h.exact : h.heavyHitters;
  return `<details><summary><code>${escapeHtml(c.name)}</code><span class="muted">${escapeHtml(typeText(c, l))} · ${escapeHtml(distinctText(c, l))} ${escapeHtml(l.distinct)}${c.personal ? ` · ${escapeHtml(h.masked)}` : ''}</span></summary>` +
    `<div class="body"><p class="params">${escapeHtml(hint)}</p><div class="scroll"><table><thead><tr><th>${escapeHtml(h.topValue)}</th><th class="num">${escapeHtml(h.count)}</th></tr></thead><tbody>${values}</tbody></table>` +
    `<table><thead><tr><th>${escapeHtml(h.shape)}</th><th class="num">${escapeHtml(h.count)}</th></tr></thead><tbody>${shapes}</tbody></table></div></div></details>`;
}
