import type { Locale, Report } from '../core/types.js';
import { formatSummary } from '../outputs/console.js';
import { toHtml } from '../outputs/html.js';
import { toJson } from '../outputs/json.js';
import { toJUnit } from '../outputs/junit.js';
import { toMarkdown } from '../outputs/markdown.js';
import type { ReportFormat } from './_validate-args.js';

/** How to render: the locale, colours, and the `--violations` file as a path relative to the report (HTML links it). */
export interface RenderOptions {
  readonly locale: Locale;
  readonly color: boolean;
  readonly violationsFile?: string | undefined;
}

/** The report in the format asked for with `--format`; `text` is the console summary. Ends with a newline. */
export function render(report: Report, format: ReportFormat, options: RenderOptions): string {
  const text = _text(report, format, options);
  return text.endsWith('\n') ? text : `${text}\n`;
}

function _text(report: Report, format: ReportFormat, { locale, color, violationsFile }: RenderOptions): string {
  switch (format) {
    case 'text': return formatSummary(report, { color, locale });
    case 'json': return toJson(report);
    case 'html': return toHtml(report, { locale, ...(violationsFile === undefined ? {} : { violationsFile }) });
    case 'junit': return toJUnit(report);
    case 'md': return toMarkdown(report, { locale });
  }
}
