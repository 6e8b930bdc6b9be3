/**
 * The ddss measurement as users run it: the built package (dist/, what `npm install ddss` and the `ddss` command
 * load) in a plain `node` child, without the TypeScript loader the other measurements' harness needs. bench/run.ts
 * builds dist/ first. Prints one JSON line like bench/_measure.ts: `{ kind, ms, maxRssMb, rows, counts }` with every
 * rule's failure count (run.ts picks the compared ones). `idle` loads the same modules and does nothing.
 * `ddss-no-unique` runs land-parcels without its three uniqueness rules: the memory that is not uniqueness keys,
 * which must stay flat in the number of rows.
 * `ddss-compared` runs only the rules whose ids are listed (comma-separated, after the worker count): the checks the
 * hand-written loop and DuckDB make, for like-for-like ratios (bench/_land-compared.mjs, loadable by workers).
 * Usage: node bench/_measure-ddss.mjs <ddss|ddss-no-unique|ddss-compared|idle> <file.csv> <nowIso> [workers] [ids]
 */
const [kind, path, nowIso, workers, ids] = process.argv.slice(2);
if (path === undefined || nowIso === undefined) throw new Error('usage: _measure-ddss.mjs <ddss|idle> <file> <now> [workers]');
if (kind === 'ddss-compared') process.env.DDSS_BENCH_COMPARED = ids ?? ''; // read by _land-compared.mjs, here and in workers
const [{ validate, readCsv }, { landParcels }, { landCompared, withRules }] = await Promise.all([
  import('../dist/index.js'), import('../dist/datasets.js'), import('./_land-compared.mjs'),
]);
const started = performance.now();
let rows = 0;
const counts = {};
if (kind === 'ddss' || kind === 'ddss-no-unique' || kind === 'ddss-compared') {
  const def = kind === 'ddss' ? landParcels
    // Without its uniqueness rules (field unique() and uniqueBy): the memory that must stay flat in rows.
    : kind === 'ddss-no-unique' ? withRules(landParcels, (id) => !id.endsWith('.unique')) : landCompared;
  const report = await validate(def, readCsv(path), { now: new Date(nowIso), workers: Number(workers ?? 1) });
  rows = report.rows;
  for (const r of report.rules) counts[r.id] = r.failed;
}
const ms = performance.now() - started;
// resourceUsage().maxRSS is in KiB and covers every thread of this process (the workers included).
process.stdout.write(`${JSON.stringify({ kind, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, counts })}\n`);

