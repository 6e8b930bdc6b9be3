import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import tsup from '../tsup.config.js';

// Every entry point resolves under moduleResolution node16, bundler and node10. node16 and bundler read `exports`;
// node10 ignores it and finds subpath types only through `typesVersions`. CI proves the built package with
// are-the-types-wrong (`npm run check:exports`); this keeps package.json from drifting between builds.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  readonly exports: Readonly<Record<string, string | { readonly import: { readonly types: string }; readonly require: { readonly types: string } }>>;
  readonly typesVersions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly types: string;
  readonly scripts: Readonly<Record<string, string>>;
};
const dts = (tsup as { dts: { entry: Record<string, string> } }).dts.entry;

describe('package entry points', () => {
  const subpaths = Object.keys(pkg.exports).filter((p) => p !== '.' && p !== './package.json');

  it.each(subpaths)('%s has types for node10 (typesVersions) naming what exports names', (subpath) => {
    const target = pkg.exports[subpath];
    const expected = typeof target === 'string' ? target : target?.require.types;
    expect(pkg.typesVersions?.['*']?.[subpath.slice(2)]).toEqual([expected]);
  });

  it('every code entry with types is exported, with types for import and require', () => {
    for (const name of Object.keys(dts)) {
      const target = pkg.exports[name === 'index' ? '.' : `./${name}`];
      expect(target, name).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
    expect(pkg.types).toBe('./dist/index.d.cts');
  });

  // date-fns is one ES module per function: left external, every start of the CLI and of each worker thread
  // resolved, read and compiled some 90 files of it (25 ms of each run's fixed cost).
  it('bundles date-fns into the build, and keeps it a dependency for the types that name it', () => {
    expect((tsup as { noExternal?: readonly string[] }).noExternal).toContain('date-fns');
    const deps = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
    expect(deps['date-fns']).toBeDefined();
  });

  it('CI checks all three resolutions (no profile that ignores node10)', () => {
    expect(pkg.scripts['check:exports']).toMatch(/attw --pack \. --profile strict/);
  });
});
