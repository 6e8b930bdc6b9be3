import type { Locale, Report } from '../core/types.js';
import { formatSummary } from '../outputs/console.js';
import { toHtml } from '../outputs/html.js';
import { toJson } from '../outputs/json.js';
import { toJUnit } from '../outputs/junit.js';
import { toMarkdown } from '../outputs/markdown.js';
import type { ReportFormat } from './_validate-args.js';

/** The report in the format asked for with `--format`; `text` is the console summary. Ends with a newline. */
export function render(report: Report, format: ReportFormat, options: { readonly locale: Locale; readonly color: boolean }): string {
  const text = _text(report, format, options);
  return text.endsWith('\n') ? text : `${text}\n`;
}

function _text(report: Report, format: ReportFormat, { locale, color }: { locale: Locale; color: boolean }): string {
  switch (format) {
    case 'text': return formatSummary(report, { color, locale });
    case 'json': return toJson(report);
    case 'html': return toHtml(report, { locale });
    case 'junit': return toJUnit(report);
    case 'md': return toMarkdown(report, { locale });
  }
}
