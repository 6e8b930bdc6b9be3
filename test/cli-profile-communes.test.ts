import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// `ddss profile` took any five digits for commune codes: a column of 43900–45959 (Excel serial dates) was "100% look
// like commune codes ✓", suggested `vn: [commune]`, and that rule, with no list, passed every one of them.
const LIST = fileURLToPath(new URL('../rules/vn/admin/fixtures/communes-2025.json', import.meta.url));

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const serials = Array.from({ length: 30 }, (_, i) => String(43900 + i * 70));
const codes = ['00004', '09190', '26734', '26740'];

it('five-digit numbers are no commune codes without a list: the form is said to be unchecked, and no rule suggested', async () => {
  writeFileSync(tmp.path('in.csv'), `amount\n${serials.join('\n')}\n`);
  const text = await cli(['profile', tmp.path('in.csv')]);
  expect(text.code).toBe(0);
  expect(text.stdout).not.toContain('look like commune codes');
  expect(text.stdout).toContain('signs     100% have the form of commune codes (5 digits), unchecked: no commune list given (--communes FILE)');
  const yaml = await cli(['profile', tmp.path('in.csv'), '--format', 'yaml']);
  expect(yaml.stdout).not.toContain('commune]');
});

it('--communes: the codes of the list are commune codes, the suggestion names the list, and validating with it passes them', async () => {
  copyFileSync(LIST, tmp.path('communes-2025.json'));
  writeFileSync(tmp.path('in.csv'), `ma_xa,amount\n${codes.map((c, i) => `${c},${serials[i] ?? ''}`).join('\n')}\n`);
  const text = await cli(['profile', tmp.path('in.csv'), '--communes', tmp.path('communes-2025.json')]);
  expect(text.stdout).toContain('100% look like commune codes of the commune lists given ✓');
  expect(text.stdout).toContain('100% have the form of commune codes (5 digits), none in the commune lists given (2025-07-01)');
  mkdirSync(tmp.path('defs'));
  const r = await cli(['profile', tmp.path('in.csv'), '--communes', tmp.path('communes-2025.json'), '--out', tmp.path('defs/in.yaml')]);
  expect(r.code).toBe(0);
  const yaml = readFileSync(tmp.path('defs/in.yaml'), 'utf8');
  // Relative to the definition, as its `communes:` is read.
  expect(yaml).toContain('communes: ["../communes-2025.json"]');
  expect(yaml).toMatch(/ {2}"ma_xa":\n(?: {4}.*\n)*? {4}vn: \[commune\]\n/);
  const v = await cli(['validate', tmp.path('in.csv'), '--dataset', tmp.path('defs/in.yaml'), '--format', 'json', ...NOW]);
  const report = JSON.parse(v.stdout) as { rules: Array<{ id: string; checked: number; failed: number; params?: { check?: string } }> };
  const rule = report.rules.find((x) => x.id === 'ma_xa.commune');
  expect([rule?.checked, rule?.failed, rule?.params?.check]).toEqual([4, 0, 'table']);
  expect(report.rules.find((x) => x.id === 'amount.commune')).toBeUndefined();
});

it('never writes over a --communes file, even with --force', async () => {
  // `--communes communes.json --out communes.json --force` replaced the list with the profile.
  copyFileSync(LIST, tmp.path('communes.json'));
  writeFileSync(tmp.path('in.csv'), 'ma_xa\n00004\n');
  const before = readFileSync(tmp.path('communes.json'), 'utf8');
  const r = await cli(['profile', tmp.path('in.csv'), '--communes', tmp.path('communes.json'), '--format', 'json',
    '--out', tmp.path('communes.json'), '--force']);
  expect([r.code, r.stdout]).toEqual([2, '']);
  expect(r.stderr).toBe(`ddss: --out "${tmp.path('communes.json')}" is a --communes file, which this run reads; refusing to write over it\n`);
  expect(readFileSync(tmp.path('communes.json'), 'utf8')).toBe(before);
});

it('--communes with a file that is no commune list is an input error (exit 3)', async () => {
  writeFileSync(tmp.path('in.csv'), 'a\n1\n');
  writeFileSync(tmp.path('bad.json'), '{"entries": []}');
  const r = await cli(['profile', tmp.path('in.csv'), '--communes', tmp.path('bad.json')]);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/cannot read --communes ".*bad\.json"/);
});
