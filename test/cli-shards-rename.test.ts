import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';

// `--rename` was refused with `--shard`: a shard's state did not record the rename, so the merge could not check that
// every shard read the header alike. States now record it, and the merge refuses shards renamed otherwise.
const tmp = scratch();
afterAll(() => tmp.remove());
const land = readFileSync(new URL('../examples/land/parcels.csv', import.meta.url), 'utf8');
const nl = land.indexOf('\n');
const path = tmp.path('vi.csv');
writeFileSync(path, land.slice(0, nl).replace(',owner_id,', ',Số CCCD,').replace(',commune_code,', ',Mã xã,') + land.slice(nl));
const RENAME = ['--rename', 'Số CCCD=owner_id', '--rename', 'Mã xã=commune_code'];
const BASE = ['validate', path, '--dataset', 'land-parcels', ...NOW];

/** Runs shard k of n with `flags` into `tag-k.ddss-state` (and its violations), expecting it to succeed. */
async function shard(tag: string, k: number, n: number, flags: readonly string[]): Promise<string> {
  const state = tmp.path(`${tag}-${k}.ddss-state`);
  const r = await cli([...BASE, '--shard', `${k}/${n}`, '--state-out', state, '--violations', tmp.path(`${tag}-${k}.ndjson`), ...flags]);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return state;
}

const read = (name: string) => readFileSync(tmp.path(name), 'utf8');

describe('validate --rename with --shard, and merge', () => {
  it.each([2, 3])('%i shards with --rename merge into the report and violations of one run with it, byte for byte', async (n) => {
    const one = await cli([...BASE, ...RENAME, '--workers', '1', '--format', 'json', '--out', tmp.path(`one-${n}.json`),
      '--violations', tmp.path(`one-${n}.ndjson`)]);
    const report = JSON.parse(read(`one-${n}.json`)) as { rules: { id: string; failed: number }[] };
    // The renamed columns were read as their fields (else every owner_id and commune_code would be missing).
    expect(report.rules.find((r) => r.id === 'source.missing_column')).toBeUndefined();
    const states: string[] = [];
    // The last shard gives the flags in the other order: the same rename.
    for (let k = 1; k <= n; k++) states.push(await shard(`r${n}`, k, n, k === n ? [...RENAME.slice(2), ...RENAME.slice(0, 2)] : RENAME));
    const merged = await cli(['merge', ...states.reverse(), '--format', 'json', '--out', tmp.path(`merged-${n}.json`),
      '--violations', tmp.path(`merged-${n}.ndjson`)]);
    expect(merged.stderr).toBe(one.stderr);
    expect(merged.code).toBe(one.code);
    expect(read(`merged-${n}.json`)).toBe(read(`one-${n}.json`));
    expect(read(`merged-${n}.ndjson`)).toBe(read(`one-${n}.ndjson`));
  }, 120_000);

  it.each([
    ['one with --rename and one without', [], 'as written (no rename)'],
    ['two different renames', ['--rename', 'Số CCCD=owner_id'], 'with the rename "Số CCCD=owner_id"'],
  ] as const)('merge refuses shards made with %s, naming both renames (exit 2)', async (title, flags, second) => {
    const tag = title.replace(/\W/g, '');
    const states = [await shard(tag, 1, 2, RENAME), await shard(`${tag}b`, 2, 2, flags)];
    const r = await cli(['merge', ...states]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.replaceAll(`${tmp.dir}/`, '')).toBe(`ddss: ${tag}-1.ddss-state and ${tag}b-2.ddss-state are states of different runs: other rename of the header ` +
      `(${tag}-1.ddss-state read it with the rename "Số CCCD=owner_id", "Mã xã=commune_code", ${tag}b-2.ddss-state ${second}): ` +
      'run every shard with the same --rename\n');
    // Regression: English under --locale vi.
    const vi = await cli(['merge', ...states, '--locale', 'vi']);
    expect(vi.stderr.replaceAll(`${tmp.dir}/`, '')).toBe(`ddss: ${tag}-1.ddss-state và ${tag}b-2.ddss-state là trạng thái của các lần chạy ` +
      `khác nhau: khác cách đổi tên dòng tiêu đề (${tag}-1.ddss-state đọc nó với cách đổi tên "Số CCCD=owner_id", "Mã xã=commune_code", ` +
      `${tag}b-2.ddss-state ${second === 'as written (no rename)' ? 'như đã viết (không đổi tên)' : 'với cách đổi tên "Số CCCD=owner_id"'}): ` +
      'hãy chạy mọi phần với cùng --rename\n');
  }, 120_000);

  it('a state written before shards recorded their rename counts as one without: such states merge together, not with a renamed one', async () => {
    const states = [await shard('old', 1, 2, RENAME), await shard('old', 2, 2, RENAME)];
    const strip = (state: string, to: string) => {
      const s = decodeShardState(readFileSync(state));
      expect(s.input).toMatchObject({ kind: 'csv', rename: { 'Số CCCD': 'owner_id', 'Mã xã': 'commune_code' } });
      const { rename: _r, ...input } = s.input as typeof s.input & { rename?: unknown };
      writeFileSync(tmp.path(to), encodeShardState({ ...s, input }));
      return tmp.path(to);
    };
    const old = [strip(states[0] as string, 'old-a.ddss-state'), strip(states[1] as string, 'old-b.ddss-state')];
    const bothOld = await cli(['merge', ...old, '--format', 'json']);
    expect(bothOld.stderr).not.toContain('different runs');
    expect([0, 1]).toContain(bothOld.code);
    const mixed = await cli(['merge', old[0] as string, states[1] as string]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.replaceAll(`${tmp.dir}/`, '')).toContain('other rename of the header (old-a.ddss-state read it as written (no rename), old-2.ddss-state with the rename');
  }, 120_000);
});
