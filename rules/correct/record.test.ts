import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule, writeViolations, type Violation } from '../../src/index.js';
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

describe('rule.record findings a person can act on', () => {
  const def = defineDataset({
    name: 'd',
    fields: { owner_id: field.text().pii(), registered: field.text(), issued: field.text() },
    rules: [
      rule.record('dates_ordered', (r) => (r.registered as string) <= (r.issued as string), { fields: ['registered', 'issued'] }),
      rule.record('id_present', (r) => r.owner_id !== '000000000000', { fields: ['owner_id'] }),
      rule.record('whole_row', () => false),
    ],
  });
  const rows = [{ owner_id: '000000000000', registered: '2024-03-01', issued: '2023-05-02' }];

  it('carries the names and values of its declared fields, personal ones masked', async () => {
    const report = await run(def, rows);
    expect(ruleOf(report, 'dates_ordered').samples[0]).toMatchObject({ field: 'registered, issued', value: '2024-03-01, 2023-05-02' });
    const pii = ruleOf(report, 'id_present').samples[0];
    expect(pii?.field).toBe('owner_id');
    expect(pii?.value).toBeDefined();
    expect(pii?.value).not.toContain('000000000000');
    expect(JSON.stringify(report)).not.toContain('000000000000');
  });

  it.each(['en', 'vi'] as const)('renders a default message naming the rule, its fields and values (%s)', async (locale) => {
    const report = await run(def, rows, { locale });
    const m = ruleOf(report, 'dates_ordered').samples[0]?.message ?? '';
    expect(m).toContain('dates_ordered');
    expect(m).toContain('registered, issued');
    expect(m).toContain('2024-03-01, 2023-05-02');
    const whole = ruleOf(report, 'whole_row').samples[0];
    expect(whole?.message).toContain('whole_row');
    expect(whole?.message).not.toMatch(/\{|^: /);
  });
});

describe('rule.record findings in violation files', () => {
  it('stream the declared fields and values to the sink (CSV and NDJSON write what the sink gets)', async () => {
    const def = defineDataset({
      name: 'd', fields: { registered: field.text(), issued: field.text() },
      rules: [rule.record('dates_ordered', (r) => (r.registered as string) <= (r.issued as string), { fields: ['registered', 'issued'] })],
    });
    const seen: Violation[] = [];
    await run(def, [{ registered: '2024-03-01', issued: '2023-05-02' }], { onViolation: (v) => seen.push(v) });
    const m = new PassThrough();
    const chunks: Buffer[] = [];
    m.on('data', (c: Buffer) => chunks.push(c));
    await writeViolations(m, seen, { format: 'csv', bom: false });
    const csv = Buffer.concat(chunks).toString('utf8').split('\n')[1] ?? '';
    expect(csv).toContain('"registered, issued","2024-03-01, 2023-05-02"');
  });
});
