import { defineConfig } from 'tsup';

// One split build for every entry, the CLI included: shared code (rules, built-in datasets) lives in shared chunks,
// so a definition's `import.meta.url` names a library chunk that worker threads can import — never the CLI.
// The `ddss` command is bin/ddss.js, a committed two-line launcher with the shebang.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    vn: 'rules/vn/index.ts',
    datasets: 'rules/datasets/index.ts',
    vitest: 'src/testing/vitest.ts',
    worker: 'src/parallel/worker.ts',
    'profile-worker': 'src/profile/profile-worker.ts',
    cli: 'src/cli/main.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', vn: 'rules/vn/index.ts', datasets: 'rules/datasets/index.ts', vitest: 'src/testing/vitest.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  external: ['vitest'],
  // import.meta.url in the CommonJS build: definitions name their module for worker threads.
  shims: true,
});
