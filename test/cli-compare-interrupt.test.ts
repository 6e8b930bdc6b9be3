import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scratch } from './fixtures/cli/harness.js';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const tmp = scratch();
afterAll(() => tmp.remove());

// Ctrl-C once the --changes file was in place (the JSON report still waiting on a pipe nobody read) printed "no
// output was written or replaced", exit 130, beside a complete changes file; then, once interrupts named the outputs
// placed, it ended silently with the run's own exit 1, as if the report had been delivered.
describe('ddss compare interrupted after its outputs were placed', () => {
  it('names the outputs it had written whole (exit 130)', async () => {
    const rows = (v: string) => `id,v\n${Array.from({ length: 4000 }, (_, i) => `${i},${v}${i}`).join('\n')}\n`;
    writeFileSync(tmp.path('s.csv'), rows('a'));
    writeFileSync(tmp.path('c.csv'), rows('b'));
    const changes = tmp.path('ch.csv');
    // A JSON report of 4,000 samples on stdout (some 300 KB): more than a pipe holds, so the run waits for a reader.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'compare', tmp.path('s.csv'), tmp.path('c.csv'), '--key', 'id',
      '--format', 'json', '--max-samples', '10000', '--changes', changes], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.pause();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    const until = Date.now() + 60_000;
    while (!existsSync(changes) && child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect([existsSync(changes), stderr]).toEqual([true, '']);
    child.kill('SIGINT');
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await exited;
    clearTimeout(guard);
    expect(code).toBe(130);
    expect(stderr).toMatch(/^ddss: interrupted \(SIGINT\); .*ch\.csv.* was written before it/);
    expect(readFileSync(changes, 'utf8').split('\r\n')).toHaveLength(4002);
  }, 90_000);
});
