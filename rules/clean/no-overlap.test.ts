import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

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
});
