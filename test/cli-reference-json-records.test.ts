import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  writeFileSync(tmp.path('parcels.yaml'), 'name: parcels\nfields:\n  commune: { type: text }\nrules:\n' +
    '  - { type: foreignKey, columns: [commune], reference: communes, referenceColumns: [code] }\n');
  writeFileSync(tmp.path('parcels.csv'), 'commune\n00004\n99999\n00008\n');
  // An API export: the records under "data", as `--json-records data` reads the input's.
  writeFileSync(tmp.path('communes.json'), JSON.stringify({ success: true, total: 2, data: [{ code: '00004' }, { code: '00008' }] }));
});
afterEach(() => tmp.remove());

async function validate(...extra: string[]) {
  const r = await cli(['validate', tmp.path('parcels.csv'), '--dataset', tmp.path('parcels.yaml'), ...NOW, '--format', 'json', ...extra]);
  const rule = r.stdout === '' ? undefined : (JSON.parse(r.stdout) as { rules: Array<{ id: string; status: string; failed: number; samples: Array<{ row: number }> }> })
    .rules.find((x) => x.id === 'commune.reference');
  return { code: r.code, stderr: r.stderr, rule };
}

// A reference exported wrapped ({"data": [...]}) could not be read: --json-records was for the input only.
it('--reference-json-records reads the records of a wrapped JSON reference', async () => {
  const without = await validate('--reference', `communes=${tmp.path('communes.json')}`);
  expect(without.code).toBe(3);
  expect(without.rule?.status).toBe('error');
  expect(without.stderr).toContain("reference 'communes' has no column 'code' (its columns: success, total, data); the records seem " +
    'to be under "data" (an array of 2 objects): pass --reference-json-records data');
  const r = await validate('--reference', `communes=${tmp.path('communes.json')}`, '--reference-json-records', 'data');
  expect(r.code).toBe(1);
  expect(r.rule).toMatchObject({ status: 'failed', failed: 1, samples: [{ row: 1, line: 3 }] });
  // A JSON Pointer too, as --json-records takes.
  const pointer = await validate('--reference', `communes=${tmp.path('communes.json')}`, '--reference-json-records', '/data');
  expect(pointer.rule).toMatchObject({ status: 'failed', failed: 1 });
});

it('a path not in the reference makes its rule error (exit 3), naming what is there', async () => {
  const r = await validate('--reference', `communes=${tmp.path('communes.json')}`, '--reference-json-records', 'items');
  expect(r.code).toBe(3);
  expect(r.rule?.status).toBe('error');
  expect(r.stderr).toContain('"items" is not in the document');
});

it.each<[string, string[], RegExp]>([
  ['without a JSON reference', ['--reference', 'communes=communes.csv', '--reference-json-records', 'data'],
    /--reference-json-records reads the records inside JSON documents: give a --reference NAME=FILE\.json/],
  ['a malformed path', ['--reference', 'communes=communes.json', '--reference-json-records', 'a..b'], /--reference-json-records: /],
])('is a usage error %s', async (_, extra, message) => {
  const r = await validate(...extra);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
});

it('fix reads a wrapped JSON reference the same way', async () => {
  const r = await cli(['fix', tmp.path('parcels.csv'), '--dataset', tmp.path('parcels.yaml'), '--dry-run', ...NOW,
    '--reference', `communes=${tmp.path('communes.json')}`, '--reference-json-records', 'data']);
  // The one key not in the reference fails the fixed copy (exit 1), where an unread reference would be exit 3.
  expect(r.code).toBe(1);
  expect(r.stderr).not.toContain('could not run');
});

// The same reference as CSV without its key cell is "could not be read whole" (exit 3); as NDJSON the record was
// dropped without a word, and 00009 was not_in_reference (exit 1).
it('a JSON or NDJSON reference record without its key makes the rule error (exit 3), as a CSV row without the cell', async () => {
  writeFileSync(tmp.path('parcels.csv'), 'commune\n00004\n00009\n');
  writeFileSync(tmp.path('ref.ndjson'), '{"code":"00004"}\n{"kode":"00009"}\n');
  writeFileSync(tmp.path('ref.json'), '[{"code":"00004"},\n{"kode":"00009"}]\n');
  writeFileSync(tmp.path('ref.csv'), 'name,code\nA,00004\nB\n');
  for (const [file, at] of [['ref.ndjson', 'line 2: the record has no property "code"'], ['ref.json', 'line 2: the record has no property "code"'],
    ['ref.csv', 'line 3: missing_cell']]) {
    const r = await validate('--reference', `communes=${tmp.path(file as string)}`);
    expect([file, r.code, r.rule?.status]).toEqual([file, 3, 'error']);
    expect(r.stderr).toContain(`reference 'communes' could not be read whole: 1 record(s) were not read or not read whole (the first at ${at}`);
  }
});
