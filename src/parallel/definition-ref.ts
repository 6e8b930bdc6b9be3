import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DatasetDefinition } from '../core/types.js';

/**
 * Where a worker thread finds a dataset definition: functions cannot cross threads, so each worker imports the
 * module that defines it and picks the export with the same `name`.
 */
export interface DefinitionRef {
  /** A file URL or path of an ES module (or a `.ts` file, loaded through jiti). */
  readonly module: string;
  /** The dataset's `name`, to find among the module's exports. */
  readonly name: string;
}

/** Loads the definition a reference names; throws a clear error when the module does not export it. */
export async function loadDefinitionRef(ref: DefinitionRef): Promise<DatasetDefinition> {
  if (/\.(json|ya?ml)$/i.test(ref.module)) {
    // Declarative files are data: parse them again (the path is the module).
    const { loadDefinition } = await import('../declarative/load-definition.js');
    return loadDefinition(ref.module.startsWith('file:') ? fileURLToPath(ref.module) : ref.module);
  }
  const url = ref.module.startsWith('file:') ? ref.module : pathToFileURL(ref.module).href;
  const mod = /\.[cm]?ts$/.test(url)
    ? await (await import('jiti')).createJiti(import.meta.url).import<Record<string, unknown>>(url)
    : ((await import(url)) as Record<string, unknown>);
  const candidates = Object.values(mod).concat(Object.values((mod.default ?? {}) as Record<string, unknown>), [mod.default]);
  const found = candidates.find((v): v is DatasetDefinition =>
    typeof v === 'object' && v !== null && (v as DatasetDefinition).name === ref.name && 'fields' in v);
  if (found === undefined) throw new Error(`ddss: ${ref.module} does not export a dataset named "${ref.name}"`);
  return found;
}
