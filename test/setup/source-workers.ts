/**
 * Global setup: builds the worker threads' code once per test run, so that each worker started from sources loads a
 * few bundled JavaScript files instead of ~430 TypeScript modules through tsx's loader (1.0–1.4 s a worker, and the
 * suite starts hundreds; bundled: ~0.35 s, as dist/worker.js). Same sources, the same compiler (esbuild, which tsx
 * and tsup use) and the same path aliases (tsconfig.json's `ddss`, `ddss/vn`, `ddss/datasets`).
 *
 * The entries are the worker scripts and every module a worker may be asked to load a definition from (test
 * fixtures, examples, the built-in datasets), bundled together with shared chunks: each source module is in exactly
 * one output file, so a definition and the worker's engine share one copy of ddss, as under tsx. A definition module
 * not in the bundle loads as any outside module does (jiti). src/parallel/worker-from-source.mjs picks the bundle up
 * from DDSS_SOURCE_WORKERS (vitest.config.ts sets it) and falls back to tsx when it is absent.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where every run's bundle goes (beside others, so that concurrent runs in one checkout never share one). */
export const SOURCE_WORKERS_DIR = join(ROOT, 'node_modules', '.cache', 'ddss-source-workers');
/** A bundle older than this is a run that ended without its teardown (killed): removed by the next run. */
const STALE_MS = 6 * 3600_000;

/**
 * The bundles built in this run: each project of vitest.config.ts runs this setup, and they share one (held by the
 * process, since vitest may load this module once per project).
 */
const built = ((globalThis as Record<symbol, unknown>)[Symbol.for('ddss.test.source-workers')] ??= new Map()) as Map<string, Promise<void>>;

export default async function setup(project: TestProject): Promise<() => void> {
  const out = project.config.env.DDSS_SOURCE_WORKERS;
  if (out === undefined || out === '') return () => {};
  if (!built.has(out)) {
    removeStale();
    built.set(out, bundle(out));
    // Watch mode runs the tests again after an edit: the workers must run the edited sources too.
    project.onTestsRerun(async () => { built.set(out, bundle(out)); await built.get(out); });
  }
  await built.get(out);
  return () => rmSync(out, { recursive: true, force: true });
}

async function bundle(out: string): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  const entryPoints = ['src/parallel/worker.ts', 'src/profile/profile-worker.ts',
    ...['rules/datasets', 'test', 'examples'].flatMap((dir) => modules(join(ROOT, dir)))].map((p) => relative(ROOT, p));
  await build({
    absWorkingDir: ROOT, entryPoints, outdir: out, outbase: '.', bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', packages: 'external', chunkNames: '_chunks/[name]-[hash]', logLevel: 'error',
  });
  // The bundle's own package scope: ES modules, and the version the CLI prints and shard states record.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  writeFileSync(join(out, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module' }));
}

/**
 * The TypeScript modules under `dir` that are not tests (a test file imports vitest, which a worker cannot run), nor
 * outputs the examples wrote.
 */
function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || path === join(ROOT, 'examples', 'out') ? [] : modules(path);
    return e.isFile() && /\.m?ts$/.test(e.name) && !/\.(test|d)\.m?ts$/.test(e.name) ? [path] : [];
  });
}

function removeStale(): void {
  mkdirSync(SOURCE_WORKERS_DIR, { recursive: true });
  for (const name of readdirSync(SOURCE_WORKERS_DIR)) {
    const path = join(SOURCE_WORKERS_DIR, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}
