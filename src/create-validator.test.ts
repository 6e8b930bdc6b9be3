import { describe, expect, it } from 'vitest';
import { baselineFrom, bindReferences, createValidator, defineDataset, field, readCsv, ref, reference, rule } from './index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const communes = () => reference('communes', readCsv(enc('code\n00004\n')), { key: 'code' });
const def = defineDataset({ name: 'fk', fields: { c: field.text() }, rules: [rule.reference('c', ref('communes'))] });
const now = new Date('2026-11-22T00:00:00Z');

describe('createValidator with references', () => {
  it('refuses references it cannot read, naming what to do, before a row is added', () => {
    // It used to accept them and ignore them: the rule then failed at finish with "was not given".
    expect(() => createValidator(def, { now, references: { communes: communes() } }))
      .toThrow(/createValidator does not read references.*bindReferences/);
  });

  it('checks against references bound with bindReferences', async () => {
    const v = createValidator(await bindReferences(def, { communes: communes() }), { now });
    v.addMany([{ c: '00004' }, { c: '99999' }]);
    const r = v.finish().rules.find((x) => x.id === 'c.reference');
    expect({ status: r?.status, checked: r?.checked, failed: r?.failed }).toEqual({ status: 'failed', checked: 2, failed: 1 });
  });

  it('accepts references beside a definition that names none (nothing to bind)', () => {
    const plain = defineDataset({ name: 'p', fields: { c: field.text() } });
    expect(() => createValidator(plain, { now, references: { communes: communes() } })).not.toThrow();
  });
});

describe('createValidator: what its methods refuse', () => {
  const ids = defineDataset({ name: 'ids', fields: { id: field.text() } });

  it('refuses a line that is not a whole number from 1, which the report would carry as given', () => {
    // add(row, 'abc') put "abc" in the samples' line, where the report schema has an integer.
    const v = createValidator(ids, { now });
    for (const line of ['abc', 0, 1.5, Number.NaN]) {
      expect(() => v.add({ id: 'a' }, line as never)).toThrow(/ddss: add\(row, line\): the line must be a whole number ≥ 1/);
    }
    v.add({ id: 'a' }, 2);
    expect(v.finish().rows).toBe(1);
  });

  it('says what to do with an async iterable given to addMany, which is synchronous', () => {
    const v = createValidator(ids, { now });
    async function* rows() { yield { id: 'a' }; }
    expect(() => v.addMany(rows() as never)).toThrow(/ddss: addMany takes an array or an iterable; an async iterable .* for await/);
    expect(() => v.addMany({ id: 'a' } as never)).toThrow(/ddss: addMany takes an array or an iterable/);
    expect(v.finish().rows).toBe(0);
  });

  it('refuses a batch that is not { rows: [...] }, naming what was given', () => {
    // v.addBatch([{ id: 'x' }]) failed as "Cannot read properties of undefined (reading 'length')".
    const v = createValidator(ids, { now });
    expect(() => v.addBatch([{ id: 'x' }] as never)).toThrow(TypeError);
    expect(() => v.addBatch([{ id: 'x' }] as never)).toThrow(/ddss: addBatch takes a batch \{ rows: \[...\].*got an array \(rows are added with addMany\(rows\)/);
    expect(() => v.addBatch(null as never)).toThrow(/addBatch takes a batch .*got null/);
    expect(() => v.addBatch({ row: [] } as never)).toThrow(/addBatch takes a batch .*got an object without a rows array/);
    v.addBatch({ rows: [{ id: 'x' }] });
    expect(v.finish().rows).toBe(1);
    expect(() => v.addBatch({ rows: [], columns: ['id'] })).toThrow(/ddss: validator already finished/);
  });

  it('refuses a partial flag that is not a boolean, which the report would carry as given', () => {
    const v = createValidator(ids, { now });
    v.add({ id: 'a' });
    expect(() => v.finish(null, 'yes' as never)).toThrow(/ddss: finish\(source, partial\): partial must be true or false/);
  });
});

describe('createValidator and a baseline', () => {
  it('refuses a baseline, which it would not apply: every violation would be judged new, without a word', () => {
    const keyed = defineDataset({ name: 'k', key: 'id', fields: { id: field.text() } });
    const baseline = baselineFrom([]);
    expect(() => createValidator(keyed, { now, baseline })).toThrow(/ddss: createValidator does not apply a baseline .*validate\(…, \{ baseline \}\)/);
  });
});
