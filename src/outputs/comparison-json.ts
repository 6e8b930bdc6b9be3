import type { ComparisonReport } from '../compare/types.js';

/**
 * The comparison report as JSON text (schema `ddss/comparison.schema.json`), two-space indented; same report, same
 * bytes.
 * @example writeFileSync('comparison.json', toComparisonJson(report));
 */
export function toComparisonJson(report: ComparisonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
