import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field } from '../index.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const ids = defineDataset({ name: 'ids', fields: { id: field.text().unique() } });
const validatorOf = (values: readonly string[]) => {
  const v = createValidator(ids, { now: NOW });
  for (const id of values) v.add({ id });
  return v;
};
const counts = (v: ReturnType<typeof createValidator>) => {
  const r = v.finish();
  return [r.rows, r.rules.find((x) => x.id === 'id.unique')?.failed];
};

describe('createValidator: merging states', () => {
  it('refuses to merge its own state (it grew its uniqueness table while walking it, until memory ran out)', () => {
    const v = validatorOf(['a', 'b']);
    expect(() => v.merge(v.state())).toThrow(/cannot merge its own state/);
    expect(counts(v)).toEqual([2, 0]);
  });

  it('refuses rows, merges and its state after merge(state, true), which counted them against partial tables', () => {
    // Whole: p, q, p, q → 4 rows in duplicate groups. After a last merge the later shard counted 2; a later row 0.
    const merged = validatorOf(['p']);
    merged.merge(validatorOf(['q']).state(), true);
    expect(() => merged.merge(validatorOf(['p', 'q']).state())).toThrow(/after merge\(state, true\)/);
    expect(() => merged.add({ id: 'q' })).toThrow(/after merge\(state, true\)/);
    expect(() => merged.addMany([{ id: 'q' }])).toThrow(/after merge\(state, true\)/);
    expect(() => merged.state()).toThrow(/after merge\(state, true\)/);
    expect(counts(merged)).toEqual([2, 0]);
  });

  it('still merges any number of states when none is marked last, and refuses a merge after finish', () => {
    const v = validatorOf(['p']);
    v.merge(validatorOf(['q']).state());
    v.merge(validatorOf(['p', 'q']).state(), true);
    expect(counts(v)).toEqual([4, 4]);
    expect(() => v.merge(validatorOf(['r']).state())).toThrow(/already finished/);
  });
});
