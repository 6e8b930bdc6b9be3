import { defineDataset } from '../define.js';
import type { Criterion, DatasetDefinition, FieldSpecData } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { checkSchema } from './_schema.js';
import { buildField } from './_fields.js';
import { buildRule } from './_rules.js';

/**
 * Turns a parsed declarative definition (the content of a JSON or YAML file) into a `DatasetDefinition`, after
 * checking it against `schema/dataset.schema.json`. Throws a `DefinitionError` naming the JSON path of the first
 * problem. Keys from the data never reach an object prototype: `__proto__` is a field name like any other.
 * @example
 * const def = buildDefinition({ name: 'parcels', fields: { parcel_id: { type: 'text', required: true, unique: true } } });
 */
export function buildDefinition(data: unknown): DatasetDefinition {
  _checkCounts(data);
  checkSchema(data);
  const fields = Object.create(null) as Record<string, FieldSpecData>;
  for (const [name, spec] of Object.entries(data.fields)) fields[name] = buildField(name, spec);
  const names = new Set(Object.keys(fields));
  const keys = data.key === undefined ? [] : typeof data.key === 'string' ? [data.key] : data.key;
  keys.forEach((k, i) => {
    if (!names.has(k)) throw new DefinitionError(`unknown field "${k}"`, typeof data.key === 'string' ? ['key'] : ['key', i]);
  });
  const rules = (data.rules ?? []).map((r, i) => buildRule(r, i, names));
  const weights: Partial<Record<Criterion, number>> = {};
  for (const c of ['correct', 'sufficient', 'clean', 'live'] as const) {
    const w = data.weights?.[c];
    if (w !== undefined) weights[c] = w;
  }
  try {
    return defineDataset({
      name: data.name,
      fields,
      rules,
      weights,
      ...(data.title === undefined ? {} : { title: typeof data.title === 'string' ? data.title : { en: data.title.en, vi: data.title.vi } }),
      ...(data.description === undefined ? {} : { description: data.description }),
      ...(data.key === undefined ? {} : { key: typeof data.key === 'string' ? data.key : [...data.key] }),
      ...(data.missingValues === undefined ? {} : { missingValues: [...data.missingValues] }),
      ...(data.failUnder === undefined ? {} : { failUnder: data.failUnder }),
      ...(data.columns === undefined ? {} : { columns: data.columns }),
      ...(data.timeZone === undefined ? {} : { timeZone: data.timeZone }),
    });
  } catch (e) {
    // What defineDataset still rejects is about the whole definition (a rule id used twice).
    throw new DefinitionError((e as Error).message.replace(/^ddss: /, ''));
  }
}

/** Most fields and dataset rules a file may declare (as `schema/dataset.schema.json` says). */
export const MAX_FIELDS = 1000;
export const MAX_RULES = 1000;

// Before the schema: checking tens of thousands of entries would only produce as many errors, slowly.
function _checkCounts(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const { fields, rules } = data as { fields?: unknown; rules?: unknown };
  const nFields = typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? Object.keys(fields).length : 0;
  if (nFields > MAX_FIELDS) throw new DefinitionError(`${nFields} fields; a definition may have at most ${MAX_FIELDS}`, ['fields']);
  const nRules = Array.isArray(rules) ? rules.length : 0;
  if (nRules > MAX_RULES) throw new DefinitionError(`${nRules} rules; a definition may have at most ${MAX_RULES}`, ['rules']);
}
