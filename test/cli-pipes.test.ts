import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/** A named pipe nobody writes to: opening it to read would wait forever; ddss must not open it twice. */
function namedPipe(name: string): string {
  const path = tmp.path(name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('commands that read their input twice refuse a pipe up front', () => {
  it('validate without --dataset (profile, then validate): exit 2 in one line, nothing opened', async () => {
    const pipe = namedPipe('export.csv');
    const r = await cli(['validate', pipe, ...NOW]);
    // Before: a named pipe waited forever at the second read; standard input, read again, was "the input is empty".
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ddss: without --dataset, ddss reads the input twice (to suggest a definition, then to validate ` +
      `against it), so "${pipe}" must be a regular file (not a pipe, a device or a directory): give --dataset, or save ` +
      'the data to a file first\n');
  });

  it('fix: exit 2 in one line, no output written', async () => {
    const pipe = namedPipe('export.csv');
    const r = await cli(['fix', pipe, '--dataset', 'parcels.yaml', ...NOW, '--out', tmp.path('fixed.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ddss: fix reads its input several times (to validate it, gather the records to fix, write the ` +
      `copy), so "${pipe}" must be a regular file (not a pipe, a device or a directory)\n`);
  });

  it('validate with --dataset reads a pipe once, as it reads any input (not refused)', async () => {
    const r = await cli(['validate', '/dev/null', '--input-format', 'csv', '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).not.toMatch(/must be a regular file/);
    expect(r.code).toBe(3); // an empty input: "the input is empty", never a pass
  });
});

describe('"-" as an input is standard input', () => {
  const csv = readFileSync(join(FIXTURES, 'parcels.csv'), 'utf8');

  it('validate reads it once as CSV and names it "stdin": the report of the file, but for its name', async () => {
    const piped = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json'], { stdin: csv });
    const file = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    // Before: a usage error (exit 2) saying to give /dev/stdin with --input-format.
    expect(piped.code).toBe(file.code);
    const a = JSON.parse(piped.stdout) as { source: { name: string; kind: string } };
    const b = JSON.parse(file.stdout) as { source: { name: string } };
    expect(a.source.name).toBe('stdin');
    expect(a.source.kind).toBe('csv');
    expect({ ...a, source: { ...a.source, name: b.source.name } }).toEqual(b);
    expect(piped.stderr).toBe(file.stderr);
  });

  it('--input-format says what it holds (ndjson); profile and compare read it too', async () => {
    const ndjson = readFileSync(join(FIXTURES, 'parcels.ndjson'), 'utf8');
    const v = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW, '--input-format', 'ndjson', '--format', 'json'], { stdin: ndjson });
    const f = await cli(['validate', 'parcels.ndjson', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect(JSON.parse(v.stdout).rules).toEqual(JSON.parse(f.stdout).rules);
    const p = await cli(['profile', '-', '--format', 'json'], { stdin: csv });
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout).rows).toBe(csv.trim().split('\n').length - 1);
    const c = await cli(['compare', 'parcels.csv', '-', '--key', 'parcel_id', '--format', 'json'], { stdin: csv });
    expect(JSON.parse(c.stdout).copy.name).toBe('stdin');
    expect(JSON.parse(c.stdout).counts.changed).toBe(0);
  });

  it('--history records the run by the name "stdin" (it cannot hash a stream it has read), as the report names it', async () => {
    const history = tmp.path('history.ndjson');
    const r = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW, '--history', history], { stdin: csv });
    expect(r.code).toBe(1);
    const entry = JSON.parse(readFileSync(history, 'utf8').trim()) as { input: unknown };
    expect(entry.input).toEqual({ name: 'stdin' });
  });

  it('"-" is no output: --out - and --history - wrote files named "-" (exit 2, nothing written)', async () => {
    const { existsSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { FIXTURES } = await import('./fixtures/cli/harness.js');
    const dash = join(FIXTURES, '-'); // where the commands run
    try {
      for (const [flag, hint] of [['--out', /leave --out out to write to standard output/], ['--history', /writes --history to a file/]] as const) {
        const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, flag, '-']);
        expect([r.code, r.stdout]).toEqual([2, '']);
        expect(r.stderr).toMatch(hint);
      }
      expect(existsSync(dash)).toBe(false);
      expect((await cli(['profile', 'parcels.csv', '--out', '-'])).code).toBe(2);
    } finally {
      rmSync(dash, { force: true });
    }
  });

  it('an empty standard input is "the input is empty" (exit 3), never a pass', async () => {
    const r = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW], { stdin: '' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/the input is empty/);
  });

  it('runs in one thread whatever --workers says (a stream cannot be cut into ranges)', async () => {
    const r = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW, '--workers', '4', '--timings'], { stdin: csv });
    expect(r.stdout).toMatch(/· 1 thread\b/);
  });

  it.each([
    ['validate without --dataset', ['validate', '-', ...NOW],
      'ddss: without --dataset, ddss reads the input twice (to suggest a definition, then to validate against it), so ' +
      'the input cannot be standard input ("-"): give --dataset, or save the data to a file first\n'],
    ['fix', ['fix', '-', '--dataset', 'parcels.yaml', ...NOW, '--dry-run'],
      'ddss: fix reads its input several times (to validate it, gather the records to fix, write the copy), so the ' +
      'input cannot be standard input ("-")\n'],
    ['a shard', ['validate', '-', '--dataset', 'parcels.yaml', ...NOW, '--shard', '1/2', '--state-out', 'x.ddss-state'],
      'ddss: --shard reads its part of a file by its path: give the file, not standard input ("-")\n'],
    ['compare with both', ['compare', '-', '-', '--key', 'parcel_id'], 'ddss: only one of the two inputs can be standard input ("-")\n'],
  ])('%s: refused up front in one line (exit 2), nothing read', async (_, args, message) => {
    let read = false;
    const r = await cli(args, { stdin: csv, onStdin: () => { read = true; } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
    expect(read).toBe(false);
  });

  it('says it is waiting when standard input is a terminal (a forgotten pipe is not a silent hang)', async () => {
    const r = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW], { stdin: csv, stdinTTY: true });
    expect(r.stderr).toMatch(/^ddss: reading the input from the terminal \(standard input, "-"\); end it with Ctrl-D/);
    const piped = await cli(['validate', '-', '--dataset', 'parcels.yaml', ...NOW], { stdin: csv });
    expect(piped.stderr).not.toMatch(/terminal/);
  });
});
