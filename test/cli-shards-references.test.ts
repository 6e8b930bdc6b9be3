import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';

const tmp = scratch();
afterAll(() => tmp.remove());
const root = resolve(import.meta.dirname, '..');
const land = join(root, 'examples/land/parcels.csv');
const population = join(root, 'examples/population/population.csv');

/** Shard K of 2 of the land sample into `tag-K.ddss-state`, with the given --reference flags. */
async function shard(tag: string, k: number, refs: readonly string[]): Promise<string> {
  const state = tmp.path(`${tag}-${k}.ddss-state`);
  const r = await cli(['validate', land, '--dataset', 'land-parcels', '--now', '2026-11-22', '--shard', `${k}/2`,
    '--state-out', state, ...refs]);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return state;
}

describe('ddss merge refuses shards checked against different references (exit 2)', () => {
  // Half the register: the same name, other content.
  const lines = readFileSync(population, 'utf8').split('\n');
  const half = tmp.path('population-half.csv');
  writeFileSync(half, `${lines.slice(0, Math.floor(lines.length / 2)).join('\n')}\n`);

  it.each([
    ['one shard with the register, one without', ['--reference', `population=${population}`], []],
    ['one without, one with', [], ['--reference', `population=${population}`]],
    ['two other registers under one name', ['--reference', `population=${population}`], ['--reference', `population=${half}`]],
  ])('%s', async (title, first, second) => {
    const tag = title.replace(/\W/g, '');
    const parts = [await shard(tag, 1, first), await shard(tag, 2, second)];
    // Before: exit 1 and nothing on stderr, a report in which verifyPerson checked half the rows.
    const r = await cli(['merge', ...parts, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^ddss: \\S*${tag}-1\\.ddss-state and \\S*${tag}-2\\.ddss-state are states of different ` +
      'runs: other reference "population" \\(.*\\): run every shard with the same --reference population=FILE\\n$'));
    expect(r.stderr).toMatch(first.length === 0 || second.length === 0 ? /had none/ : /read one of \d+ keys/);
    // Regression: English under --locale vi.
    const vi = await cli(['merge', ...parts, '--locale', 'vi']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toMatch(new RegExp(`^ddss: \\S*${tag}-1\\.ddss-state và \\S*${tag}-2\\.ddss-state là trạng thái của các ` +
      'lần chạy khác nhau: khác tệp tham chiếu "population" \\(.*\\): hãy chạy mọi phần với cùng --reference population=FILE\\n$'));
    expect(vi.stderr).toMatch(first.length === 0 || second.length === 0 ? /không có/ : /đã đọc một tệp \d+ khóa/);
  }, 60_000);

  it('shards with the same register (another copy of it) merge into the one-run report', async () => {
    const copy = tmp.path('population-copy.csv');
    writeFileSync(copy, readFileSync(population));
    const parts = [await shard('same', 1, ['--reference', `population=${population}`]), await shard('same', 2, ['--reference', `population=${copy}`])];
    const one = await cli(['validate', land, '--dataset', 'land-parcels', '--now', '2026-11-22', '--format', 'json', '--workers', '1',
      '--reference', `population=${population}`]);
    const merged = await cli(['merge', ...parts, '--format', 'json']);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(one.code);
  }, 60_000);

  it('a state that records no references (an older ddss) merges only with others alike', async () => {
    const parts = [await shard('old', 1, []), await shard('old', 2, [])];
    const [a, b] = parts as [string, string];
    const { references: _r, ...older } = decodeShardState(readFileSync(a));
    writeFileSync(a, encodeShardState(older));
    const mixed = await cli(['merge', a, b, '--format', 'json']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/old-1\.ddss-state records no references \(it was written by a ddss that did not record them\)/);
    const { references: _s, ...olderToo } = decodeShardState(readFileSync(b));
    writeFileSync(b, encodeShardState(olderToo));
    expect((await cli(['merge', a, b, '--format', 'json'])).stderr).toBe('');
  }, 60_000);
});
