import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// Every command that reads an input file says in words why it cannot (one line, the file as it was given), where
// they printed Node's "ENOENT: no such file or directory, open '…'" — and `validate` a whole "could not evaluate"
// report of 0 rows for a file that does not exist. Exit codes are those of docs/cli.md: 3 (could not evaluate).
const tmp = scratch();
afterAll(() => tmp.remove());
const land = resolve(import.meta.dirname, '../examples/land/parcels.csv');
const dir = tmp.path('a-directory.csv');
mkdirSync(dir);
const file = tmp.path('a-file.csv');
writeFileSync(file, 'a,b\n1,2\n');
const LAND = ['--dataset', 'land-parcels', ...NOW];

describe('an input that is not there, or not a file', () => {
  it.each([
    ['validate (CSV)', ['validate', 'nope.csv', ...LAND]],
    ['validate (NDJSON)', ['validate', 'nope.ndjson', ...LAND]],
    ['validate (JSON)', ['validate', 'nope.json', ...LAND]],
    ['validate (xlsx)', ['validate', 'nope.xlsx', ...LAND]],
    ['validate with a JSON report', ['validate', 'nope.csv', ...LAND, '--format', 'json']],
    ['validate with two threads', ['validate', 'nope.csv', ...LAND, '--workers', '2']],
    ['validate without --dataset (it profiles first)', ['validate', 'nope.csv', ...NOW]],
    ['validate --shard', ['validate', 'nope.csv', ...LAND, '--shard', '1/2', '--state-out', tmp.path('s.ddss-state')]],
    ['profile', ['profile', 'nope.csv']],
    ['compare (the source)', ['compare', 'nope.csv', land, '--key', 'parcel_id']],
    ['compare (the copy)', ['compare', land, 'nope.csv', '--key', 'parcel_id']],
    ['fix', ['fix', 'nope.csv', '--dataset', 'land-parcels', '--out', tmp.path('fixed.csv')]],
  ])('%s: exit 3, "cannot read …: file not found", nothing on stdout', async (_what, args) => {
    const r = await cli(args);
    const given = args.find((a) => a.startsWith('nope.')) as string;
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `ddss: cannot read "${given}": file not found\n`]);
  });

  // An unset shell variable ("$FILE") named the working directory: `cannot read "": it is a directory`, exit 3.
  it.each([
    ['validate', ['validate', '', ...LAND]],
    ['profile', ['profile', '']],
    ['compare (the source)', ['compare', '', land, '--key', 'parcel_id']],
    ['compare (the copy)', ['compare', land, '', '--key', 'parcel_id']],
    ['history', ['history', '']],
  ])('%s of an empty argument: a usage error (exit 2) saying so', async (_what, args) => {
    const r = await cli(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'ddss: the input is an empty argument (an unset shell variable?): name a file\n']);
  });

  it('validate --out writes no report for a file that is not there', async () => {
    const out = tmp.path('report.json');
    const r = await cli(['validate', 'nope.csv', ...LAND, '--format', 'json', '--out', out]);
    expect([r.code, r.stderr, existsSync(out)]).toEqual([3, 'ddss: cannot read "nope.csv": file not found\n', false]);
  });

  it.each([
    ['a directory', dir, 'it is a directory'],
    ['a path through a file', join(file, 'x.csv'), 'file not found (a part of its path is a file, not a directory)'],
  ])('%s: says so in words', async (_what, path, why) => {
    for (const args of [['validate', path, ...LAND, '--input-format', 'csv'], ['profile', path, '--input-format', 'csv'],
      ['compare', path, land, '--key', 'parcel_id', '--input-format', 'csv']]) {
      const r = await cli(args);
      expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `ddss: cannot read "${path}": ${why}\n`]);
    }
  });

  it('merge: a state file that is not there', async () => {
    const r = await cli(['merge', 'nope-1.ddss-state', 'nope-2.ddss-state']);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', 'ddss: cannot read state "nope-1.ddss-state": file not found\n']);
  });

  // A file without read permission is "permission denied" by the same words (src/core/file-error-text.test.ts): not run
  // here as a CLI test, since CI runs as root, for whom every file is readable, and a skipped test proves nothing.

  it('standard input ("-") is no file to check: an empty one is still the report of an empty input', async () => {
    const r = await cli(['validate', '-', ...LAND, '--format', 'json'], { stdin: '' });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', partial: true });
    expect(r.stderr).toBe('ddss: could not read the whole input: the input is empty (0 bytes)\n');
  });

  it('a readable input is read as before', async () => {
    const r = await cli(['profile', '-'], { stdin: 'a,b\n1,2\n' });
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});
