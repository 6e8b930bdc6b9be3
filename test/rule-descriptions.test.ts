import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule, toHtml } from '../src/index.js';
import { compile } from '../src/core/compile.js';
import { describeRule } from '../src/core/messages/descriptions.js';
import { builtins } from '../src/cli/_builtins.js';
import { cli } from './fixtures/cli/harness.js';
import { run, ruleOf } from './_run.js';

// Every rule says what it checks, in both languages, built from its metadata: a steward reads it in the HTML rule
// table and in `ddss datasets --rules NAME`.
describe('rule descriptions', () => {
  const all = [...builtins().values()].flatMap((def) => compile(def).slots.map((slot) => ({ def: def.name, slot })));

  it.each(all.map(({ def, slot }) => [def, slot.id, slot] as const))('%s %s has a specific line in en and vi', (_def, _id, slot) => {
    const d = describeRule(slot, slot.kind === 'aggregate' && slot.fieldIndex < 0);
    expect(typeof d).toBe('object');
    const { en, vi } = d as { en: string; vi: string };
    for (const text of [en, vi]) {
      expect(text).not.toMatch(/custom check|kiểm tra tùy chỉnh|\{|\[object|undefined|null|NaN/);
      expect(text.length).toBeGreaterThan(8);
    }
    expect(en).not.toBe(vi);
  });

  const def = defineDataset({
    name: 'd',
    fields: { area: field.number().min(0), owner: field.text().required() },
    rules: [
      rule.record('area_positive', (r) => (r.area as number) > 0, { fields: ['area'] }),
      rule.record('described', () => true, { description: { en: 'owners are on file', vi: 'chủ sở hữu có hồ sơ' } }),
    ],
  });

  it('the report carries each rule\'s description; a custom check says so, or carries its own', async () => {
    const report = await run(def, [{ area: '-1', owner: 'A' }]);
    expect(ruleOf(report, 'area.min').description).toEqual({ en: 'the value is at least 0', vi: 'giá trị không nhỏ hơn 0' });
    expect(ruleOf(report, 'owner.required').description).toMatchObject({ en: expect.stringContaining('filled in') as string });
    expect((ruleOf(report, 'area_positive').description as { en: string }).en).toContain('area_positive');
    expect(ruleOf(report, 'described').description).toEqual({ en: 'owners are on file', vi: 'chủ sở hữu có hồ sơ' });
  });

  it.each([['en', 'the value is at least 0'], ['vi', 'giá trị không nhỏ hơn 0']] as const)('the HTML rule table shows it (%s)', async (locale, text) => {
    const html = toHtml(await run(def, [{ area: '-1', owner: 'A' }], { locale }));
    const row = html.split('<tr').find((tr) => tr.includes('>area.min<')) ?? '';
    expect(row).toContain(text);
  });

  it('ddss datasets --rules NAME lists every rule with what it checks', async () => {
    const r = await cli(['datasets', '--rules', 'land-parcels', '--locale', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/owner_id\.cccd\s+correct\s+error\s+số CCCD/);
    const json = await cli(['datasets', '--rules', 'land-parcels', '--json']);
    const rows = JSON.parse(json.stdout) as { id: string; description: string }[];
    expect(rows.length).toBe(compile(builtins().get('land-parcels')!).slots.length);
    expect(rows.every((x) => x.description.length > 0)).toBe(true);
    const bad = await cli(['datasets', '--rules', 'no-such']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no built-in dataset "no-such"/);
  });
});
