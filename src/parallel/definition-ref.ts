import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DatasetDefinition } from '../core/types.js';
import type { LiveMarks } from '../core/live-marks.js';

/**
 * Where a worker thread finds a dataset definition: functions cannot cross threads, so each worker imports the
 * module that defines it and picks the export with the same `name`.
 */
export interface DefinitionRef {
  /** A file URL or path of an ES module (or a `.ts` file, loaded through jiti). */
  readonly module: string;
  /** The dataset's `name`, to find among the module's exports. */
  readonly name: string;
  /** What the calling thread's rules hold that the module may not (src/core/live-marks.ts): the worker checks it. */
  readonly live?: LiveMarks;
}

/** Specifiers a definition imports that resolve to the worker's own copy of ddss, as the CLI resolves them. */
const OWN_MODULES = ['ddss', 'ddss/vn', 'ddss/datasets'];

/**
 * Loads the definition a reference names; throws a clear error when the module does not export it. A module that
 * imports `ddss`, `ddss/vn` or `ddss/datasets` gets this copy of ddss, as the CLI gives it in the main thread, so a
 * definition outside any project that installs ddss (e.g. `/tmp/def.ts`) loads in workers as it does in one thread.
 * @example const def = await loadDefinitionRef({ module: 'file:///srv/defs/parcels.ts', name: 'parcels' });
 */
export async function loadDefinitionRef(ref: DefinitionRef): Promise<DatasetDefinition> {
  if (/\.(json|ya?ml)$/i.test(ref.module)) {
    // Declarative files are data: parse them again (the path is the module).
    const { loadDefinition } = await import('../declarative/load-definition.js');
    return loadDefinition(ref.module.startsWith('file:') ? fileURLToPath(ref.module) : ref.module);
  }
  const url = ref.module.startsWith('file:') ? ref.module : pathToFileURL(ref.module).href;
  const inBundle = bundled(url);
  const mod = inBundle !== undefined ? await import(inBundle) as Record<string, unknown>
    : /\.[cm]?ts$/.test(url) && !ownSource(url) ? await viaJiti(url) : await nativeOrJiti(url);
  const candidates = Object.values(mod).concat(Object.values((mod.default ?? {}) as Record<string, unknown>), [mod.default]);
  const found = candidates.find((v): v is DatasetDefinition =>
    typeof v === 'object' && v !== null && (v as DatasetDefinition).name === ref.name && 'fields' in v);
  if (found === undefined) throw new Error(`ddss: ${ref.module} does not export a dataset named "${ref.name}"`);
  return found;
}

/**
 * TypeScript goes through jiti, as in the CLI, except ddss's own modules (built-in datasets, test fixtures) when
 * this thread runs from sources under tsx: they import natively and share the thread's copy of ddss.
 */
function ownSource(url: string): boolean {
  const nativeTs = (globalThis as Record<symbol, unknown>)[Symbol.for('ddss.native-typescript')] === true;
  return nativeTs && url.startsWith(new URL('../../', import.meta.url).href);
}

/**
 * The test run's bundle of a module under the checkout (src/parallel/worker-from-source.mjs), when this worker runs
 * from it: the module then shares the bundle's copy of ddss, as it shares tsx's under tsx.
 */
function bundled(url: string): string | undefined {
  const at = (globalThis as Record<symbol, unknown>)[Symbol.for('ddss.source-bundle')] as { root: string; bundle: string } | undefined;
  if (at === undefined || !url.startsWith(at.root) || !/\.m?ts$/.test(url)) return undefined;
  const js = new URL(url.slice(at.root.length).replace(/\.m?ts$/, '.js'), at.bundle);
  return existsSync(js) ? js.href : undefined;
}

/**
 * A JavaScript module is imported natively (as the caller's program imported it); one that cannot find `ddss`
 * itself (the CLI loaded it with its own copy) is loaded again as the CLI did. ES modules resolve every import before
 * running any code, so the first attempt ran nothing (a CommonJS module's imports come first in it).
 */
async function nativeOrJiti(url: string): Promise<Record<string, unknown>> {
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const missing = /'(ddss(?:\/vn|\/datasets)?)'/.exec(err.message ?? '')?.[1];
    if ((err.code !== 'ERR_MODULE_NOT_FOUND' && err.code !== 'MODULE_NOT_FOUND') || missing === undefined || !OWN_MODULES.includes(missing)) throw e;
    return viaJiti(url);
  }
}

async function viaJiti(url: string): Promise<Record<string, unknown>> {
  const [{ createJiti }, ddss, vn, datasets] = await Promise.all([
    import('jiti'), import('../index.js'), import('../../rules/vn/index.js'), import('../../rules/datasets/index.js'),
  ]);
  // The options of the CLI's loader (declarative/load-definition.ts): nothing written to disk, one copy of ddss.
  const jiti = createJiti(import.meta.url, {
    fsCache: false, moduleCache: false, virtualModules: { ddss, 'ddss/vn': vn, 'ddss/datasets': datasets },
  });
  return jiti.import<Record<string, unknown>>(url);
}
