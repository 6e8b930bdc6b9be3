import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Launches the headless Chromium test/setup/chromium.ts found (the one `@sparticuz/chromium` ships, `DDSS_CHROMIUM`,
 * or the system's), with the libraries it was shipped with; undefined when there is none, so that each test fails
 * with {@link chromiumMissing} instead of the file failing to load.
 * @example launched = await launchChromium(['--no-sandbox']);
 */
export async function launchChromium(args?: string[]): Promise<Browser | undefined> {
  const { path, libraries } = inject('chromium');
  if (path === '' || !existsSync(path)) return undefined;
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  return chromium.launch({ executablePath: path, ...(args === undefined ? {} : { args }),
    ...(libraries === '' ? {} : { env: { ...env, LD_LIBRARY_PATH: libraries } }) });
}

/** Why a browser test cannot run: a failure, not a skip, naming what to do. */
export function chromiumMissing(): Error {
  const { path, problem } = inject('chromium');
  if (problem !== undefined) return new Error(`${problem}; set DDSS_CHROMIUM to a Chromium executable`);
  return new Error(path === ''
    ? 'no Chromium for the browser tests: run npm ci (the dev dependency @sparticuz/chromium ships one for Linux x64), ' +
      'install one (apt-get install chromium), or set DDSS_CHROMIUM to its path'
    : `Chromium not found at ${path}: set DDSS_CHROMIUM to a Chromium executable`);
}
