import { GUARD_OPTION, VN_FIELD_RULES } from './_vn-field-rules.js';
import { RULE_ID_KEY, VN_DATASET_RULES, columnKey } from './_vn-dataset-rules.js';
import { canonical } from '../../rules/vn/canonical.js';

type Json = Readonly<Record<string, unknown>>;

/**
 * The `$defs` key of a pack field rule's options, and of a pack dataset rule.
 * @example fieldDef('cccd') // 'vnField_cccd'
 */
export const fieldDef = (name: string): string => `vnField_${name}`;
export const datasetDef = (name: string): string => `vnRule_${name}`;

/**
 * The JSON Schema `$defs` describing the Vietnamese pack in a definition file, generated from the same tables the
 * build uses (`VN_FIELD_RULES`, `VN_DATASET_RULES`), so the schema's rule names and option types cannot drift from
 * what the build accepts (a test compares them with `schema/dataset.schema.json`; `npx tsx scripts/pack-schema.ts`
 * writes them there).
 * @example packSchemaDefs().vnFieldRule // { if: { type: 'string' }, then: { enum: ['cccd', …] }, else: … }
 */
export function packSchemaDefs(): Record<string, Json> {
  const defs: Record<string, Json> = {};
  const names = Object.keys(VN_FIELD_RULES);
  defs.vnFieldRule = {
    description: 'A rule of the Vietnamese pack (ddss/vn): its name, or a one-key map of its name to its options.',
    if: { type: 'string' },
    then: { enum: names },
    else: {
      type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false,
      properties: Object.fromEntries(names.map((n) => [n, { $ref: `#/$defs/${fieldDef(n)}` }])),
    },
  };
  for (const [name, spec] of Object.entries(VN_FIELD_RULES)) {
    const properties: Record<string, unknown> = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, o.schema]));
    if (spec.guardable === true) {
      properties[GUARD_OPTION] = { type: 'boolean', description: 'Skip values legacyEncoding reports (TCVN3/VNI text, mojibake): one finding for one cause.' };
    }
    defs[fieldDef(name)] = {
      description: `vn.${name}: ${spec.description}`,
      type: ['object', 'null'], $ref: '#/$defs/ruleOptions', properties, unevaluatedProperties: false,
    };
  }
  defs.packRuleOptions = {
    description: 'Options every pack dataset rule accepts; ruleId sets its id (id names the personal-ID column of some).',
    properties: {
      [RULE_ID_KEY]: { type: 'string', minLength: 1, maxLength: 200 },
      criterion: { enum: ['correct', 'sufficient', 'clean', 'live'] },
      severity: { enum: ['error', 'warning', 'info'] },
      threshold: { $ref: '#/$defs/ratio' },
      weight: { $ref: '#/$defs/weight' },
      message: { $ref: '#/$defs/text' },
    },
  };
  for (const [name, spec] of Object.entries(VN_DATASET_RULES)) {
    const column = { type: 'string', minLength: 1, description: 'A field of this dataset.' };
    const keys = spec.columns.map((c) => columnKey(spec, c));
    const properties: Record<string, unknown> = { type: true, ...Object.fromEntries(keys.map((c) => [c, column])) };
    if (spec.columnList !== undefined) properties[spec.columnList] = { $ref: '#/$defs/columns', minItems: 2 };
    for (const [k, o] of Object.entries(spec.options)) properties[k] = o.schema;
    defs[datasetDef(name)] = {
      description: `vn.${name}: ${spec.description}`,
      $ref: '#/$defs/packRuleOptions',
      required: [...keys, ...(spec.columnList === undefined ? [] : [spec.columnList])],
      properties, unevaluatedProperties: false,
    };
  }
  defs.canonical = { enum: Object.keys(canonical), description: 'A canonical form of vn.canonical: values are compared in it.' };
  return defs;
}

/**
 * The `type` values of the pack's dataset rules.
 * @example packRuleTypes()[0] // 'vn.idBirthYear'
 */
export function packRuleTypes(): string[] {
  return Object.keys(VN_DATASET_RULES).map((n) => `vn.${n}`);
}
