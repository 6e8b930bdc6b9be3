import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule } from '../../src/index.js';
import { NOW, run, ruleOf } from '../../test/_run.js';

describe('unique (field)', () => {
  const def = defineDataset({ name: 'd', key: 'id', fields: { id: field.text().unique() } });

  it('flags every row of a duplicate group and skips missing values', async () => {
    const report = await run(def, [{ id: 'A' }, { id: 'B' }, { id: 'A' }, { id: '' }, { id: 'A' }, { id: 'B' }, {}]);
    const r = ruleOf(report, 'id.unique');
    expect([r.checked, r.failed, r.violations]).toEqual([5, 5, 5]);
    expect(r.samples.map((s) => s.row)).toEqual([0, 1, 2, 4, 5]);
    expect(r.samples[0]).toMatchObject({ code: 'duplicate_value', key: 'A', value: 'A', field: 'id' });
  });

  it('compares typed values: "007" and "7" are one integer', async () => {
    const ints = defineDataset({ name: 'd', fields: { n: field.integer().unique() } });
    expect(ruleOf(await run(ints, [{ n: '007' }, { n: 7 }]), 'n.unique').failed).toBe(2);
    const texts = defineDataset({ name: 'd', fields: { n: field.text().unique() } });
    expect(ruleOf(await run(texts, [{ n: '007' }, { n: '7' }]), 'n.unique').failed).toBe(0);
  });
});

describe('uniqueBy (composite key)', () => {
  const def = defineDataset({
    name: 'd', key: 'parcel_id',
    fields: { parcel_id: field.text(), commune: field.text(), sheet: field.integer(), no: field.integer() },
    rules: [rule.uniqueBy(['commune', 'sheet', 'no'])],
  });
  it('flags every member and skips rows with a missing key part', async () => {
    const report = await run(def, [
      { parcel_id: 'P1', commune: '00004', sheet: 1, no: 1 },
      { parcel_id: 'P2', commune: '00004', sheet: 1, no: 2 },
      { parcel_id: 'P3', commune: '00004', sheet: '1', no: '1' },
      { parcel_id: 'P4', commune: '', sheet: 1, no: 1 },
      { parcel_id: 'P5', commune: '00004|1', sheet: 1, no: 1 },
    ]);
    const r = ruleOf(report, 'commune+sheet+no.unique');
    expect([r.checked, r.failed]).toEqual([4, 2]);
    expect(r.samples.map((s) => [s.row, s.key, s.value])).toEqual([[0, 'P1', '00004 | 1 | 1'], [2, 'P3', '00004 | 1 | 1']]);
  });
  it('rejects an empty column list', () => expect(() => rule.uniqueBy([])).toThrow(/at least one/));
});

describe('text keys compare trimmed, and in canonical form with normalize', () => {
  const byMst = (v: string) => (/^\d{13}$/.test(v) ? `${v.slice(0, 10)}-${v.slice(10)}` : v);

  // Regression: vn.mst() passes all three, but unique() saw three distinct values.
  it.each<[string, readonly string[], number]>([
    ['surrounding spaces', ['0100109106', '0100109106 ', ' 0100109106'], 3],
    ['tabs, no-break spaces and a BOM', ['A1', '\tA1', 'A1\u00a0', '\ufeffA1'], 4],
    ['inner spaces still count', ['A 1', 'A1', 'A  1'], 0],
    ['case still counts', ['a1', 'A1'], 0],
  ])('%s: %j → %i rows fail', async (_what, ids, failed) => {
    const def = defineDataset({ name: 'd', fields: { id: field.text().unique() } });
    expect(ruleOf(await run(def, ids.map((id) => ({ id }))), 'id.unique').failed).toBe(failed);
  });

  it('names each row with its own value, the first one included', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text().unique() } });
    const r = ruleOf(await run(def, [{ id: ' 0100109106' }, { id: '0100109106' }, { id: '0100109106 ' }]), 'id.unique');
    expect(r.samples.map((s) => [s.row, s.value, s.code])).toEqual([
      [0, ' 0100109106', 'duplicate_value'], [1, '0100109106', 'duplicate_value'], [2, '0100109106 ', 'duplicate_value'],
    ]);
    expect(r.samples[0]?.message).toContain('3');
  });

  it.each<[string, readonly string[], number]>([
    ['a branch with and without its dash', ['0100109106001', '0100109106-001', ' 0100109106-001 '], 3],
    ['different branches', ['0100109106-001', '0100109106-002'], 0],
  ])('normalize: %s %j → %i rows fail', async (_what, codes, failed) => {
    const def = defineDataset({ name: 'd', fields: { tax: field.text().unique({ normalize: byMst }) } });
    const r = ruleOf(await run(def, codes.map((tax) => ({ tax }))), 'tax.unique');
    expect(r.failed).toBe(failed);
    expect(r.samples.map((s) => s.value)).toEqual(failed === 0 ? [] : codes);
  });

  it('hands normalize the trimmed text, and only text values', async () => {
    const seen: string[] = [];
    const def = defineDataset({ name: 'd', fields: { n: field.integer().unique({ normalize: (v) => { seen.push(v); return v; } }), t: field.text().unique({ normalize: (v) => { seen.push(v); return v; } }) } });
    await run(def, [{ n: 7, t: ' x ' }]);
    expect(seen).toEqual(['x']);
  });

  it('a normalize that throws or returns no text is a rule error, never a pass', async () => {
    const bad = (normalize: (v: string) => string) => defineDataset({ name: 'd', fields: { id: field.text().unique({ normalize }) } });
    const r1 = ruleOf(await run(bad(() => { throw new Error('boom'); }), [{ id: 'a' }]), 'id.unique');
    const r2 = ruleOf(await run(bad(() => 7 as unknown as string), [{ id: 'a' }]), 'id.unique');
    expect([r1.status, r2.status]).toEqual(['error', 'error']);
    expect(r2.error).toMatch(/normalize/);
  });

  it('uniqueBy compares each text part trimmed, normalized by one function or per column', async () => {
    const rows = [
      { c: '00004', t: '0100109106001', n: 1 }, { c: ' 00004', t: '0100109106-001', n: 1 },
      { c: '00004 ', t: '0100109106-001', n: 2 }, { c: '00004', t: '0100109106001 ', n: 1 },
    ];
    const fields = { c: field.text(), t: field.text(), n: field.integer() };
    const trimmedOnly = ruleOf(await run(defineDataset({ name: 'd', fields, rules: [rule.uniqueBy(['c', 't', 'n'])] }), rows), 'c+t+n.unique');
    expect(trimmedOnly.samples.map((s) => [s.row, s.value])).toEqual([[0, '00004 | 0100109106001 | 1'], [3, '00004 | 0100109106001  | 1']]);
    for (const normalize of [byMst, { t: byMst }]) {
      const r = ruleOf(await run(defineDataset({ name: 'd', fields, rules: [rule.uniqueBy(['c', 't', 'n'], { normalize })] }), rows), 'c+t+n.unique');
      expect(r.samples.map((s) => [s.row, s.value])).toEqual([
        [0, '00004 | 0100109106001 | 1'], [1, ' 00004 | 0100109106-001 | 1'], [3, '00004 | 0100109106001  | 1'],
      ]);
    }
  });

  it('uniqueBy refuses a normalize map naming a column it does not key on', () => {
    expect(() => rule.uniqueBy(['a'], { normalize: { b: (v) => v } })).toThrow(/normalize.*"b"/);
  });

  it('shows each row its own value across merged shards', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text().unique({ normalize: byMst }) } });
    const rows = [{ id: '0100109106-001' }, { id: 'x' }, { id: ' 0100109106001' }, { id: '0100109106-001 ' }];
    const whole = createValidator(def, { now: NOW });
    whole.addMany(rows);
    const a = createValidator(def, { now: NOW });
    const b = createValidator(def, { now: NOW });
    a.addMany(rows.slice(0, 2));
    b.addMany(rows.slice(2));
    a.merge(structuredClone(b.state()));
    const shown = (r: ReturnType<typeof whole.finish>) => ruleOf(r, 'id.unique').samples.map((s) => [s.row, s.value]);
    const merged = shown(a.finish());
    expect(merged).toEqual([[0, '0100109106-001'], [2, ' 0100109106001'], [3, '0100109106-001 ']]);
    expect(shown(whole.finish())).toEqual(merged);
  });
});
