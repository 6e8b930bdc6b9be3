import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// The CLI reads the definition's fields as renames of themselves under --rename and for its hint re-reads, and hands
// worker ranges and shards the same: a decomposed header gives one report however the run is cut.
const tmp = scratch();
afterAll(() => tmp.remove());
const definition = tmp.path('vn.yaml');
writeFileSync(definition, 'name: vn\nfields:\n  Mã thửa: { type: text, required: true, pattern: "^T[0-9]+$", unique: true }\n' +
  '  Diện tích: { type: number, max: 900 }\n  Chủ sử dụng: { type: text, required: true }\n');
const path = tmp.path('nfd.csv');
writeFileSync(path, 'Mã thửa,Diện tích, Chủ\u00A0sử dụng\n'.normalize('NFD') +
  Array.from({ length: 20000 }, (_, i) => `T${i % 19999},${i % 1000},${i % 7 === 0 ? '' : `Chủ ${i}`}\n`).join(''));
const BASE = ['validate', path, '--dataset', definition, ...NOW];
const JSON_OUT = ['--format', 'json'];
const read = (name: string) => readFileSync(tmp.path(name), 'utf8');

describe('validate a decomposed header by the CLI', () => {
  it('1 and 2 workers, and 2 shards merged, give one report byte for byte, and say how the header was read', async () => {
    const one = await cli([...BASE, ...JSON_OUT, '--workers', '1', '--out', tmp.path('one.json')]);
    const two = await cli([...BASE, ...JSON_OUT, '--workers', '2', '--out', tmp.path('two.json')]);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('ddss: 3 header cells are declared names written in another form, read as them: Mã thửa (NFD), ' +
      'Diện tích (NFD), Chủ sử dụng (spaces, NBSP, NFD) (source.header_form;');
    expect(one.stderr).not.toContain('missing_column');
    expect(two).toMatchObject({ code: one.code, stderr: one.stderr });
    expect(read('two.json')).toBe(read('one.json'));
    const states = [1, 2].map((k) => tmp.path(`s${k}.ddss-state`));
    for (const [k, state] of states.entries()) {
      expect(await cli([...BASE, '--shard', `${k + 1}/2`, '--state-out', state])).toMatchObject({ code: 0, stderr: '' });
    }
    const merged = await cli(['merge', ...states, '--format', 'json', '--out', tmp.path('merged.json')]);
    expect(merged).toMatchObject({ code: one.code, stderr: one.stderr });
    expect(read('merged.json')).toBe(read('one.json'));
  }, 120_000);
});
