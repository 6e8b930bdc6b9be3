import { readFileSync, writeFileSync, copyFileSync, appendFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import { csvWithQuotedCuts } from './_shard-file.js';

const tmp = scratch();
afterAll(() => tmp.remove());
const NOW = ['--now', '2026-11-22'];
const root = resolve(import.meta.dirname, '..');
const land = join(root, 'examples/land/parcels.csv');
const insurance = join(root, 'examples/insurance/participants.csv');
const landCuts = tmp.path('land-cuts.csv');
writeFileSync(landCuts, csvWithQuotedCuts(land, 12, 300_000));

/** Runs every shard of `input` into `tag-K.ddss-state` (+ violations), and returns the state paths, shuffled. */
async function runShards(input: string, dataset: string, n: number, tag: string, extra: readonly string[] = []): Promise<string[]> {
  const parts: string[] = [];
  for (let k = 1; k <= n; k++) {
    const state = tmp.path(`${tag}-${k}.ddss-state`);
    const r = await cli(['validate', input, '--dataset', dataset, ...NOW, '--shard', `${k}/${n}`, '--state-out', state,
      '--violations', tmp.path(`${tag}-${k}.violations.ndjson`), ...extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ddss: shard ${k}/${n} of \\S+: \\d+ rows \\(bytes \\d+–\\d+\\) → `));
    parts.push(state);
  }
  // Any order: the states say which shard they are.
  return [...parts.slice(n >> 1).reverse(), ...parts.slice(0, n >> 1)];
}

describe('ddss validate --shard K/N and ddss merge', () => {
  it.each([
    ['the land sample', land, 'land-parcels', [1, 3, 7]],
    ['the land sample with quoted line breaks at every cut', landCuts, 'land-parcels', [3, 7]],
    ['the insurance sample', insurance, 'insurance-participants', [3]],
  ] as const)('%s: the merged report and violations are byte-identical to one run', async (title, input, dataset, counts) => {
    const formats = ['json', 'html', 'md', 'junit', 'text'] as const;
    const single = new Map<string, { code: number; stdout: string; report: string }>();
    for (const f of formats) {
      const out = tmp.path(`single.${f}`);
      const vio = tmp.path(`single-${f}.csv`);
      const r = await cli(['validate', input, '--dataset', dataset, ...NOW, '--format', f, '--out', out, '--violations', vio, '--workers', '1', '--force']);
      single.set(f, { code: r.code, stdout: r.stdout, report: readFileSync(out, 'utf8') });
    }
    const singleNd = tmp.path('single.ndjson');
    await cli(['validate', input, '--dataset', dataset, ...NOW, '--format', 'json', '--violations', singleNd, '--workers', '1', '--force']);
    for (const n of counts) {
      const parts = await runShards(input, dataset, n, `${title.replace(/\W/g, '')}-${n}`);
      for (const f of formats) {
        const out = tmp.path(`merged.${f}`);
        // The same relative name as the single run's, so the HTML page links the violations file alike.
        const vio = tmp.path(`single-${f}.csv`);
        const before = readFileSync(vio, 'latin1');
        const r = await cli(['merge', ...parts, '--format', f, '--out', out, '--violations', tmp.path(`merged-${f}.csv`), '--force']);
        const s = single.get(f) as { code: number; stdout: string; report: string };
        expect(r.stderr).toBe('');
        expect(r.code).toBe(s.code);
        expect(r.stdout).toBe(s.stdout);
        const merged = readFileSync(out, 'utf8');
        expect(f === 'html' ? merged.replaceAll('merged-html.csv', 'single-html.csv') : merged).toBe(s.report);
        // Compared as text: a deep comparison of large buffers is slow.
        expect(readFileSync(tmp.path(`merged-${f}.csv`), 'latin1')).toBe(before);
      }
      const nd = tmp.path('merged.ndjson');
      expect((await cli(['merge', ...parts, '--format', 'json', '--violations', nd, '--force'])).code).toBe(single.get('json')?.code);
      expect(readFileSync(nd, 'utf8')).toBe(readFileSync(singleNd, 'utf8'));
    }
  }, 300_000);

  it('a shard whose part cannot be read completely makes the merged report partial (exit 3), as one run', async () => {
    const text = readFileSync(land, 'utf8').split('\n').filter((l) => !l.includes('"'));
    // A quote that never closes 60% in: the rest of the file is one record past the record cap.
    text[Math.floor(text.length * 0.6)] = `P999999999,12,12056,1,14,818.1,LUC,29/11/2069,"Ngô Đình Huy${'x'.repeat(50)}`;
    const broken = tmp.path('broken.csv');
    writeFileSync(broken, `${text.join('\n')}${'y,'.repeat(600_000)}\n`);
    const one = await cli(['validate', broken, '--dataset', 'land-parcels', ...NOW, '--format', 'json', '--workers', '1', '--violations', tmp.path('broken-one.ndjson')]);
    expect(one.code).toBe(3);
    const parts: string[] = [];
    const codes: number[] = [];
    for (let k = 1; k <= 3; k++) {
      parts.push(tmp.path(`broken-${k}.ddss-state`));
      codes.push((await cli(['validate', broken, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/3`, '--state-out', parts[k - 1] as string,
        '--violations', tmp.path(`broken-${k}.ndjson`)])).code);
    }
    expect(codes).toContain(3);
    const merged = await cli(['merge', ...parts, '--format', 'json', '--violations', tmp.path('broken-merged.ndjson')]);
    expect(merged.code).toBe(3);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.stderr).toBe(one.stderr);
    expect(JSON.parse(merged.stdout)).toMatchObject({ partial: true });
    expect(readFileSync(tmp.path('broken-merged.ndjson'), 'utf8')).toBe(readFileSync(tmp.path('broken-one.ndjson'), 'utf8'));
  }, 120_000);

  it.each([
    ['--shard without --state-out', ['--shard', '1/3'], /--shard needs --state-out/],
    ['--state-out without --shard', ['--state-out', 'x.ddss-state'], /--state-out needs --shard/],
    ['a 0-based shard', ['--shard', '0/3', '--state-out', 'x.ddss-state'], /counted from 1 .*JOB_COMPLETION_INDEX \+ 1/],
    ['K past N', ['--shard', '4/3', '--state-out', 'x.ddss-state'], /K must be between 1 and 3/],
    ['not K/N', ['--shard', 'two', '--state-out', 'x.ddss-state'], /--shard must be K\/N/],
    ['a report of a part', ['--shard', '1/3', '--state-out', 'x.ddss-state', '--format', 'json'], /--format describes the whole run/],
    ['--out', ['--shard', '1/3', '--state-out', 'x.ddss-state', '--out', 'r.json'], /--out describes the whole run/],
    ['CSV grades of a shard', ['--shard', '1/3', '--state-out', 'x.ddss-state', '--grades', 'g.csv'], /--grades of a shard must be \.ndjson \(ddss merge --grades joins them/],
    ['threads in a shard', ['--shard', '1/3', '--state-out', 'x.ddss-state', '--workers', '2'], /one thread: .*more shards/],
    ['CSV violations of a shard', ['--shard', '1/3', '--state-out', 'x.ddss-state', '--violations', 'v.csv'], /must be \.ndjson/],
  ])('%s is a usage error (exit 2)', async (_, flags, message) => {
    const r = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('a shard needs --now, and an input that can be cut: not a workbook (exit 2)', async () => {
    const noNow = await cli(['validate', land, '--dataset', 'land-parcels', '--shard', '1/2', '--state-out', tmp.path('n.ddss-state')]);
    expect([noNow.code, noNow.stderr]).toEqual([2, expect.stringMatching(/--shard needs --now/) as unknown]);
    const book = await cli(['validate', 'parcels.xlsx', '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', tmp.path('j.ddss-state')]);
    expect([book.code, book.stderr]).toEqual([2, expect.stringMatching(/--shard reads CSV, JSON and NDJSON files and PostgreSQL tables; an .xlsx workbook/) as unknown]);
  });
  it('an input that cannot be read is exit 3; a UTF-16 file, which cannot be cut, is exit 2', async () => {
    const missing = await cli(['validate', tmp.path('nope.csv'), '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', tmp.path('nope.ddss-state')]);
    expect([missing.code, missing.stderr]).toEqual([3, `ddss: cannot read "${tmp.path('nope.csv')}": file not found\n`]);
    const u16 = tmp.path('u16.csv');
    writeFileSync(u16, Buffer.from('\uFEFFparcel_id\nP1\n', 'utf16le'));
    const wide = await cli(['validate', u16, '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', tmp.path('u16.ddss-state')]);
    expect([wide.code, wide.stderr]).toEqual([2, expect.stringMatching(/UTF-16, .* cannot be cut into shards/) as unknown]);
  });

  // Before: standard output is not escaped as stderr is, and the line wrote both names raw: ESC retitled and cleared
  // the terminal, U+202E showed the rest of the line reversed.
  it('names the input and the state file on standard output as plain text, control and bidi characters escaped', async () => {
    const odd = 'x\u001b]0;PWNED\u0007\u001b[2J\u202e';
    const input = tmp.path(`${odd}.csv`);
    copyFileSync(land, input);
    const state = tmp.path(`${odd}.ddss-state`);
    const r = await cli(['validate', input, '--dataset', 'land-parcels', ...NOW, '--shard', '1/2', '--state-out', state]);
    const shown = 'x\\u001b]0;PWNED\\u0007\\u001b[2J\\u202e';
    expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^ddss: shard 1\/2 of /) as unknown]);
    expect(r.stdout.startsWith(`ddss: shard 1/2 of ${shown}.csv: `)).toBe(true);
    expect(r.stdout.endsWith(` → ${tmp.path(shown)}.ddss-state\n`)).toBe(true);
  });

  it('every shard of a gzip file is exit 3 saying what it is, and so is their merge: no shard reads the bytes as rows', async () => {
    const gz = tmp.path('gz-land.csv');
    writeFileSync(gz, gzipSync(readFileSync(landCuts)));
    const states = [1, 2, 3].map((k) => tmp.path(`gz-${k}.ddss-state`));
    for (const [k, state] of states.entries()) {
      const r = await cli(['validate', gz, '--dataset', 'land-parcels', ...NOW, '--shard', `${k + 1}/3`, '--state-out', state]);
      expect([r.code, r.stdout, r.stderr]).toEqual([3, expect.stringMatching(new RegExp(`^ddss: shard ${k + 1}/3 of gz-land.csv: 0 rows`)) as unknown,
        `ddss: shard ${k + 1}/3 could not read its part completely: the input is gzip data, not text: decompress it first (gunzip)\n`]);
    }
    const merged = await cli(['merge', ...states, '--format', 'json']);
    expect(merged.code).toBe(3);
    const report = JSON.parse(merged.stdout) as { status: string; rows: number; rules: { id: string; failed: number }[] };
    expect([report.status, report.rows, report.rules.find((r) => r.id === 'source.binary_input')?.failed]).toEqual(['error', 0, 1]);
  });
});

describe('ddss merge refuses states that do not belong together (exit 2) or are damaged (exit 3)', () => {
  const good = async (tag: string, n: number, extra: readonly string[] = [], input = land, dataset = 'land-parcels') =>
    runShards(input, dataset, n, tag, extra);
  const name = (p: string) => p.replace(/^.*\//, '');

  it.each([
    ['another --now', async () => [(await good('now-a', 2)).find((p) => p.endsWith('-1.ddss-state')) as string,
      ...(await runOther('now-b', ['--now', '2026-11-23']))], /different runs: other now/],
    ['another definition', async () => [(await good('def-a', 2))[0] as string, ...(await runShards(insurance, 'insurance-participants', 2, 'def-b')).slice(0, 1)],
      /is a state of dataset "insurance-participants", not of "land-parcels", the --dataset land-parcels the first shard recorded/],
    ['another N', async () => [...(await good('n-a', 2)), ...(await good('n-b', 3)).slice(0, 1)], /different runs: other shard count/],
    ['a missing shard', async () => (await good('miss', 3)).filter((p) => !p.endsWith('-2.ddss-state')), /shard 2 of 3 missing/],
    ['a shard twice', async () => { const p = await good('dup', 2); return [...p, p[0] as string]; }, /are both shard/],
    ['another --show-values', async () => [(await good('sv-a', 2)).find((p) => p.endsWith('-1.ddss-state')) as string,
      ...(await good('sv-b', 2, ['--show-values'])).filter((p) => p.endsWith('-2.ddss-state'))], /other options/],
    ['another --worst', async () => [(await good('w-a', 2, ['--worst', '5'])).find((p) => p.endsWith('-1.ddss-state')) as string,
      ...(await good('w-b', 2)).filter((p) => p.endsWith('-2.ddss-state'))], /other options \(.*--grades, --worst, --group-by\)/],
  ])('%s', async (_, states, message) => {
    const parts = await states();
    const r = await cli(['merge', ...parts, '--format', 'json']);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
  }, 120_000);

  /** Shards of the land sample run with other flags (where `good` would fix `--now`). */
  async function runOther(tag: string, flags: readonly string[]): Promise<string[]> {
    const state = tmp.path(`${tag}-2.ddss-state`);
    const r = await cli(['validate', land, '--dataset', 'land-parcels', '--shard', '2/2', '--state-out', state, ...flags]);
    expect(r.code).toBe(0);
    return [state];
  }

  it('another input: the file changed between shards', async () => {
    const input = tmp.path('changing.csv');
    copyFileSync(land, input);
    const first = await runShards(input, 'land-parcels', 2, 'chg-a');
    appendFileSync(input, readFileSync(land, 'utf8').split('\n')[5] as string);
    const second = await runShards(input, 'land-parcels', 2, 'chg-b');
    const r = await cli(['merge', first.find((p) => p.endsWith('-1.ddss-state')) as string, second.find((p) => p.endsWith('-2.ddss-state')) as string]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddss: \S+chg-a-1\.ddss-state and \S+chg-b-2\.ddss-state are states of different runs: other input/);
  }, 60_000);

  it('another ddss version', async () => {
    const [a, b] = await good('ver', 2);
    const s = decodeShardState(readFileSync(a as string));
    writeFileSync(a as string, encodeShardState({ ...s, ddss: '0.0.1' }));
    const r = await cli(['merge', a as string, b as string]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/written by ddss 0\.0\.1; this is ddss/);
  }, 60_000);

  it.each([
    ['a flipped byte', (b: Buffer) => { b[b.length - 7] = (b[b.length - 7] as number) ^ 1; return b; }, /checksum mismatch/],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 100), /checksum mismatch/],
    ['not a state file', () => Buffer.from('parcel_id\nP1\n'), /not a ddss state file/],
    ['an empty file', () => Buffer.alloc(0), /not a ddss state file/],
  ])('%s is exit 3, naming the file', async (_, damage, message) => {
    const [a, b] = await good(`dmg-${_.replace(/\W/g, '')}`, 2);
    writeFileSync(a as string, damage(readFileSync(a as string)));
    const r = await cli(['merge', b as string, a as string]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^ddss: \\S*${name(a as string).replace('.', '\\.')}: `));
    expect(r.stderr).toMatch(message);
  }, 60_000);

  // Regression: under --locale vi these were English (merge had no --locale at all).
  it('says why states do not belong together, or are damaged, in Vietnamese under --locale vi', async () => {
    const parts = await good('vi-miss', 3);
    const missing = await cli(['merge', ...parts.filter((p) => !p.endsWith('-2.ddss-state')), '--locale', 'vi']);
    expect([missing.code, missing.stderr]).toEqual([2, 'ddss: thiếu phần 2 trong 3 phần: merge cần trạng thái của mọi phần\n']);
    const [first, second] = parts.filter((p) => !p.endsWith('-3.ddss-state')).sort();
    const twice = await cli(['merge', first as string, first as string, '--locale', 'vi']);
    expect(twice.stderr).toBe(`ddss: ${first as string} và ${first as string} đều là phần 1/3\n`);
    writeFileSync(second as string, readFileSync(second as string).subarray(0, 300));
    const cut = await cli(['merge', first as string, second as string, '--locale', 'vi']);
    expect([cut.code, cut.stderr]).toEqual([3, `ddss: ${second as string}: sai tổng kiểm tra (tệp bị cắt ngắn hoặc bị sửa)\n`]);
    expect((await cli(['merge', first as string, second as string])).stderr).toMatch(/: checksum mismatch \(the file is truncated or altered\)\n$/);
    // A state of another definition (it was English under --locale vi).
    const other = (await runShards(insurance, 'insurance-participants', 2, 'vi-def')).slice(0, 1);
    const def = await cli(['merge', first as string, ...other, '--locale', 'vi']);
    expect(def.code).toBe(2);
    expect(def.stderr).toMatch(/^ddss: \S+vi-def-\d\.ddss-state là trạng thái của tập dữ liệu "insurance-participants", không phải của "land-parcels", --dataset land-parcels mà phần đầu tiên đã ghi lại\n$/);
  }, 60_000);

  it('shards run with --worst and --group-by merge into the one-run report: worst records and groups included', async () => {
    const flags = ['--worst', '7', '--group-by', 'commune_code'];
    const one = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--format', 'json', '--workers', '1', ...flags]);
    const parts = await runShards(land, 'land-parcels', 3, 'worst-groups', flags);
    const merged = await cli(['merge', ...parts, '--format', 'json']);
    // Before: the shards ignored both flags, and the merged report had neither (nor the grade histogram), silently.
    expect(JSON.parse(merged.stdout).worstRecords).toHaveLength(7);
    expect(JSON.parse(merged.stdout).groups.groups.length).toBeGreaterThan(1);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(one.code);
  }, 120_000);

  it('shards run with --grades join into the one-run --grades file (CSV and NDJSON), which worklist reads', async () => {
    const flags = ['--grades-columns', 'commune_code'];
    const one = (f: string) => cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--workers', '1', '--grades',
      tmp.path(`one-grades.${f}`), ...flags, '--force']);
    await one('csv');
    await one('ndjson');
    const parts: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const state = tmp.path(`grades-${k}.ddss-state`);
      const r = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/3`, '--state-out', state,
        '--grades', tmp.path(`grades-${k}.ndjson`), ...flags, '--force']);
      expect(r.code).toBe(0);
      parts.push(state);
    }
    for (const f of ['csv', 'ndjson']) {
      const r = await cli(['merge', ...parts.reverse(), '--format', 'json', '--grades', tmp.path(`merged-grades.${f}`), '--force']);
      // Before: --grades with --shard was a usage error, and merge had no --grades.
      expect(r.stderr).toBe('');
      expect(readFileSync(tmp.path(`merged-grades.${f}`), 'utf8')).toBe(readFileSync(tmp.path(`one-grades.${f}`), 'utf8'));
    }
    // The header, the 367 land records with an error or warning finding of a row rule, and the last line's end.
    expect(readFileSync(tmp.path('merged-grades.csv'), 'utf8').split('\n').length).toBe(369);

    // Every shard must have graded records, written alike; an altered file is exit 3 and leaves no joined file.
    // (A shard that graded without writing them: --worst 10, what --grades implies. Shards that did not grade at all
    // are another run's: other options.)
    const graded = (await runShards(land, 'land-parcels', 3, 'no-grades', ['--worst', '10'])).find((p) => p.endsWith('-2.ddss-state'));
    const missing = await cli(['merge', ...parts.filter((p) => !p.endsWith('-2.ddss-state')), graded as string, '--grades', tmp.path('x.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/was validated without --grades: run every shard with --grades FILE\.ndjson/);
    const ungraded = (await runShards(land, 'land-parcels', 3, 'ungraded')).find((p) => p.endsWith('-2.ddss-state'));
    const other = await cli(['merge', ...parts.filter((p) => !p.endsWith('-2.ddss-state')), ungraded as string, '--grades', tmp.path('x.csv')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/other options \(.*--grades/);
    const all = tmp.path('grades-all-2.ddss-state');
    await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', '2/3', '--state-out', all,
      '--grades', tmp.path('grades-all-2.ndjson'), '--grades-all', ...flags, '--force']);
    const unlike = await cli(['merge', ...parts.filter((p) => !p.endsWith('-2.ddss-state')), all, '--grades', tmp.path('x.csv')]);
    expect(unlike.code).toBe(2);
    expect(unlike.stderr).toMatch(/other --grades-all or --grades-columns/);
    const g2 = tmp.path('grades-2.ndjson');
    writeFileSync(g2, readFileSync(g2, 'utf8').replace(/"overall":0\.9/, '"overall":0.8'));
    const altered = await cli(['merge', ...parts, '--grades', tmp.path('altered.csv')]);
    expect(altered.code).toBe(3);
    expect(altered.stderr).toMatch(/grades-2\.ndjson: not the graded-records file its shard wrote/);
    expect(existsSync(tmp.path('altered.csv'))).toBe(false);
  }, 120_000);

  it('a state that cannot be placed (its target appeared during the run) leaves neither violations nor grades behind', async () => {
    const state = tmp.path('appears-1.ddss-state');
    const violations = tmp.path('appears-1.violations.ndjson');
    const grades = tmp.path('appears-1.grades.ndjson');
    process.env.DDSS_FIXTURE_APPEARS = state;
    try {
      const r = await cli(['validate', land, '--dataset', join(root, 'test/fixtures/cli/appears.def.ts'), ...NOW, '--shard', '1/2',
        '--state-out', state, '--violations', violations, '--grades', grades]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing to overwrite existing ".*appears-1\.ddss-state"/);
    } finally {
      delete process.env.DDSS_FIXTURE_APPEARS;
    }
    expect(readFileSync(state, 'utf8')).toBe('written by someone else\n');
    // Before: the violations and grades files were placed first, and stayed without a state.
    expect(existsSync(violations)).toBe(false);
    expect(existsSync(grades)).toBe(false);
  }, 60_000);

  it.each([
    ['worst records of another row', (s: Record<string, unknown>) => {
      ((s.worst as { records: Array<{ row: number }> }).records[0] as { row: number }).row = 10_000_000;
    }],
    ['more worst records than the header says', (s: Record<string, unknown>) => {
      const w = s.worst as { records: unknown[] };
      w.records = [...w.records, ...w.records, ...w.records];
    }],
    ['a grade above 1', (s: Record<string, unknown>) => {
      ((s.worst as { records: Array<{ overall: number }> }).records[0] as { overall: number }).overall = 7;
    }],
    ['no worst records where the header says some', (s: Record<string, unknown>) => { delete s.worst; }],
    ['a group with more records than the shard', (s: Record<string, unknown>) => {
      const t = [...(s.groups as { tallies: Map<string, { records: number }> }).tallies.values()][0] as { records: number };
      t.records = 1e12;
    }],
    ['groups of another field', (s: Record<string, unknown>) => {
      (s.groups as { field: string }).field = 'owner_id';
    }],
  ])('a forged state with a valid checksum (%s) is refused, exit 3', async (tag, forge) => {
    const r = await mergeForged(`forge-g-${tag}`, forge, ['--worst', '3', '--group-by', 'commune_code']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not a sound state/);
  }, 60_000);

  it.each([
    ['negative rows', (s: Record<string, unknown>) => { s.rows = -1; }],
    ['a row past its rows', (s: Record<string, unknown>) => { ((s.rules as Array<{ failed: { list: Uint32Array; length: number } }>)[0] as { failed: { list: Uint32Array; length: number } }).failed = { list: new Uint32Array([4_000_000_000]), length: 1, bits: null, last: -1 } as never; }],
    ['a full uniqueness table (a lookup that never ends)', (s: Record<string, unknown>) => {
      const rule = (s.rules as Array<{ agg: { table: { shards: Array<{ slots: Int32Array; size: number }> } } | undefined }>).find((r) => r.agg?.table !== undefined);
      const shard = rule?.agg?.table.shards[0] as { slots: Int32Array };
      shard.slots.fill(1);
    }],
    ['a uniqueness table entry outside its arena (a state of an older ddss)', (s: Record<string, unknown>) => {
      type Table = { size: number; shards: Array<{ slots: Int32Array; at: Uint32Array; size: number }> };
      const rule = (s.rules as Array<{ agg: { table: Table } | undefined }>).find((r) => r.agg?.table !== undefined);
      const table = rule?.agg?.table as Table;
      const shard = table.shards[0] as { slots: Int32Array; at: Uint32Array; size: number };
      shard.slots[0] = 1;
      shard.at[0] = 0xfffffff0;
      shard.size = 1;
      table.size = 1;
    }],
    uniquenessLog('a uniqueness log cut inside an entry', (log) => { log.used -= 1; }),
    uniquenessLog('a uniqueness log with more entries than rows', (log) => { log.size = log.rows.length + 1; }),
    uniquenessLog('a uniqueness log with a line below zero', (log) => { log.lines = null; log.lineShift = -(2 ** 33); }),
    ['samples of the wrong type', (s: Record<string, unknown>) => { ((s.rules as Array<{ samples: unknown }>)[0] as { samples: unknown }).samples = 'x'; }],
    ['fewer violations than failed rows', (s: Record<string, unknown>) => {
      const rule = (s.rules as Array<{ violations: number; failed: { length: number; bits: unknown } }>).find((r) => r.violations > 0);
      if (rule === undefined) throw new Error('no rule with violations in the shard');
      rule.violations = 0;
    }],
    ['a sparse array of length 2³² − 1, a few bytes in the file', (s: Record<string, unknown>) => { s.columns = Object.assign([], { length: 2 ** 32 - 1 }); }],
  ])('a forged state with a valid checksum (%s) is refused, exit 3, without hanging', async (tag, forge) => {
    const r = await mergeForged(`forge-${tag}`, forge);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not a sound state/);
  }, 60_000);

  /** A forgery of the first uniqueness log holding sightings, as an `it.each` case. */
  function uniquenessLog(tag: string, forge: (log: { used: number; size: number; rows: Uint32Array; lines: Uint32Array | null; lineShift: number }) => void) {
    type Log = Parameters<typeof forge>[0];
    return [tag, (s: Record<string, unknown>) => {
      const rule = (s.rules as Array<{ agg: { log?: Log } | undefined }>).find((r) => (r.agg?.log?.size ?? 0) > 0);
      if (rule === undefined) throw new Error('no uniqueness log with sightings in the shard');
      forge(rule.agg?.log as Log);
    }] as [string, (s: Record<string, unknown>) => void];
  }

  /** Two shards (run with `flags`), the first's validator state changed by `forge` under a valid checksum, merged. */
  async function mergeForged(tag: string, forge: (s: Record<string, unknown>) => void, flags: readonly string[] = []) {
    const [a, b] = await good(tag.replace(/\W/g, ''), 2, flags);
    const s = decodeShardState(readFileSync(a as string));
    forge(s.state as unknown as Record<string, unknown>);
    writeFileSync(a as string, encodeShardState(s));
    return cli(['merge', a as string, b as string, '--format', 'json']);
  }

  it('merge --violations needs every shard run with --violations (exit 2); merge needs states (exit 2)', async () => {
    const parts: string[] = [];
    for (let k = 1; k <= 2; k++) {
      parts.push(tmp.path(`novio-${k}.ddss-state`));
      expect((await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/2`, '--state-out', parts[k - 1] as string])).code).toBe(0);
    }
    const r = await cli(['merge', ...parts, '--violations', tmp.path('novio.csv')]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/novio-1\.ddss-state was validated without --violations/) as unknown]);
    expect((await cli(['merge', ...parts])).code).toBe(1);
    expect((await cli(['merge'])).code).toBe(2);
    // Regression: merge had no --locale, so `--locale vi` was itself the error. Its own errors follow it now; the
    // report is the shards' language, which a --locale given must be.
    const partsVi: string[] = [];
    for (let k = 1; k <= 2; k++) {
      partsVi.push(tmp.path(`novio-vi-${k}.ddss-state`));
      expect((await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/2`, '--state-out', partsVi[k - 1] as string,
        '--locale', 'vi'])).code).toBe(0);
    }
    const vi = await cli(['merge', ...partsVi, '--violations', tmp.path('novio.csv'), '--locale', 'vi']);
    expect([vi.code, vi.stderr]).toEqual([2, expect.stringMatching(/novio-vi-1\.ddss-state đã được kiểm tra không có --violations: hãy chạy mọi phần với --violations FILE\.ndjson để nối chúng lại\n$/) as unknown]);
    expect((await cli(['merge', ...partsVi, '--locale', 'vi'])).code).toBe(1);
    expect((await cli(['merge', '--locale', 'vi'])).stderr).toBe('ddss: merge cần các tệp trạng thái của các phần (ddss validate --shard K/N --state-out FILE)\n');
    expect((await cli(['merge', ...parts, '--locale', 'vi'])).stderr).toBe('ddss: các phần đã được kiểm tra bằng tiếng Anh (--locale en) và ' +
      'thông báo của chúng ở ngôn ngữ đó: hãy kiểm tra chúng với --locale vi, hoặc bỏ --locale khỏi lệnh merge\n');
    expect((await cli(['merge', ...parts, '--locale', 'en'])).code).toBe(1);
  }, 60_000);

  it('shards of a definition changed between them are refused, though their rule ids are the same (exit 2)', async () => {
    // The signature was the list of rule ids: `min: 0` then `min: 40` merged into a report of neither definition.
    const input = tmp.path('changed-def.csv');
    writeFileSync(input, `id,n\n${Array.from({ length: 3000 }, (_, i) => `${i + 1},${i % 50}`).join('\n')}\n`);
    const def = tmp.path('changed-def.yaml');
    const parts = [tmp.path('changed-def-1.ddss-state'), tmp.path('changed-def-2.ddss-state')];
    for (const [k, min] of [[1, 0], [2, 40]] as const) {
      writeFileSync(def, `name: p\nkey: id\nfields:\n  id: { type: text }\n  n: { type: integer, min: ${min} }\n`);
      const r = await cli(['validate', input, '--dataset', def, ...NOW, '--shard', `${k}/2`, '--state-out', parts[k - 1] as string]);
      expect(r.code).toBe(0);
    }
    const merged = await cli(['merge', ...parts]);
    expect([merged.code, merged.stdout]).toEqual([2, '']);
    expect(merged.stderr).toMatch(/changed-def-1\.ddss-state was run with the definition \S+changed-def\.yaml \(the --dataset the shards recorded\), which now holds another version of dataset "p"/);
    const given = await cli(['merge', ...parts, '--dataset', def]);
    expect(given.stderr).toMatch(/changed-def-1\.ddss-state is a state of another version of dataset "p", not of the definition "p" given \(--dataset \S+changed-def\.yaml\)/);
  }, 60_000);

  it('a definition file edited after the shards ran, or recorded relative to another directory, is named as such (exit 2)', async () => {
    const input = tmp.path('edited-def.csv');
    writeFileSync(input, `id,n\n${Array.from({ length: 3000 }, (_, i) => `${i + 1},${i % 50}`).join('\n')}\n`);
    const def = tmp.path('edited-def.yaml');
    writeFileSync(def, 'name: land-parcels\nkey: id\nfields:\n  id: { type: text }\n  n: { type: integer, min: 0 }\n');
    const parts = [tmp.path('edited-def-1.ddss-state'), tmp.path('edited-def-2.ddss-state')];
    for (const k of [1, 2]) {
      const r = await cli(['validate', input, '--dataset', def, ...NOW, '--shard', `${k}/2`, '--state-out', parts[k - 1] as string]);
      expect(r.code).toBe(0);
    }
    writeFileSync(def, 'name: land-parcels\nkey: id\nfields:\n  id: { type: text }\n  n: { type: integer, min: 40 }\n');
    // Before: 'is a state of another version of dataset "land-parcels", not of the definition "land-parcels" given',
    // of a merge given no definition.
    const edited = await cli(['merge', ...parts]);
    expect([edited.code, edited.stdout]).toEqual([2, '']);
    expect(edited.stderr).toBe(`ddss: ${parts[0]} was run with the definition ${def} (the --dataset the shards recorded), which ` +
      'now holds another version of dataset "land-parcels": it changed since the shards ran; run them again with it, or give merge ' +
      '--dataset the definition they ran\n');
    // A path recorded as given, relative to the directory the shards ran in: before, only 'dataset definition file not
    // found: "d2.yaml"'.
    for (const p of parts) {
      const s = decodeShardState(readFileSync(p));
      writeFileSync(p, encodeShardState({ ...s, dataset: { ...s.dataset, spec: 'elsewhere/d2.yaml' } }));
    }
    const moved = await cli(['merge', ...parts]);
    expect([moved.code, moved.stdout]).toEqual([2, '']);
    expect(moved.stderr).toMatch(/^ddss: the shards were run with --dataset elsewhere\/d2\.yaml, which is not found from \S+ \(a path the states recorded as it was given, relative to the directory the shards ran in\): give merge --dataset the definition's path\n$/);
  }, 60_000);

  it('merge never writes over a file it reads, even with --force: a shard\'s violations file, --input, the definition', async () => {
    // --violations part-2.violations.ndjson --force replaced shard 2's file (the shards could no longer be merged),
    // --out DATA --input DATA replaced the data file, and --out DEF.yaml the definition.
    // A JSON definition and a .txt data file (read as CSV): an --out named .csv or .yaml is refused for its name
    // first, with --format too, so the files an --out could replace are named as a report can be.
    const def = tmp.path('protect.json');
    writeFileSync(def, JSON.stringify(parseYaml(readFileSync(join(root, 'test/fixtures/cli/parcels.yaml'), 'utf8'))));
    const input = tmp.path('protect.txt');
    writeFileSync(input, readFileSync(join(root, 'test/fixtures/cli/parcels.csv')));
    const parts = await runShards(input, def, 2, 'protect');
    const child = tmp.path('protect-child.yaml');
    writeFileSync(child, 'extends: protect.json\n');
    const kept = [tmp.path('protect-2.violations.ndjson'), input, def].map((f) => readFileSync(f));
    const cases: Array<[string[], RegExp]> = [
      [['--violations', tmp.path('protect-2.violations.ndjson')], /is the violations file of .*protect-2\.ddss-state, which this run reads/],
      [['--out', input, '--history', tmp.path('protect-history.ndjson'), '--input', input], /is the --input file, which this run reads/],
      [['--out', def], /is the definition file, which this run reads/],
      // A base the definition extends is read as much as the definition: `--out base.yaml --force` replaced it.
      [['--dataset', child, '--out', def], /is a base of the definition \(extends\), which this run reads/],
    ];
    for (const [flags, message] of cases) {
      const r = await cli(['merge', ...parts, ...flags, '--format', 'json', '--force']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
    }
    expect([tmp.path('protect-2.violations.ndjson'), input, def].map((f) => readFileSync(f))).toEqual(kept);
    expect(existsSync(tmp.path('protect-history.ndjson'))).toBe(false);
  }, 60_000);

  it('a shard violations file altered after the shard is exit 3, and no merged violations file is left', async () => {
    const parts = await good('vio', 2);
    const vio = tmp.path('vio-2.violations.ndjson');
    writeFileSync(vio, readFileSync(vio, 'utf8').replace(/"row":(\d+)/, '"row":9$1'));
    const out = tmp.path('vio-merged.csv');
    const r = await cli(['merge', ...parts, '--violations', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/vio-2\.violations\.ndjson: not the violations file its shard wrote/);
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);
});
