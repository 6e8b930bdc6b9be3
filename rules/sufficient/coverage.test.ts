import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('coverage', () => {
  const def = defineDataset({
    name: 'd', fields: { province: field.text() }, rules: [rule.coverage('province', ['01', '79', '48'])],
  });
  it('scores the share of expected values present and names the absent ones', async () => {
    const report = await run(def, [{ province: '01' }, { province: '48' }, { province: '99' }, { province: '01' }]);
    const r = ruleOf(report, 'province.coverage');
    expect([r.level, r.checked, r.failed, r.score]).toEqual(['table', 3, 1, 0.666667]);
    expect(r.samples).toEqual([expect.objectContaining({ code: 'missing_expected_value', value: '79', field: 'province' })]);
    expect(r.samples[0]?.row).toBeUndefined();
  });
});
