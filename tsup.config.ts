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
  // date-fns ships one ES module per function: the few ddss uses pulled in 93 files, which Node resolved, read and
  // compiled on every start (and again in each worker thread): 25 ms of a run's fixed cost. Bundled, they are part
  // of a chunk, tree-shaken; date-fns stays a dependency for its types (Duration in ddss's declarations).
  noExternal: ['date-fns'],
  // import.meta.url in the CommonJS build: definitions name their module for worker threads.
  shims: true,
});
