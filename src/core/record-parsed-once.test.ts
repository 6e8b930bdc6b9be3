import { describe, expect, it } from 'vitest';
import { defineDataset, field } from '../index.js';
import { validate } from './validate.js';

// A value rule that reads other fields through `ctx.record` (vn.commune's provinceField, vn.landUseCode's dateField,
// vn.province's dateField) in a definition without record rules: the typed row was rebuilt by parsing every cell of
// the row again (a dictionary object, ~1.3 µs a row for 20 fields, 2.5× the run time), not from the values the
// row's own parse gave. Each cell is parsed once (field.ts): the record holds the very values the fields' rules saw.
describe('ctx.record in a value rule', () => {
  it('holds the values parsed for the row, not values parsed again', async () => {
    const seen: unknown[] = [];
    const fromRecord: unknown[] = [];
    const def = defineDataset({
      name: 'record-once',
      fields: {
        issued: field.date('yyyy-MM-dd').check('seen', (v) => { seen.push(v); return true; }),
        code: field.text().check('reads_record', (_v, ctx) => { fromRecord.push(ctx.record.issued); return true; }),
      },
    });
    const report = await validate(def, [{ issued: '2024-03-01', code: 'A' }, { issued: '2025-01-31', code: 'B' }],
      { now: new Date('2026-11-22T00:00:00Z') });
    expect(report.rules.every((r) => r.error === null)).toBe(true);
    expect(fromRecord).toHaveLength(2);
    expect(fromRecord.map((d) => (d as Date).toISOString())).toEqual(['2024-03-01T00:00:00.000Z', '2025-01-31T00:00:00.000Z']);
    // The same Date objects: parsed once, shared.
    expect(fromRecord[0]).toBe(seen[0]);
    expect(fromRecord[1]).toBe(seen[1]);
  });
});
