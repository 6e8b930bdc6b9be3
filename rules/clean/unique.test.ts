import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

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
