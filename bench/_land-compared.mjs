/**
 * The built-in land-parcels definition restricted to the checks the hand-written loop and DuckDB make (rule ids in
 * DDSS_BENCH_COMPARED, comma-separated), as a module of its own so that worker threads can load it by name like any
 * definition (`module` + `name`); workers inherit the variable. Used by bench/_measure-ddss.mjs (`ddss-compared`).
 */
import { landParcels } from '../dist/datasets.js';

/**
 * The definition with only the rules whose ids `keep` accepts (ids as the report names them: `field.rule` for a
 * field's rules, the rule's name for dataset rules). A field's `required` and type checks are part of its spec and
 * stay. No `module`: a caller that needs workers names its own.
 */
export function withRules(def, keep) {
  const fields = Object.fromEntries(Object.entries(def.fields)
    .map(([name, spec]) => [name, { ...spec, rules: spec.rules.filter((r) => keep(r.id ?? `${name}.${r.name}`)) }]));
  return { ...def, fields, rules: def.rules.filter((r) => keep(r.id ?? r.name)), module: undefined };
}

const compared = new Set((process.env.DDSS_BENCH_COMPARED ?? '').split(','));

export const landCompared = {
  ...withRules(landParcels, (id) => compared.has(id)), name: 'land-parcels-compared', module: import.meta.url,
};
