import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from './fixtures/cli/harness.js';

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

  it('never ends a run that did not finish with exit code 0: a definition whose loading never settles is exit 3', () => {
    // Its top-level await waits for nothing that can happen: Node's event loop empties and, unguarded, the process
    // ended with exit code 0 and printed nothing.
    const tmp = scratch();
    try {
      const definition = tmp.path('never-loads.mjs');
      writeFileSync(definition, 'await new Promise(() => {});\nexport default {};\n');
      const r = ddss(['validate', 'parcels.csv', '--dataset', definition, '--violations', tmp.path('v.csv')]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^ddss: the run stopped before it finished: it was waiting for something that can no longer happen/);
    } finally {
      tmp.remove();
    }
  });
});
