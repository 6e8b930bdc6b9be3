/**
 * One measurement of `npm run bench:memory`, in a fresh process: validates a file with N workers, streaming every
 * violation to an NDJSON file through the library's sink (what `ddss validate --violations` does), and prints one
 * JSON line `{ rows, workers, violations, ms, maxRssMb }`. Runs the built package (dist/) in plain `node`.
 * Usage: node bench/_memory-run.mjs <file.csv> <workers> <violations.ndjson>
 */
const [path, workers, out] = process.argv.slice(2);
if (path === undefined || workers === undefined || out === undefined) {
  throw new Error('usage: _memory-run.mjs <file.csv> <workers> <violations.ndjson>');
}
const [{ validate, readCsv, violationSink }, { everyRowFails }] = await Promise.all([
  import('../dist/index.js'), import('./_memory-def.mjs'),
]);
const started = performance.now();
let violations = 0;
const sink = violationSink(out, { format: 'ndjson' });
const report = await validate(everyRowFails, readCsv(path), {
  now: new Date('2026-11-22T00:00:00Z'),
  workers: Number(workers),
  // Use every worker asked for, whatever the file's size (the default wants 4 MiB per worker).
  minBytesPerWorker: 1,
  onViolation: (v) => { violations++; sink.write(v); },
});
await sink.close();
const ms = performance.now() - started;
// resourceUsage().maxRSS is in KiB and covers every thread of this process (the workers included).
process.stdout.write(`${JSON.stringify({ rows: report.rows, status: report.status, workers: Number(workers), violations, ms,
  maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
