import { describe, expect, it } from 'vitest';
import schema from '../../schema/dataset.schema.json' with { type: 'json' };
import { datasetDef, packRuleTypes, packSchemaDefs } from './_pack-schema.js';
import { VN_FIELD_RULES } from './_vn-field-rules.js';

const defs = schema.$defs as Record<string, unknown>;

describe('schema/dataset.schema.json describes the Vietnamese pack as the build accepts it', () => {
  it.each(Object.entries(packSchemaDefs()))('$defs.%s is what the rule tables say (npx tsx scripts/pack-schema.ts)', (key, def) => {
    expect(defs[key]).toEqual(def);
  });

  it('has no pack definition the tables lack', () => {
    const generated = Object.keys(packSchemaDefs());
    expect(Object.keys(defs).filter((k) => /^vn(Field|Rule)_/.test(k) && !generated.includes(k))).toEqual([]);
  });

  it('lists every pack dataset rule among the rule types, each with its branch', () => {
    const rule = defs.datasetRule as { properties: { type: { enum: string[] } }; allOf: { if: { properties: { type: { const: string } } }; then: { $ref: string } }[] };
    for (const t of packRuleTypes()) {
      expect(rule.properties.type.enum).toContain(t);
      expect(rule.allOf.find((b) => b.if.properties.type.const === t)?.then.$ref).toBe(`#/$defs/${datasetDef(t.slice(3))}`);
    }
  });

  it('offers every pack field rule by name in a field\'s vn list', () => {
    const entry = defs.vnFieldRule as { then: { enum: string[] } };
    expect(entry.then.enum).toEqual(Object.keys(VN_FIELD_RULES));
    expect((schema.$defs.field.properties as Record<string, unknown>).vn).toBeDefined();
  });
});
