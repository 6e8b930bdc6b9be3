// Runs the TypeScript profile worker from sources (tests, tsx): from the test run's bundle when there is one
// (src/parallel/worker-from-source.mjs says why), otherwise through tsx's loader. The published build runs
// dist/profile-worker.js directly and never uses this file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const bundled = process.env.DDSS_SOURCE_WORKERS ?? '';
const entry = bundled === '' ? '' : join(bundled, 'src', 'profile', 'profile-worker.js');
if (entry !== '' && existsSync(entry)) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./profile-worker.ts');
}
