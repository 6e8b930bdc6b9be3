import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { enterWorker, refuseNestedValidate } from '../src/parallel/worker-context.js';
import { parallelParcels } from './fixtures/parallel/definition.js';

const SCRIPT = fileURLToPath(new URL('./fixtures/parallel/validates-itself.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ddss-recursion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** More threads than one process with two workers has (about 20): a run that starts workers in workers passes it. */
const MAX_THREADS = 40;
const WALL_CLOCK_MS = 90_000;

/**
 * Runs a script in a child process that cannot run away: it is killed when it exceeds the thread limit (read from
 * /proc where there is one) or the wall-clock limit.
 */
function runScript(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string; maxThreads: number; killed: string | undefined }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let maxThreads = 0;
    let killed: string | undefined;
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const status = `/proc/${child.pid}/status`;
    const watch = setInterval(() => {
      if (!existsSync(status)) return;
      const threads = Number(/Threads:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1] ?? 0);
      maxThreads = Math.max(maxThreads, threads);
      if (threads > MAX_THREADS) {
        killed = `${threads} threads`;
        child.kill('SIGKILL');
      }
    }, 50);
    const timer = setTimeout(() => { killed = 'wall clock'; child.kill('SIGKILL'); }, WALL_CLOCK_MS);
    child.on('close', (code) => {
      clearInterval(watch);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, maxThreads, killed });
    });
  });
}

describe('workers never start workers', () => {
  it('a single-file script that defines its dataset and validates with workers fails at once with one clear line', async () => {
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, `id,n\n${Array.from({ length: 20_000 }, (_, i) => `R${i},${i}`).join('\n')}\n`);
    const r = await runScript([SCRIPT, csv]);
    expect(r.killed).toBeUndefined();
    expect(r.maxThreads).toBeLessThanOrEqual(MAX_THREADS);
    expect(r.code).not.toBe(0);
    // No thread validated: not the workers re-running the script, not the main thread.
    expect(r.stdout).not.toMatch(/status/);
    // The main thread's validate rejects with the reason, on one line.
    expect(r.stderr).toMatch(/Error: ddss: the definition module \S+validates-itself\.ts calls validate\(\) when it is imported, .*put the dataset definition in its own module[^\n]*\n/);
  }, WALL_CLOCK_MS + 10_000);
});

describe('refuseNestedValidate', () => {
  const key = Symbol.for('ddss.worker-context');
  afterEach(() => { delete (globalThis as Record<symbol, unknown>)[key]; });

  it('does nothing outside ddss workers', () => {
    expect(() => refuseNestedValidate(8)).not.toThrow();
  });

  it.each([
    ['while a worker imports the definition module', 'file:///defs/script.ts', 1, /script\.ts calls validate\(\) when it is imported/],
    ['with workers > 1 anywhere in a worker', undefined, 2, /workers never start workers/],
  ])('fails the whole run and throws %s', (_, loading, workers, message) => {
    const failed: string[] = [];
    enterWorker({ loading, fail: (m) => failed.push(m) });
    expect(() => refuseNestedValidate(workers)).toThrow(message);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(message);
    expect(failed[0]).not.toContain('\n');
  });

  it('lets a worker validate on one thread once its definition is loaded (a rule may check a small table)', () => {
    enterWorker({ loading: undefined, fail: () => { throw new Error('not expected'); } });
    expect(() => refuseNestedValidate(1)).not.toThrow();
  });

  it('is checked by validate() before anything runs', async () => {
    enterWorker({ loading: 'file:///defs/script.ts', fail: () => undefined });
    await expect(validate(parallelParcels, [])).rejects.toThrow(/its own module/);
  });
});
