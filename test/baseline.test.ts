import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { assertValidReport } from './_report-schema.js';
import { validate } from '../src/validate.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { landParcels } from '../rules/datasets/land-parcels.js';
import { baselineFrom, loadBaseline } from '../src/baseline/load-baseline.js';
import { defineDataset } from '../src/define.js';
import { field } from '../src/field.js';
import { rule } from '../src/rule.js';
import type { Report } from '../src/core/types.js';

const PARCELS = fileURLToPath(new URL('../examples/land/parcels.csv', import.meta.url));
const LAND = ['--dataset', 'land-parcels', ...NOW];
const AT = '2026-11-22';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/** The sample with a negative area in its first three rows: new findings where the sample had none. */
function damaged(): string {
  const lines = readFileSync(PARCELS, 'utf8').split('\n');
  for (const i of [1, 2, 3]) {
    const cells = (lines[i] as string).split(',');
    cells[5] = '-5';
    lines[i] = cells.join(',');
  }
  const path = tmp.path('damaged.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

type Tuple = { rule: string; code: string; key?: string; field?: string };

/** The oracle: violations of `now` left over after taking away one per matching line of `before`, per rule. */
function newPerRule(before: readonly Tuple[], now: readonly Tuple[]): Map<string, number> {
  const id = (v: Tuple) => JSON.stringify([v.rule, v.code, v.key ?? '', v.field ?? '']);
  const left = new Map<string, number>();
  for (const v of before) left.set(id(v), (left.get(id(v)) ?? 0) + 1);
  const fresh = new Map<string, number>();
  for (const v of now) {
    const n = left.get(id(v)) ?? 0;
    if (n > 0) left.set(id(v), n - 1);
    else fresh.set(v.rule, (fresh.get(v.rule) ?? 0) + 1);
  }
  return fresh;
}

function ndjson(path: string): Tuple[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Tuple);
}

describe('ddss validate --baseline', () => {
  it('knows every violation of the run the baseline came from (NDJSON and CSV baselines alike)', async () => {
    const old = tmp.path('old.ndjson');
    const first = await cli(['validate', PARCELS, ...LAND, '--violations', old, '--format', 'json']);
    expect(first.code).toBe(1);
    const total = (JSON.parse(first.stdout) as Report).rules.reduce((n, r) => n + r.violations, 0);
    expect(ndjson(old)).toHaveLength(total);
    await cli(['validate', PARCELS, ...LAND, '--violations', tmp.path('old.csv')]);
    for (const baseline of [old, tmp.path('old.csv')]) {
      const r = await cli(['validate', PARCELS, ...LAND, '--baseline', baseline, '--format', 'json']);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.status).toBe('passed');
      expect(report.baseline).toEqual({ name: baseline, violations: total, known: total, new: 0 });
      expect(report.rules.every((x) => x.newViolations === 0)).toBe(true);
      // Scores still count every violation.
      expect(report.score).toBe((JSON.parse(first.stdout) as Report).score);
    }
  });

  it('counts new violations per rule exactly as a multiset difference, and fails on new errors only', async () => {
    const old = tmp.path('old.ndjson');
    await cli(['validate', PARCELS, ...LAND, '--violations', old]);
    const input = damaged();
    const now = tmp.path('now.ndjson');
    await cli(['validate', input, ...LAND, '--violations', now]);
    const expected = newPerRule(ndjson(old), ndjson(now));
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const r = await cli(['validate', input, ...LAND, '--baseline', old, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    for (const rule of report.rules) expect([rule.id, rule.newViolations]).toEqual([rule.id, expected.get(rule.id) ?? 0]);
    expect(report.baseline?.new).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    expect(report.status).toBe('failed');
    assertValidReport({ ...report, violations: [] });
    const text = await cli(['validate', input, ...LAND, '--baseline', old]);
    expect(text.stdout).toContain(`against the baseline ${old}: ${report.baseline?.known.toLocaleString('en')} known violations, ${report.baseline?.new} new`);
  });

  it('refuses a baseline it cannot match records by, and one that is not a violations file (exit 2)', async () => {
    const participants = fileURLToPath(new URL('../examples/insurance/participants.csv', import.meta.url));
    const masked = await cli(['validate', participants, '--dataset', 'insurance-participants', ...NOW, '--baseline', PARCELS]);
    expect(masked.code).toBe(2);
    expect(masked.stderr).toMatch(/key bhxh_no .* is masked/);
    const cases: Array<[string, string, RegExp]> = [
      ['x.ndjson', '{"rule":"a","code":"b","key":"k","field":"f"}\n{"rule":"a",', /invalid json/],
      ['cols.csv', 'rule,code,field\na,b,c\n', /no "key" column/],
      ['norule.ndjson', '{"code":"b","key":"k"}\n', /no "rule"/],
      ['old.txt', 'rule,code,key,field\n', /ending in \.csv, \.ndjson or \.jsonl/],
    ];
    for (const [name, text, why] of cases) {
      writeFileSync(tmp.path(name), text);
      const r = await cli(['validate', PARCELS, ...LAND, '--baseline', tmp.path(name)]);
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.stderr).toMatch(why);
    }
    const missing = await cli(['validate', PARCELS, ...LAND, '--baseline', tmp.path('none.ndjson')]);
    expect(missing.stderr).toBe(`ddss: --baseline ${tmp.path('none.ndjson')}: file not found\n`);
  });
});

describe('ddss validate --baseline of a CSV violations file quoting control characters', () => {
  it('knows every violation of that run: the values it quotes are data, not a damaged file (it was refused, exit 2)', async () => {
    // A key and a value holding ESC and BEL: source.control_character reports them, and the CSV file quotes them.
    const lines = readFileSync(PARCELS, 'utf8').split('\n');
    const cells = (lines[1] as string).split(',');
    cells[0] = `${cells[0] ?? ''}\u001b[2J`;
    cells[7] = 'LAU\u0007DAI';
    lines[1] = cells.join(',');
    const input = tmp.path('control.csv');
    writeFileSync(input, lines.join('\n'));
    const old = tmp.path('old.csv');
    expect((await cli(['validate', input, ...LAND, '--violations', old])).code).toBe(1);
    // Written as `\u0007`, so `cat` on the file rings no bell, and read back as BEL.
    expect(readFileSync(old, 'utf8')).toContain('LAU\\u0007DAI');
    const r = await cli(['validate', input, ...LAND, '--baseline', old, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.baseline?.new).toBe(0);
    expect(report.rules.find((x) => x.id === 'source.control_character')?.violations).toBe(2);
  });
});

describe('ddss validate --baseline never passes a run that read no record', () => {
  // Both passed, exit 0: every finding (20 missing columns, blank lines, too few rows) was in the baseline. A file of
  // blank lines has no declared column: not evaluated (exit 3); a header of them above no record is the row count's
  // failure (exit 1).
  it.each([
    ['blank lines', '\n\n\n\n', 'error', 3],
    ['a header and one record too large to read', `${readFileSync(PARCELS, 'utf8').split('\n')[0] ?? ''}\nP1,${'x'.repeat(1_100_000)}\n`, 'failed', 1],
  ])('%s, against the baseline of the same file: %s, as without one', async (_what, text, status, code) => {
    const input = tmp.path('in.csv');
    writeFileSync(input, text);
    const old = tmp.path('old.ndjson');
    const first = await cli(['validate', input, ...LAND, '--violations', old]);
    const again = await cli(['validate', input, ...LAND, '--baseline', old, '--format', 'json']);
    const report = JSON.parse(again.stdout) as Report;
    expect([report.rows, report.baseline?.new, report.status, again.code]).toEqual([0, 0, status, first.code]);
    expect(first.code).toBe(code);
  });
});

describe('ddss validate --baseline, table-level findings', () => {
  // The land sample (2,000 rows) under a definition that wants 2,500: a too_few_rows finding present at baseline time.
  function wanting2500(): string {
    const yaml = readFileSync(fileURLToPath(new URL('../examples/land/land-parcels.yaml', import.meta.url)), 'utf8');
    const path = tmp.path('land.yaml');
    writeFileSync(path, yaml.replace('{ type: rowCount, min: 1 }', '{ type: rowCount, min: 2500 }'));
    return path;
  }

  it('fails an export cut to a tenth of its rows, whose row count the baseline knew smaller (exit 1)', async () => {
    const def = wanting2500();
    const cut = tmp.path('cut.csv');
    writeFileSync(cut, readFileSync(PARCELS, 'utf8').split('\n').slice(0, 201).join('\n'));
    for (const ext of ['ndjson', 'csv']) {
      const old = tmp.path(`old.${ext}`);
      expect((await cli(['validate', PARCELS, '--dataset', def, ...NOW, '--violations', old])).code).toBe(1);
      expect((await cli(['validate', PARCELS, '--dataset', def, ...NOW, '--baseline', old])).code).toBe(0);
      // Before: "— Passed", exit 0, the too_few_rows of 200 rows known as the baseline's of 2,000.
      const r = await cli(['validate', cut, '--dataset', def, ...NOW, '--baseline', old, '--format', 'json']);
      expect([ext, r.code]).toEqual([ext, 1]);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.baseline?.worse).toEqual([{ rule: 'rowCount', code: 'too_few_rows', value: '200', baselineValue: '2000' }]);
      expect(report.rules.find((x) => x.id === 'rowCount')?.newViolations).toBe(1);
      assertValidReport({ ...report, violations: [] });
      const text = await cli(['validate', cut, '--dataset', def, ...NOW, '--baseline', old]);
      expect(text.stdout).toContain('rowCount worse than in the baseline: too_few_rows 200, was 2000');
    }
  });

  it('counts as new a row count that a baseline of an older ddss did not record, and says to make it again', async () => {
    const def = wanting2500();
    const old = tmp.path('old.ndjson');
    await cli(['validate', PARCELS, '--dataset', def, ...NOW, '--violations', old]);
    // An older ddss wrote the finding without its value.
    writeFileSync(old, readFileSync(old, 'utf8').replace(/"code":"too_few_rows","value":"2000",/, '"code":"too_few_rows",'));
    const r = await cli(['validate', PARCELS, '--dataset', def, ...NOW, '--baseline', old]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rowCount counted as new: the baseline records no value of its too_few_rows (an older ddss wrote it; make it again)');
  });
});

describe('ddss validate --baseline of a run without violations', () => {
  it('takes the empty NDJSON file such a run writes as a baseline of nothing known (it was refused, exit 2)', async () => {
    const def = tmp.path('people.yaml');
    writeFileSync(def, 'name: people\nkey: id\nfields:\n  id: { type: text, required: true }\n  age: { type: integer, min: 0 }\n');
    const clean = tmp.path('clean.csv');
    writeFileSync(clean, 'id,age\nA1,1\nA2,3\n');
    const old = tmp.path('old.ndjson');
    expect((await cli(['validate', clean, '--dataset', def, ...NOW, '--violations', old])).code).toBe(0);
    expect(readFileSync(old, 'utf8')).toBe('');
    const same = await cli(['validate', clean, '--dataset', def, ...NOW, '--baseline', old, '--format', 'json']);
    expect([same.code, same.stderr, (JSON.parse(same.stdout) as Report).baseline]).toEqual([0, '', { name: old, violations: 0, known: 0, new: 0 }]);
    // Every violation of a later run is new.
    const dirty = tmp.path('dirty.csv');
    writeFileSync(dirty, 'id,age\nA1,-1\nA2,3\n');
    expect((await cli(['validate', dirty, '--dataset', def, ...NOW, '--baseline', old])).code).toBe(1);
    // Zeros are a file cut short, not an empty one; a CSV violations file always has its header.
    for (const [name, bytes] of [['zeros.ndjson', '\0'.repeat(64)], ['empty.csv', '']] as const) {
      writeFileSync(tmp.path(name), bytes);
      expect([name, (await cli(['validate', clean, '--dataset', def, ...NOW, '--baseline', tmp.path(name)])).code]).toEqual([name, 2]);
    }
  });
});

describe('ddss validate --baseline that matches nothing', () => {
  it('says why every known problem turned new: another dataset, definition or --pii-key (exit 1 as before)', async () => {
    const def = tmp.path('people.yaml');
    writeFileSync(def, 'name: people\nkey: id\nfields:\n  id: { type: text, required: true, pii: hash }\n  age: { type: integer, min: 0 }\n');
    const input = tmp.path('people.csv');
    writeFileSync(input, 'id,age\nA1,-1\nA2,-3\nA3,40\n');
    const run = (key: string, extra: string[]) => cli(['validate', input, '--dataset', def, ...NOW, '--pii-key', key, ...extra]);
    expect((await run('first-key', ['--violations', tmp.path('old.ndjson')])).code).toBe(1);
    const same = await run('first-key', ['--baseline', tmp.path('old.ndjson')]);
    expect([same.code, same.stderr]).toEqual([0, '']);
    // The key rotated: the hashed record keys differ, none of the 2 known violations is recognised. Before: exit 1 with
    // "0 known violations, 2 new" and no word why, as if the register had gone bad overnight.
    const rotated = await run('second-key', ['--baseline', tmp.path('old.ndjson')]);
    expect(rotated.code).toBe(1);
    expect(rotated.stderr).toBe(`ddss: none of the 2 violations of the baseline ${tmp.path('old.ndjson')} matched one of this run's 2: ` +
      'was it written for this dataset, by this definition, with the same --pii-key (hashed record keys change with it)?\n');
  });
});

describe('validate({ baseline })', () => {
  const people = defineDataset({
    name: 'people', key: 'id',
    fields: { id: field.text(), code: field.text().pattern(/^\d+$/) },
    rules: [rule.rowCount({ min: 1 })],
  });
  const rows = [{ id: 'a', code: 'x' }, { id: 'a', code: 'y' }, { id: 'b', code: 'z' }];

  it('uses each baseline line once: a third duplicate is new where the baseline had two', async () => {
    const before = await validate(people, rows, { now: AT });
    const known = baselineFrom(before.violations.filter((v) => v.key === 'a').slice(0, 1));
    const report = await validate(people, rows, { now: AT, baseline: known });
    expect(report.baseline).toEqual({ name: 'baseline', violations: 1, known: 1, new: 2 });
    expect(report.rules.find((r) => r.id === 'code.pattern')?.newViolations).toBe(2);
    // A baseline serves many runs: the second run finds the same.
    expect((await validate(people, rows, { now: AT, baseline: known })).baseline?.known).toBe(1);
  });

  it('judges failUnder on new errors only', async () => {
    const all = baselineFrom((await validate(people, rows, { now: AT })).violations);
    const passed = await validate(people, rows, { now: AT, baseline: all, failUnder: 0.99 });
    expect([passed.status, passed.score !== null && passed.score < 0.99]).toEqual(['passed', true]);
    const one = baselineFrom((await validate(people, rows.slice(0, 2), { now: AT })).violations);
    expect((await validate(people, rows, { now: AT, baseline: one, failUnder: 0.99 })).status).toBe('failed');
  });

  it('refuses a dataset without a key', async () => {
    const nokey = defineDataset({ name: 'nokey', fields: { id: field.text() } });
    await expect(validate(nokey, rows, { baseline: baselineFrom([]) })).rejects.toThrow(/declares no key/);
  });

  it('gives the same report with two workers as with one', async () => {
    const baseline = await loadBaseline(await (async () => {
      const old = tmp.path('old.ndjson');
      await cli(['validate', PARCELS, ...LAND, '--violations', old]);
      return old;
    })());
    const input = damaged();
    const options = { now: AT, baseline, minBytesPerWorker: 1024 } as const;
    const one = await validate(landParcels, readCsv(input), { ...options, workers: 1 });
    const two = await validate(landParcels, readCsv(input), { ...options, workers: 2 });
    expect(one.baseline?.new).toBeGreaterThan(0);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
