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
  },
});
