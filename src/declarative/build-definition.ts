import { defineDataset, WeightsError } from '../define.js';
import type { Criterion, DatasetDefinition, FieldSpecData, FieldType } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { checkSchema } from './_schema.js';
import { buildField } from './_fields.js';
import { buildRule } from './_rules.js';
import { applyOverrides } from './_overrides.js';
import { resolveBase } from './_extends.js';
import { composeRename, type Rename } from '../core/rename.js';
import { renameProblem } from '../core/rename-problem.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';
import { VN_MISSING_VALUES } from '../../rules/vn/dates/missing-values.js';

/**
 * Where a definition's `extends` and `communes` come from: the built-ins are always there; files need the
 * definition's own location (`loadDefinition` and `parseDefinition` with `baseDir` give one).
 */
export interface DefinitionResolver {
  /** The definition file `ref` (relative to this one), built with `communes` replacing its own when given. */
  definition?(ref: string, communes: readonly CommuneTable[] | undefined): DatasetDefinition;
  /** The commune list files, loaded. */
  communes?(files: readonly string[]): CommuneTable[];
}

/**
 * Turns a parsed declarative definition (the content of a JSON or YAML file) into a `DatasetDefinition`, after
 * checking it against `schema/dataset.schema.json`. With `extends` it starts from a built-in dataset or another
 * definition file, adds this file's fields (a field of the same name replaces the base's) and rules, then applies
 * `drop` and `override` by rule id; its `rename` is added to the base's. Throws a `DefinitionError` naming the JSON path of the first problem. Keys from
 * the data never reach an object prototype: `__proto__` is a field name like any other.
 * `resolver` reads `extends` and `communes` files (without one only built-in bases are available);
 * `communesOverride` replaces the file's own `communes` (what an extending file passes to its base).
 * @example
 * const def = buildDefinition({ name: 'parcels', fields: { parcel_id: { type: 'text', required: true, unique: true } } });
 */
export function buildDefinition(data: unknown, resolver: DefinitionResolver = {}, communesOverride?: readonly CommuneTable[]): DatasetDefinition {
  _checkCounts(data);
  checkSchema(data);
  const communes = communesOverride ?? _communes(data.communes, resolver);
  const base = data.extends === undefined ? undefined : resolveBase(data.extends, communes, resolver);
  const fields = Object.create(null) as Record<string, FieldSpecData>;
  if (base !== undefined) for (const [name, spec] of Object.entries(base.fields)) fields[name] = spec;
  // Names and types of every field, the base's included (a file's field replaces the base's of the same name).
  const declared = new Map<string, FieldType>(Object.entries(fields).map(([name, spec]) => [name, spec.type]));
  for (const [name, spec] of Object.entries(data.fields ?? {})) declared.set(name, spec.type);
  for (const [name, spec] of Object.entries(data.fields ?? {})) fields[name] = buildField(name, spec, { communes, fields: declared });
  const names = new Map(Object.entries(fields).map(([name, spec]) => [name, spec.type]));
  if (names.size > MAX_FIELDS) throw new DefinitionError(`${names.size} fields with the base's; a definition may have at most ${MAX_FIELDS}`, ['fields']);
  const keys = data.key === undefined ? [] : typeof data.key === 'string' ? [data.key] : data.key;
  keys.forEach((k, i) => {
    if (!names.has(k)) throw new DefinitionError(`unknown field "${k}"`, typeof data.key === 'string' ? ['key'] : ['key', i]);
  });
  const own = (data.rules ?? []).flatMap((r, i) => buildRule(r, i, names));
  if ((base?.rules.length ?? 0) + own.length > MAX_RULES) {
    throw new DefinitionError(`${(base?.rules.length ?? 0) + own.length} rules with the base's; a definition may have at most ${MAX_RULES}`, ['rules']);
  }
  const changed = applyOverrides(fields, [...(base?.rules ?? []), ...own], { override: data.override, drop: data.drop });
  const weights: Partial<Record<Criterion, number>> = { ...base?.weights };
  for (const c of ['correct', 'sufficient', 'clean', 'live'] as const) {
    const w = data.weights?.[c];
    if (w !== undefined) weights[c] = w;
  }
  const title = data.title ?? base?.title;
  const description = data.description ?? base?.description;
  const key = data.key ?? base?.key;
  const missingValues = data.missingValues === 'vn' ? VN_MISSING_VALUES : data.missingValues ?? base?.missingValues;
  const failUnder = data.failUnder ?? base?.failUnder;
  const columns = data.columns ?? base?.columns;
  const timeZone = data.timeZone ?? base?.timeZone;
  const rename = _rename(data.rename, base?.rename, Object.keys(changed.fields));
  try {
    return defineDataset({
      // The schema requires a name unless the file extends a base, whose name it then keeps.
      name: data.name ?? base?.name ?? '',
      fields: changed.fields,
      rules: changed.rules,
      weights,
      ...(title === undefined ? {} : { title: typeof title === 'string' ? title : { en: title.en, vi: title.vi } }),
      ...(description === undefined ? {} : { description }),
      ...(key === undefined ? {} : { key: typeof key === 'string' ? key : [...key] }),
      ...(missingValues === undefined ? {} : { missingValues: [...missingValues] }),
      ...(failUnder === undefined ? {} : { failUnder }),
      ...(columns === undefined ? {} : { columns }),
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(rename === undefined ? {} : { rename }),
    });
  } catch (e) {
    // What defineDataset still rejects is about the whole definition (a rule id used twice), or its weights.
    throw new DefinitionError((e as Error).message.replace(/^ddss: /, ''), e instanceof WeightsError ? ['weights'] : []);
  }
}

/**
 * The file's `rename` added to its base's (the file's entry wins for the same header or field, as a run's `--rename`
 * wins over both), checked against every field with the path of the entry at fault.
 */
function _rename(own: Rename | undefined, inherited: Rename | undefined, fields: readonly string[]): Rename | undefined {
  const ownProblem = own === undefined ? undefined : renameProblem(own, fields);
  if (ownProblem !== undefined) throw new DefinitionError(ownProblem.message, ['rename', ownProblem.from]);
  const rename = composeRename(inherited, own);
  const problem = rename === undefined ? undefined : renameProblem(rename, fields);
  if (problem !== undefined) throw new DefinitionError(`the base's entry "${problem.from}" ${problem.message}`, own === undefined ? ['extends'] : ['rename']);
  return rename;
}

function _communes(given: string | readonly string[] | undefined, resolver: DefinitionResolver): CommuneTable[] | undefined {
  if (given === undefined) return undefined;
  if (resolver.communes === undefined) {
    throw new DefinitionError('commune files are read relative to the definition file: load it with loadDefinition (or give parseDefinition a baseDir)', ['communes']);
  }
  return resolver.communes(typeof given === 'string' ? [given] : [...given]);
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
