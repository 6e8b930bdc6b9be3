import type { ForeignKeyRule } from '../../rules/correct/foreign-key.js';
import type { DatasetDefinition, DatasetRule, RecordRule } from '../core/types.js';
import type { Reference, ReferenceTable } from './reference.js';

/**
 * The references a definition's rules name (`ref('communes')`), in order of first use.
 * @example referencesNamed(parcels) // ['communes', 'register']
 */
export function referencesNamed(definition: DatasetDefinition): string[] {
  const names: string[] = [];
  for (const r of definition.rules) {
    const b = (r as Partial<ForeignKeyRule>).reference;
    if (b !== undefined && typeof b.bind === 'function' && !names.includes(b.name)) names.push(b.name);
  }
  return names;
}

/**
 * The key columns each named reference is looked up by (a rule's `referenceColumns`, else its own columns), for
 * callers that read references without being told their key (the CLI). Rules that key one reference differently
 * are an error.
 * @example referenceKeys(def) // Map { 'communes' => ['code'] }
 */
export function referenceKeys(definition: DatasetDefinition): Map<string, readonly string[]> {
  const keys = new Map<string, readonly string[]>();
  for (const r of definition.rules) {
    const b = (r as Partial<ForeignKeyRule>).reference;
    if (b === undefined || typeof b.bind !== 'function') continue;
    const key = b.referenceColumns ?? b.columns;
    const seen = keys.get(b.name);
    if (seen !== undefined && [...seen].sort().join('\u0000') !== [...key].sort().join('\u0000')) {
      throw new Error(`reference '${b.name}' is keyed on ${seen.join(', ')} by one rule and on ${key.join(', ')} by another`);
    }
    if (seen === undefined) keys.set(b.name, key);
  }
  return keys;
}

/** How a reference must be read for a definition's rules: its key, the columns kept, the columns kept when present. */
export interface ReferenceSpec {
  readonly key: readonly string[];
  readonly columns: readonly string[];
  readonly optionalColumns: readonly string[];
}

/**
 * How each named reference must be read for the definition's rules: {@link referenceKeys}, and the union of the
 * columns the rules read besides the key (`vn.verifyPerson` reads the register's name, birth date, gender and death date).
 * @example referenceSpecs(landParcels).get('population') // { key: ['id'], columns: ['full_name', …], optionalColumns: ['death_date'] }
 */
export function referenceSpecs(definition: DatasetDefinition): Map<string, ReferenceSpec> {
  const out = new Map<string, ReferenceSpec>();
  for (const [name, key] of referenceKeys(definition)) {
    const columns: string[] = [];
    const optional: string[] = [];
    for (const r of definition.rules) {
      const b = (r as Partial<ForeignKeyRule>).reference;
      if (b === undefined || typeof b.bind !== 'function' || b.name !== name || b.kept === undefined) continue;
      for (const c of b.kept.columns) if (!columns.includes(c) && !key.includes(c)) columns.push(c);
      for (const c of b.kept.optional) if (!optional.includes(c) && !key.includes(c)) optional.push(c);
    }
    out.set(name, { key, columns, optionalColumns: optional.filter((c) => !columns.includes(c)) });
  }
  return out;
}

/** The reference a definition's rules carry themselves for a name (`landParcelsWith({ population })`), if any. */
function carried(definition: DatasetDefinition, name: string): Reference | undefined {
  for (const r of definition.rules) {
    const b = (r as Partial<ForeignKeyRule>).reference;
    if (b !== undefined && typeof b.bind === 'function' && b.name === name && b.given !== undefined) return b.given;
  }
  return undefined;
}

/**
 * Reads the references a definition's rules name (each once) before any row streams: name → table. A reference the
 * run gives wins over one the definition carries; names with neither are left out (their rules stay unbound, see
 * {@link bindTables}).
 * @example const tables = await loadReferences(parcels, { communes: reference('communes', readCsv('c.csv'), { key: 'code' }) });
 */
export async function loadReferences(definition: DatasetDefinition,
  references: Readonly<Record<string, Reference>> | undefined): Promise<Map<string, ReferenceTable>> {
  const tables = new Map<string, ReferenceTable>();
  for (const name of referencesNamed(definition)) {
    const given: unknown = references !== undefined && references !== null && Object.hasOwn(references, name) ? references[name] : undefined;
    // A list or a row given where a reference belongs failed as "r.load is not a function", naming nothing.
    if (given !== undefined && (typeof given !== 'object' || given === null || typeof (given as Partial<Reference>).load !== 'function')) {
      throw new TypeError(`ddss: references.${name} must be a reference('${name}', source, { key }), got ` +
        (given === null ? 'null' : Array.isArray(given) ? 'a list (a list of values is rule.reference(column, values))' : typeof given === 'object' ? 'another object' : typeof given));
    }
    const r = references?.[name] ?? carried(definition, name);
    if (r !== undefined) tables.set(name, await r.load());
  }
  return tables;
}

/**
 * The definition with each reference-bound rule given its table. A name with no table keeps its rule unbound, so it
 * errors with a message saying what to pass. A definition that names no reference is returned as it is.
 * @example const bound = bindTables(parcels, await loadReferences(parcels, references));
 */
export function bindTables(definition: DatasetDefinition, tables: ReadonlyMap<string, ReferenceTable>): DatasetDefinition {
  if (referencesNamed(definition).length === 0) return definition;
  const rules: DatasetRule[] = definition.rules.map((r) => {
    const b = (r as Partial<ForeignKeyRule>).reference;
    return b !== undefined && typeof b.bind === 'function' ? { ...b.bind(tables.get(b.name)), ...options(r) } as RecordRule : r;
  });
  return { ...definition, rules };
}

/**
 * The options a definition may have changed on the rule after it was built (a YAML `override`, `{ ...rule, severity }`):
 * the bound rule is built again from the factory's own options, so they are carried over.
 */
function options(r: DatasetRule): Partial<RecordRule> {
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'criterion', 'severity', 'threshold', 'weight', 'message', 'description'] as const) {
    if (r[k] !== undefined) out[k] = r[k];
  }
  return out as Partial<RecordRule>;
}

/**
 * The definition with its reference rules bound to the references' tables, read once ({@link loadReferences} then
 * {@link bindTables}): what `createValidator` takes for a definition checked against other registers. A name with no
 * reference stays unbound (its rules fail saying what to pass).
 * @example const bound = await bindReferences(parcels, { communes: reference('communes', readCsv('c.csv'), { key: 'code' }) });
 */
export async function bindReferences<D extends DatasetDefinition>(definition: D,
  references: Readonly<Record<string, Reference>> | undefined): Promise<D> {
  return bindTables(definition, await loadReferences(definition, references)) as D;
}
