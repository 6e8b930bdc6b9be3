import { plainText } from './_escape.js';
import { formatInstant, formatPercent, type Band } from './_format.js';
import { criterionBand, overallBand } from './_verdict-band.js';
import { labels, unscored, verdictLine, type Labels } from './_labels.js';
import { historyLines } from './_sparkline.js';
import { attentionList } from './_rank.js';
import { datasetHeading, fieldLabel } from './_text.js';
import { timingsLines } from './_timings-table.js';
import { checkOptionKeys } from '../core/option-keys.js';
import { CRITERIA, type DatasetStatus, type Locale, type Report, type RuleResult } from '../core/types.js';
import { countOption } from './_count-option.js';

/** Options of `formatSummary`. */
export interface SummaryOptions {
  /** Use ANSI colours (the CLI passes `process.stdout.isTTY`). Default false: plain text for logs and files. */
  readonly color?: boolean;
  /** Language of the summary's own words (default: the report's locale). */
  readonly locale?: Locale;
  /** Failing rules listed, most failures first. Default 10. */
  readonly top?: number;
}

// Every option, as a record so that adding one without listing it here is a type error: a misspelt one ({ locael })
// was ignored and the output rendered without it.
const OPTION_KEYS = Object.keys({ color: true, locale: true, top: true } satisfies Record<keyof SummaryOptions, true>);

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', magenta: '35' } as const;
type Style = keyof typeof ANSI;
const BAND: Readonly<Record<Band, Style>> = { good: 'green', fair: 'yellow', poor: 'red', none: 'dim' };
const STATUS: Readonly<Record<DatasetStatus, Style>> = { passed: 'green', warned: 'yellow', failed: 'red', error: 'magenta' };
const BAR = 20;

/**
 * A compact console summary: dataset, rows, status, the overall score and the four criteria with bars, and the
 * rules that failed most. Colour codes appear only with `color: true`; data is passed through `plainText`, so values
 * can never inject terminal escape sequences or fake lines. Same report and options, same string.
 * @example process.stdout.write(formatSummary(report, { color: process.stdout.isTTY }));
 */
export function formatSummary(report: Report, options: SummaryOptions = {}): string {
  checkOptionKeys(options, OPTION_KEYS, 'formatSummary');
  const top = countOption(options.top, 10, 'formatSummary: top'); // checked whether or not a rule fails
  const l = labels(options.locale ?? report.locale);
  const paint = (style: Style, text: string) => (options.color === true ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  out.push(`${paint('bold', plainText(datasetHeading(report, l.locale)))} — ${paint(STATUS[report.status], l.datasetStatus[report.status])}`);
  const meta = [l.rows(report.rows), report.source?.name === undefined ? '' : plainText(report.source.name), formatInstant(report.now)];
  out.push(paint('dim', meta.filter((m) => m !== '').join(' · ')));
  out.push(plainText(verdictLine(report, l))); // it quotes a rule id and the baseline's file name
  if (report.partial) out.push(paint('magenta', l.partial));
  if (report.error !== undefined) out.push(paint('magenta', `${l.notEvaluated} ${plainText(report.error)}`));
  out.push('');

  const names = [l.overall, ...CRITERIA.map((c) => l.criteria[c].name)];
  const width = Math.max(...names.map((n) => n.length));
  out.push(`  ${scoreLine(paint, l.overall.padEnd(width), report.score, l, '', true, overallBand(report))}`);
  for (const c of CRITERIA) {
    const r = report.criteria[c];
    const detail = r.score === null ? unscored(report, l) : r.rowPassRate === null ? l.criteria[c].sub : `${l.criteria[c].sub} · ${l.failedRowsOf(r.failedRows)}`;
    out.push(`  ${scoreLine(paint, l.criteria[c].name.padEnd(width), r.score, l, detail, false, criterionBand(report, c))}`);
  }

  const trend = historyLines(report, l, plainText);
  if (trend.length > 0) out.push('', ...trend);

  const failing = attentionList(report.rules);
  if (failing.length > 0) {
    const shown = failing.slice(0, top);
    out.push('', paint('bold', `${l.failingRules}:`));
    const idWidth = Math.min(40, Math.max(...shown.map((r) => plainText(r.id).length)));
    const failWidth = Math.max(...shown.map((r) => String(r.failed).length));
    // One cause stopping several rules (an unusable reference) is said once: the next rules point to the first.
    const said = new Map<string, string>();
    for (const r of shown) {
      const first = r.status === 'error' ? said.get(r.error ?? '') : undefined;
      if (r.status === 'error' && first === undefined) said.set(r.error ?? '', r.id);
      out.push(`  ${ruleLine(paint, r, l, idWidth, failWidth, first)}`);
    }
    if (failing.length > shown.length) out.push(paint('dim', `  ${l.moreRules(failing.length - shown.length)}`));
  }
  if (report.timings !== undefined) out.push('', ...timingsLines(report.timings, l.locale));
  return `${out.join('\n')}\n`;
}

type Paint = (style: Style, text: string) => string;

/** A score with its bar, coloured by `band` (the verdict's, so a failing criterion is never green). */
function scoreLine(paint: Paint, name: string, score: number | null, l: Labels, detail: string, strong: boolean, band: Band): string {
  const filled = score === null ? 0 : Math.round(Math.max(0, Math.min(1, score)) * BAR);
  // A score below 1 never draws a full bar, and a positive score never an empty one, like the percentages.
  const cells = score === null ? 0 : score < 1 && filled === BAR ? BAR - 1 : score > 0 && filled === 0 ? 1 : filled;
  const bar = paint(BAND[band], '█'.repeat(cells)) + paint('dim', '░'.repeat(BAR - cells));
  const pct = formatPercent(score, l.locale).padStart(6);
  const label = strong ? paint('bold', name) : name;
  return `${label}  ${paint(BAND[band], pct)}  ${bar}${detail === '' ? '' : `  ${paint('dim', detail)}`}`;
}

/** `sameAs`: the rule listed above with the same error, which this line then names instead of repeating it. */
function ruleLine(paint: Paint, r: RuleResult, l: Labels, idWidth: number, failWidth: number, sameAs?: string): string {
  const id = plainText(r.id).padEnd(idWidth);
  if (r.status === 'error') {
    const why = sameAs === undefined ? r.error ?? '' : l.sameErrorAs(sameAs);
    return `${paint('magenta', '!'.padStart(failWidth))}  ${id}  ${paint('magenta', l.ruleStatus.error)}: ${plainText(why)}`;
  }
  const count = paint(r.severity === 'error' ? 'red' : 'yellow', String(r.failed).padStart(failWidth));
  const label = fieldLabel(r, l.locale);
  const rest = [...(label === undefined ? [] : [plainText(label)]), l.criteria[r.criterion].name, l.severity[r.severity],
    `${l.col.passRate.toLowerCase()} ${formatPercent(r.passRate, l.locale)}`];
  return `${count}  ${id}  ${paint('dim', rest.join(' · '))}`;
}
