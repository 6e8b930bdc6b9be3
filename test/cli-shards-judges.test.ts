import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from 'ddss';
import { cli, scratch } from './fixtures/cli/harness.js';

const tmp = scratch();
afterAll(() => tmp.remove());
const NOW = ['--now', '2026-11-22'];
const land = join(resolve(import.meta.dirname, '..'), 'examples/land/parcels.csv');
// A baseline of an earlier export: the violations of the first 1,200 rows (known), so the rest are new.
const earlier = tmp.path('earlier.csv');
writeFileSync(earlier, `${readFileSync(land, 'utf8').split('\n').slice(0, 1201).join('\n')}\n`);
const baseline = tmp.path('baseline.ndjson');

/** Runs every shard of the land sample (with violations) and returns the state paths. */
async function shards(n: number, tag: string): Promise<string[]> {
  const parts: string[] = [];
  for (let k = 1; k <= n; k++) {
    const state = tmp.path(`${tag}-${k}.ddss-state`);
    const r = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/${n}`, '--state-out', state,
      '--violations', tmp.path(`${tag}-${k}.ndjson`), '--force']);
    expect(r.code).toBe(0);
    parts.push(state);
  }
  return parts;
}

describe('ddss merge --baseline and --history judge the merged run as one run with them', () => {
  it.each([1, 3, 7])('--baseline at %i shards: the same report, summary and exit code', async (n) => {
    await cli(['validate', earlier, '--dataset', 'land-parcels', ...NOW, '--violations', baseline, '--force']);
    const one = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--workers', '1', '--baseline', baseline,
      '--format', 'json', '--out', tmp.path('one.json'), '--force']);
    const report = JSON.parse(readFileSync(tmp.path('one.json'), 'utf8')) as Report;
    expect(report.baseline?.known).toBeGreaterThan(0);
    expect(report.baseline?.new).toBeGreaterThan(0);
    const parts = await shards(n, `base-${n}`);
    const merged = await cli(['merge', ...parts, '--baseline', baseline, '--format', 'json', '--out', tmp.path('merged.json'), '--force']);
    expect(merged.stderr).toBe(one.stderr);
    expect(merged.code).toBe(one.code);
    expect(merged.stdout).toBe(one.stdout);
    expect(readFileSync(tmp.path('merged.json'), 'utf8')).toBe(readFileSync(tmp.path('one.json'), 'utf8'));
  }, 120_000);

  it('--baseline needs every shard run with --violations (exit 2)', async () => {
    const parts: string[] = [];
    for (let k = 1; k <= 2; k++) {
      parts.push(tmp.path(`nov-${k}.ddss-state`));
      await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/2`, '--state-out', parts[k - 1] as string, '--force']);
    }
    const r = await cli(['merge', ...parts, '--baseline', baseline]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nov-1\.ddss-state was validated without --violations: .*--baseline/);
  }, 60_000);

  it('--history with --input: the same report and exit code as one run, and the same history line appended', async () => {
    const seed = tmp.path('seed.ndjson');
    for (const now of ['2026-11-20', '2026-11-21']) {
      await cli(['validate', land, '--dataset', 'land-parcels', '--now', now, '--workers', '1', '--history', seed]);
    }
    // One history file name (the report names it): each run starts from the seed.
    const h = tmp.path('h.ndjson');
    copyFileSync(seed, h);
    const flags = ['--history-window', '5', '--format', 'json'];
    const one = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--workers', '1', '--history', h, ...flags]);
    copyFileSync(h, tmp.path('h-one.ndjson'));
    const report = JSON.parse(one.stdout) as Report;
    expect(report.rules.find((r) => r.id === 'history.stale_input')?.status).toBe('failed'); // the same export again
    for (const n of [3, 7]) {
      copyFileSync(seed, h);
      const parts = await shards(n, `hist-${n}`);
      const merged = await cli(['merge', ...parts, '--history', h, '--input', land, ...flags]);
      expect(merged.stderr).toBe(one.stderr);
      expect(merged.code).toBe(one.code);
      expect(merged.stdout).toBe(one.stdout);
      expect(readFileSync(h, 'utf8')).toBe(readFileSync(tmp.path('h-one.ndjson'), 'utf8'));
    }
  }, 120_000);

  it('--history without --input skips history.stale_input (never passes it); --input must be the file the shards read', async () => {
    const parts = await shards(2, 'hist-noinput');
    const h = tmp.path('h-noinput.ndjson');
    copyFileSync(tmp.path('h-one.ndjson'), h);
    const r = await cli(['merge', ...parts, '--history', h, '--format', 'json']);
    const stale = (JSON.parse(r.stdout) as Report).rules.find((x) => x.id === 'history.stale_input');
    expect(stale).toMatchObject({ status: 'skipped', checked: 0 });
    const other = await cli(['merge', ...parts, '--history', h, '--input', earlier]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/--input "\S+earlier\.csv" is not the file the shards read/);
    const alone = await cli(['merge', ...parts, '--input', land]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--input names the file the shards read, for --history/);
  }, 60_000);

  it.each(['--baseline', '--history'])('%s on a shard is a usage error pointing to ddss merge', async (flag) => {
    const r = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', tmp.path('x.ddss-state'), flag, 'f.ndjson']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${flag} judges a whole run: give it to ddss merge, not to a shard`));
  });
});
