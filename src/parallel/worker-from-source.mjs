// Runs the TypeScript worker from sources (tests, tsx). The published build runs dist/worker.js directly and never
// uses this file.
//
// The test run bundles the worker and every definition a test may name (test/setup/source-workers.ts) and says where
// in DDSS_SOURCE_WORKERS: loading those few files takes ~0.35 s, where tsx's loader takes 1.0–1.4 s a worker for
// ddss's ~430 modules. Otherwise (tsx scripts, a bundle not built) this thread registers tsx's loader.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bundled = process.env.DDSS_SOURCE_WORKERS ?? '';
const entry = bundled === '' ? '' : join(bundled, 'src', 'parallel', 'worker.js');
if (entry !== '' && existsSync(entry)) {
  // Definitions under the checkout load from the bundle too, so they share its copy of ddss (definition-ref.ts).
  globalThis[Symbol.for('ddss.source-bundle')] = { root: new URL('../../', import.meta.url).href, bundle: pathToFileURL(bundled).href + '/' };
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  // This thread now imports TypeScript natively: definition modules load as the caller's thread loaded them.
  globalThis[Symbol.for('ddss.native-typescript')] = true;
  await import('./worker.ts');
}
