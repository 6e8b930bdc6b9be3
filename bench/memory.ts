/**
 * npm run bench:memory — memory of a run that streams every violation to a file, which must stay flat in the number
 * of rows (DESIGN §3, issue 13 item 7): a rule fails every row of generated files of 200k and 2M rows, validated
 * with 1 and 2 workers and `onViolation` writing NDJSON (as `--violations` does), each in a fresh child process
 * running the built package. Prints the peak RSS of each and writes the section `memory` of bench/RESULTS.md.
 *
 * Usage: npm run bench:memory -- [--rows 200000,2000000] [--workers 1,2] [--skip-build] [--timeout 900]
 *   --skip-build  reuse dist/ as it is (rebuilt by default: the children run the built package).
 *   --timeout     seconds each child may take before it is killed (and the run fails).
 * Disk: the 2M-row file is ~50 MB, its violations ~500 MB (deleted after each run), and a 2-worker run spills
 * what waiting ranges find to the system's temporary directory meanwhile (deleted as it is replayed).
 */
import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSection } from './_results.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const RUN = join(HERE, '_memory-run.mjs');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000,2000000' },
    workers: { type: 'string', default: '1,2' },
    'skip-build': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '900' },
  },
});
const ROWS = args.rows.split(',').map(Number);
const WORKERS = args.workers.split(',').map(Number);
const TIMEOUT_MS = Number(args.timeout) * 1000;
for (const n of [...ROWS, ...WORKERS]) if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a whole number ≥ 1: ${n}`);

interface Measurement { rows: number; status: string; workers: number; violations: number; ms: number; maxRssMb: number }

const log = (text: string): void => { process.stderr.write(`${text}\n`); };

/** A CSV of `rows` rows whose `group` is `zz` in every row (not `a` or `b`: one violation per row). */
async function generate(rows: number): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const file = join(OUT, `memory-${rows}.csv`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.tmp`);
  out.write('id,group,n\n');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let k = i; k < Math.min(rows, i + 10_000); k++) chunk += `ID-${String(k).padStart(10, '0')},zz,${k % 1000}\n`;
    if (!out.write(chunk)) await new Promise<void>((r) => { out.once('drain', () => r()); });
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  const { rename } = await import('node:fs/promises');
  await rename(`${file}.tmp`, file);
  return file;
}

function child(file: string, workers: number, violations: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [RUN, file, String(workers), violations],
      { cwd: ROOT, timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null) reject(new Error(`${relative(ROOT, file)} with ${workers} workers: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop() as string) as Measurement);
      });
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  if (!args['skip-build']) {
    log('building dist/ (npm run build; --skip-build to reuse it)');
    await new Promise<void>((resolve, reject) => {
      execFile('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
        (error, _out, stderr) => (error ? reject(new Error(`build failed: ${stderr || error.message}`)) : resolve()));
    });
  }
  const loadBefore = loadavg()[0] ?? 0;
  const results: Array<Measurement & { bytes: number; violationBytes: number }> = [];
  for (const rows of ROWS) {
    const file = await generate(rows);
    const bytes = (await stat(file)).size;
    for (const workers of WORKERS) {
      const violations = join(OUT, `memory-${rows}-w${workers}.ndjson`);
      try {
        const m = await child(file, workers, violations);
        const violationBytes = (await stat(violations)).size;
        results.push({ ...m, bytes, violationBytes });
        log(`${rows.toLocaleString('en').padStart(10)} rows  ${workers} worker(s)  ${(m.ms / 1000).toFixed(1).padStart(6)} s  ` +
          `peak RSS ${Math.round(m.maxRssMb)} MB  (${m.violations.toLocaleString('en')} violations)`);
        if (m.violations !== rows) throw new Error(`expected ${rows} violations, got ${m.violations}`);
      } finally {
        await rm(violations, { force: true }); // hundreds of MB: never left behind
      }
    }
  }
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    '# Memory with every violation streamed to a file',
    '',
    'Generated by `npm run bench:memory` (bench/memory.ts) from the numbers it measured; do not edit by hand.',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ` +
      `${loadBefore.toFixed(2)} before / ${(loadavg()[0] ?? 0).toFixed(2)} after`,
    `- versions: Node ${process.version}, ddss ${pkg.version} (built package, dist/)`,
    `- command: \`npm run bench:memory -- --rows ${ROWS.join(',')} --workers ${WORKERS.join(',')}\` ` +
      `(total ${Math.round((performance.now() - t0) / 1000)} s)`,
    '- input: generated `id,group,n` files where `group.oneOf([\'a\', \'b\'])` fails every row (one violation per row); ' +
      'each run validates in a fresh `node bench/_memory-run.mjs` child, with `onViolation` writing NDJSON through ' +
      '`violationSink` (as `--violations` does) and `minBytesPerWorker: 1`. Peak RSS = `process.resourceUsage().maxRSS` ' +
      '(all threads of the child, workers included).',
    '',
    '| rows | file | workers | violations written | time | peak RSS |',
    '|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.rows.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(0)} MB | ${r.workers} | ` +
      `${r.violations.toLocaleString('en')} (${(r.violationBytes / 1e6).toFixed(0)} MB) | ${(r.ms / 1000).toFixed(1)} s | ` +
      `${Math.round(r.maxRssMb)} MB |`),
  ];
  lines.push('');
  for (const w of WORKERS) {
    const of = results.filter((r) => r.workers === w).sort((a, b) => a.rows - b.rows);
    if (of.length < 2) continue;
    lines.push(`- ${w} worker${w === 1 ? '' : 's'}: peak RSS ${of.map((r) => `${Math.round(r.maxRssMb)} MB`).join(' → ')} for ` +
      `${of.map((r) => r.rows.toLocaleString('en')).join(' → ')} rows.`);
  }
  await writeSection(join(HERE, 'RESULTS-memory.md'), 'memory', lines.join('\n'));
  log(`wrote ${relative(ROOT, join(HERE, 'RESULTS-memory.md'))}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:memory failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
