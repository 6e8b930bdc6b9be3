import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDataset, field, rule } from '../index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rule.fromZod', () => {
  const def = defineDataset({
    name: 'd',
    fields: { area_m2: field.number(), owner: field.any() },
    rules: [...rule.fromZod(z.object({ area_m2: z.number().positive(), owner: z.object({ name: z.string().min(2) }) }), { id: 'parcel_schema' })],
  });
  it('turns each zod issue into a correct finding naming the field and path', async () => {
    const report = await run(def, [
      { area_m2: '12.5', owner: { name: 'An' } },
      { area_m2: '-1', owner: { name: 'A' } },
    ]);
    const r = ruleOf(report, 'parcel_schema');
    expect([r.criterion, r.checked, r.failed, r.violations]).toEqual(['correct', 2, 1, 2]);
    expect(r.samples.map((s) => [s.code, s.field])).toEqual([['schema_violation', 'area_m2'], ['schema_violation', 'owner']]);
    expect(r.samples[1]?.message).toContain('owner.name');
  });
});

describe('rule.fromZod criteria', () => {
  const rows = [
    { parcel_id: 'P1', area_m2: '12.5', updated_at: '2026-01-01' },
    { parcel_id: '', area_m2: '-1', updated_at: '2026-01-01' },
    { parcel_id: 'P3', area_m2: '', updated_at: '2020-01-01' },
    { parcel_id: 'P4', area_m2: '40', updated_at: '2026-01-01' },
  ];
  const fields = { parcel_id: field.text(), area_m2: field.number(), updated_at: field.date('yyyy-MM-dd') };

  it('gives the same criterion scores as the same checks written as fields', async () => {
    const schema = z.object({ parcel_id: z.string(), area_m2: z.number().positive() });
    const zod = await run(defineDataset({ name: 'z', fields, rules: [...rule.fromZod(schema)] }), rows);
    const written = await run(defineDataset({
      name: 'f', fields: { ...fields, parcel_id: field.text().required(), area_m2: field.number().required().min(0, { exclusive: true }) },
    }), rows);
    for (const c of ['correct', 'sufficient'] as const) {
      expect([c, zod.criteria[c].score, zod.criteria[c].failedRows]).toEqual([c, written.criteria[c].score, written.criteria[c].failedRows]);
    }
    expect(zod.score).toBe(written.score);
    const missing = ruleOf(zod, 'schema.sufficient');
    expect(missing.criterion).toBe('sufficient');
    expect(missing.samples.map((s) => [s.row, s.code, s.field])).toEqual([[1, 'missing_value', 'parcel_id'], [2, 'missing_value', 'area_m2']]);
    expect(ruleOf(zod, 'schema').samples.map((s) => [s.row, s.field])).toEqual([[1, 'area_m2']]);
  });

  it('counts a value that did not parse as present, as .required() does: its issue is correct, never sufficient', async () => {
    // The typed row holds `undefined` for an unparseable cell as for a missing one, and the schema's "expected number"
    // was a missing_value (sufficient): `abc` in a number field lowered the sufficient score, which .required() does not.
    const schema = z.object({ parcel_id: z.string(), area_m2: z.number().positive() });
    const withBad = [...rows, { parcel_id: 'P5', area_m2: 'abc', updated_at: '2026-01-01' }, { parcel_id: 'P6', area_m2: 'N/A', updated_at: '2026-01-01' }];
    const zod = await run(defineDataset({ name: 'z', fields, rules: [...rule.fromZod(schema)] }), withBad);
    const written = await run(defineDataset({
      name: 'f', fields: { ...fields, parcel_id: field.text().required(), area_m2: field.number().required().min(0, { exclusive: true }) },
    }), withBad);
    expect(zod.criteria.sufficient.failedRows).toBe(written.criteria.sufficient.failedRows);
    expect(zod.criteria.sufficient.score).toBe(written.criteria.sufficient.score);
    expect(ruleOf(zod, 'schema.sufficient').samples.map((s) => [s.row, s.code, s.field]))
      .toEqual([[1, 'missing_value', 'parcel_id'], [2, 'missing_value', 'area_m2'], [5, 'missing_value', 'area_m2']]);
    expect(ruleOf(zod, 'schema').samples.map((s) => [s.row, s.code, s.field]))
      .toEqual([[1, 'schema_violation', 'area_m2'], [4, 'schema_violation', 'area_m2']]);
  });

  it('stands as one entry among the rules (a list among the rules is flattened), as before it made several', async () => {
    const schema = z.object({ parcel_id: z.string(), area_m2: z.number().positive() });
    const spread = await run(defineDataset({ name: 'z', fields, rules: [...rule.fromZod(schema)] }), rows);
    const nested = await run(defineDataset({ name: 'z', fields, rules: [rule.rowCount({ min: 1 }), rule.fromZod(schema)] }), rows);
    expect(nested.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['rowCount', 'schema', 'schema.sufficient']));
    expect(ruleOf(nested, 'schema.sufficient').failed).toBe(ruleOf(spread, 'schema.sufficient').failed);
    expect(ruleOf(nested, 'schema').failed).toBe(ruleOf(spread, 'schema').failed);
  });

  it('maps paths to criteria with the criteria option (a path and everything under it)', async () => {
    const cutoff = new Date('2025-01-01');
    const schema = z.object({ parcel_id: z.string(), updated_at: z.date().min(cutoff) });
    const report = await run(defineDataset({
      name: 'z', fields, rules: [...rule.fromZod(schema, { id: 's', criteria: { updated_at: 'live' } })],
    }), rows);
    expect(ruleOf(report, 's.live').samples.map((s) => [s.row, s.field])).toEqual([[2, 'updated_at']]);
    expect(ruleOf(report, 's.live').criterion).toBe('live');
    expect(ruleOf(report, 's.sufficient').samples.map((s) => s.row)).toEqual([1]);
    expect(ruleOf(report, 's').failed).toBe(0);
    expect(report.criteria.live.failedRows).toBe(1);
  });

  it('rejects a criteria option naming an unknown criterion', () => {
    expect(() => rule.fromZod(z.object({}), { criteria: { a: 'fresh' as never } })).toThrow(/criterion/);
  });

  // It moved nothing, yet `schema.live` checked every row and never failed: live scored 100% with no rule of its own.
  it('rejects a criteria path naming no key of the schema', () => {
    const schema = z.object({ updated_at: z.date(), owner: z.object({ name: z.string() }) });
    expect(() => rule.fromZod(schema, { criteria: { updtaed_at: 'live' } }))
      .toThrow('ddss: fromZod criteria["updtaed_at"] names no key of the schema (updated_at, owner)');
    expect(() => rule.fromZod(schema, { criteria: { updated_at: 'live', 'owner.name': 'clean' } })).not.toThrow();
  });
});

describe('rule.fromZod keys', () => {
  it.each([
    ['an optional key', z.object({ area: z.number().positive().optional() })],
    ['a key of a union branch', z.union([z.object({ a: z.any() }), z.object({ area: z.number().positive().optional() })])],
    ['a key under a transform and a refinement', z.object({ area: z.number().optional() }).refine(() => true).transform((r) => r)],
  ])('refuse a schema of a field the dataset does not declare (%s), which checked nothing: area -1 passed', (_, schema) => {
    expect(() => defineDataset({ name: 'd', fields: { a: field.any() }, rules: [...rule.fromZod(schema)] }))
      .toThrow(/checks "area", which is not a field of dataset "d"/);
  });
});

