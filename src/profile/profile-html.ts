import { htmlHead } from '../outputs/_html-head.js';
import { escapeHtml } from '../outputs/_escape.js';
import { distinctText, rangeText, signsText, typeText } from './describe-column.js';
import { notProfiled } from './profile-text.js';
import { percent } from './suggest-definition.js';
import type { ColumnProfile, Profile } from './types.js';

/**
 * The profile as one self-contained HTML page (the report's strict CSP head: no script, no request): a table of
 * the columns, then a folded section per column with its top values and shapes. Every value is escaped; personal
 * identifiers are masked as in the other formats.
 * @example await writeFile('profile.html', profileHtml(await profile(readCsv('parcels.csv'))))
 */
export function profileHtml(p: Profile): string {
  const title = `${p.source} — profile`;
  const issues = p.issues.map((i) => `${i.count} ${i.code}`).join(', ');
  const meta = [['Rows', `${p.rows}${p.sampled ? ' (sample: the first rows only)' : ''}`], ['Columns', `${p.columns.length}${p.columnsNotProfiled === undefined ? '' : ` (${notProfiled(p.columnsNotProfiled)})`}`],
    ...(issues === '' ? [] : [['Source issues', issues]])]
    .map(([k, v]) => `<div><dt>${escapeHtml(k as string)}</dt><dd>${escapeHtml(v as string)}</dd></div>`).join('');
  return [
    ...htmlHead('en', title),
    `<header class="top"><div class="wrap"><p class="eyebrow">Profile · ddss</p><h1>${escapeHtml(p.source)}</h1><dl class="meta">${meta}</dl></div></header>`,
    '<main class="wrap">',
    '<section class="card"><h2>Columns</h2><p class="hint">Inferred from the values; missing counts empty cells and the Vietnamese placeholders (NULL, -, 00/00/0000, …).</p>',
    '<div class="scroll"><table><thead><tr><th>Column</th><th>Type</th><th class="num">Missing</th><th class="num">Distinct</th><th>Range</th><th class="num">Length</th><th>Signs</th></tr></thead><tbody>',
    ...p.columns.map((c) => row(c, p.communeLists)),
    '</tbody></table></div></section>',
    '<section class="card"><h2>Values and shapes</h2><p class="hint">The most frequent values and shapes (9 a digit, A a letter) of each column; personal columns masked.</p>',
    ...p.columns.map(details),
    '</section>',
    '</main>',
    '</body></html>',
    '',
  ].join('\n');
}

function row(c: ColumnProfile, communeLists: Profile['communeLists']): string {
  const length = c.length === undefined ? '' : c.length.min === c.length.max ? String(c.length.min) : `${c.length.min}–${c.length.max}`;
  return `<tr><td><code>${escapeHtml(c.name)}</code></td><td>${escapeHtml(typeText(c))}</td>` +
    `<td class="num">${c.missing} (${percent(c.missingShare)})</td><td class="num">${escapeHtml(distinctText(c))}</td>` +
    `<td><span class="mono">${escapeHtml(rangeText(c))}</span></td><td class="num">${length}</td>` +
    `<td>${signsText(c, communeLists).map((s) => escapeHtml(s)).join('<br>')}</td></tr>`;
}

function details(c: ColumnProfile): string {
  if (c.top.length === 0) return '';
  const sign = c.topExact ? '' : '≥ ';
  const values = c.top.map((t) => `<tr><td><span class="val">${escapeHtml(t.value)}</span></td><td class="num">${sign}${t.count}</td></tr>`).join('');
  const shapes = c.shapes.map((s) => `<tr><td><span class="val">${escapeHtml(s.shape)}</span></td><td class="num">${c.shapesExact ? '' : '≥ '}${s.count}</td></tr>`).join('');
  const hint = c.topExact ? 'exact counts' : 'a heavy-hitters summary: counts are lower bounds';
  return `<details><summary><code>${escapeHtml(c.name)}</code><span class="muted">${escapeHtml(typeText(c))} · ${escapeHtml(distinctText(c))} distinct${c.personal ? ' · masked' : ''}</span></summary>` +
    `<div class="body"><p class="params">${hint}</p><div class="scroll"><table><thead><tr><th>Top value</th><th class="num">Count</th></tr></thead><tbody>${values}</tbody></table>` +
    `<table><thead><tr><th>Shape</th><th class="num">Count</th></tr></thead><tbody>${shapes}</tbody></table></div></div></details>`;
}
