import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../../src/index.js';
import { run, ruleOf } from '../../test/_run.js';

describe('reference', () => {
  it('checks values against a list, skipping missing ones', async () => {
    const def = defineDataset({
      name: 'd', fields: { commune: field.text() },
      rules: [rule.reference('commune', new Set(['00004', '00008']), { name: 'communes 2025' })],
    });
    const r = ruleOf(await run(def, [{ commune: '00004' }, { commune: '99999' }, { commune: '' }]), 'commune.reference');
    expect([r.checked, r.failed, r.samples[0]?.code, r.samples[0]?.message]).toEqual([
      2, 1, 'not_in_reference', 'commune: "99999" is not in the reference list communes 2025',
    ]);
  });
});
