import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineDataset, field, rule } from '../index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('rule.fromZod', () => {
  const def = defineDataset({
    name: 'd',
    fields: { area_m2: field.number(), owner: field.any() },
    rules: [rule.fromZod(z.object({ area_m2: z.number().positive(), owner: z.object({ name: z.string().min(2) }) }), { id: 'parcel_schema' })],
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
