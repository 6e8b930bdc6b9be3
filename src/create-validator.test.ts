import { describe, expect, it } from 'vitest';
import { bindReferences, createValidator, defineDataset, field, readCsv, ref, reference, rule } from './index.js';

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
