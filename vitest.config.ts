import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    setupFiles: ['test/setup/verify-reports.ts', 'test/setup/verify-comparisons.ts'],
    testTimeout: 30_000,
    // Measured on 2 cores (the CI's size): vitest's defaults (one test process per core but one, each test file in a
    // fresh module graph) ran the suite in 579 s, 126 s of it importing the sources again for each of ~240 files;
    // two processes sharing the module graph ran it in 321 s. Sharing is safe here: the only module mocks are the
    // setup files' schema checks (registered for every file alike) and a pass-through counter
    // (test/profile-workers.test.ts), and no test changes globals it does not restore.
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
