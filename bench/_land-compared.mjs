/**
 * The built-in land-parcels definition restricted to the checks the hand-written loop and DuckDB make (rule ids in
 * DDSS_BENCH_COMPARED, comma-separated), as a module of its own so that worker threads can load it by name like any
 * definition (`module` + `name`); workers inherit the variable. Used by bench/_measure-ddss.mjs (`ddss-compared`).
 */
import { landParcels } from '../dist/datasets.js';

const keep = new Set((process.env.DDSS_BENCH_COMPARED ?? '').split(','));

/**
 * Only the rules whose ids are kept (ids as the report names them: `field.rule` for a field's rules, the rule's name
 * for dataset rules). A field's `required` and type checks are part of its spec and stay; they are compared too.
 */
const fields = Object.fromEntries(Object.entries(landParcels.fields)
  .map(([name, spec]) => [name, { ...spec, rules: spec.rules.filter((r) => keep.has(r.id ?? `${name}.${r.name}`)) }]));

export const landCompared = {
  ...landParcels, name: 'land-parcels-compared', fields,
  rules: landParcels.rules.filter((r) => keep.has(r.id ?? r.name)), module: import.meta.url,
};
