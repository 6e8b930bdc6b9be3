/**
 * npm run bench:compare — `ddss compare` against DuckDB doing the same FULL OUTER JOIN on the same two CSV files
 * (bench/_compare-data.ts: a source and a reordered copy with 1% changed, 0.5% missing and 0.5% extra records).
 * Each run is a child process under `/usr/bin/time -v` (wall time and peak RSS of its own), bounded by --timeout.
 * ddss runs twice: with its key table in memory, and with --memory-budget small enough that both sides are
 * hash-partitioned to temporary files. Both tools' counts are checked against the generator's. Writes
 * bench/RESULTS-compare.md.
 *
 * Usage: npm run bench:compare -- [--rows 1000000] [--spill-budget 32] [--threads 2] [--timeout 900] [--partitioned]
 *   --partitioned  also run ddss with --memory-budget SPILL-BUDGET (at 10M rows the default budget partitions anyway).
 * ddss runs from the sources through tsx (no build needed); `--max-old-space-size=1024` bounds its heap. Each row
 * count gets its own section of bench/RESULTS-compare.md, so a 10M run keeps the 1M numbers.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePair, type Expected } from './_compare-data.js';
import { writeSection } from './_results.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'spill-budget': { type: 'string', default: '32' },
    threads: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '900' },
    partitioned: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const TIMEOUT_MS = Number(args.timeout) * 1000;

interface Measured { label: string; seconds: number; cpu: number; rssMb: number; counts: Record<string, number>; note: string }

const log = (text: string): void => { process.stderr.write(`${text}\n`); };

function timed(label: string, command: string[], read: (stdout: string) => Promise<Record<string, number>>, note: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/time', ['-v', ...command], { cwd: ROOT, timeout: TIMEOUT_MS, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      // ddss exits 1 when the copy differs, which it does here.
      if (error !== null && (error as { code?: unknown }).code !== 1) {
        reject(new Error(`${label} failed: ${error.message}\n${stderr}`));
        return;
      }
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (wall === null || rss === null) {
        reject(new Error(`${label}: no /usr/bin/time output\n${stderr}`));
        return;
      }
      const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
      // CPU time (user + system) says more than wall time on a machine shared with other work.
      const cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? Number.NaN) +
        Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1] ?? Number.NaN);
      read(stdout).then((counts) => resolve({ label, seconds, cpu, rssMb: Number(rss[1]) / 1024, counts, note }), reject);
    });
  });
}

async function main(): Promise<void> {
  if (!Number.isSafeInteger(ROWS) || ROWS < 1000) throw new Error('--rows must be a whole number ≥ 1000');
  await mkdir(OUT, { recursive: true });
  const source = join(OUT, `compare-${ROWS}-source.csv`);
  const copy = join(OUT, `compare-${ROWS}-copy.csv`);
  const expectedFile = join(OUT, `compare-${ROWS}-expected.json`);
  let expected: Expected;
  if (existsSync(expectedFile) && existsSync(source) && existsSync(copy)) expected = JSON.parse(await readFile(expectedFile, 'utf8')) as Expected;
  else {
    log(`generating ${ROWS} × ${ROWS} rows…`);
    expected = await generatePair(ROWS, source, copy);
    await writeFile(expectedFile, JSON.stringify(expected));
  }
  const ddss = (label: string, extra: string[], note: string): Promise<Measured> => {
    const report = join(OUT, `compare-${ROWS}-${label}.json`);
    return timed(label, ['node', '--max-old-space-size=1024', '--import', 'tsx', 'src/cli/main.ts', 'compare', source, copy,
      '--key', 'id', '--format', 'json', '--out', report, '--force', ...extra],
    async () => {
      const r = JSON.parse(await readFile(report, 'utf8')) as { counts: Record<string, number>; partitions: number };
      return { ...r.counts, partitions: r.partitions };
    }, note);
  };
  const runs: Measured[] = [];
  log('ddss compare (in memory)…');
  runs.push(await ddss('ddss', [], 'default --memory-budget (256 MiB)'));
  if (args.partitioned) {
    log(`ddss compare (--memory-budget ${args['spill-budget']})…`);
    runs.push(await ddss('ddss-partitioned', ['--memory-budget', args['spill-budget']], `--memory-budget ${args['spill-budget']} MiB: hash-partitioned to temporary files`));
  }
  log('DuckDB FULL OUTER JOIN…');
  runs.push(await timed('duckdb', ['node', '--import', 'tsx', join(HERE, '_compare-duckdb.ts'), source, copy, args.threads],
    async (stdout) => JSON.parse(stdout) as Record<string, number>, `${args.threads} threads, all_varchar`));
  for (const r of runs) {
    for (const k of ['matched', 'changed', 'missing', 'extra'] as const) {
      if (r.counts[k] !== expected[k]) throw new Error(`${r.label} counted ${k} ${r.counts[k]}, expected ${expected[k]}`);
    }
  }
  const duck = runs[runs.length - 1] as Measured;
  const lines = [
    `## ${ROWS.toLocaleString('en')} × ${ROWS.toLocaleString('en')} rows`,
    '',
    `Generated by bench/compare.ts on ${new Date().toISOString().slice(0, 10)}: ${ROWS.toLocaleString('en')} source rows × ` +
      `${(expected.matched + expected.changed + expected.extra).toLocaleString('en')} copy rows (6 columns, key \`id\`, the copy ` +
      'reordered; 1% changed, 0.5% missing, 0.5% extra). Both tools found exactly the generated counts ' +
      `(matched ${expected.matched}, changed ${expected.changed}, missing ${expected.missing}, extra ${expected.extra}).`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average at the end ` +
      `${loadavg().map((x) => x.toFixed(1)).join(' / ')} (shared with other work: wall times are noisy).`,
    '',
    '| run | wall s | CPU s (user + sys) | peak RSS MB | × DuckDB wall | × DuckDB CPU | notes |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...runs.map((r) => `| ${r.label} | ${r.seconds.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.rssMb.toFixed(0)} | ` +
      `${(r.seconds / duck.seconds).toFixed(1)} | ${(r.cpu / duck.cpu).toFixed(1)} | ` +
      `${r.note}${r.counts.partitions === undefined ? '' : `; ${r.counts.partitions} partitions`} |`),
    '',
    'ddss runs from the sources through tsx (`--max-old-space-size=1024`, default `--memory-budget` 256 MiB); DuckDB ' +
      'through @duckdb/node-api in its own process.',
  ];
  const file = join(HERE, 'RESULTS-compare.md');
  if (!existsSync(file)) await writeFile(file, '# ddss compare vs DuckDB (`npm run bench:compare`)\n');
  await writeSection(file, `compare-${ROWS}`, lines.join('\n'));
  process.stdout.write(lines.join('\n'));
}

void main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
