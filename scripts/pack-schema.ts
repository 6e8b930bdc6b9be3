// Regenerates the Vietnamese-pack parts of schema/dataset.schema.json from the rule tables of src/declarative
// (`npx tsx scripts/pack-schema.ts`); src/declarative/_pack-schema.test.ts fails until it is run after a table change.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { datasetDef, packRuleTypes, packSchemaDefs } from '../src/declarative/_pack-schema.js';

type Json = Record<string, unknown>;
const path = fileURLToPath(new URL('../schema/dataset.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(path, 'utf8')) as { $defs: Record<string, Json> };
const defs = schema.$defs;
const rule = defs.datasetRule as { properties: { type: { enum: string[] } }; allOf: { if: { properties: { type: { const: string } } } }[] };
const core = rule.properties.type.enum.filter((t) => !t.startsWith('vn.'));
rule.properties.type.enum = [...core, ...packRuleTypes()];
rule.allOf = [
  ...rule.allOf.filter((b) => !b.if.properties.type.const.startsWith('vn.')),
  ...packRuleTypes().map((t) => ({ if: { properties: { type: { const: t } } }, then: { $ref: `#/$defs/${datasetDef(t.slice(3))}` } })),
];
for (const k of Object.keys(defs)) if (/^vn(Field|Rule)_/.test(k)) delete defs[k];
Object.assign(defs, packSchemaDefs());

// Short objects, and objects of scalars, on one line; the rest indented.
function format(v: unknown, indent: string): string {
  const one = JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']');
  if (indent.length + one.length <= 118 || v === null || typeof v !== 'object') return one;
  const flat = !Array.isArray(v) && Object.values(v).every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.every((y) => typeof y !== 'object')));
  if (flat) return one;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + format(x, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${format(x, inner)}`).join(',\n')}\n${indent}}`;
}
writeFileSync(path, `${format(schema, '')}\n`);
