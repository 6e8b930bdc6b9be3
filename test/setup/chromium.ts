/**
 * Global setup: the headless Chromium the browser tests drive (test/outputs-html-browser.test.ts,
 * test/worklist-html-browser.test.ts), provided to them as `inject('chromium')`.
 *
 * Which one: `DDSS_CHROMIUM` when set (a path); else, on Linux x64, the build the dev dependency `@sparticuz/chromium`
 * ships in its npm package (Chromium's headless shell and the NSS libraries it links), unpacked once into
 * node_modules/.cache; else the system's /usr/bin/chromium. Why the shipped one first: `npm ci && npm test` must need
 * nothing installed by hand (on a machine without Chromium the browser tests failed, while CI, which installed
 * Debian's package, passed), and every machine then runs the tests in the same browser. An empty path means none
 * was found: the tests fail naming what to do, they do not skip.
 */
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import type { TestProject } from 'vitest/node';

/**
 * What the browser tests launch: the executable, and the library path it needs (empty: the system's); `problem` says
 * why the shipped one could not be unpacked, when it could not (the tests then fail saying so, the rest still run).
 */
export interface ChromiumSetup { readonly path: string; readonly libraries: string; readonly problem?: string }

declare module 'vitest' {
  export interface ProvidedContext { chromium: ChromiumSetup }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
const SYSTEM = '/usr/bin/chromium';

export default async function setup(project: TestProject): Promise<void> {
  // One unpacking per process: each project of vitest.config.ts runs this setup.
  const found = ((globalThis as Record<symbol, unknown>)[Symbol.for('ddss.test.chromium')] ??= chromium()) as Promise<ChromiumSetup>;
  project.provide('chromium', await found);
}

async function chromium(): Promise<ChromiumSetup> {
  const given = process.env.DDSS_CHROMIUM;
  if (given !== undefined && given !== '') return { path: given, libraries: '' };
  const system = { path: existsSync(SYSTEM) ? SYSTEM : '', libraries: '' };
  if (process.platform !== 'linux' || process.arch !== 'x64' || !existsSync(join(PACKAGE, 'bin', 'chromium.br'))) return system;
  try {
    return await shipped();
  } catch (e) {
    return { ...system, problem: `the Chromium of @sparticuz/chromium could not be unpacked: ${(e as Error).message}` };
  }
}

/**
 * The package's Chromium, unpacked into a directory named by its version. Each file is written under a temporary
 * name and renamed when whole, so a run killed while unpacking never leaves a truncated browser that a later run
 * would take as unpacked (the package's own `executablePath()` only tests that the file exists).
 */
async function shipped(): Promise<ChromiumSetup> {
  const { version } = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules', '.cache', 'ddss-chromium', version);
  const path = join(dir, 'chromium');
  const libraries = join(dir, 'lib');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial`;
    try {
      await pipeline(createReadStream(join(PACKAGE, 'bin', 'chromium.br')), createBrotliDecompress(), createWriteStream(partial));
      chmodSync(partial, 0o755);
      settle(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  if (!existsSync(libraries)) {
    // NSS and NSPR, which the headless shell links and a machine without a browser may lack: a tar of lib/*.so.
    const tar = `${libraries}.${process.pid}.tar`;
    const partial = `${libraries}.${process.pid}.partial`;
    try {
      await pipeline(createReadStream(join(PACKAGE, 'bin', 'al2023.tar.br')), createBrotliDecompress(), createWriteStream(tar));
      mkdirSync(partial, { recursive: true });
      execFileSync('tar', ['-x', '-f', tar, '-C', partial, '--strip-components=1']);
      settle(partial, libraries);
    } finally {
      rmSync(tar, { force: true });
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return { path, libraries };
}

/** Puts a whole unpacked file or directory in place; another run that placed it first wins, and this copy goes. */
function settle(partial: string, final: string): void {
  try {
    renameSync(partial, final);
  } catch (e) {
    if (!existsSync(final)) throw e;
    rmSync(partial, { recursive: true, force: true });
  }
}
