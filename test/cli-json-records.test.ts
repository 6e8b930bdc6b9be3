import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// `ddss validate wrapped.json --dataset land-parcels` read an API export ({"success": true, "data": [...]}) as one
// record: "0 rows · 2 rules failed (rowCount, record_too_large)", or a non_array_document warning and "20 declared
// columns are a key of no record", and nothing said the records were under "data" nor how to read them.
const tmp = scratch();
afterAll(() => tmp.remove());
const records: Record<string, unknown>[] = [];
for await (const r of readCsv('examples/land/parcels.csv')) records.push({ ...r });
const write = (name: string, text: string): string => {
  writeFileSync(tmp.path(name), text);
  return tmp.path(name);
};
const plain = write('plain.json', JSON.stringify(records, null, 1));
const wrapped = write('wrapped.json', `{"success": true, "total": 2000, "data": ${JSON.stringify(records, null, 1)}}\n`);
const small = write('small.json', JSON.stringify({ success: true, total: 2, data: records.slice(0, 2) }, null, 1));
const nested = write('nested.json', JSON.stringify({ result: { items: records.slice(0, 3), total: 3 } }));
const lines = write('lines.ndjson', `${JSON.stringify(records[0])}\n`);
const LAND = ['--dataset', 'land-parcels', ...NOW];

describe('ddss validate --json-records', () => {
  it.each([
    ['a top-level key', wrapped, 'data', 2000],
    ['a dotted path', nested, 'result.items', 3],
    ['a JSON Pointer', nested, '/result/items', 3],
  ])('%s: reads the records there', async (_name, path, at, rows) => {
    const r = await cli(['validate', path, ...LAND, '--json-records', at, '--format', 'json']);
    expect([r.code, r.stderr, (JSON.parse(r.stdout) as { rows: number }).rows]).toEqual([1, '', rows]);
  });

  it('gives the report of the same records as a plain array, but for the file', async () => {
    const one = await cli(['validate', plain, ...LAND, '--format', 'json']);
    const got = await cli(['validate', wrapped, ...LAND, '--json-records', 'data', '--format', 'json']);
    const same = (s: string): string => s.replace(/"name": "\w+\.json"/, '').replace(/"bytes": \d+/, '');
    expect(same(got.stdout)).toBe(same(one.stdout));
  });

  it.each([
    ['a key the document does not have', wrapped, 'items',
      'ddss: could not read the whole input: "items" is not in the document; its keys are success, total, data; "data" holds an array of 2,000 objects: pass --json-records data\n'],
    ['a document that is an array', plain, 'data',
      'ddss: could not read the whole input: the document is an array: its elements are the records; read it without a records path (--json-records)\n'],
  ])('%s: the read fails, exit 3, saying what is there', async (_name, path, at, stderr) => {
    const r = await cli(['validate', path, ...LAND, '--json-records', at]);
    expect([r.code, r.stderr]).toEqual([3, stderr]);
  });

  it.each([
    ['NDJSON', [lines], /^ddss: --json-records reads the records inside one JSON document; NDJSON has one record per line\n/],
    ['CSV', ['examples/land/parcels.csv'], /^ddss: --json-records applies to JSON input, not csv\n/],
    ['a malformed path', [wrapped, '--json-records', 'a..b'], /^ddss: --json-records: the records path "a..b" has an empty key/],
    ['a database', ['postgresql://u@h/db', '--table', 't'], /^ddss: --json-records applies to files, not a postgresql:\/\/ input\n/],
  ])('with %s: a usage error', async (_name, args, stderr) => {
    const r = await cli(['validate', ...args, ...LAND, ...(args.includes('--json-records') ? [] : ['--json-records', 'data'])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
  });

  it('works with --shard: merged, the report of one run', async () => {
    const one = await cli(['validate', wrapped, ...LAND, '--json-records', 'data', '--format', 'json', '--workers', '1']);
    const parts = [1, 2, 3].map((k) => tmp.path(`part-${k}.ddss-state`));
    for (const [k, part] of parts.entries()) {
      const r = await cli(['validate', wrapped, ...LAND, '--json-records', 'data', '--shard', `${k + 1}/3`, '--state-out', part]);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    const merged = await cli(['merge', ...parts, '--format', 'json']);
    expect([merged.code, merged.stdout]).toEqual([one.code, one.stdout]);
  }, 60_000);
});

describe('a wrapped export read without --json-records: said on stderr, with the flag', () => {
  it.each([
    ['validate, over the record cap', ['validate', wrapped, ...LAND], 1,
      'ddss: the record is larger than 1048576 bytes and was not read; the records seem to be under "data" (an array of 2,000 objects): pass --json-records data (source.record_too_large)\n'],
    ['validate, read as one record (not the missing columns besides)', ['validate', small, ...LAND], 3,
      'ddss: the JSON document is a single object, not an array of records; it was read as one record; the records seem to be under "data" (an array of 2 objects): pass --json-records data (source.non_array_document)\n'],
    ['profile', ['profile', small], 0,
      `ddss: "${small}" is one JSON object, profiled as one record; the records seem to be under "data" (an array of 2 objects): pass --json-records data\n`],
    ['profile, over the record cap', ['profile', wrapped], 3,
      `ddss: cannot profile "${wrapped}": no column could be read (source issues: 1 record_too_large); the records seem to be under "data" (an array of 2,000 objects): pass --json-records data\n`],
    // Its one record too large to read, the source was not read whole: not evaluated (it was "different", exit 1).
    ['compare, one of the files', ['compare', wrapped, plain, '--key', 'parcel_id'], 3,
      'ddss: could not read the whole input: source: 1 record could not be read (the first at line 1: record_too_large, the record ' +
      'is larger than 1048576 bytes and was not read), so it is in no count and the comparison has no score\n' +
      'ddss: the source is one JSON object: the records seem to be under "data" (an array of 2,000 objects): pass --json-records-source data\n'],
  ] as const)('%s', async (_name, args, code, stderr) => {
    const r = await cli(args);
    expect([r.code, r.stderr]).toEqual([code, stderr]);
  });

  it('compare: in the error of a key column neither file has, one flag for both', async () => {
    const r = await cli(['compare', small, small, '--key', 'parcel_id']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/; both files are one JSON object: the records seem to be under "data" \(an array of 2 objects\): pass --json-records data\n$/);
  });
});

describe('profile and compare --json-records', () => {
  it('profile reads the records there', async () => {
    const r = await cli(['profile', wrapped, '--json-records', 'data']);
    expect([r.code, r.stderr, r.stdout.split('\n')[0]]).toEqual([0, '', 'wrapped.json: 2000 rows, 20 columns']);
  });

  it.each([
    ['one file', ['--json-records-source', 'data'], plain],
    ['both files', ['--json-records', 'data'], wrapped],
  ] as const)('compare reads the records of %s there', async (_name, flags, copy) => {
    const r = await cli(['compare', wrapped, copy, '--key', 'parcel_id', ...flags]);
    expect(r.stderr.replace(/^ddss: the source and the copy are one file.*\n/, '')).toBe('');
    expect(r.stdout).toMatch(/Source: 2,000 rows .* Copy: 2,000 rows .*\n.*matched 1,980 · changed 0 · missing 0 · extra 0/);
  });

  it.each([
    [['--json-records', 'data', '--json-records-source', 'data'], /--json-records and --json-records-source both give the source's records path/],
    [['--json-records-copy', 'data'], /--json-records-copy applies to JSON input, not csv \(the copy\)/],
  ])('compare %j: a usage error', async (flags, stderr) => {
    const r = await cli(['compare', wrapped, 'examples/land/parcels.csv', '--key', 'parcel_id', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
  });

  it('is in the help of each command', async () => {
    for (const command of ['validate', 'profile', 'compare']) expect((await cli([command, '--help'])).stdout).toContain('--json-records P');
    expect(readFileSync('docs/cli.md', 'utf8')).toContain('--json-records-copy P');
  });
});
