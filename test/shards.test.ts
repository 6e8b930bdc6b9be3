import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/validate.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { toJson } from '../src/outputs/json.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards, planShards } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import { insuranceParticipants, landParcels } from '../rules/datasets/index.js';
import type { DatasetDefinition, Violation } from '../src/core/types.js';
import type { ShardState } from '../src/parallel/shard-state.js';
import { csvWithQuotedCuts } from './_shard-file.js';
import { shardViolations } from './_parallel-runs.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-shards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = '2026-11-22T00:00:00.000Z';

/** Writes a file into the scratch directory and returns its path. */
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const land = 'examples/land/parcels.csv';
const insurance = 'examples/insurance/participants.csv';
const landCuts = file('land-cuts.csv', csvWithQuotedCuts(land, 12, 300_000));
const insuranceCuts = file('insurance-cuts.csv', csvWithQuotedCuts(insurance, 1, 250_000));
// A gzip export named .csv: no signature where a later shard starts, whose bytes read as rows of junk.
const gzipped = file('land-gzip.csv', gzipSync(readFileSync(landCuts)));

/** Validates every shard (through its state file's bytes) and returns the states and their violations. */
async function shards(def: DatasetDefinition, path: string, n: number): Promise<{ states: ShardState[]; found: Violation[][] }> {
  const states: ShardState[] = [];
  const found: Violation[][] = [];
  for (let k = 1; k <= n; k++) {
    const mine: Violation[] = [];
    const s = await validateShard(def, readCsv(path), { shard: `${k}/${n}`, now, onViolation: (v) => mine.push(v) });
    states.push(decodeShardState(encodeShardState(s)));
    found.push(mine);
  }
  return { states, found };
}

describe('validateShard + mergeShards', () => {
  it.each([
    ['land sample', 1, landParcels, land], ['land sample', 3, landParcels, land], ['land sample', 7, landParcels, land],
    ['insurance sample', 3, insuranceParticipants, insurance], ['insurance sample', 7, insuranceParticipants, insurance],
    ['land, quoted line breaks at every cut,', 3, landParcels, landCuts], ['land, quoted line breaks at every cut,', 7, landParcels, landCuts],
    ['insurance, quoted line breaks at every cut,', 7, insuranceParticipants, insuranceCuts],
    ['a gzip file (binary_input)', 3, landParcels, gzipped],
  ] as const)('%s in %i shards merges (in any order) to the report and violations of one run', async (_, n, def, path) => {
    const single: Violation[] = [];
    const one = await validate(def, readCsv(path), { now, onViolation: (v) => single.push(v) });
    const { states, found } = await shards(def, path, n);
    // Reversed and rotated: merge orders them by index.
    const given = [...states].reverse();
    given.push(given.shift() as ShardState);
    const plan = planShards(def, given);
    const merged = shardViolations(plan, found);
    const report = mergeShards(def, given, { onViolation: (v) => merged.push(v) });
    expect(toJson(report)).toBe(toJson(one));
    expect(report.violations).toEqual(one.violations);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
    if (path === gzipped) expect([one.rows, one.status, one.source?.error]).toEqual([0, 'error', expect.stringMatching(/^the input is gzip data, not text/)]);
    else expect(one.rows).toBeGreaterThan(100);
  }, 120_000);

  it('every shard of a gzip file fails saying what it is, and only the first holds the finding', async () => {
    const { states } = await shards(landParcels, gzipped, 3);
    expect(states.map((s) => [s.state.rows, s.range.records, s.range.error])).toEqual(
      [1, 2, 3].map(() => [0, 0, expect.stringMatching(/^the input is gzip data, not text: decompress it first/)]));
    const counted = (s: ShardState): number => s.state.sources.find((r) => r.code === 'binary_input')?.violations ?? 0;
    expect(states.map(counted)).toEqual([1, 0, 0]);
  });
});

describe('validateShard + mergeShards with graded records', () => {
  it('groups beyond maxGroups (a state trims them only at twice as many) merge into the one-run report', async () => {
    // Four shards of the land sample, 2 groups listed: each shard holds 2–3 communes, more than maxGroups.
    const options = { now, groupBy: 'commune_code', maxGroups: 2, worstRecords: 3 };
    const states: ShardState[] = [];
    for (let k = 1; k <= 4; k++) {
      const s = await validateShard(landParcels, readCsv(land), { ...options, shard: `${k}/4` });
      states.push(decodeShardState(encodeShardState(s)));
    }
    expect(states.some((s) => (s.state.groups?.tallies.size ?? 0) > 2)).toBe(true);
    // Before: "not a sound state (groups)" for a state its own shard had just written.
    const merged = mergeShards(landParcels, states);
    expect(toJson(merged)).toBe(toJson(await validate(landParcels, readCsv(land), options)));
    expect(merged.groups?.groups).toHaveLength(2);
  });
});

describe('validateShard refuses what belongs to a whole run', () => {
  it('timings (a shard is part of a run; its state would carry them into a merge that never checked them)', async () => {
    const options = { shard: '1/2', now, timings: true } as Parameters<typeof validateShard>[2];
    await expect(validateShard(landParcels, readCsv(land), options)).rejects.toThrow('ddss: timings measure a whole run, not a shard');
  });

  // They were read and ignored: `workers: 4` promised threads the shard never started.
  it.each([
    [{ workers: 4 }, RangeError, 'ddss: a shard runs in one thread, so workers 4 is not taken: to use more cores, run more shards'],
    [{ workers: 0 }, RangeError, 'workers 0 is not taken'],
    [{ minBytesPerWorker: 1 }, TypeError, 'ddss: minBytesPerWorker sizes worker threads, which a shard does not start'],
  ] as const)('threads: %j', async (extra, type, message) => {
    const options = { shard: '1/2', now, ...extra } as Parameters<typeof validateShard>[2];
    const refused = validateShard(landParcels, readCsv(land), options);
    await expect(refused).rejects.toThrow(type);
    await expect(refused).rejects.toThrow(message);
  });

  it('takes workers: 1, which is what a shard does', async () => {
    const options = { shard: '2/2', now, workers: 1 } as Parameters<typeof validateShard>[2];
    expect((await validateShard(landParcels, readCsv(land), options)).shard).toEqual({ index: 2, count: 2 });
  });
});

describe('mergeShards refuses a state made under other run settings than its header says', () => {
  it.each([['locale', { locale: 'vi' }], ['now', { now: '2030-01-01T00:00:00.000Z' }]] as const)(
    'a state whose %s differs from the run\'s is corrupt (it would mix two runs)', async (_, run) => {
      const { states } = await shards(landParcels, land, 2);
      const [first, second] = states as [ShardState, ShardState];
      const doctored = { ...second, state: { ...second.state, run: { ...second.state.run, ...run } } };
      expect(() => mergeShards(landParcels, [first, doctored])).toThrow(expect.objectContaining({ name: 'ShardStateError', reason: 'corrupt' }));
    });
});
