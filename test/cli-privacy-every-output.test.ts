import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';

// Personal values of parcels.csv (owner_id and owner_name are pii) and of the copy compared with it: none may appear
// in any file or line a command writes, whole or by the middle digits a mask hides, unless --show-values.
const SENTINELS = ['00109901234X', '001099012345', '079188000123', '001099012348', '99012', 'Canary', 'Dung', 'Quokka', '079188000999'];

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/** Every run of every command over the fixture, its stdout and stderr kept; the files go to the scratch directory. */
async function everyOutput(extra: readonly string[]): Promise<string[]> {
  const out = (name: string) => tmp.path(name);
  const copy = out('copy.csv');
  writeFileSync(copy, readFileSync(`${FIXTURES}/parcels.csv`, 'utf8')
    .replace('Nguyễn Văn An', 'Quokka Văn An').replace('079188000123', '079188000999'));
  const def = ['--dataset', 'parcels.yaml', ...NOW, ...extra];
  const cmp = ['--dataset', 'parcels.yaml', ...extra];
  const runs: Array<readonly string[]> = [
    ...['html', 'json', 'junit', 'md', 'text'].map((f) => ['validate', 'parcels.csv', ...def, '--format', f, '--out', out(`r.${f}`),
      '--violations', out(`v-${f}.csv`), '--grades', out(`g-${f}.csv`), '--grades-columns', 'owner_id,owner_name',
      '--group-by', 'owner_name', '--worst', '5', '--history', out(`h-${f}.ndjson`)]),
    ['validate', 'parcels.csv', ...def, '--violations', out('v.ndjson'), '--grades', out('g.ndjson'), '--grades-columns', 'owner_id,owner_name'],
    ['validate', copy, ...def, '--baseline', out('v.ndjson'), '--format', 'json', '--violations', out('v-baseline.csv')],
    ...['text', 'csv', 'md', 'html'].flatMap((f) => [['worklist', out('g.ndjson'), '--by', 'owner_name', '--format', f, '--out', out(`w-${f}.${f}`)],
      ['worklist', out('g.ndjson'), '--by', 'owner_id', '--format', f]]),
    ...['text', 'json', 'html', 'md'].map((f) => ['compare', 'parcels.csv', copy, '--key', 'parcel_id', ...cmp, '--format', f,
      '--out', out(`c.${f}`), '--changes', out(`c-${f}.csv`)]),
    ['compare', 'parcels.csv', copy, '--key', 'owner_id', ...cmp, '--changes', out('c-id.ndjson')],
    ['compare', 'parcels.csv', copy, '--key', 'parcel_id', ...extra, '--changes', out('c-nodef.csv')],
    ...['text', 'json', 'yaml', 'html'].map((f) => ['profile', 'parcels.csv', ...NOW, ...extra, '--format', f, '--out', out(`p.${f}`)]),
    ['profile', 'parcels.csv', ...NOW, ...extra],
    ['fix', 'parcels.csv', ...def, '--out', out('fixed.csv'), '--log', out('fix-log.csv')],
    ['fix', 'parcels.csv', ...def, '--dry-run', '--log', out('fix-log.ndjson')],
    ...['text', 'json', 'html'].map((f) => ['history', out('h-json.ndjson'), '--format', f]),
    ['validate', 'parcels.csv', ...def, '--shard', '1/2', '--violations', out('s1.ndjson'), '--state-out', out('s1.ddss-state')],
    ['validate', 'parcels.csv', ...def, '--shard', '2/2', '--violations', out('s2.ndjson'), '--state-out', out('s2.ddss-state')],
    ['merge', out('s1.ddss-state'), out('s2.ddss-state'), '--format', 'html', '--violations', out('m.csv')],
    ['validate', 'parcels.csv', ...NOW, ...extra, '--format', 'json', '--violations', out('v-nodef.csv')],
  ];
  const texts: string[] = [];
  for (const args of runs) {
    const r = await cli(args);
    if (r.code === 2) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    texts.push(r.stdout, r.stderr);
  }
  // Working files are no outputs: the fixed copy and the shard states hold the data as read (README "Personal data").
  for (const name of readdirSync(tmp.dir)) {
    if (name === 'fixed.csv' || name === 'copy.csv' || name.endsWith('.ddss-state')) continue;
    texts.push(readFileSync(tmp.path(name), 'utf8'));
  }
  return texts;
}

describe('personal data in every output of every command', () => {
  it('is masked: reports, violations, grades, worklists, compare changes, profiles, fix logs, history, merge', { timeout: 120_000 }, async () => {
    const texts = await everyOutput([]);
    expect(texts.length).toBeGreaterThan(60);
    const all = texts.join('\n');
    for (const s of SENTINELS) expect([s, all.includes(s)]).toEqual([s, false]);
    expect(all).toContain('0010******4X');
  });

  it('is shown with --show-values (the runs above reach the values)', { timeout: 120_000 }, async () => {
    const all = (await everyOutput(['--show-values'])).join('\n');
    for (const s of SENTINELS) expect([s, all.includes(s)]).toEqual([s, true]);
  });
});
