import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

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

describe('"-" as an input', () => {
  it.each([
    ['validate', ['validate', '-', '--dataset', 'parcels.yaml', '--input-format', 'csv', ...NOW]],
    ['profile', ['profile', '-', '--input-format', 'csv']],
    ['compare', ['compare', 'parcels.csv', '-', '--key', 'parcel_id', '--input-format', 'csv']],
    ['fix', ['fix', '-', '--dataset', 'parcels.yaml', ...NOW, '--dry-run']],
  ])('%s: a usage error saying how to read a pipe, not a report about a missing file named "-"', async (_, args) => {
    const r = await cli(args);
    // Before: "cannot tell the format of "-"", or with --input-format a report of status error for "ENOENT: … open
    // '…/-'" (exit 3).
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ddss: "-": ddss reads its inputs by path, not "-" for standard input; to read a pipe, give ' +
      '/dev/stdin (with --input-format csv, tsv, json or ndjson: it has no extension)\n');
    expect(r.stdout).toBe('');
  });
});
