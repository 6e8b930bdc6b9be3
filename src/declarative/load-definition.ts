import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { DatasetDefinition } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { MAX_DEFINITION_BYTES, parseDefinitionReading, TOO_LARGE, type DefinitionRead } from './parse-definition.js';
import { isDatasetDefinition } from './is-dataset-definition.js';
import { strictUtf8 } from '../sources/decode/strict-utf8.js';

/** Extensions `loadDefinition` reads, by kind. */
export const DEFINITION_EXTENSIONS = {
  data: ['.json', '.yaml', '.yml'],
  code: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
} as const;

export interface LoadDefinitionOptions {
  /** Directory relative paths are resolved from. Default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * Modules a `.ts`/`.js` definition imports, by specifier, given as already-loaded namespaces (e.g.
   * `{ ddss: await import('ddss') }`). The definition then shares this process's copy of ddss instead of having
   * jiti compile another one: faster, and one set of rule builders. Other imports resolve as usual.
   */
  readonly modules?: Readonly<Record<string, unknown>>;
}

/**
 * Loads a dataset definition from a file: JSON or YAML (checked against `schema/dataset.schema.json`), or a
 * TypeScript/JavaScript module (run through jiti, no build step) whose default export, or only exported
 * definition, is a `DatasetDefinition`; `file.ts#name` picks a named export. Every problem — missing file, bad
 * syntax, schema error, a module that throws — is a `DefinitionError` with a one-line message.
 * @example const def = await loadDefinition('rules/parcels.yaml');
 */
export async function loadDefinition(spec: string, options: LoadDefinitionOptions = {}): Promise<DatasetDefinition> {
  return loadDefinitionReading(spec, options, []);
}

/**
 * `loadDefinition`, also appending to `read` each file it reads: the file itself and, for JSON/YAML, its `extends`
 * bases and `communes` lists (not what a module imports). Internal (not exported by the package): the CLI refuses
 * outputs that are any of them.
 * @example const read: DefinitionRead[] = []; await loadDefinitionReading('child.yaml', {}, read); // read: child.yaml, its base…
 */
export async function loadDefinitionReading(spec: string, options: LoadDefinitionOptions, read: DefinitionRead[]): Promise<DatasetDefinition> {
  const { path, exportName } = splitDefinitionSpec(spec);
  const file = basename(path);
  const abs = resolve(options.cwd ?? process.cwd(), path);
  const ext = extname(path).toLowerCase();
  const isCode = (DEFINITION_EXTENSIONS.code as readonly string[]).includes(ext);
  if (!isCode && !(DEFINITION_EXTENSIONS.data as readonly string[]).includes(ext)) {
    throw new DefinitionError(`unsupported definition file type "${ext || '(none)'}" (use .ts, .js, .json, .yaml or .yml)`, [], file);
  }
  const size = await stat(abs).then((s) => (s.isFile() ? s.size : -1), () => undefined);
  if (size === undefined) throw new DefinitionError('file not found', [], path);
  if (size < 0) throw new DefinitionError('not a file', [], path);
  if (size > MAX_DEFINITION_BYTES) throw new DefinitionError(TOO_LARGE, [], file);
  read.push({ what: 'definition', path: abs });
  if (isCode) return _module(abs, file, exportName, options.modules);
  // Strictly: read leniently, bytes that are not UTF-8 (a file saved in Windows-1258) became U+FFFD in its messages,
  // allowed values and names without a word.
  const text = strictUtf8(await readFile(abs), 'the file');
  if (text instanceof Error) throw new DefinitionError(`${text.message}: convert it to UTF-8`, [], file);
  return parseDefinitionReading(text, { format: ext === '.json' ? 'json' : 'yaml', file, baseDir: dirname(abs), path: abs }, read);
}

/**
 * Splits `file.ts#name` into the module path and the export name. Only a code file takes `#name`, so a data file
 * whose name contains `#` is read as it is.
 * @example splitDefinitionSpec('defs.ts#parcels') // { path: 'defs.ts', exportName: 'parcels' }
 */
export function splitDefinitionSpec(spec: string): { readonly path: string; readonly exportName: string | undefined } {
  const hash = spec.lastIndexOf('#');
  const path = spec.slice(0, hash);
  if (hash > 0 && (DEFINITION_EXTENSIONS.code as readonly string[]).includes(extname(path).toLowerCase())) {
    return { path, exportName: spec.slice(hash + 1) };
  }
  return { path: spec, exportName: undefined };
}

async function _module(abs: string, file: string, exportName: string | undefined,
  modules: Readonly<Record<string, unknown>> | undefined): Promise<DatasetDefinition> {
  // Imported on demand: programs that only read JSON/YAML definitions never load jiti.
  const { createJiti } = await import('jiti');
  // No on-disk cache: loading a definition must not write into the user's project.
  const jiti = createJiti(import.meta.url, {
    fsCache: false, moduleCache: false, ...(modules === undefined ? {} : { virtualModules: { ...modules } }),
  });
  let mod: Record<string, unknown>;
  try {
    mod = await jiti.import<Record<string, unknown>>(abs);
  } catch (e) {
    throw new DefinitionError(`cannot load: ${_firstLine(e)}`, [], file);
  }
  const exports = new Map(Object.entries(mod ?? {}));
  if (exportName !== undefined) {
    const value = exports.get(exportName);
    if (value === undefined) throw new DefinitionError(`no export named "${exportName}"`, [], file);
    if (!isDatasetDefinition(value)) throw new DefinitionError(`export "${exportName}" is not a dataset definition`, [], file);
    return value;
  }
  const fallback = exports.get('default');
  if (isDatasetDefinition(fallback)) return fallback;
  const found = [...exports].filter(([k, v]) => k !== 'default' && isDatasetDefinition(v));
  if (found.length === 1) return found[0]?.[1] as DatasetDefinition;
  if (found.length === 0) throw new DefinitionError('exports no dataset definition (export default defineDataset({...}))', [], file);
  const names = found.map(([k]) => k).join(', ');
  throw new DefinitionError(`exports several dataset definitions (${names}); pick one with ${file}#name`, [], file);
}

function _firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}
