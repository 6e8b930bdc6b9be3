import { defineConfig } from 'tsup';

// Two builds: the library entries (ESM + CJS with declarations) and the CLI (ESM only, with a shebang).
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      vn: 'rules/vn/index.ts',
      datasets: 'rules/datasets/index.ts',
      vitest: 'src/testing/vitest.ts',
      worker: 'src/parallel/worker.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
    external: ['vitest'],
    // import.meta.url in the CommonJS build: definitions name their module for worker threads.
    shims: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
