import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import { toJson } from '../src/outputs/json.js';
import type { Report } from '../src/core/types.js';

// Loaded and compiled on first use: the setup files load this module in every test file, and many never build a
// report (loading ajv and compiling the schema in each of ~240 files cost about a minute of CI time).
let compiled: { ajv: Ajv; check: ValidateFunction } | undefined;
function schemaCheck(): { ajv: Ajv; check: ValidateFunction } {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const require = createRequire(import.meta.url);
    const { Ajv: AjvClass } = require('ajv') as { Ajv: new (o: object) => Ajv };
    const formats = require('ajv-formats') as { default?: (a: Ajv) => Ajv } & ((a: Ajv) => Ajv);
    const addFormats = formats.default ?? formats;
    const ajv = new AjvClass({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = { ajv, check: ajv.compile(schema) };
  }
  return compiled;
}

/**
 * Throws unless the report's JSON matches the published schema and the report keeps the invariants no schema can
 * state: counts that add up, scores that were measured, an error exactly when the status says so.
 */
export function assertValidReport(report: Report): void {
  const text = toJson(report);
  const json = JSON.parse(text) as unknown;
  const { ajv, check } = schemaCheck();
  if (!check(json)) {
    throw new Error(`report does not match schema/report.schema.json: ${ajv.errorsText(check.errors)}`);
  }
  if (toJson(report) !== text) throw new Error('report JSON is not stable');
  const broken = reportInvariants(report);
  if (broken.length > 0) throw new Error(`report breaks its invariants:\n  ${broken.join('\n  ')}`);
}

const unit = (x: number | null): boolean => x === null || (Number.isFinite(x) && x >= 0 && x <= 1);

/**
 * What must hold in every report, one message per breach: `0 ≤ failed ≤ checked` for every rule, every score and
 * rate null or in [0, 1], no score for a criterion whose rules all errored (nothing was measured), none at all for a
 * partial read, and `error` present exactly when `status` is `error`.
 */
export function reportInvariants(report: Report): string[] {
  const out: string[] = [];
  for (const r of report.rules) {
    if (!(Number.isInteger(r.checked) && Number.isInteger(r.failed) && r.failed >= 0 && r.failed <= r.checked)) {
      out.push(`rule ${r.id}: failed ${r.failed} is not within 0…checked ${r.checked}`);
    }
    if (!unit(r.passRate) || !unit(r.score)) out.push(`rule ${r.id}: passRate ${r.passRate} or score ${r.score} is outside [0, 1]`);
    if (r.status === 'error' && r.score !== null) out.push(`rule ${r.id}: errored but scored ${r.score}`);
  }
  if (!unit(report.score)) out.push(`score ${report.score} is outside [0, 1]`);
  for (const [name, c] of Object.entries(report.criteria)) {
    if (!unit(c.score) || !unit(c.rowPassRate) || !unit(c.tableScore)) out.push(`criterion ${name}: a score is outside [0, 1]`);
    const rules = report.rules.filter((r) => r.criterion === name);
    if (rules.length > 0 && rules.every((r) => r.status === 'error') && c.score !== null) {
      out.push(`criterion ${name}: every rule errored, yet its score is ${c.score}`);
    }
    if (report.partial && c.score !== null) out.push(`criterion ${name}: the read was partial, yet its score is ${c.score}`);
  }
  if (report.partial && report.score !== null) out.push(`the read was partial, yet the overall score is ${report.score}`);
  if ((report.status === 'error') !== (report.error !== undefined)) {
    out.push(`status ${report.status} with error ${JSON.stringify(report.error)}: error must be present exactly when status is error`);
  }
  return out;
}
