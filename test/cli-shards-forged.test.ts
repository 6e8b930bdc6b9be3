import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import type { ShardState } from '../src/parallel/shard-state.js';

const tmp = scratch();
afterAll(() => tmp.remove());
const land = join(resolve(import.meta.dirname, '..'), 'examples/land/parcels.csv');
const parts = [tmp.path('forged-1.ddss-state'), tmp.path('forged-2.ddss-state')] as const;
const states: ShardState[] = [];

beforeAll(async () => {
  for (const [k, state] of parts.entries()) {
    const r = await cli(['validate', land, '--dataset', 'land-parcels', '--now', '2026-11-22', '--shard', `${k + 1}/2`, '--state-out', state]);
    expect(r.code).toBe(0);
    states.push(decodeShardState(readFileSync(state)));
  }
}, 60_000);

/**
 * A state edited by hand, its checksum recomputed (encodeShardState): the docs promise every count is checked, and
 * these merged into a report of more rows checked than the run had, or of part of the input.
 */
describe('ddss merge refuses a hand-edited state whose counts or range cannot be (exit 3, naming the file)', () => {
  it.each([
    ['a rule that checked more rows than the shard has', 0,
      (s: ShardState): ShardState => ({ ...s, state: { ...s.state, rules: s.state.rules.map((r, i) => (i === 0 ? { ...r, checked: 20_000 } : r)) } }),
      /edited-1\.ddss-state: not a sound state \(rules\[0\] \(\S+\): checked 20000 rows of the shard's \d+\)/],
    ['more records read than rows and skipped records', 1,
      (s: ShardState): ShardState => ({ ...s, range: { ...s.range, records: s.range.records + 500 } }),
      /edited-2\.ddss-state: its state does not match its header/],
    ['fewer records read than rows evaluated', 1,
      (s: ShardState): ShardState => ({ ...s, range: { ...s.range, records: 3 } }),
      /edited-2\.ddss-state: not a sound state \(it counts \d+ rows of 3 records read\)/],
    ['a last shard ending short of the file', 1,
      (s: ShardState): ShardState => ({ ...s, range: { ...s.range, ended: s.range.ended - 1000 } }),
      /edited-2\.ddss-state: not a sound state \(it ends at byte \d+, but the input ends at \d+: the last shard ends at the input's end\)/],
    ['a first shard beginning past the file\'s start', 0,
      (s: ShardState): ShardState => ({ ...s, range: { ...s.range, began: 500 } }),
      /edited-1\.ddss-state: not a sound state \(it begins at byte 500, but the first shard begins at the input's start \(0\)\)/],
  ])('%s', async (_, k, edit, message) => {
    const forged = tmp.path(`edited-${k + 1}.ddss-state`);
    writeFileSync(forged, encodeShardState(edit(states[k] as ShardState)));
    const given = k === 0 ? [forged, parts[1]] : [parts[0], forged];
    const r = await cli(['merge', ...given, '--format', 'json']);
    expect([r.code, r.stdout]).toEqual([3, '']);
    // The message names the state that was edited.
    expect(r.stderr).toMatch(message);
  }, 60_000);

  it('the states as written still merge', async () => {
    const r = await cli(['merge', ...parts, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).rows).toBe(states.reduce((n, s) => n + s.range.rows, 0));
  }, 60_000);
});
