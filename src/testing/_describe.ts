import { CRITERIA, type Criterion, type Report, type RuleResult } from '../core/types.js';

/**
 * Readable failure text for the matchers: the report's scores, then the worst rules with their counts and a few
 * sample violations. Values come from the report's samples, which are already masked unless `showValues` was set.
 */

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** `0.9312` → `93.12%`; null (nothing to judge) → `n/a`. */
export function percent(x: number | null): string {
  return x === null ? 'n/a' : `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;
}

/** One line: dataset, status, overall and per-criterion scores. */
export function scoreLine(report: Report): string {
  const parts = CRITERIA.map((c) => `${c} ${percent(report.criteria[c].score)}`);
  return `${report.dataset}: status ${report.status}, score ${percent(report.score)} (${parts.join(', ')}), ${report.rows} rows`;
}

/** Rules with findings, worst first: errors before warnings before info, then by failed rows. */
export function worstRules(report: Report, criterion?: Criterion): RuleResult[] {
  return report.rules
    .filter((r) => (r.failed > 0 || r.violations > 0 || r.status === 'error') && (criterion === undefined || r.criterion === criterion))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.failed - a.failed || (a.id < b.id ? -1 : 1));
}

/** A rule with its counts and up to `samples` violations, indented. */
export function describeRule(r: RuleResult, samples = 3): string {
  const head = r.status === 'error'
    ? `  ✗ ${r.id} (${r.criterion}, ${r.severity}): rule error: ${r.error ?? ''}`
    : `  ✗ ${r.id} (${r.criterion}, ${r.severity}): ${r.failed} of ${r.checked} ${r.level === 'table' ? 'checks' : 'rows'} failed` +
      (r.violations !== r.failed ? `, ${r.violations} violations` : '');
  const lines = r.samples.slice(0, samples).map((s) => {
    const where = [s.row === undefined ? 'table' : `row ${s.row}`, s.line === undefined ? undefined : `line ${s.line}`,
      s.key === undefined ? undefined : `key ${s.key}`].filter((x) => x !== undefined).join(', ');
    return `      ${where}: [${s.code}] ${s.message}`;
  });
  const hidden = r.violations - Math.min(samples, r.samples.length);
  const more = hidden > 0 ? [`      … ${hidden} more`] : [];
  return [head, ...lines, ...more].join('\n');
}

/** The score line and the `limit` worst rules (optionally of one criterion, or only the named rule). */
export function describeReport(report: Report, options: { readonly criterion?: Criterion; readonly limit?: number } = {}): string {
  const worst = worstRules(report, options.criterion);
  const limit = options.limit ?? 5;
  const shown = worst.slice(0, limit).map((r) => describeRule(r));
  if (worst.length > limit) shown.push(`  … and ${worst.length - limit} more rules with findings`);
  return [scoreLine(report), ...(shown.length === 0 ? ['  no rule has findings'] : shown)].join('\n');
}
