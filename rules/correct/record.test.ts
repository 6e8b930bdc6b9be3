import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rule.record', () => {
  const def = defineDataset({
    name: 'd',
    fields: { registered: field.date('dd/MM/yyyy'), issued: field.date('dd/MM/yyyy') },
    // Typed rows: `fields` guarantees both dates, so the check compares them without a cast.
    rules: (rule) => [rule.record('dates_ordered', (r) => r.registered <= r.issued, {
      fields: ['registered', 'issued'], code: 'dates_out_of_order',
      messages: { dates_out_of_order: { en: 'registered after issue', vi: 'ngày đăng ký sau ngày cấp' } },
    })],
  });
  it('runs only where its fields are valid, and reports its own code and message', async () => {
    const report = await run(def, [
      { registered: '01/01/2024', issued: '02/01/2024' },
      { registered: '03/01/2024', issued: '02/01/2024' },
      { registered: '', issued: '02/01/2024' },
      { registered: '31/02/2024', issued: '02/01/2024' },
    ], { locale: 'vi' });
    const r = ruleOf(report, 'dates_ordered');
    expect([r.checked, r.failed]).toEqual([2, 1]);
    expect(r.samples[0]).toMatchObject({ row: 1, code: 'dates_out_of_order', message: 'ngày đăng ký sau ngày cấp' });
  });
  it('rejects a rule naming an unknown field at definition time', () => {
    expect(() => defineDataset({ name: 'd', fields: { a: field.text() }, rules: [rule.record('x', () => true, { fields: ['b'] })] }))
      .toThrow(/unknown field "b"/);
  });
});
