/**
 * npm run bench:core — the engine on in-memory rows (objects of typed values) × 20 simple field rules, one thread,
 * against a hand-written loop doing the same checks and counts. Prints rows/s of both and the overhead ratio.
 * Usage: npx tsx bench/core.ts [--rows 1000000] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { createValidator, defineDataset, field } from '../src/index.js';
import { writeSection } from './_results.js';
import { createRandom } from '../examples/generator/_random.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } } });
const N = Number(args.rows);
const RUNS = Number(args.runs);
const NOW = new Date('2026-11-22T00:00:00Z');
const PROVINCES = ['01', '04', '08', '11', '12', '14', '15', '19', '20', '22', '24', '25', '31', '33', '37', '38', '40', '42', '44', '46', '48', '51', '52', '56', '66', '68', '75', '79', '80', '82', '86', '91', '92', '96'];
const CODES = ['LUC', 'LUK', 'HNK', 'CLN', 'ONT', 'ODT', 'RSX', 'NTS', 'TMD', 'SKC'];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thu Dung', 'Hoàng Minh Đức'];
const MIN_ISSUED = new Date('1990-01-01T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;

interface Row {
  parcel_id: string; province: string; commune: string; area: number; sheet: number; no: number;
  code: string; name: string; issued: Date; updated: Date;
}

function makeRows(n: number): Row[] {
  // The examples generator's seeded PRNG: the same rows every run.
  const random = createRandom(42);
  const r = (): number => random.next();
  const rows: Row[] = new Array<Row>(n);
  for (let i = 0; i < n; i++) {
    const bad = r() < 0.02;
    rows[i] = {
      parcel_id: bad && r() < 0.1 ? `X-${i}` : `P-${String(i % 1_000_000).padStart(6, '0')}`,
      province: bad && r() < 0.1 ? '99' : (PROVINCES[i % PROVINCES.length] as string),
      commune: String(10000 + (i % 80000)),
      area: bad && r() < 0.1 ? 0 : 50 + r() * 500,
      sheet: 1 + (i % 120),
      no: 1 + (i % 5000),
      code: bad && r() < 0.1 ? 'BHK' : (CODES[i % CODES.length] as string),
      name: bad && r() < 0.1 ? ` ${NAMES[i % NAMES.length]}` : (NAMES[i % NAMES.length] as string),
      issued: new Date(Date.UTC(2000 + (i % 25), i % 12, 1 + (i % 28))),
      updated: new Date(NOW.getTime() - (bad && r() < 0.1 ? 2 * YEAR_MS : (i % 300) * 86_400_000)),
    };
  }
  return rows;
}

const def = defineDataset({
  name: 'bench-core',
  fields: {
    parcel_id: field.text().required().pattern(/^P-\d{6}$/),
    province: field.text().required().oneOf(PROVINCES),
    commune: field.text().required().pattern(/^\d{5}$/),
    area: field.number().required().min(0, { exclusive: true }),
    sheet: field.integer().min(1).max(1000),
    no: field.integer().min(1).max(100_000),
    code: field.text().required().oneOf(CODES),
    name: field.text().trimmed().nfc(),
    issued: field.date().notInFuture().min(MIN_ISSUED),
    updated: field.datetime().required().within({ days: 365 }),
  },
});

function engine(rows: readonly Row[]): number {
  const v = createValidator(def, { now: NOW });
  v.addMany(rows);
  const report = v.finish();
  return report.criteria.correct.failedRows + report.criteria.clean.failedRows + report.criteria.live.failedRows;
}

/** The same 20 checks plus the per-value type checks, counting failures per rule and failing rows per criterion. */
function handLoop(rows: readonly Row[]): number {
  const provinces = new Set(PROVINCES);
  const codes = new Set(CODES);
  const failed = new Int32Array(32);
  const id = /^P-\d{6}$/;
  const commune = /^\d{5}$/;
  const nowMs = NOW.getTime();
  const oldest = nowMs - 365 * 86_400_000;
  let correctRows = 0, cleanRows = 0, liveRows = 0;
  // Defined once, outside the loop: a closure per row would make the baseline depend on escape analysis.
  const f = (k: number) => { failed[k] = (failed[k] as number) + 1; };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Row;
    let correct = false, clean = false, live = false;
    if (typeof r.parcel_id !== 'string' || r.parcel_id === '') f(0); else if (!id.test(r.parcel_id)) { f(1); correct = true; }
    if (typeof r.province !== 'string' || r.province === '') f(2); else if (!provinces.has(r.province)) { f(3); correct = true; }
    if (typeof r.commune !== 'string' || r.commune === '') f(4); else if (!commune.test(r.commune)) { f(5); correct = true; }
    if (typeof r.area !== 'number' || !Number.isFinite(r.area)) f(6); else if (!(r.area > 0)) { f(7); correct = true; }
    if (Number.isSafeInteger(r.sheet)) { if (r.sheet < 1) { f(8); correct = true; } if (r.sheet > 1000) { f(9); correct = true; } }
    if (Number.isSafeInteger(r.no)) { if (r.no < 1) { f(10); correct = true; } if (r.no > 100_000) { f(11); correct = true; } }
    if (typeof r.code !== 'string' || r.code === '') f(12); else if (!codes.has(r.code)) { f(13); correct = true; }
    if (typeof r.name === 'string') {
      const a = r.name.charCodeAt(0), b = r.name.charCodeAt(r.name.length - 1);
      if (a <= 32 || b <= 32) { f(14); clean = true; }
      if (r.name.normalize('NFC') !== r.name) { f(15); clean = true; }
    }
    if (r.issued instanceof Date) { const t = r.issued.getTime(); if (t > nowMs) { f(16); correct = true; } if (t < MIN_ISSUED.getTime()) { f(17); correct = true; } }
    if (!(r.updated instanceof Date)) f(18); else if (r.updated.getTime() < oldest) { f(19); live = true; }
    if (correct) correctRows++;
    if (clean) cleanRows++;
    if (live) liveRows++;
  }
  return correctRows + cleanRows + liveRows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => number): { ms: number; result: number } {
  const t = performance.now();
  const result = fn();
  return { ms: performance.now() - t, result };
}

const rows = makeRows(N);
engine(rows.slice(0, 50_000)); // warm both paths up
handLoop(rows.slice(0, 50_000));
const e: number[] = [];
const h: number[] = [];
let agree = true;
for (let k = 0; k < RUNS; k++) {
  const a = time(() => handLoop(rows));
  const b = time(() => engine(rows));
  h.push(a.ms);
  e.push(b.ms);
  agree &&= a.result === b.result;
}
const em = median(e);
const hm = median(h);
const lines: string[] = [];
const line = (name: string, ms: number) => `${name.padEnd(22)} ${(ms / 1000).toFixed(3)} s  ${Math.round(N / (ms / 1000)).toLocaleString('en-US').padStart(12)} rows/s`;
lines.push(`bench:core — ${N.toLocaleString('en-US')} in-memory rows × 20 field rules, 1 thread, median of ${RUNS}`);
lines.push(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, node ${process.version}, ${new Date().toISOString()}`);
lines.push(line('hand-written loop', hm));
lines.push(line('ddss engine', em));
lines.push(`engine / loop ratio    ${(em / hm).toFixed(2)}  (bar ≤ 1.30: ${em / hm <= 1.3 ? 'met' : 'NOT met'})`);
lines.push(`engine rows/s          ${N / (em / 1000) >= 1_000_000 ? 'met' : 'NOT met'} (bar ≥ 1,000,000 rows/s)`);
lines.push(`failing-row counts agree: ${agree ? 'yes' : 'NO'}`);
const text = lines.join('\n');
console.log(text);
// Recorded in bench/RESULTS.md (its own section), generated from these numbers.
await writeSection(new URL('./RESULTS.md', import.meta.url).pathname, 'bench:core',
  `## Engine on in-memory rows (\`npm run bench:core\`)\n\n\`\`\`\n${text}\n\`\`\`\n`);
