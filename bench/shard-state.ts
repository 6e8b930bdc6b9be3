/**
 * npm run bench:shards — what a sharded run costs (docs/scale.md): validates the seeded land CSV (`--rows`, generated
 * once into bench/out/) as N shards one after another in this process, for each N of `--shards`, and measures each
 * shard's time and state-file size (and how much of it is the uniqueness rules' states), then decodes every state and times
 * `mergeShards`. Checks that the merged JSON report equals a single run's (exits 1 otherwise) and writes
 * bench/RESULTS-shards.md. Not part of `npm test` (timings vary).
 * Usage: npm run bench:shards -- [--rows 1000000] [--shards 1,4,16] [--seed 20261122]
 */
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serialize } from 'node:v8';
import { DEFAULT_NOW, SAMPLE_SEED } from '../examples/generate.js';
import { landFile as generatedLand } from './_land-file.js';
import { landParcels } from '../rules/datasets/index.js';
import { readCsv, toJson, validate } from '../src/index.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import { writeSection } from './_results.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: {
  rows: { type: 'string', default: '1000000' }, shards: { type: 'string', default: '1,4,16' }, seed: { type: 'string', default: String(SAMPLE_SEED) },
} });
const ROWS = Number(args.rows);
const SEED = Number(args.seed);
const COUNTS = args.shards.split(',').map(Number);
if (!Number.isSafeInteger(ROWS) || ROWS < 1) throw new Error('--rows must be a whole number ≥ 1');
if (!COUNTS.every((n) => Number.isSafeInteger(n) && n >= 1 && n <= 1000)) throw new Error('--shards must list whole numbers from 1 to 1000');
const log = (s: string): void => { process.stderr.write(`${s}\n`); };
const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const landFile = (rows: number): Promise<string> => generatedLand(rows, SEED, log);

let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
const file = await landFile(ROWS);
const now = DEFAULT_NOW;
let t = performance.now();
const single = toJson(await validate(landParcels, readCsv(file), { now }));
const singleMs = performance.now() - t;
log(`one process: ${sec(singleMs)}`);
const lines: string[] = [];
for (const n of COUNTS) {
  const files: Uint8Array[] = [];
  let slowest = 0;
  let unique = 0;
  for (let k = 1; k <= n; k++) {
    t = performance.now();
    const s = await validateShard(landParcels, readCsv(file), { shard: { index: k, count: n }, now });
    slowest = Math.max(slowest, performance.now() - t);
    // The uniqueness rules' states: the aggregate states that hold a sighting log (or, made by an older ddss, a key table).
    for (const r of s.state.rules) {
      const agg = r.agg as { log?: unknown; table?: unknown } | undefined;
      if (agg?.log !== undefined || agg?.table !== undefined) unique += serialize(r.agg).length;
    }
    files.push(encodeShardState(s));
  }
  const bytes = files.reduce((a, f) => a + f.length, 0);
  t = performance.now();
  const states = files.map((f) => decodeShardState(f));
  const decodeMs = performance.now() - t;
  t = performance.now();
  const merged = toJson(mergeShards(landParcels, states));
  const mergeMs = performance.now() - t;
  if (merged !== single) {
    log(`${n} shards: the merged report differs from one process's`);
    process.exit(1);
  }
  const per1M = (bytes / ROWS) * 1e6;
  log(`${n} shards: states ${mb(bytes)} (${mb(per1M)} per 1M rows), decode ${sec(decodeMs)}, merge ${sec(mergeMs)}, slowest shard ${sec(slowest)}`);
  lines.push(`| ${n} | ${mb(bytes)} | ${mb(per1M)} | ${((unique / bytes) * 100).toFixed(0)} % | ${mb(Math.max(...files.map((f) => f.length)))} | ${sec(slowest)} | ${sec(decodeMs)} | ${sec(mergeMs)} |`);
}
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
await writeSection(join(HERE, 'RESULTS-shards.md'), `bench:shards:${ROWS}`, [
  `### Sharded runs: ${ROWS.toLocaleString('en-US')} land rows`,
  '',
  `- command: \`npm run bench:shards -- --rows ${ROWS} --shards ${COUNTS.join(',')} --seed ${SEED}\``,
  `- machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; shards run one after another in one process`,
  `- one process over the whole file: ${sec(singleMs)}; every merged report below equals its JSON byte for byte`,
  `- peak RSS of this process (the single run, then each N's states held together for the merge): ${mb(peak)}`,
  '',
  '| shards | state files, total | per 1M rows | of it uniqueness logs | largest state file | slowest shard | decode all | merge |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...lines,
].join('\n'));
log('wrote bench/RESULTS-shards.md');
