import { escapeHtml } from './_escape.js';
import { formatCount, formatPercent, scoreBand } from './_format.js';
import { labels } from './_labels.js';
import type { WorklistLabels } from './_worklist-labels.js';
import { CRITERIA, type Criterion } from '../core/types.js';

/** A graded record as the HTML tables show it (a `RecordGrade`, or a line of a grades file). */
export interface GradedRow {
  readonly row: number;
  readonly line?: number | undefined;
  readonly key?: string | undefined;
  readonly overall: number | null;
  readonly grades: Readonly<Record<Criterion, number | null>>;
  readonly findings: Readonly<Record<Criterion, number>>;
  readonly rules: readonly string[];
}

/**
 * A table of graded records, in the order given. Every value is escaped; each row carries `data-i` (its place) and
 * `data-q` (its key, rules and group, lower-cased, for the worklist's filter), and each sortable cell a `data-sort`
 * number, so the page's script sorts and filters without parsing what is displayed. With `sortable`, headings are
 * buttons (the page's script sorts); without, plain text.
 * @example gradedTable(report.worstRecords, worklistLabels('vi'), { id: 'worst', sortable: false })
 */
export function gradedTable(records: readonly GradedRow[], l: WorklistLabels,
  options: { readonly id?: string; readonly sortable: boolean; readonly group?: string }): string {
  const names = labels(l.locale).criteria;
  // Findings open largest first (data-desc); grades lowest first, as the worst records come.
  const head = (text: string, type: 'num' | 'text', sortable: boolean, desc = false) => {
    const inner = sortable && options.sortable ? `<button type="button">${escapeHtml(text)}<span class="arrow" aria-hidden="true"></span></button>`
      : escapeHtml(text);
    return `<th scope="col" data-type="${type}"${desc ? ' data-desc' : ''}${type === 'num' ? ' class="num"' : ''}>${inner}</th>`;
  };
  const heads = [head(l.col.row, 'num', true), head(l.col.line, 'num', false), head(l.col.key, 'text', true),
    head(l.col.overall, 'num', true), ...CRITERIA.map((c) => head(names[c].name, 'num', true)),
    head(l.col.findings, 'num', true, true), head(l.col.rules, 'text', false)];
  const body = records.map((r, i) => {
    const total = CRITERIA.reduce((n, c) => n + r.findings[c], 0);
    const q = [r.key ?? '', ...r.rules, options.group ?? ''].join(' ').toLowerCase();
    const cells = [
      // Rows and lines are positions in the file, written without separators, as the grades file has them.
      `<td class="num" data-sort="${r.row}">${r.row}</td>`,
      `<td class="num">${r.line === undefined ? '' : r.line}</td>`,
      `<td>${r.key === undefined ? '' : `<code class="id">${escapeHtml(r.key)}</code>`}</td>`,
      grade(r.overall, l, 'overall'),
      ...CRITERIA.map((c) => grade(r.grades[c], l, r.findings[c] > 0 ? 'hit' : '')),
      `<td class="num" data-sort="${total}">${escapeHtml(formatCount(total, l.locale))}</td>`,
      `<td>${r.rules.map((id) => `<code class="id">${escapeHtml(id)}</code>`).join(' ')}</td>`,
    ];
    return `<tr data-i="${i}" data-q="${escapeHtml(q)}">${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="graded"${options.id === undefined ? '' : ` id="${escapeHtml(options.id)}"`}>` +
    `<thead><tr>${heads.join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** A grade cell: the percentage coloured by band; no grade (no rule applied) is "—" and sorts last. */
function grade(x: number | null, l: WorklistLabels, extra: string): string {
  const band = scoreBand(x);
  return `<td class="num grade g-${band}${extra === '' ? '' : ` ${extra}`}" data-sort="${x === null ? '' : x}">` +
    `${escapeHtml(formatPercent(x, l.locale))}</td>`;
}
