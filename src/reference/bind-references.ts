import type { ForeignKeyRule } from '../../rules/correct/foreign-key.js';
import type { DatasetDefinition, DatasetRule } from '../core/types.js';
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

/**
 * Reads the references a definition's rules name (each once) before any row streams: name → table. Names with no
 * reference given are left out (their rules stay unbound, see {@link bindTables}).
 * @example const tables = await loadReferences(parcels, { communes: reference('communes', readCsv('c.csv'), { key: 'code' }) });
 */
export async function loadReferences(definition: DatasetDefinition,
  references: Readonly<Record<string, Reference>> | undefined): Promise<Map<string, ReferenceTable>> {
  const tables = new Map<string, ReferenceTable>();
  for (const name of referencesNamed(definition)) {
    const r = references?.[name];
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
    return b !== undefined && typeof b.bind === 'function' ? b.bind(tables.get(b.name)) : r;
  });
  return { ...definition, rules };
}

/**
 * {@link loadReferences} then {@link bindTables}.
 * @example const bound = await bindReferences(parcels, { communes: reference('communes', readCsv('c.csv'), { key: 'code' }) });
 */
export async function bindReferences(definition: DatasetDefinition,
  references: Readonly<Record<string, Reference>> | undefined): Promise<DatasetDefinition> {
  return bindTables(definition, await loadReferences(definition, references));
}
