import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rule.fromJsonSchema', () => {
  const def = defineDataset({
    name: 'd',
    fields: { parcel_id: field.text(), area_m2: field.number(), issued: field.date('dd/MM/yyyy') },
    rules: [rule.fromJsonSchema({
      type: 'object',
      required: ['parcel_id'],
      properties: {
        parcel_id: { type: 'string', pattern: '^P-\\d{6}$' },
        area_m2: { type: 'number', exclusiveMinimum: 0 },
        issued: { type: 'string', format: 'date' },
      },
    })],
  });
  it('shows a datetime at midnight UTC as a date-time, not a date (it failed format date-time)', async () => {
    const instants = defineDataset({ name: 'i', fields: { at: field.datetime() },
      rules: [rule.fromJsonSchema({ type: 'object', properties: { at: { type: 'string', format: 'date-time' } } })] });
    const report = await run(instants, [{ at: '2025-12-01T10:00:00Z' }, { at: '2025-12-01T00:00:00Z' }, { at: '2025-12-01T07:00:00+07:00' }]);
    expect(ruleOf(report, 'jsonSchema').failed).toBe(0);
  });

  it('sees the record as JSON (dates as ISO dates, missing as absent) and names field and path', async () => {
    const report = await run(def, [
      { parcel_id: 'P-000001', area_m2: '10', issued: '03/04/2025' },
      { parcel_id: '', area_m2: '0' },
      { parcel_id: 'X', area_m2: '5' },
    ]);
    const r = ruleOf(report, 'jsonSchema');
    expect([r.checked, r.failed]).toEqual([3, 2]);
    expect(r.samples.map((s) => [s.row, s.field, s.code])).toEqual([
      [1, 'parcel_id', 'schema_violation'], [1, 'area_m2', 'schema_violation'], [2, 'parcel_id', 'schema_violation'],
    ]);
  });
});
