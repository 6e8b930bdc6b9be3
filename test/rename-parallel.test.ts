import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, readCsv, toJson } from '../src/index.js';
import type { Report } from '../src/index.js';
import { landParcels } from '../rules/datasets/index.js';
import { NOW } from './_run.js';
import { shards, threads } from './_parallel-runs.js';

// A renamed CSV file (`header: { 'Số CCCD': 'owner_id' }`, `--rename`) was read by one thread whatever `workers` said:
// later byte ranges were handed the renamed columns, and could not have told the header line as written (two exports
// joined with `cat`) from data. Each range is now handed the line as written and the rename.
const dir = mkdtempSync(join(tmpdir(), 'ddss-rename-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const land = readFileSync('examples/land/parcels.csv', 'utf8');
const header = land.slice(0, land.indexOf('\n') + 1);
const body = land.slice(header.length).split(/(?<=\n)/);
const vietnamese = header.replace('owner_id', 'Số CCCD');
const RENAME = { 'Số CCCD': 'owner_id' };
/** The header as written again at 60% of the data (the second export), and after a second export's byte order mark. */
const joined = [vietnamese, ...body.flatMap((l, i) => (i === 1200 ? [vietnamese, l] : i === 1700 ? [`\ufeff${vietnamese}`, l] : [l]))].join('');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const files = {
  'a renamed column': file('renamed.csv', vietnamese + body.join('')),
  'a renamed column and the header line repeated in the second half': file('joined.csv', joined),
  // Both names read as owner_id: a duplicate_header finding, which the first range alone reports.
  'the renamed column and the field\'s own name both': file('both.csv', `${vietnamese.trimEnd()},owner_id\n${body.map((l) => `${l.trimEnd()},x\n`).join('')}`),
};

const run = (path: string, workers: number) => threads(landParcels, path, workers, { csv: { header: RENAME }, timed: true });
const sharded = (path: string, n: number) => shards(landParcels, path, n, { header: RENAME });

const rule = (r: Report, id: string) => r.rules.find((x) => x.id === id);

describe('a renamed CSV file read by worker threads and shards', () => {
  it.each(Object.entries(files))('%s: 2 and 3 threads, and 3 shards, give the one-thread report and violations byte for byte', async (_, path) => {
    const one = await run(path, 1);
    for (const workers of [2, 3]) {
      const many = await run(path, workers);
      expect(many.threads).toBe(workers);
      expect(toJson(many.report)).toBe(toJson(one.report));
      expect(many.found).toEqual(one.found);
    }
    expect(toJson(await sharded(path, 3))).toBe(toJson(one.report));
  }, 120_000);

  it('the header line as written is a repeated header in every range; the column is read as its field', async () => {
    const { report, threads } = await run(files['a renamed column and the header line repeated in the second half'], 3);
    expect(threads).toBe(3);
    expect(rule(report, 'source.repeated_header')).toMatchObject({ failed: 2 });
    expect(rule(report, 'source.repeated_header')?.samples.map((s) => s.line)).toEqual([1202, 1703]);
    expect(rule(report, 'source.missing_column')).toBeUndefined();
    expect(report.rows).toBe(body.length);
  }, 120_000);

  it('profile with 2 workers profiles the renamed columns as one thread does', async () => {
    const path = files['a renamed column and the header line repeated in the second half'];
    const one = await profile(readCsv(path, { header: RENAME }), { now: new Date(NOW), workers: 1 });
    const two = await profile(readCsv(path, { header: RENAME }), { now: new Date(NOW), workers: 2, minBytesPerWorker: 1 });
    expect(two).toEqual(one);
    expect(two.columns.map((c) => c.name)).toContain('owner_id');
  }, 120_000);
});
