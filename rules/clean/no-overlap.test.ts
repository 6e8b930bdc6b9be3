import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, rule } from '../../src/index.js';
import { NOW, run, ruleOf } from '../../test/_run.js';

describe('noOverlap', () => {
  const def = defineDataset({
    name: 'd',
    fields: { person: field.text(), from: field.date('dd/MM/yyyy'), to: field.date('dd/MM/yyyy') },
    rules: [rule.noOverlap('person', 'from', 'to')],
  });
  it('flags both rows of an overlap, accepts adjacent periods and open ends', async () => {
    const report = await run(def, [
      { person: 'A', from: '01/01/2024', to: '31/12/2024' },
      { person: 'A', from: '01/01/2025', to: '31/12/2025' },
      { person: 'B', from: '01/01/2024', to: '30/06/2024' },
      { person: 'B', from: '30/06/2024', to: '' },
      { person: 'C', from: '01/01/2020', to: '' },
      { person: 'C', from: '01/01/2030', to: '01/02/2030' },
    ]);
    const r = ruleOf(report, 'person.noOverlap');
    expect(r.samples.map((s) => s.row)).toEqual([2, 3, 4, 5]);
    expect(r.checked).toBe(6);
  });

  it('does not depend on row order, and ignores inverted periods', async () => {
    const rows = [
      { person: 'A', from: '01/01/2024', to: '' },
      { person: 'A', from: '01/01/2024', to: '01/01/2023' },
      { person: 'A', from: '01/03/2024', to: '01/04/2024' },
    ];
    const forward = ruleOf(await run(def, rows), 'person.noOverlap');
    const backward = ruleOf(await run(def, [...rows].reverse()), 'person.noOverlap');
    expect(forward.samples.map((s) => s.row)).toEqual([0, 2]);
    expect(backward.samples.map((s) => s.row)).toEqual([0, 2]);
    expect(forward.checked).toBe(2);
  });

  // An entity's periods were spread as one call's arguments (merging shards, and a cluster into the findings): past
  // about 120,000 of them the rule ended in an error, "Maximum call stack size exceeded", instead of its findings.
  it('one entity with 300,000 overlapping periods, across merged shards: every row found, no error', () => {
    const n = 300_000;
    const rows = Array.from({ length: n }, () => ({ person: 'A', from: '01/01/2024', to: '31/12/2024' }));
    const a = createValidator(def, { now: NOW });
    const b = createValidator(def, { now: NOW });
    a.addMany(rows.slice(0, n / 2));
    b.addMany(rows.slice(n / 2));
    a.merge(b.state());
    const r = ruleOf(a.finish(), 'person.noOverlap');
    expect(r.error).toBeNull();
    expect(r).toMatchObject({ status: 'failed', checked: n, failed: n });
  });
});
