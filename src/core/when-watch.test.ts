import { describe, expect, it } from 'vitest';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { rule } from '../rule.js';
import { validate } from './validate.js';
import { WHEN_WATCHED_CALLS, watchedWhen } from './when-watch.js';
import type { TypedRow } from './types.js';

// A `when` reading a name that is not a field (a typo: `Amount` for `amount`) read undefined on every row: the rule
// was skipped on every row, the run "Passed" with "1 rule was skipped (nothing to check)", exit 0.
describe('a when that reads what is not a field errors its rule', () => {
  const typo = (r: TypedRow) => r.Amount !== undefined;
  const rows = [{ amount: '-5' }, { amount: '3' }];

  it.each([
    ['a field rule', defineDataset({ name: 'sales', fields: { amount: field.number().min(0, { when: typo }) } }), 'amount.min'],
    ['required', defineDataset({ name: 'sales', fields: { amount: field.number().required({ when: typo }) } }), 'amount.required'],
    ['a record rule', defineDataset({ name: 'sales', fields: { amount: field.number() },
      rules: [rule.record('positive', (r) => (r.amount as number) > 0, { fields: ['amount'], when: typo })] }), 'positive'],
    ['a dataset aggregate', defineDataset({ name: 'sales', fields: { amount: field.number() },
      rules: [rule.uniqueBy(['amount'], { when: typo })] }), 'amount.unique'],
  ])('%s', async (_what, def, id) => {
    const report = await validate(def, rows);
    const r = report.rules.find((x) => x.id === id);
    expect(r).toMatchObject({ status: 'error', checked: 0 });
    expect(r?.error).toBe(`ddss: rule "${id}": its when reads "Amount", which is not a field of dataset "sales" (did you mean "amount"?): ` +
      'the row never holds it, so the condition would read undefined on every row (row 0)');
    expect(report.status).toBe('error');
  });

  it('names the read that made the when throw, and one read only on some rows', async () => {
    const def = defineDataset({ name: 'd', fields: { kind: field.text(), issued: field.date().min(new Date('2020-01-01'), {
      when: (r) => r.kind === 'b' && (r.isued as Date).getTime() > 0 }) } });
    const report = await validate(def, [{ kind: 'a', issued: '2021-01-01' }, { kind: 'b', issued: '2021-01-01' }]);
    expect(report.rules.find((x) => x.id === 'issued.min')?.error)
      .toMatch(/its when reads "isued", which is not a field of dataset "d" \(did you mean "issued"\?\).*\(row 1\)$/);
  });

  it('accepts a when reading fields, and names any code reads on any object', async () => {
    const def = defineDataset({ name: 'd', fields: { kind: field.text(), n: field.number().min(0, {
      when: (r) => JSON.stringify(r) !== '' && String(Object.keys(r)) !== '' && 'kind' in r && r.kind === 'a' }) } });
    const report = await validate(def, [{ kind: 'a', n: '-1' }, { kind: 'b', n: '-1' }]);
    expect(report.rules.find((x) => x.id === 'n.min')).toMatchObject({ status: 'failed', checked: 1, failed: 1 });
  });

  it('watches the first calls only, and passes the when what it returns', () => {
    const w = watchedWhen((r) => r.a === 1, ['a'], 'a.min', 'd');
    expect(w({ a: 1 })).toBe(true);
    expect(() => watchedWhen((r) => 'b' in r, ['a'], 'x', 'd')({ a: 1 })).toThrow(/its when reads "b"/);
    expect(WHEN_WATCHED_CALLS).toBeGreaterThanOrEqual(100);
  });
});
