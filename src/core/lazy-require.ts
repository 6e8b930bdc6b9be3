import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on its first use, synchronously. Why: ajv (JSON Schemas, definition files) and yaml
 * are needed by few runs, and importing them with the rest cost every start of ddss and of each worker thread about
 * 0.05 s each (a hundred and more module files). Types come from `import type`, which loads nothing.
 * @example const yaml = lazyRequire<typeof Yaml>('yaml'); yaml().parseDocument(text) // import type * as Yaml from 'yaml'
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
