import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./fixtures/startup/loaded-modules.mjs', import.meta.url));
const source = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/**
 * The files a fresh process loads to import `module` (and, with `use`, to read a YAML definition and a JSON Schema, or
 * for the Vietnamese pack to check a phone number).
 */
function loaded(module: string, use = false): string[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, source(module), ...(use ? ['use'] : [])],
    { encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as string[];
}
const packageFile = (urls: readonly string[], name: string) => urls.filter((u) => u.includes(`/node_modules/${name}/`));

// Every start of ddss and of each worker thread paid for these: measured ~0.1 s for the date-fns package root (which
// re-exports all of date-fns), ~0.1 s for ajv and yaml, ~0.08 s for the phone metadata, and the CLI's other commands.
describe('what importing ddss loads', () => {
  it('neither ajv nor yaml, and date-fns only through the functions it uses', () => {
    const urls = loaded('src/index.ts');
    expect(packageFile(urls, 'ajv')).toEqual([]);
    expect(packageFile(urls, 'yaml')).toEqual([]);
    expect(packageFile(urls, 'date-fns').filter((u) => u.endsWith('/date-fns/index.js') || u.endsWith('/date-fns/index.cjs'))).toEqual([]);
    expect(packageFile(urls, 'date-fns').some((u) => u.endsWith('/date-fns/parse.js'))).toBe(true);
  }, 60_000);

  it('loads ajv and yaml when a definition file or a JSON Schema needs them', () => {
    const urls = loaded('src/index.ts', true);
    expect(packageFile(urls, 'ajv').length).toBeGreaterThan(0);
    expect(packageFile(urls, 'yaml').length).toBeGreaterThan(0);
  }, 60_000);

  it('the Vietnamese pack loads the phone numbering metadata only when a phone number is checked', () => {
    expect(packageFile(loaded('rules/vn/index.ts'), 'libphonenumber-js')).toEqual([]);
    expect(packageFile(loaded('rules/vn/index.ts', true), 'libphonenumber-js').length).toBeGreaterThan(0);
  }, 60_000);

  it('the CLI loads a command\'s module only when that command runs', () => {
    const urls = loaded('src/cli/run.ts');
    for (const command of ['validate', 'compare', 'profile', 'fix', 'history', 'merge']) {
      expect(urls.filter((u) => u.endsWith(`/src/cli/${command}.ts`))).toEqual([]);
    }
  }, 60_000);
});
