import type * as AjvModule from 'ajv';
import type { Ajv, ErrorObject } from 'ajv';
import { recordRule } from '../core/rule-base.js';
import { lazyRequire } from '../core/lazy-require.js';
import type { FieldType, Finding, RecordRule, RuleContext, RuleOptions, TypedRow } from '../core/types.js';

// Loaded when a schema is compiled (see lazyRequire).
const ajv = lazyRequire<typeof AjvModule>('ajv');
const formats = lazyRequire<{ default?: unknown }>('ajv-formats');

/**
 * Turns a JSON Schema of a record into a `correct` record rule, compiled once with ajv (all errors, formats).
 * The schema sees the record as JSON would show it: missing cells are absent properties, dates are ISO strings
 * (`yyyy-MM-dd` for `date` fields, full date-times for `datetime` fields, even at midnight UTC — 07:00 in Vietnam;
 * for other fields `yyyy-MM-dd` at midnight UTC, full date-times otherwise). Each ajv error is a `schema_violation` finding naming
 * the field and the JSON pointer.
 * @example rule.fromJsonSchema({ type: 'object', required: ['parcel_id'], properties: { area_m2: { type: 'number', exclusiveMinimum: 0 } } })
 */
export function fromJsonSchema(schema: object, options: RuleOptions = {}): RecordRule {
  const compiler = new (ajv().Ajv)({ allErrors: true, strict: false });
  // ajv-formats is CommonJS with a default export; bundlers and Node disagree on where it lands.
  const addFormats = (formats().default ?? formats()) as (ajv: Ajv) => Ajv;
  addFormats(compiler);
  const check = compiler.compile(schema);
  return recordRule({ name: 'jsonSchema', criterion: 'correct', code: 'schema_violation' }, (row, ctx) => {
    if (check(asJson(row, ctx))) return undefined;
    return (check.errors ?? []).map((e) => finding(e));
  }, options);
}

function finding(e: ErrorObject): Finding {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : undefined;
  const field = segments[0] ?? missing;
  const path = missing !== undefined ? [...segments, missing].join('.') : segments.join('.');
  return {
    code: 'schema_violation',
    ...(field === undefined ? {} : { field }),
    params: { path, detail: e.message ?? e.keyword, keyword: e.keyword },
  };
}

function asJson(row: TypedRow, ctx: RuleContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const v = row[key];
    if (v === undefined) continue;
    const value = v instanceof Date ? dateText(v, ctx.fieldType(key)) : v;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A date as JSON text: by its field's type (an instant at midnight UTC is still an instant), else by its time. */
function dateText(d: Date, type: FieldType | undefined): string {
  const iso = d.toISOString();
  if (type === 'datetime') return iso;
  return type === 'date' || iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
