import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on its first use, synchronously. Why: ajv (JSON Schemas, definition files), yaml and
 * the phone numbering metadata (libphonenumber-js) are needed by few runs, and importing them with the rest cost every
 * start of ddss and of each worker thread 0.05–0.08 s each. Types come from `import type`, which loads nothing.
 * @example const yaml = lazyRequire<typeof Yaml>('yaml'); yaml().parseDocument(text) // import type * as Yaml from 'yaml'
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
