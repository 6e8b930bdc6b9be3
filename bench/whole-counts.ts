/**
 * Checks the whole-definition DuckDB query (bench/_duckdb-whole.ts) against ddss on one file, without the whole
 * bench: ddss from the built package (dist/, build it first: `npx tsup`) in a child, then the query with 2 threads,
 * and prints every rule's failure counts side by side. Exit code 1 when a compared rule differs or a rule of ddss's
 * report is in none of bench/_checks.ts's lists.
 *   npx tsx bench/whole-counts.ts bench/out/land-20000-s20261122-gf5cbf060.csv [--now 2026-11-22T00:00:00.000Z]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_NOW } from '../examples/generate.js';
import { COMPARED, WHOLE_EXTRA, WHOLE_NOT_COMPARED } from './_checks.js';
import { runDuckDbWhole } from './_duckdb-whole.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { now: { type: 'string', default: DEFAULT_NOW } } });
const file = positionals[0];
if (file === undefined) throw new Error('usage: bench/whole-counts.ts <file.csv> [--now ISO]');
const nowIso = new Date(values.now).toISOString();

const out = execFileSync(process.execPath, [join(HERE, '_measure-ddss.mjs'), 'ddss', file, nowIso, '1'],
  { cwd: join(HERE, '..'), maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' });
const ddss = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { rows: number; ms: number; counts: Record<string, number> };
const started = performance.now();
const duck = await runDuckDbWhole(file, Date.parse(nowIso), 2);
const duckMs = performance.now() - started;

const ids = [...COMPARED, ...WHOLE_EXTRA];
const left = new Set(Object.keys(WHOLE_NOT_COMPARED).flatMap((k) => k.split(', ')));
let bad = 0;
console.log(`rows: ddss ${ddss.rows}, DuckDB ${duck.rows}; ddss 1 worker ${(ddss.ms / 1000).toFixed(2)} s, DuckDB whole 2 threads ${(duckMs / 1000).toFixed(2)} s`);
for (const id of ids) {
  const same = ddss.counts[id] !== undefined && ddss.counts[id] === duck.counts[id];
  if (!same) bad++;
  console.log(`${same ? '  ' : '≠ '}${id.padEnd(44)} ${String(ddss.counts[id] ?? '—').padStart(8)} ${String(duck.counts[id] ?? '—').padStart(8)}${(WHOLE_EXTRA as readonly string[]).includes(id) ? '  (whole only)' : ''}`);
}
const unlisted = Object.keys(ddss.counts).filter((id) => !ids.includes(id as never) && !left.has(id));
if (unlisted.length > 0) console.log(`rules of ddss's report in no list of bench/_checks.ts: ${unlisted.join(', ')}`);
console.log(`${ids.length - bad} of ${ids.length} rules agree (${COMPARED.length} compared + ${WHOLE_EXTRA.length} whole-only); ${left.size} left out`);
if (bad > 0 || unlisted.length > 0) process.exitCode = 1;
