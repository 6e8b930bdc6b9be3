import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('Ctrl-C ends the run even while a read is blocked (a named pipe with no writer): the message, then the signal', async () => {
    const tmp = scratch();
    try {
      const fifo = tmp.path('export.csv');
      execFileSync('mkfifo', [fifo]);
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'validate', fifo, '--dataset', 'parcels.yaml', '--now',
        '2026-11-22'], { cwd: FIXTURES, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      const ended = new Promise<{ code: number | null; signal: string | null }>((done) => {
        child.on('exit', (code, signal) => done({ code, signal }));
      });
      // Wait until a thread of the run is blocked opening the pipe (a writer never comes): a fixed delay was too
      // short on a busy machine, and the run was interrupted before it read anything (exit 130, not the signal).
      expect(await blockedOnFifo(child.pid as number, 20_000)).toBe(true);
      child.kill('SIGINT');
      // Before: the handler printed its message and called process.exit, which waited forever for the thread pool.
      // Now it ends by the signal (shells show 130); a run not waiting on a pipe exits 130 (regressions/cli-outputs).
      const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const { code, signal } = await ended;
      clearTimeout(guard);
      expect(stderr).toBe('ddss: interrupted (SIGINT); no output was written or replaced\n');
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' }); // a shell shows 130
    } finally {
      tmp.remove();
    }
  }, 30_000);

  it('SIGTERM ends `ddss history` blocked opening a named pipe with no writer: the message, then the signal', async () => {
    const tmp = scratch();
    try {
      const fifo = tmp.path('history.ndjson');
      execFileSync('mkfifo', [fifo]);
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'history', fifo], { cwd: FIXTURES, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      const ended = new Promise<{ code: number | null; signal: string | null }>((done) => {
        child.on('exit', (code, signal) => done({ code, signal }));
      });
      expect(await blockedOnFifo(child.pid as number, 20_000)).toBe(true);
      child.kill('SIGTERM');
      // Before: the message was printed, and process.exit waited for ever on the thread blocked opening the pipe.
      const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const { code, signal } = await ended;
      clearTimeout(guard);
      expect(stderr).toBe('ddss: interrupted (SIGTERM); no output was written or replaced\n');
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' }); // a shell shows 143
    } finally {
      tmp.remove();
    }
  }, 40_000);

  it('a named pipe as --history is refused up front (exit 2): it was opened to be read and waited for ever', () => {
    const tmp = scratch();
    try {
      const fifo = tmp.path('history.ndjson');
      execFileSync('mkfifo', [fifo]);
      const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'validate', 'parcels.csv', '--dataset', 'parcels.yaml',
        '--now', '2026-11-22', '--history', fifo], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
        timeout: 20_000, killSignal: 'SIGKILL' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`ddss: --history "${fifo}" is a named pipe, not a file: a history is read, then appended to; name a file\n`);
    } finally {
      tmp.remove();
    }
  }, 30_000);
});

/** Whether a thread of process `pid` comes to wait in the kernel for a FIFO's other end (Linux `wchan`), within `ms`. */
async function blockedOnFifo(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const tasks = (() => { try { return readdirSync(`/proc/${pid}/task`); } catch { return []; } })();
    for (const t of tasks) {
      const wchan = (() => { try { return readFileSync(`/proc/${pid}/task/${t}/wchan`, 'utf8'); } catch { return ''; } })();
      if (wchan === 'wait_for_partner' || wchan === 'fifo_open') return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
