import { record } from '../rules/correct/record.js';
import { reference } from '../rules/correct/reference.js';
import { foreignKey } from '../rules/correct/foreign-key.js';
import { rowCount } from '../rules/sufficient/row-count.js';
import { coverage } from '../rules/sufficient/coverage.js';
import { uniqueBy } from '../rules/clean/unique-by.js';
import { noOverlap } from '../rules/clean/no-overlap.js';
import { freshness } from '../rules/live/freshness.js';
import { fromZod } from './interop/zod.js';
import { fromJsonSchema } from './interop/json-schema.js';

/**
 * Dataset rules: cross-field record checks and mergeable whole-table checks. Each takes the common rule options
 * (`id`, `criterion`, `severity`, `threshold`, `weight`, `when`, `message`).
 * @example
 * rules: [
 *   rule.rowCount({ min: 1 }),
 *   rule.uniqueBy(['commune_code', 'map_sheet_no', 'parcel_no']),
 *   rule.freshness('updated_at', { days: 30 }),
 * ]
 */
export const rule = { record, rowCount, uniqueBy, freshness, coverage, noOverlap, reference, foreignKey, fromZod, fromJsonSchema };

/**
 * The dataset-rule builders (`rule`), as handed to `rules: (rule) => […]` of `defineDataset`.
 * @example const rules = (rule: Rules) => [rule.rowCount({ min: 1 })];
 */
export type Rules = typeof rule;
