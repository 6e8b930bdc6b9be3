/**
 * ddss reading the land table from PostgreSQL, from the built package (dist/) in a plain `node` child, as
 * bench/_measure-ddss.mjs measures the CSV file. Prints one JSON line `{ kind, ms, maxRssMb, rows, counts, json }`
 * (`json`: a hash of the report JSON, to check that 1 and 2 workers give the same bytes).
 * Usage: node bench/_measure-ddss-pg.mjs <postgresql://…> <table> <nowIso> [workers]
 */
import { createHash } from 'node:crypto';

const [url, table, nowIso, workers] = process.argv.slice(2);
if (url === undefined || table === undefined || nowIso === undefined) throw new Error('usage: _measure-ddss-pg.mjs <url> <table> <now> [workers]');
const [{ validate, readPostgres, toJson }, { landParcels }] = await Promise.all([import('../dist/index.js'), import('../dist/datasets.js')]);
const started = performance.now();
const report = await validate(landParcels, readPostgres({ connectionString: url, table }), { now: new Date(nowIso), workers: Number(workers ?? 1) });
const ms = performance.now() - started;
if (report.partial) throw new Error(`partial read: ${report.source?.error}`);
const counts = {};
for (const r of report.rules) counts[r.id] = r.failed;
const json = createHash('sha256').update(toJson(report)).digest('hex').slice(0, 16);
process.stdout.write(`${JSON.stringify({ kind: `postgres-${workers ?? 1}`, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: report.rows, counts, json })}\n`);
