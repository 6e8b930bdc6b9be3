import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import type { ComparisonReport } from '../src/compare/types.js';

// Loaded and compiled on first use: the setup files load this module in every test file, and many never build a
// report (loading ajv and compiling the schema in each of ~240 files cost about a minute of CI time).
let compiled: { ajv: Ajv; check: ValidateFunction } | undefined;
function schemaCheck(): { ajv: Ajv; check: ValidateFunction } {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(new URL('../schema/comparison.schema.json', import.meta.url), 'utf8')) as object;
    const require = createRequire(import.meta.url);
    const { Ajv: AjvClass } = require('ajv') as { Ajv: new (o: object) => Ajv };
    const formats = require('ajv-formats') as { default?: (a: Ajv) => Ajv } & ((a: Ajv) => Ajv);
    const addFormats = formats.default ?? formats;
    const ajv = new AjvClass({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    compiled = { ajv, check: ajv.compile(schema) };
  }
  return compiled;
}

/**
 * Throws unless the comparison report's JSON matches schema/comparison.schema.json and keeps the invariants no schema
 * states: every source record is matched, changed, missing, duplicate-keyed or keyless (and every copy record matched,
 * changed, extra, duplicate-keyed or keyless), the score is matched / rows.source, and per-column changes are within the changed keys.
 */
export function assertValidComparison(report: ComparisonReport): void {
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  const { ajv, check } = schemaCheck();
  if (!check(json)) throw new Error(`comparison does not match schema/comparison.schema.json: ${ajv.errorsText(check.errors)}`);
  const c = report.counts;
  const broken: string[] = [];
  const keyless = report.keyless ?? { source: 0, copy: 0, samples: [] };
  if (report.keyless !== undefined && keyless.source + keyless.copy === 0) broken.push('keyless is present with no record');
  if (!report.partial) {
    if (report.rows.source !== c.matched + c.changed + c.missing + report.duplicates.source + keyless.source) broken.push('source rows do not add up');
    if (report.rows.copy !== c.matched + c.changed + c.extra + report.duplicates.copy + keyless.copy) broken.push('copy rows do not add up');
    const score = report.rows.source === 0 ? null : c.matched / report.rows.source;
    if (report.score !== score) broken.push(`score ${report.score} is not matched / rows.source = ${score}`);
  } else if (report.score !== null) broken.push('a partial comparison has a score');
  for (const [name, col] of Object.entries(report.columns)) {
    if (col.changed > c.changed) broken.push(`column ${name}: ${col.changed} changes but ${c.changed} changed keys`);
  }
  if (Object.values(report.columns).reduce((n, col) => n + col.changed, 0) < c.changed) broken.push('a changed key has no changed column');
  // File problems that leave something uncompared (not those that lose nothing; extra_property counts only when no
  // columns were named, which the report does not record) make a comparison different.
  const lossless = new Set(['mixed_line_endings', 'blank_row', 'non_array_document', 'merged_cells', 'extra_property']);
  const problems = [...Object.keys(report.sourceIssues.source), ...Object.keys(report.sourceIssues.copy)].filter((k) => !lossless.has(k)).length;
  // A column on one side only makes it different unless the compared columns were named (which the report does not
  // record either): it may go with either status.
  const oneSided = report.columnsOnlyIn.source.length + report.columnsOnlyIn.copy.length > 0;
  const differs = c.changed + c.missing + c.extra + c.duplicateKeys + keyless.source + keyless.copy > 0;
  if (report.status !== 'error' && (differs || problems > 0) && report.status === 'equal') broken.push(`status ${report.status} does not fit the counts`);
  if (report.status === 'different' && !differs && !oneSided && problems === 0 && !Object.keys({ ...report.sourceIssues.source, ...report.sourceIssues.copy }).includes('extra_property')) {
    broken.push('status different with nothing that differs');
  }
  if (broken.length > 0) throw new Error(`comparison breaks its invariants:\n  ${broken.join('\n  ')}`);
}
