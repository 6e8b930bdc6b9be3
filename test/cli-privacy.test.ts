import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';

// Personal values planted in parcels.csv that fail a rule, so they would appear in samples and violation files.
const SENTINELS = ['00109901234X', 'Canary'];
// Every owner ID of the file: an error message of a throwing rule quotes them.
const OWNER_IDS = ['001099012345', '00109901234X', '079188000123', '001099012348'];

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/** Everything one run shows a user: stdout, stderr and both violation files. */
async function outputs(format: string, extra: readonly string[] = []): Promise<string> {
  const name = `v-${format}${extra.join('')}`;
  const csv = tmp.path(`${name}.csv`);
  const nd = tmp.path(`${name}.ndjson`);
  const a = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', format, '--violations', csv, ...extra]);
  const b = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', format, '--violations', nd, ...extra]);
  expect(a.code).toBe(1);
  expect(b.code).toBe(1);
  return [a.stdout, a.stderr, b.stdout, b.stderr, readFileSync(csv, 'utf8'), readFileSync(nd, 'utf8')].join('\n');
}

describe('personal data is masked in every output unless --show-values', () => {
  it.each([['text'], ['json'], ['html'], ['junit'], ['md']])('--format %s and the violation files', async (format) => {
    const masked = await outputs(format);
    for (const s of SENTINELS) expect(masked).not.toContain(s);
    expect(masked).toContain('0010******4X');
    if (format === 'text') return; // the console summary lists rules, not values: nothing to reveal
    const shown = await outputs(format, ['--show-values']);
    for (const s of SENTINELS) expect(shown).toContain(s);
  });

  it('the --out file is masked too', async () => {
    const out = tmp.path('report.json');
    await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--out', out]);
    const text = readFileSync(out, 'utf8');
    for (const s of SENTINELS) expect(text).not.toContain(s);
  });

  it('a rule error quoting a personal value is masked on stderr and in the report', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'throws.def.ts', ...NOW, '--format', 'json']);
    expect(r.code).toBe(3);
    // The check is on a personal field: its message could quote the value in any form, so it is withheld.
    expect(r.stderr).toContain('could not run: the check threw an Error (message withheld: it may contain personal data');
    for (const id of OWNER_IDS) {
      expect(r.stderr).not.toContain(id);
      expect(r.stdout).not.toContain(id);
    }
    const shown = await cli(['validate', 'parcels.csv', '--dataset', 'throws.def.ts', ...NOW, '--format', 'json', '--show-values']);
    expect(shown.stderr).toContain('could not run: cannot handle 001099012345');
  });

  it.each([['text'], ['json'], ['html'], ['md']])('an NDJSON line that is a bare ID or name is masked (--format %s)', async (format) => {
    const input = tmp.path('people.ndjson');
    writeFileSync(input, `${readFileSync(`${FIXTURES}/parcels.ndjson`, 'utf8')}"079188000123"\n79188000123\n"Trần Thị Canary"\n`);
    const nd = tmp.path('v.ndjson');
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', ...NOW, '--format', format, '--violations', nd]);
    const all = [r.stdout, r.stderr, readFileSync(nd, 'utf8')].join('\n');
    expect(readFileSync(nd, 'utf8')).toContain('non_object_element');
    for (const s of ['079188000123', '79188000123', 'Canary']) expect(all).not.toContain(s);
  });
});

describe('hashed personal fields need a key: DDSS_PII_KEY or --pii-key', () => {
  function hashed(): string {
    const path = tmp.path('hashed.yaml');
    writeFileSync(path, readFileSync(`${FIXTURES}/parcels.yaml`, 'utf8').replace(/^(\s+)pii: true$/m, '$1pii: hash').replace('$schema: ../../../schema/dataset.schema.json\n', ''));
    return path;
  }
  const args = () => ['validate', 'parcels.csv', '--dataset', hashed(), ...NOW, '--format', 'json'];

  it('without one, is a usage error naming both ways to give it (exit 2, nothing read)', async () => {
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddss: dataset "parcels" hashes owner_id \(pii: hash\).*DDSS_PII_KEY.*--pii-key/);
    expect(r.stdout).toBe('');
  });

  it('with one, hashes are the same on every run, and the same from the variable and the flag', async () => {
    const env = { DDSS_PII_KEY: 'k-7f3a' };
    const a = await cli(args(), { env });
    const b = await cli(args(), { env });
    const c = await cli([...args(), '--pii-key', 'k-7f3a']);
    expect(a.code).toBe(1);
    expect(a.stdout).toMatch(/"value": "#[0-9a-f]{16}"/);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    for (const id of OWNER_IDS) expect(a.stdout).not.toContain(id);
    expect(a.stdout).not.toContain('k-7f3a');
    // The flag wins over the variable.
    expect((await cli([...args(), '--pii-key', 'other'], { env })).stdout).not.toBe(a.stdout);
  });

  it('is not needed with --show-values, which hashes nothing', async () => {
    const r = await cli([...args(), '--show-values']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('00109901234X');
  });
});

