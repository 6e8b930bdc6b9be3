import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from './fixtures/cli/harness.js';

// A named pipe or /dev/stdin given as a path is read once, by the run: the hints that read a regular file again
// (a date format, a title above the header, a --rename column not in the header) must leave it alone.
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const RUN = ['--input-format', 'csv', '--dataset', 'parcels.yaml', '--now', '2026-11-22', '--format', 'json'];

/** Parcels with a date the declared format does not read: the format hint reads a regular file's column again. */
const CSV = 'Ma thua,owner_id,owner_name,area_m2,issued_on\n' +
  'P-001,001099012345,An,120.5,15/01/2020\nP-002,001099012346,Binh,80,2021-03-01\nP-003,001099012347,Chi,60,02/02/2022\n';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

interface Ended { code: number | null; stdout: string; stderr: string }

/** Runs ddss on a fresh named pipe that a `cat` fills with `text`; killed after 20 s (a run waiting on the pipe). */
async function overFifo(text: string, args: readonly string[]): Promise<Ended> {
  const file = tmp.path('export.txt');
  writeFileSync(file, text);
  const fifo = tmp.path('export.fifo');
  execFileSync('mkfifo', [fifo]);
  const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', file, fifo]);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'validate', fifo, ...args],
    { cwd: FIXTURES, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  clearTimeout(guard);
  writer.kill();
  return { code, stdout, stderr };
}

describe('a named pipe given as a path is read once, by the run', () => {
  it('a date in another format: the report, exit 1, and no second open of the pipe after it', async () => {
    // Before: the report was printed, then the format hint opened the pipe again and waited for ever for a writer.
    const r = await overFifo(CSV.replace('Ma thua', 'parcel_id'), RUN);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { rows: number }).rows).toBe(3);
    expect(r.stderr).toBe('');
  }, 30_000);

  it('--rename: the header is not read ahead of the run, which reads every record', async () => {
    // Before: the check of --rename against the header took the pipe's header, and the run waited for ever to open it.
    const r = await overFifo(CSV, [...RUN, '--rename', 'Ma thua=parcel_id']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rows: number; rules: Array<{ id: string; failed: number }> };
    expect(report.rows).toBe(3);
    expect(report.rules.find((x) => x.id === 'source.missing_column')?.failed ?? 0).toBe(0);
  }, 30_000);
});

describe('/dev/stdin over a pipe is read once, by the run', () => {
  it('--rename: every record reaches the run (the header check no longer drains the pipe)', () => {
    // Before: the header check read the pipe's first chunk; the run found "the input is empty" (exit 3), or on a
    // longer export started mid-file, its header a cut record.
    const file = tmp.path('export.txt');
    writeFileSync(file, CSV);
    // Through a shell pipe: Node hands a child's standard input over a socket, which /dev/stdin cannot open.
    const r = spawnSync('sh', ['-c', 'cat "$0" | "$@"', file, process.execPath, '--import', 'tsx', MAIN, 'validate', '/dev/stdin',
      ...RUN, '--rename', 'Ma thua=parcel_id'], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { rows: number }).rows).toBe(3);
    expect(r.stderr).toBe('');
  });
});

describe('/dev/stdin over a socket (what Node\'s spawn hands a child) is read as "-"', () => {
  it('validates the records instead of failing to open it (ENXIO, exit 3)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'validate', '/dev/stdin', ...RUN],
      { cwd: FIXTURES, encoding: 'utf8', input: CSV.replace('Ma thua', 'parcel_id'), env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    // Before: "could not read stdin: ENXIO: no such device or address, open '/dev/stdin'", 0 rows, exit 3.
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { rows: number }).rows).toBe(3);
  });
});
