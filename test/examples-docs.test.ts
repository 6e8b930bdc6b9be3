import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from 'ddss';
import { enterpriseRegister, insuranceParticipants, landParcels } from 'ddss/datasets';
import { landDefects } from '../examples/generator/land-defects.js';
import { insuranceDefects } from '../examples/generator/insurance-defects.js';
import { enterpriseDefects } from '../examples/generator/enterprise-defects.js';

const doc = readFileSync(new URL('../docs/datasets.md', import.meta.url), 'utf8');

describe('docs/datasets.md', () => {
  it.each([landParcels, insuranceParticipants, enterpriseRegister])('names every rule of $name (type and required rules generically)', async (def) => {
    const report = await validate(def, []);
    const missing = report.rules.map((r) => r.id)
      .filter((id) => !id.endsWith('.type') && !id.endsWith('.required') && !doc.includes(`\`${id}\``));
    expect(missing).toEqual([]);
    for (const column of Object.keys(def.fields)) expect(doc, column).toContain(`\`${column}\``);
  });

  it('names every injected defect kind', () => {
    const missing = [...landDefects, ...insuranceDefects, ...enterpriseDefects].map((d) => d.kind).filter((k) => !doc.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
});
