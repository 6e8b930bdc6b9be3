/**
 * The ddss measurement as users run it: the built package (dist/, what `npm install ddss` and the `ddss` command
 * load) in a plain `node` child, without the TypeScript loader the other measurements' harness needs. bench/run.ts
 * builds dist/ first. Prints one JSON line like bench/_measure.ts: `{ kind, ms, cpuMs, otherMs, stealMs, maxRssMb, rows, counts, reportSha256 }` with every
 * rule's failure count (run.ts picks the compared ones). `idle` loads the same modules and does nothing.
 * `ddss-no-unique` runs land-parcels without its three uniqueness rules: the memory that is not uniqueness keys,
 * which must stay flat in the number of rows.
 * `ddss-compared` runs only the rules whose ids are listed (comma-separated, after the worker count): the checks the
 * hand-written loop and DuckDB make, for like-for-like ratios (bench/_land-compared.mjs, loadable by workers).
 * `ddss-insurance` and `ddss-enterprise` run the other two built-in definitions on their generated files.
 * On Linux the line also says where the CPU time went (`threads`, see `threadTimes`) and how much of it was system time.
 * Usage: node bench/_measure-ddss.mjs <ddss|ddss-no-unique|ddss-compared|ddss-insurance|ddss-enterprise|idle> <file.csv> <nowIso> [workers] [ids]
 */
const [kind, path, nowIso, workers, ids] = process.argv.slice(2);
if (path === undefined || nowIso === undefined) throw new Error('usage: _measure-ddss.mjs <ddss|idle> <file> <now> [workers]');
if (kind === 'ddss-compared') process.env.DDSS_BENCH_COMPARED = ids ?? ''; // read by _land-compared.mjs, here and in workers
const { createHash } = await import('node:crypto');
const { basename } = await import('node:path');
const { readdirSync, readFileSync } = await import('node:fs');
const { hostCpu, otherWork } = await import('./_host-cpu.mjs');

/**
 * CPU milliseconds of each thread of this process now alive, by thread id (Linux: /proc/self/task/<tid>/stat, fields
 * 14 and 15, in clock ticks of 10 ms: the USER_HZ of /proc on every Linux the bench runs on); undefined elsewhere.
 */
function threadTimes() {
  try {
    const times = new Map();
    for (const tid of readdirSync('/proc/self/task')) {
      // A thread that ended between the listing and the read is simply not counted.
      let stat;
      try { stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8'); } catch { continue; }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return times;
  } catch {
    return undefined;
  }
}
const [{ validate, readCsv, toJson }, { landParcels, insuranceParticipants, enterpriseRegister }, { landCompared, withRules }] = await Promise.all([
  import('../dist/index.js'), import('../dist/datasets.js'), import('./_land-compared.mjs'),
]);
const threads0 = threadTimes();
const host0 = hostCpu();
const sys0 = process.resourceUsage().systemCPUTime;
const started = performance.now();
const cpu0 = process.cpuUsage();
let rows = 0;
let reportSha256;
const counts = {};
const others = { 'ddss-insurance': insuranceParticipants, 'ddss-enterprise': enterpriseRegister };
if (kind === 'ddss' || kind === 'ddss-no-unique' || kind === 'ddss-compared' || kind in others) {
  const def = kind === 'ddss' ? landParcels : kind in others ? others[kind]
    // Without its uniqueness rules (field unique() and uniqueBy): the memory that must stay flat in rows.
    : kind === 'ddss-no-unique' ? withRules(landParcels, (id) => !id.endsWith('.unique')) : landCompared;
  // Named by its file name, as the CLI names it: the report (and its hash) must not depend on where the checkout is.
  const report = await validate(def, readCsv(path, { name: basename(path) }), { now: new Date(nowIso), workers: Number(workers ?? 1) });
  rows = report.rows;
  for (const r of report.rules) counts[r.id] = r.failed;
  // The report's bytes: every speed change must leave them as they were (bench/run.ts compares across versions).
  reportSha256 = createHash('sha256').update(toJson(report)).digest('hex');
}
const ms = performance.now() - started;
// cpuUsage covers every thread of the process (worker threads included): user + system time, so a busy machine shows.
const used = process.cpuUsage(cpu0);
const cpuMs = (used.user + used.system) / 1000;
const sysMs = (process.resourceUsage().systemCPUTime - sys0) / 1000;
// What the rest of the machine did meanwhile (bench/_host-cpu.mjs): a busy machine shows here, not in cpuMs.
const host = otherWork(host0, hostCpu(), cpuMs);
// Where the CPU time went: this (the calling) thread; the threads alive before and after the run (V8's platform
// threads, which compile optimised code and mark and sweep the heap, and libuv's, which read the file); and the rest,
// threads that ran during the run only: ddss's worker threads (each ended before validate() returned).
const threads1 = threadTimes();
let threads;
if (threads0 !== undefined && threads1 !== undefined) {
  let callingMs = 0;
  let backgroundMs = 0;
  for (const [tid, ms] of threads1) {
    const spent = ms - (threads0.get(tid) ?? 0);
    if (tid === process.pid) callingMs = spent;
    else backgroundMs += spent;
  }
  threads = { callingMs, workersMs: Math.max(0, cpuMs - callingMs - backgroundMs), backgroundMs };
}
// resourceUsage().maxRSS is in KiB and covers every thread of this process (the workers included).
process.stdout.write(`${JSON.stringify({ kind, ms, cpuMs, sysMs, threads, ...host, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, counts, reportSha256 })}\n`);

