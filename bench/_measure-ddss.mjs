/**
 * The ddss measurement as users run it: the built package (dist/, what `npm install ddss` and the `ddss` command
 * load) in a plain `node` child, without the TypeScript loader the other measurements' harness needs. bench/run.ts
 * builds dist/ first. Prints one JSON line like bench/_measure.ts: `{ kind, ms, maxRssMb, rows, counts }` with every
 * rule's failure count (run.ts picks the compared ones). `idle` loads the same modules and does nothing.
 * `ddss-no-unique` runs land-parcels without its three uniqueness rules: the memory that is not uniqueness keys,
 * which must stay flat in the number of rows.
 * `ddss-compared` runs only the rules whose ids are listed (comma-separated, after the worker count): the checks the
 * hand-written loop and DuckDB make, for a like-for-like engine overhead.
 * Usage: node bench/_measure-ddss.mjs <ddss|ddss-no-unique|ddss-compared|idle> <file.csv> <nowIso> [workers] [ids]
 */
const [kind, path, nowIso, workers, ids] = process.argv.slice(2);
if (path === undefined || nowIso === undefined) throw new Error('usage: _measure-ddss.mjs <ddss|idle> <file> <now> [workers]');
const [{ validate, readCsv }, { landParcels }] = await Promise.all([
  import('../dist/index.js'), import('../dist/datasets.js'),
]);
const started = performance.now();
let rows = 0;
const counts = {};
if (kind === 'ddss' || kind === 'ddss-no-unique' || kind === 'ddss-compared') {
  const def = kind === 'ddss' ? landParcels
    : kind === 'ddss-no-unique' ? withoutUniqueness(landParcels)
      : onlyRules(landParcels, new Set((ids ?? '').split(',')));
  const report = await validate(def, readCsv(path), { now: new Date(nowIso), workers: Number(workers ?? 1) });
  rows = report.rows;
  for (const r of report.rules) counts[r.id] = r.failed;
}
const ms = performance.now() - started;
// resourceUsage().maxRSS is in KiB and covers every thread of this process (the workers included).
process.stdout.write(`${JSON.stringify({ kind, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, counts })}\n`);

/** The definition with its uniqueness rules (field `unique()` and `uniqueBy`) left out; everything else as is. */
function withoutUniqueness(def) {
  const fields = Object.fromEntries(Object.entries(def.fields)
    .map(([name, spec]) => [name, { ...spec, rules: spec.rules.filter((r) => r.name !== 'unique') }]));
  return { ...def, fields, rules: def.rules.filter((r) => !r.name.endsWith('.unique')), module: undefined };
}

/**
 * The definition with only the rules whose ids are in `keep` (ids as the report names them: `field.rule` for a
 * field's rules, the rule's name for dataset rules). A field's `required` and type checks are part of its spec and
 * stay; they are compared too.
 */
function onlyRules(def, keep) {
  const fields = Object.fromEntries(Object.entries(def.fields)
    .map(([name, spec]) => [name, { ...spec, rules: spec.rules.filter((r) => keep.has(r.id ?? `${name}.${r.name}`)) }]));
  return { ...def, fields, rules: def.rules.filter((r) => keep.has(r.id ?? r.name)), module: undefined };
}
