import { escapeHtml } from './_escape.js';
import { formatCount, formatPercent, scoreBand } from './_format.js';
import { gradedTable } from './_html-graded.js';
import { labels } from './_labels.js';
import { worklistLabels } from './_worklist-labels.js';
import type { GroupBreakdown, GroupSummary } from '../core/grade-tally.js';
import { CRITERIA, type Locale, type Report } from '../core/types.js';

/**
 * The report page's graded-record sections: the worst records (when the run graded records) and the breakdown by
 * the `groupBy` field (when one was given). Empty when the report has neither, so the page is unchanged.
 * @example gradeSections(report, 'vi')
 */
export function gradeSections(report: Report, locale: Locale): string {
  const l = worklistLabels(locale);
  const parts: string[] = [];
  const worst = report.worstRecords;
  if (worst !== undefined && worst.length > 0) {
    parts.push(`<section class="card" id="worst-records"><h2>${escapeHtml(l.worstHeading)}</h2>` +
      `<p class="hint">${escapeHtml(l.worstHint(worst.length))}</p>${gradedTable(worst, l, { sortable: false })}</section>`);
  }
  if (report.groups !== undefined) parts.push(groupSection(report.groups, locale));
  return parts.join('\n');
}

function groupSection(b: GroupBreakdown, locale: Locale): string {
  const l = worklistLabels(locale);
  const names = labels(locale).criteria;
  const n = (x: number) => escapeHtml(formatCount(x, locale));
  const grade = (x: number | null) => `<td class="num grade g-${scoreBand(x)}">${escapeHtml(formatPercent(x, locale))}</td>`;
  const row = (name: string, g: Omit<GroupSummary, 'value'>, muted: boolean) =>
    `<tr><td>${muted ? `<span class="muted">${escapeHtml(name)}</span>` : `<code class="id">${escapeHtml(name)}</code>`}</td>` +
    `<td class="num">${n(g.records)}</td><td class="num">${n(g.recordsWithFindings)}</td>` +
    CRITERIA.map((c) => `<td class="num">${n(g.withFindings[c])}</td>`).join('') +
    `${grade(g.meanGrade)}${grade(g.worstGrade)}</tr>`;
  const rows = b.groups.map((g) => row(g.value ?? l.emptyGroup, g, g.value === null));
  if (b.other !== undefined) rows.push(row(l.otherGroups, b.other, true));
  const heads = [escapeHtml(b.field), l.col.records, l.col.withFindings, ...CRITERIA.map((c) => names[c].name), l.col.mean, l.col.worst]
    .map((h, i) => `<th scope="col"${i === 0 ? '' : ' class="num"'}>${i === 0 ? h : escapeHtml(h)}</th>`);
  return `<section class="card" id="groups"><h2>${escapeHtml(l.groupsHeading(b.field))}</h2>` +
    (b.other === undefined ? '' : `<p class="hint">${escapeHtml(l.groupsCapped(b.maxGroups))}</p>`) +
    `<div class="scroll"><table class="groups"><thead><tr>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}
