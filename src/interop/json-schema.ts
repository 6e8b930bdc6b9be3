import type * as AjvModule from 'ajv';
import type * as Ajv2019Module from 'ajv/dist/2019.js';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { recordRule } from '../core/rule-base.js';
import { lazyRequire } from '../core/lazy-require.js';
import type { FieldType, Finding, RecordRule, RuleContext, RuleOptions, TypedRow } from '../core/types.js';

// Loaded when a schema is compiled (see lazyRequire).
const ajv = lazyRequire<typeof AjvModule>('ajv');
const ajv2019 = lazyRequire<typeof Ajv2019Module>('ajv/dist/2019.js');
const ajv2020 = lazyRequire<typeof Ajv2020Module>('ajv/dist/2020.js');
const formats = lazyRequire<{ default?: unknown }>('ajv-formats');

// A keyword or format ajv does not know is an error, not ignored: ignored, it checks nothing and every row passes
// (`format: 'cccd'`, a misspelt `minLenght`, 2020-12's `prefixItems` read as draft-07). NaN and ±Infinity are not
// JSON numbers. Union types and `required` under `if` are deliberate, so those style checks stay off.
const STRICT: Options = {
  allErrors: true, strictSchema: true, strictNumbers: true, strictTypes: false, strictTuples: false, strictRequired: false,
  discriminator: true,
};

/**
 * Turns a JSON Schema of a record into a `correct` record rule, compiled once with ajv (all errors, formats).
 * The schema sees the record as JSON would show it: missing cells are absent properties, dates are ISO strings
 * (`yyyy-MM-dd` for `date` fields, full date-times for `datetime` fields, even at midnight UTC — 07:00 in Vietnam;
 * for other fields `yyyy-MM-dd` at midnight UTC, full date-times otherwise). Each ajv error is a `schema_violation` finding naming
 * the field and the JSON pointer. Draft-07 unless `$schema` names 2019-09 or 2020-12. Throws for what it could not
 * check as written, which would pass every row: a keyword or format ajv does not know, an `$async` schema (checks
 * are synchronous), a `$ref` it cannot resolve.
 * @example rule.fromJsonSchema({ type: 'object', required: ['parcel_id'], properties: { area_m2: { type: 'number', exclusiveMinimum: 0 } } })
 */
export function fromJsonSchema(schema: object, options: RuleOptions = {}): RecordRule {
  const check = compileSchema(schema);
  const reads = [...topLevelKeys(schema, schema)];
  return recordRule({ name: 'jsonSchema', criterion: 'correct', code: 'schema_violation', reads }, (row, ctx) => {
    if (check(asJson(row, ctx))) return undefined;
    return (check.errors ?? []).map((e) => finding(e));
  }, options);
}

function compileSchema(schema: object): ValidateFunction {
  const draft = (schema as { $schema?: unknown }).$schema;
  const compiler: Ajv = typeof draft === 'string' && draft.includes('2020-12') ? new (ajv2020().Ajv2020)(STRICT)
    : typeof draft === 'string' && draft.includes('2019-09') ? new (ajv2019().Ajv2019)(STRICT)
      : new (ajv().Ajv)(STRICT);
  // ajv-formats is CommonJS with a default export; bundlers and Node disagree on where it lands.
  const addFormats = (formats().default ?? formats()) as (ajv: Ajv) => Ajv;
  addFormats(compiler);
  // `x-…` keys are annotations by convention (OpenAPI): they assert nothing, so they are not misspellings either.
  for (const keyword of extensionKeys(schema)) compiler.addKeyword({ keyword });
  let check: ValidateFunction;
  try {
    check = compiler.compile(schema);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const hint = why.includes('unknown keyword') && typeof draft !== 'string'
      ? ' (misspelt? a keyword of draft 2019-09 or 2020-12 needs a $schema naming that draft)' : '';
    throw new Error(`ddss: rule.fromJsonSchema cannot check this schema as written: ${why}${hint}`);
  }
  // An $async schema's check returns a Promise, which is truthy: every row would pass, and its rejection go unhandled.
  if ((check as { $async?: unknown }).$async === true) {
    throw new Error('ddss: rule.fromJsonSchema: the schema is $async, and checks are synchronous; remove $async');
  }
  return check;
}

/**
 * The properties a record schema names at its top level (`properties`, `required`, through `allOf`/`anyOf`/`oneOf`,
 * `if`/`then`/`else` and local `$ref`s), which `defineDataset` checks are fields: the record holds nothing else, so a
 * schema of an undeclared property — not required, it never fails — would check nothing.
 */
function topLevelKeys(node: unknown, root: object, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof node !== 'object' || node === null || seen.has(node)) return found;
  seen.add(node);
  const s = node as Record<string, unknown>;
  if (typeof s.properties === 'object' && s.properties !== null) for (const k of Object.keys(s.properties)) found.add(k);
  if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === 'string') found.add(k);
  for (const list of [s.allOf, s.anyOf, s.oneOf]) if (Array.isArray(list)) for (const sub of list) topLevelKeys(sub, root, found, seen);
  for (const sub of [s.if, s.then, s.else]) topLevelKeys(sub, root, found, seen);
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#')) topLevelKeys(pointer(root, s.$ref.slice(1)), root, found, seen);
  return found;
}

/** The part of `root` at a JSON pointer (`/definitions/record`), or undefined. */
function pointer(root: object, path: string): unknown {
  let at: unknown = root;
  for (const raw of path.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The `x-…` keys anywhere in a schema. */
function extensionKeys(schema: object): Set<string> {
  const found = new Set<string>();
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      walk(value);
    }
  };
  walk(schema);
  return found;
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
