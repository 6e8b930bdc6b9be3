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
    // Measured on 2 cores (the CI's size): vitest's default of one test process per core but one ran the suite in
    // 579 s; two processes in 480 s (the worker-thread and PostgreSQL tests wait on other processes much of the time).
    // Sharing one module graph across files (isolate: false) ran it in 321 s once, then failed in the next run: the
    // setup files' vi.fn wrappers kept every report of ~120 files until a test process ran out of heap, and a file's
    // vi.mock does not apply to a module an earlier file in the same process already loaded. Files stay isolated.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
