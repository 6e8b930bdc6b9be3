import type { ComparisonReport } from '../compare/types.js';
import { jsonText } from './_escape.js';

/**
 * The comparison report as JSON text (schema `ddss/comparison.schema.json`), two-space indented; same report, same
 * bytes.
 * @example writeFileSync('comparison.json', toComparisonJson(report));
 */
export function toComparisonJson(report: ComparisonReport): string {
  return `${jsonText(report, 2)}\n`;
}
