import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { defineDataset, field, readCsv, ref, reference, rule, validate, type DatasetRule, type Reference } from '../../src/index.js';
import { NOW, ruleOf } from '../../test/_run.js';
import { parallelForeignKeys } from '../../test/fixtures/parallel/foreign-key.js';

const enc = (s: string) => new TextEncoder().encode(s);
const communesCsv = 'code,name\n00004,Ba Đình\n00008, Hoàn Kiếm \n00011,\n';
const communes = () => reference('communes', readCsv(enc(communesCsv)), { key: 'code' });
const parcels = () => reference('parcels', [
  { commune: '00004', sheet: 1, parcel: '10' },
  { commune: '00004', sheet: 2, parcel: '10' },
  { commune: '00008', sheet: 1, parcel: '7' },
], { key: ['commune', 'sheet', 'parcel'] });

const rows = [
  { c: '00004', s: '1', p: '10' }, // 0: in both
  { c: '99999', s: '1', p: '10' }, // 1: commune unknown
  { c: '00008 ', s: '1', p: '7' }, // 2: trimmed text matches
  { c: '', s: '2', p: '10' }, // 3: missing commune
  { c: '00004', s: '2', p: '11' }, // 4: commune known, parcel unknown
  { c: '00011', s: '01', p: '7' }, // 5: known commune (its name is empty); sheet 01 is the integer 1, but 00011/1/7 is unknown
];
const fields = { c: field.text(), s: field.integer(), p: field.text() };

async function outcome(rules: readonly DatasetRule[], references: Record<string, Reference> | undefined, id: string) {
  const def = defineDataset({ name: 'fk', fields, rules: [...rules] });
  const r = ruleOf(await validate(def, rows, { now: NOW, ...(references === undefined ? {} : { references }) }), id);
  return { status: r.status, checked: r.checked, failed: r.failed, rows: r.samples.map((s) => s.row), codes: [...new Set(r.samples.map((s) => s.code))], error: r.error };
}

describe('rule.reference / rule.foreignKey against a named reference', () => {
  const cases: [string, () => DatasetRule, () => Record<string, Reference> | undefined, string, object][] = [
    ['one column, missing skipped', () => rule.reference('c', ref('communes')), () => ({ communes: communes() }), 'c.reference',
      { status: 'failed', checked: 5, failed: 1, rows: [1], codes: ['not_in_reference'] }],
    ['missing: fail', () => rule.reference('c', ref('communes'), { missing: 'fail' }), () => ({ communes: communes() }), 'c.reference',
      { status: 'failed', checked: 6, failed: 2, rows: [1, 3], codes: ['not_in_reference'] }],
    ['when', () => rule.reference('c', ref('communes'), { when: (r) => r.p === '10' }), () => ({ communes: communes() }), 'c.reference',
      { status: 'failed', checked: 2, failed: 1, rows: [1], codes: ['not_in_reference'] }], // rows 0, 1 (row 3 is missing)
    ['composite, typed values, reference columns renamed', () => rule.foreignKey(['c', 's', 'p'], ref('parcels'), ['commune', 'sheet', 'parcel']),
      () => ({ parcels: parcels() }), 'c+s+p.reference',
      { status: 'failed', checked: 5, failed: 3, rows: [1, 4, 5], codes: ['not_in_reference'] }],
    ['composite, reference columns in another order', () => rule.foreignKey(['p', 'c', 's'], ref('parcels'), ['parcel', 'commune', 'sheet']),
      () => ({ parcels: parcels() }), 'p+c+s.reference',
      { status: 'failed', checked: 5, failed: 3, rows: [1, 4, 5], codes: ['not_in_reference'] }],
    ['one file judged by different references', () => rule.reference('c', ref('communes')),
      () => ({ communes: reference('communes', [{ code: '99999' }], { key: 'code' }) }), 'c.reference',
      { status: 'failed', checked: 5, failed: 4, rows: [0, 2, 4, 5], codes: ['not_in_reference'] }],
  ];
  it.each(cases)('%s', async (_, make, refs, id, expected) => {
    expect(await outcome([make()], refs(), id)).toMatchObject(expected);
  });

  const errors: [string, () => DatasetRule, () => Record<string, Reference> | undefined, RegExp][] = [
    ['reference not given', () => rule.reference('c', ref('communes')), () => undefined, /reference 'communes' was not given.*--reference communes=FILE/],
    ['another name given', () => rule.reference('c', ref('communes')), () => ({ parcels: parcels() }), /reference 'communes' was not given/],
    ['key column absent', () => rule.reference('c', ref('communes')),
      () => ({ communes: reference('communes', readCsv(enc(communesCsv)), { key: 'ma_xa' }) }), /reference 'communes' has no column 'ma_xa' \(its columns: code, name\)/],
    ['keyed on other columns', () => rule.foreignKey(['c', 's'], ref('parcels'), ['commune', 'sheet']), () => ({ parcels: parcels() }),
      /reference 'parcels' is keyed on commune, sheet, parcel, not on commune, sheet/],
    ['empty reference', () => rule.reference('c', ref('communes')),
      () => ({ communes: reference('communes', readCsv(enc('')), { key: 'code' }) }), /reference 'communes' could not be read: the input is empty/],
    ['empty array', () => rule.reference('c', ref('communes')),
      () => ({ communes: reference('communes', [], { key: 'code' }) }), /reference 'communes' is empty/],
    ['unreadable file', () => rule.reference('c', ref('communes')),
      () => ({ communes: reference('communes', readCsv('/nonexistent/communes.csv'), { key: 'code' }) }), /reference 'communes' could not be read: .*ENOENT/],
  ];
  it.each(errors)('errors, never passes: %s', async (_, make, refs, message) => {
    const o = await outcome([make()], refs(), (make() as { name: string }).name);
    expect(o.status).toBe('error');
    expect(o.error).toMatch(message);
    // The rule never ran on a row: no "(row 0)" that would send a reader to the checked input.
    expect(o.error).not.toMatch(/\(row \d+\)/);
  });

  it('never shows a personal key part unmasked', async () => {
    for (const missing of ['skip', 'fail'] as const) {
      const def = defineDataset({
        name: 'p', fields: { a: field.text(), id: field.text().pii() },
        rules: [rule.foreignKey(['a', 'id'], ref('r'), undefined, { missing }), rule.foreignKey('id', ref('r1'), undefined, { missing })],
      });
      const report = await validate(def, [{ a: 'x', id: '001099012345' }], {
        now: NOW,
        references: { r: reference('r', [{ a: 'y', id: '1' }], { key: ['a', 'id'] }), r1: reference('r1', [{ id: '1' }], { key: 'id' }) },
      });
      const samples = report.rules.filter((r) => r.id.endsWith('.reference')).flatMap((r) => r.samples);
      expect(samples.map((x) => [x.field, x.value])).toEqual(missing === 'skip'
        ? [['a, id', 'x, 0010******45'], ['id', '0010******45']]
        : [['a, id', undefined], ['id', '0010******45']]);
      expect(JSON.stringify(report)).not.toContain('001099012345');
    }
  });

  it('keeps the list form of rule.reference', async () => {
    expect(await outcome([rule.reference('c', ['00004', '00008'])], undefined, 'c.reference'))
      .toMatchObject({ status: 'failed', checked: 5, failed: 3, rows: [1, 2, 5] });
  });

  it('gives worker threads the tables read once: the report is byte-identical to one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddss-fk-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'rows.csv');
    const n = 20_000;
    const commune = (i: number) => (i % 7 === 0 ? '99999' : i % 11 === 0 ? '' : '00004');
    const lines = Array.from({ length: n }, (_, i) => `${commune(i)},${i % 3},${10 + (i % 5)}`);
    writeFileSync(file, `c,s,p\n${lines.join('\n')}\n`);
    const refs = () => ({
      communes: communes(),
      parcels: reference('parcels', Array.from({ length: 12 }, (_, k) => ({ commune: '00004', sheet: k % 3, parcel: String(10 + (k % 4)) })),
        { key: ['commune', 'sheet', 'parcel'] }),
    });
    const seen: string[][] = [[], []];
    const one = await validate(parallelForeignKeys, readCsv(file), { now: NOW, references: refs(), onViolation: (v) => seen[0]?.push(JSON.stringify(v)) });
    const two = await validate(parallelForeignKeys, readCsv(file), {
      now: NOW, workers: 2, minBytesPerWorker: 1, references: refs(), onViolation: (v) => seen[1]?.push(JSON.stringify(v)),
    });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(seen[1]).toEqual(seen[0]);
    const rows = [...Array(n).keys()];
    const missing = rows.filter((i) => commune(i) === '').length;
    expect([ruleOf(one, 'c.reference').checked, ruleOf(one, 'c.reference').failed])
      .toEqual([n - missing, rows.filter((i) => commune(i) === '99999').length]);
    // The register holds commune 00004, sheets 0–2, parcels 10–13: a missing commune fails too (missing: 'fail').
    expect(ruleOf(one, 'c+s+p.reference').failed).toBe(rows.filter((i) => commune(i) !== '00004' || 10 + (i % 5) > 13).length);
    expect(ruleOf(one, 'p.reference')).toMatchObject({ status: 'error' });
  });

  it('reads a reference once for several runs, keeping columns', async () => {
    const r = communes();
    const [a, b] = [await r.load(), await r.load()];
    expect(a).toBe(b);
    expect([a.size, a.has(['00008']), a.has(['00009']), a.get(['00008'], 'name'), a.get(['00011'], 'name')]).toEqual([3, true, false, undefined, undefined]);
    const kept = await reference('c', readCsv(enc(communesCsv)), { key: 'code', columns: ['name'] }).load();
    expect([kept.get(['00004'], 'name'), kept.get(['00008'], 'name'), kept.get(['00011'], 'name')]).toEqual(['Ba Đình', 'Hoàn Kiếm', undefined]);
  });

  it('counts duplicate and missing keys of the reference', async () => {
    const t = await reference('x', [{ k: 'a' }, { k: 'a' }, { k: '' }, { k: 'a\u0000b' }, { k: 'a\\0b' }], { key: 'k' }).load();
    expect([t.size, t.duplicates, t.missingKeys, t.has(['a\u0000b']), t.has(['a\\0b']), t.has(['a', 'b'])]).toEqual([3, 1, 1, true, true, false]);
  });

  it('says why the rule cannot run even when it reads a personal column (the reason quotes no row)', async () => {
    const def = defineDataset({ name: 'p', fields: { owner_id: field.text().pii() }, rules: [rule.reference('owner_id', ref('population'))] });
    const r = ruleOf(await validate(def, [{ owner_id: '001089012345' }], { now: NOW }), 'owner_id.reference');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/reference 'population' was not given/);
    expect(r.error).not.toContain('001089012345');
  });

  it('keeps an optional column when the source has it, and reads as empty when it has not', async () => {
    const opt = { key: 'k', columns: ['a'], optionalColumns: ['b'] };
    const withB = await reference('x', [{ k: '1', a: 'x', b: 'y' }], opt).load();
    // Object records may each leave a property out: the optional column is read from every one (empty where absent).
    const withoutB = await reference('x', [{ k: '1', a: 'x' }], opt).load();
    expect([withB.error, withB.columns, withB.get(['1'], 'b')]).toEqual([undefined, ['a', 'b'], 'y']);
    expect([withoutB.error, withoutB.columns, withoutB.get(['1'], 'b'), withoutB.get(['1'], 'a')]).toEqual([undefined, ['a', 'b'], undefined, 'x']);
    // A header is the source's word: an optional column it lacks is not kept.
    const csv = await reference('x', readCsv(new TextEncoder().encode('k,a\n1,x\n')), opt).load();
    expect([csv.error, csv.columns, csv.get(['1'], 'b')]).toEqual([undefined, ['a'], undefined]);
  });

  it('refuses options it does not know and a missing key option when the reference is made, naming them', () => {
    // `{ Key: 'code' }` failed later, on the first run, as "options.key is not iterable"; `{ key, Columns }` kept no column.
    expect(() => reference('x', [], { Key: 'code' } as never)).toThrow(/ddss: "Key" is not an option of reference 'x' \(did you mean "key"\?\)/);
    expect(() => reference('x', [], { key: 'k', Columns: ['a'] } as never)).toThrow(/"Columns" is not an option of reference 'x' \(did you mean "columns"\?\)/);
    expect(() => reference('x', [], {} as never)).toThrow(/ddss: reference 'x' needs a key column/);
  });
});

describe('references that are not references', () => {
  // A list or a table of rows failed as "r.load is not a function", naming neither the option nor the reference.
  it.each([['a list', ['00004']], ['a row', { code: '00004' }], ['null', null]])('is refused when one is %s, naming it', async (_, given) => {
    const def = defineDataset({ name: 'p', fields: { c: field.text() }, rules: [rule.reference('c', ref('communes'))] });
    await expect(validate(def, [{ c: '00004' }], { now: NOW, references: { communes: given as never } }))
      .rejects.toThrow(/ddss: references\.communes must be a reference\('communes', source, \{ key \}\)/);
  });
});
