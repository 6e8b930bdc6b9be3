import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { ComparisonReport } from '../src/compare/types.js';

const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(new URL('../schema/comparison.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const check = ajv.compile(schema);

/**
 * Throws unless the comparison report's JSON matches schema/comparison.schema.json and keeps the invariants no schema
 * states: every source record is matched, changed, missing or duplicate-keyed (and every copy record matched, changed,
 * extra or duplicate-keyed), the score is matched / rows.source, and per-column changes are within the changed keys.
 */
export function assertValidComparison(report: ComparisonReport): void {
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  if (!check(json)) throw new Error(`comparison does not match schema/comparison.schema.json: ${ajv.errorsText(check.errors)}`);
  const c = report.counts;
  const broken: string[] = [];
  if (!report.partial) {
    if (report.rows.source !== c.matched + c.changed + c.missing + report.duplicates.source) broken.push('source rows do not add up');
    if (report.rows.copy !== c.matched + c.changed + c.extra + report.duplicates.copy) broken.push('copy rows do not add up');
    const score = report.rows.source === 0 ? null : c.matched / report.rows.source;
    if (report.score !== score) broken.push(`score ${report.score} is not matched / rows.source = ${score}`);
  } else if (report.score !== null) broken.push('a partial comparison has a score');
  for (const [name, col] of Object.entries(report.columns)) {
    if (col.changed > c.changed) broken.push(`column ${name}: ${col.changed} changes but ${c.changed} changed keys`);
  }
  if (Object.values(report.columns).reduce((n, col) => n + col.changed, 0) < c.changed) broken.push('a changed key has no changed column');
  if ((report.status === 'equal') !== (report.status !== 'error' && c.changed + c.missing + c.extra + c.duplicateKeys === 0 &&
    report.columnsOnlyIn.source.length + report.columnsOnlyIn.copy.length === 0)) broken.push(`status ${report.status} does not fit the counts`);
  if (broken.length > 0) throw new Error(`comparison breaks its invariants:\n  ${broken.join('\n  ')}`);
}
