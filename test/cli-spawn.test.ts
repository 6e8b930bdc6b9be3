import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/cli/harness.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** Runs the real entry point in a child process, through tsx, with stdout and stderr as pipes. */
function ddss(args: readonly string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the ddss executable', () => {
  it('sets the exit code, prints the summary, and keeps stderr quiet in a pipe', () => {
    const r = ddss(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', '--now', '2026-11-22']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Land parcels \(parcels\) — Failed/);
    expect(r.stderr).toBe('');
  });

  it('reports a usage error as one line with exit 2, without a stack trace', () => {
    const r = ddss(['validate', 'parcels.csv', '--dataset', 'bad-min.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ddss: bad dataset definition bad-min.yaml: fields.area_m2.min: must be number\n');
  });
});
