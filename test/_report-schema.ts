import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { toJson } from '../src/outputs/json.js';
import type { Report } from '../src/core/types.js';

const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const check = ajv.compile(schema);

/** Throws unless the report's JSON matches the published schema. */
export function assertValidReport(report: Report): void {
  const text = toJson(report);
  const json = JSON.parse(text) as unknown;
  if (!check(json)) {
    throw new Error(`report does not match schema/report.schema.json: ${ajv.errorsText(check.errors)}`);
  }
  if (toJson(report) !== text) throw new Error('report JSON is not stable');
}
