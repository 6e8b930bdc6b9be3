import { markdownCode, markdownText } from './_escape.js';
import { formatCount, formatInstant, formatPercent } from './_format.js';
import { labels, unscored, verdictLine, type Labels } from './_labels.js';
import { attentionList } from './_rank.js';
import { datasetHeading, fieldLabel } from './_text.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { CRITERIA, type Locale, type Report, type RuleResult } from '../core/types.js';
import { countOption } from './_count-option.js';

/** Options of `toMarkdown`. */
export interface MarkdownOptions {
  /** Language of the summary's own words (default: the report's locale). */
  readonly locale?: Locale;
  /** Failing rules listed in the table (most failures first). Default 20. */
  readonly maxRules?: number;
  /** Failing rules whose samples are listed. Default 5. */
  readonly maxSampleRules?: number;
  /** Samples listed per rule. Default 3. */
  readonly maxSamples?: number;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ locale: true, maxRules: true, maxSampleRules: true, maxSamples: true } satisfies Record<keyof MarkdownOptions, true>);

/** Code spans inside table cells escape pipes; see `markdownCode`. */
const CELL = { cell: true } as const;
const ICON = { passed: '✅', warned: '⚠️', failed: '❌', error: '⛔' } as const;

/**
 * A Markdown summary for merge-request comments and CI job summaries: status, overall score, the four criteria, the
 * failing rules (most failures first) and a few samples each. Every piece of data is escaped, so pipes, newlines,
 * HTML, links, bare URLs and e-mail addresses (GFM autolinks) and emphasis in values can neither break the tables nor
 * render. Same report, same text.
 * @example writeFileSync(process.env.GITHUB_STEP_SUMMARY!, toMarkdown(report, { locale: 'vi' }));
 */
export function toMarkdown(report: Report, options: MarkdownOptions = {}): string {
  checkOptionKeys(options, OPTION_KEYS, 'toMarkdown');
  const l = labels(options.locale ?? report.locale);
  const failing = attentionList(report.rules);
  const shown = failing.slice(0, countOption(options.maxRules, 20, 'toMarkdown: maxRules'));
  const maxSampleRules = countOption(options.maxSampleRules, 5, 'toMarkdown: maxSampleRules');
  const maxSamples = countOption(options.maxSamples, 3, 'toMarkdown: maxSamples');
  const out = [
    `## ${ICON[report.status]} ${markdownText(datasetHeading(report, l.locale))}: ${l.datasetStatus[report.status]}`,
    '',
    `**${l.col.score}: ${formatPercent(report.score, l.locale)}** · ${l.rows(report.rows)} · ` +
      `${l.source.now}: ${formatInstant(report.now)}` +
      (report.source?.name === undefined ? '' : ` · ${markdownCode(report.source.name)}`),
    '',
  ];
  // The verdict quotes data (a rule id, the baseline's file name): escaped as the heading is, or it rendered as HTML.
  out.push(markdownText(verdictLine(report, l)), '');
  if (report.partial) out.push(`> ${l.partial}`, '');
  if (report.error !== undefined) out.push(`> ${l.notEvaluated} ${markdownCode(report.error)}`, '');
  out.push(`| ${l.col.criterion} | ${l.col.score} | ${l.col.failedRows} |`, '|---|---:|---:|');
  for (const c of CRITERIA) {
    const r = report.criteria[c];
    const score = r.score === null ? `— (${unscored(report, l)})` : formatPercent(r.score, l.locale);
    out.push(`| ${l.criteria[c].name} (${l.criteria[c].sub}) | ${score} | ${formatCount(r.failedRows, l.locale)} |`);
  }
  out.push('', `### ${l.failingRules}`, '');
  if (failing.length === 0) out.push(l.noFailingRules);
  else {
    out.push(
      `| ${l.col.id} | ${l.col.criterion} | ${l.col.severity} | ${l.col.field} | ${l.col.failed} | ${l.col.checked} | ${l.col.passRate} | ${l.col.status} |`,
      '|---|---|---|---|---:|---:|---:|---|',
      ...shown.map((r) => ruleRow(r, l)),
    );
    if (failing.length > shown.length) out.push('', l.moreRules(failing.length - shown.length));
    // Samples for the first few rules only: the summary must stay readable in a merge-request comment.
    const samples = shown.filter((r) => r.samples.length > 0 || r.error !== null).slice(0, maxSampleRules);
    // One cause stopping several rules (an unusable reference) is said once: the next rules point to the first.
    const said = new Map<string, string>();
    const sameAs = (r: RuleResult): string | undefined => {
      if (r.error === null) return undefined;
      const first = said.get(r.error);
      if (first === undefined) said.set(r.error, r.id);
      return first;
    };
    if (samples.length > 0) out.push('', `### ${l.samplesHeading}`, '', ...samples.flatMap((r) => sampleList(r, l, maxSamples, sameAs(r))));
  }
  return `${out.join('\n')}\n`;
}

function ruleRow(r: RuleResult, l: Labels): string {
  const cells = [
    markdownCode(r.id, CELL),
    l.criteria[r.criterion].name,
    l.severity[r.severity],
    r.field === null ? '—' : `${markdownCode(r.field, CELL)}${labelText(r, l)}`,
    formatCount(r.failed, l.locale),
    formatCount(r.checked, l.locale),
    formatPercent(r.passRate, l.locale),
    l.ruleStatus[r.status],
  ];
  return `| ${cells.join(' | ')} |`;
}

/** ` (label)` after a field name, escaped for a table cell; empty without a label. */
function labelText(r: RuleResult, l: Labels): string {
  const label = fieldLabel(r, l.locale);
  // markdownText escapes pipes already: escaped again, `\\|` was an escaped backslash and a bare pipe (a split cell).
  return label === undefined ? '' : ` (${markdownText(label)})`;
}

/** `sameAs`: the rule listed above with the same error, named instead of repeating it. */
function sampleList(r: RuleResult, l: Labels, max: number, sameAs?: string): string[] {
  const why = r.error === null ? undefined : sameAs === undefined ? markdownText(r.error) : l.sameErrorAs(markdownCode(sameAs));
  const lines = [`- ${markdownCode(r.id)}${why === undefined ? '' : `: ${why}`}`];
  for (const s of r.samples.slice(0, max)) {
    const where = [
      s.row === undefined ? '' : `${l.col.row} ${formatCount(s.row, l.locale)}`,
      s.line === undefined ? '' : `${l.col.line} ${formatCount(s.line, l.locale)}`,
      s.key === undefined ? '' : `${l.col.key} ${markdownCode(s.key)}`,
    ].filter((p) => p !== '').join(', ');
    const value = s.value === undefined || s.value === '' ? '' : ` ${markdownCode(s.value)}`;
    lines.push(`  - ${where === '' ? '' : `${where}: `}${markdownCode(s.code)}${value} — ${markdownText(s.message)}`);
  }
  const more = r.violations - Math.min(max, r.samples.length);
  if (r.error === null && more > 0) lines.push(`  - ${l.moreItems(more)}`);
  return lines;
}
