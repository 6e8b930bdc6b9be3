import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SOURCE_WORKERS_DIR } from './test/setup/source-workers.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Examples and tests import the package by name, as users do; resolve it to the sources.
    alias: [
      { find: /^ddss\/vn$/, replacement: here('./rules/vn/index.ts') },
      { find: /^ddss\/datasets$/, replacement: here('./rules/datasets/index.ts') },
      { find: /^ddss\/vitest$/, replacement: here('./src/testing/vitest.ts') },
      { find: /^ddss$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    setupFiles: ['test/setup/verify-reports.ts', 'test/setup/verify-comparisons.ts'],
    // Worker threads run a bundle of the sources built once for the run (test/setup/source-workers.ts says why).
    // The headless Chromium of the browser tests, shipped by a dev dependency (test/setup/chromium.ts says why).
    globalSetup: ['test/setup/source-workers.ts', 'test/setup/chromium.ts'],
    env: { DDSS_SOURCE_WORKERS: join(SOURCE_WORKERS_DIR, String(process.pid)) },
    testTimeout: 30_000,
    // Measured on 2 cores (the CI's size): vitest's default of one test process per core but one ran the suite in
    // 579 s; two processes in 480 s (the worker-thread and PostgreSQL tests wait on other processes much of the time).
    // Sharing one module graph across files (isolate: false) ran it in 321 s once, then failed in the next run: the
    // setup files' vi.fn wrappers kept every report of ~120 files until a test process ran out of heap, and a file's
    // vi.mock does not apply to a module an earlier file in the same process already loaded. The end-to-end files stay
    // isolated; the unit files beside the code do not need to be (projects below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // The unit tests beside the code share one module graph per test process: they mock nothing of their own, and
      // re-importing the sources for each of ~160 small files took 119 s of their 2 minutes (31 s shared).
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'rules/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts', 'examples/**/*.test.ts'] } },
    ],
  },
});
