/**
 * npm run bench:keys — uniqueness past V8's 16,777,216-entry Map/Set limit, outside the normal test run (it needs
 * ~1 GB and ~a minute). Streams `--keys` distinct ids (default 2^24 + 2^20) and then `--dups` rows repeating known
 * earlier ids through `field.text().unique()` and a composite `rule.uniqueBy`, and checks the findings EXACTLY:
 * every violation's row must be one of the expected duplicate pairs, and every pair must be reported. Prints time,
 * peak RSS and the logs' bytes per key; writes the "keys" section of bench/RESULTS.md. Exits 1 on any mismatch.
 * Usage: node --expose-gc --import tsx bench/keys.ts [--keys 17825792] [--dups 1000]
 */
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { createValidator, defineDataset, field, rule, type Violation } from '../src/index.js';
import { writeSection } from './_results.js';
import { typedBytes } from './_typed-bytes.js';
import { liveState } from '../src/core/live-state.js';

const { values: args } = parseArgs({
  options: { keys: { type: 'string', default: String(2 ** 24 + 2 ** 20) }, dups: { type: 'string', default: '1000' } },
});
const KEYS = Number(args.keys);
const DUPS = Number(args.dups);
const STEP = 1_000_003; // prime: j ↦ j·STEP mod KEYS hits DUPS different earlier rows
if (!Number.isSafeInteger(KEYS) || KEYS < 2 || !Number.isSafeInteger(DUPS) || DUPS < 0 || DUPS >= KEYS) {
  throw new Error('--keys must be ≥ 2 and --dups in [0, keys)');
}
if (KEYS % STEP === 0) throw new Error(`--keys must not be a multiple of ${STEP}`);

const def = defineDataset({
  name: 'keys', key: 'id',
  fields: { id: field.text().unique(), zone: field.text(), no: field.integer() },
  rules: [rule.uniqueBy(['zone', 'no'])],
});

/** Row i: distinct ids (and zone+no pairs) for i < KEYS, then row KEYS + j repeats row (j·STEP mod KEYS). */
function rowAt(i: number): { id: string; zone: string; no: number } {
  const k = i < KEYS ? i : ((i - KEYS) * STEP) % KEYS;
  return { id: `ID${k.toString(36).padStart(6, '0')}`, zone: `Z${k % 9973}`, no: Math.floor(k / 9973) };
}

const expected = new Set<number>(); // every row that must fail, per rule
for (let j = 0; j < DUPS; j++) {
  expected.add((j * STEP) % KEYS);
  expected.add(KEYS + j);
}

const failedRows = new Map<string, number[]>();
const v = createValidator(def, {
  maxSamplesPerRule: 10,
  onViolation: (x: Violation) => {
    const list = failedRows.get(x.rule) ?? [];
    list.push(x.row ?? -1);
    failedRows.set(x.rule, list);
  },
});
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => n / 1_048_576;
const started = performance.now();
const total = KEYS + DUPS;
const batch: ReturnType<typeof rowAt>[] = [];
for (let i = 0; i < total; i++) {
  batch.push(rowAt(i));
  if (batch.length === 65_536 || i === total - 1) {
    v.addMany(batch);
    batch.length = 0;
  }
  if (i % 4_000_000 === 3_999_999) process.stderr.write(`${((i + 1) / 1e6).toFixed(0)}M rows\n`);
}
gc?.();
const tables = typedBytes(liveState(v)); // the uniqueness rules' typed arrays, not a copy (state() copies)
const report = v.finish();
const ms = performance.now() - started;

const problems: string[] = [];
for (const id of ['id.unique', 'zone+no.unique']) {
  const r = report.rules.find((x) => x.id === id);
  const rows = (failedRows.get(id) ?? []).sort((a, b) => a - b);
  const want = [...expected].sort((a, b) => a - b);
  if (r === undefined) problems.push(`${id}: missing from the report`);
  else if (r.checked !== total || r.failed !== want.length) problems.push(`${id}: checked ${r.checked}, failed ${r.failed}; expected ${total}, ${want.length}`);
  if (rows.length !== want.length || rows.some((x, n) => x !== want[n])) problems.push(`${id}: the failing rows differ from the ${want.length} expected`);
}

const peak = process.resourceUsage().maxRSS * 1024;
const out = [
  '## Uniqueness beyond 2^24 keys (`npm run bench:keys`)',
  '',
  `- date: ${new Date().toISOString()}; machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; Node ${process.version}`,
  `- command: \`npm run bench:keys -- --keys ${KEYS} --dups ${DUPS}\``,
  `- input: ${KEYS.toLocaleString('en-US')} distinct keys (V8's Map/Set limit is 16,777,216) + ${DUPS.toLocaleString('en-US')} rows repeating earlier keys, through \`field.text().unique()\` and \`rule.uniqueBy(['zone', 'no'])\` (two rules, ${(2 * KEYS).toLocaleString('en-US')} keys)`,
  `- result: ${problems.length === 0 ? `**exact** — both rules report exactly the ${expected.size.toLocaleString('en-US')} expected rows` : `**MISMATCH** — ${problems.join('; ')}`}`,
  `- time: ${(ms / 1000).toFixed(1)} s (${Math.round(total / (ms / 1000)).toLocaleString('en-US')} rows/s, one thread, rows built in the loop)`,
  `- memory: peak RSS ${mb(peak).toFixed(0)} MB; sighting logs ${mb(tables).toFixed(0)} MB of typed arrays after gc = ${(tables / (2 * KEYS)).toFixed(1)} bytes per key (ids of 8 characters; each sighting's text, record key, row, start and hash, with growth slack)`,
].join('\n');
console.log(out);
await writeSection(new URL('./RESULTS.md', import.meta.url).pathname, 'bench:keys', out);
process.exitCode = problems.length === 0 ? 0 : 1;
