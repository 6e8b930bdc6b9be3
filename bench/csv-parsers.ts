/**
 * Which CSV parser reads fastest? Parse-only timings of udsv, papaparse and the hand-written scanner of
 * src/sources/csv on a seeded, land-like CSV (16 columns, Vietnamese text, quoted values with commas, quotes and
 * line breaks), median of 3 runs each, plus the cost of the full `readCsv` path and of flat vs sliced strings.
 *
 *   npx tsx bench/csv-parsers.ts [--rows 1000000] [--file /tmp/ddss-land-1000000.csv] [--runs 3]
 *   node --expose-gc --import tsx bench/csv-parsers.ts --runs 0 --memory slice|copy   (one per process)
 *   npx tsx bench/csv-parsers.ts --suite 1      (the bad-input fixtures through udsv and papaparse)
 *
 * The file is generated once (same seed, same bytes) and reused. Results go to bench/CSV-PARSERS.md by hand.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import { createScanner, type ScanHandler } from '../src/sources/csv/scanner.js';
import { createDecoder } from '../src/sources/decode/decoder.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { createRandom } from '../examples/generator/_random.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const ROWS = Number(args.get('rows') ?? 1_000_000);
const RUNS = Number(args.get('runs') ?? 3);
const FILE = args.get('file') ?? `/tmp/ddss-land-${ROWS}.csv`;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Thanh', 'Quốc', 'Xuân'];
const GIVEN = ['Anh', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Hương', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Thắng', 'Thảo', 'Tuấn', 'Yến'];
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Quang Trung', 'Điện Biên Phủ'];
const HAMLETS = ['Thôn Đông', 'Thôn Tây', 'Xóm Mới', 'Ấp Bắc', 'Bản Nà', 'Tổ dân phố 3'];
const USES: ReadonlyArray<readonly [string, string]> = [
  ['ODT', 'Đất ở tại đô thị'], ['ONT', 'Đất ở tại nông thôn'], ['LUC', 'Đất chuyên trồng lúa nước'],
  ['CLN', 'Đất trồng cây lâu năm'], ['BHK', 'Đất bằng trồng cây hàng năm khác'],
];
const NOTES = ['', '', '', '', '', '', 'Đã cấp GCN', '"Tranh chấp, đang hoà giải"', '"Ghi chú: ""thửa gốc"" đã tách"',
  '"Chuyển nhượng một phần,\nchờ đo đạc lại"'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

async function generate(path: string, rows: number): Promise<void> {
  // The examples generator's seeded PRNG: the file is the same on every machine.
  const random = createRandom(20261122);
  const r = (): number => random.next();
  const out = createWriteStream(path);
  out.write('parcel_id,map_sheet,parcel_no,province_code,commune_code,address,owner_name,owner_id,birth_date,gender,' +
    'area_m2,land_use,purpose,issue_date,notes,updated_at\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const [use, purpose] = pick(r, USES);
    const year = 1940 + Math.floor(r() * 65);
    chunk += [
      `P-${pad(i, 7)}`, 1 + Math.floor(r() * 120), 1 + Math.floor(r() * 2000), pad(1 + Math.floor(r() * 96), 2),
      pad(Math.floor(r() * 32000), 5), `"Số ${1 + Math.floor(r() * 300)}, đường ${pick(r, STREETS)}, ${pick(r, HAMLETS)}"`,
      `${pick(r, SURNAMES)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`, `0${pad(Math.floor(r() * 96), 2)}${r() < 0.5 ? 0 : 1}${pad(year % 100, 2)}${pad(Math.floor(r() * 1e6), 6)}`,
      `${pad(1 + Math.floor(r() * 28), 2)}/${pad(1 + Math.floor(r() * 12), 2)}/${year}`, r() < 0.5 ? 'Nam' : 'Nữ',
      (20 + r() * 2000).toFixed(1), use, purpose, `${pad(1 + Math.floor(r() * 28), 2)}/${pad(1 + Math.floor(r() * 12), 2)}/${2000 + Math.floor(r() * 26)}`,
      pick(r, NOTES), `2025-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}T08:00:00Z`,
    ].join(',') + '\n';
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const CHUNK = 64 * 1024;

/** Bytes only: the floor every parser stands on. */
async function readBytes(): Promise<number> {
  let n = 0;
  for await (const c of createReadStream(FILE, { highWaterMark: CHUNK })) n += (c as Buffer).length;
  return n;
}

/** The hand-written scanner on our validating decoder; `copy` makes values own their text (the default). */
async function scanner(copy: boolean, keep?: (cells: string[]) => void): Promise<number> {
  let rows = 0;
  const h: ScanHandler = {
    record: keep === undefined ? () => { rows++; } : (cells) => { rows++; keep(cells); },
    rejected: () => {},
    ending: () => {},
  };
  const s = createScanner({ delimiter: ',', maxRecordBytes: 1 << 20, copy }, h);
  const d = createDecoder('utf8');
  for await (const c of createReadStream(FILE, { highWaterMark: CHUNK })) s.write(d.write(c as Buffer));
  s.write(d.end());
  s.end();
  return rows - 1;
}

/** The same scanner fed by setEncoding('utf8') (Node's StringDecoder), as papaparse and udsv are. */
async function scannerNodeDecoding(): Promise<number> {
  let rows = 0;
  const s = createScanner({ delimiter: ',', maxRecordBytes: 1 << 20, copy: false }, { record: () => { rows++; }, rejected: () => {}, ending: () => {} });
  const stream = createReadStream(FILE, { highWaterMark: CHUNK });
  stream.setEncoding('utf8');
  for await (const c of stream) s.write(c as string);
  s.end();
  return rows - 1;
}

async function fullReadCsv(): Promise<number> {
  let rows = 0;
  for await (const b of readCsv(FILE).batches()) rows += b.rows.length;
  return rows;
}

async function udsv(): Promise<number> {
  let rows = 0;
  const stream = createReadStream(FILE, { highWaterMark: CHUNK });
  stream.setEncoding('utf8');
  let parser: ReturnType<typeof initParser> | undefined;
  for await (const c of stream) {
    parser ??= initParser(inferSchema(c as string));
    parser.chunk<string[]>(c as string, parser.stringArrs, () => { rows++; });
  }
  parser?.end();
  return rows;
}

function papaparse(): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const stream = createReadStream(FILE, { highWaterMark: CHUNK });
    stream.setEncoding('utf8');
    Papa.parse<string[]>(stream as unknown as File, {
      chunk: (r) => { rows += r.data.length; },
      complete: () => resolve(rows - 1),
      error: reject,
    });
  });
}

interface Case {
  readonly name: string;
  readonly run: () => Promise<number>;
}

/**
 * Runs every case once per round, rounds interleaved, so load from other processes spreads over all cases; reports
 * the median wall time and the median CPU time (user + system) of the process, which load disturbs less.
 */
async function measure(cases: readonly Case[]): Promise<void> {
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  const rows = cases.map(() => 0);
  for (let round = 0; round < RUNS; round++) {
    for (const [i, c] of cases.entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      rows[i] = await c.run();
      (wall[i] as number[]).push((performance.now() - t0) / 1000);
      const dc = process.cpuUsage(c0);
      (cpu[i] as number[]).push((dc.user + dc.system) / 1e6);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  console.log('| what | wall (median) | CPU (median) | rows/s (wall) | rows | wall runs |\n|---|---|---|---|---|---|');
  cases.forEach((c, i) => {
    const w = median(wall[i] as number[]);
    console.log(`| ${c.name} | ${w.toFixed(2)} s | ${median(cpu[i] as number[]).toFixed(2)} s | ` +
      `${Math.round((rows[i] as number) / w / 1000)} k | ${rows[i]} | ${(wall[i] as number[]).map((t) => t.toFixed(2)).join(' / ')} |`);
  });
}

/** Memory of keeping one long column of every row, as a uniqueness check would: sliced vs copied strings. */
async function retained(label: string, copy: boolean): Promise<void> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const kept: string[] = [];
  await scanner(copy, (cells) => { kept.push(cells[5] as string); });
  globalThis.gc?.();
  const after = process.memoryUsage();
  const re = /^Số \d+, đường [\p{L} ]+, [\p{L}\d ]+$/u;
  const t0 = performance.now();
  let hits = 0;
  for (const s of kept) if (re.test(s)) hits++;
  const regexMs = performance.now() - t0;
  console.log(`| ${label} | ${((after.rss - before.rss) / 2 ** 20).toFixed(0)} MB RSS | ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MB heap | regex over kept: ${regexMs.toFixed(0)} ms (${hits}) |`);
}


/** Rows of one fixture by one parser, printed as JSON (run in a child process: udsv can loop forever). */
async function one(path: string, parser: string): Promise<void> {
  const text = new TextDecoder().decode(readFileSync(path));
  if (parser === 'udsv') {
    console.log(JSON.stringify({ rows: initParser(inferSchema(text)).stringArrs(text) }));
  } else if (parser === 'papaparse') {
    const p = Papa.parse<string[]>(text, { delimiter: ',' });
    const rows = p.data.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
    console.log(JSON.stringify({ rows, errors: [...new Set(p.errors.map((e) => e.code))] }));
  } else {
    const rows: string[][] = [];
    for await (const b of readCsv(path, path.endsWith('huge-field.csv') ? { maxRecordBytes: 64 } : {}).batches()) {
      rows.push(...(b.rows as string[][]));
    }
    console.log(JSON.stringify({ rows }));
  }
}

/**
 * The bad-input fixtures through udsv and papaparse: do they give the rows readCsv gives (its rows and issues are
 * asserted in test/csv-fixtures.test.ts)? Neither reports physical line numbers or record sizes at all.
 */
function suite(): void {
  const dir = new URL('../test/fixtures/csv/', import.meta.url);
  const names = ['ragged.csv', 'blank-rows.csv', 'unclosed-quote.csv', 'stray-quotes.csv', 'endings-cr.csv',
    'endings-mixed.csv', 'quoted-newlines.csv', 'bom-utf8.csv', 'control-characters.csv', 'huge-field.csv',
    'leading-zeros.csv', 'proto-headers.csv'];
  const run = (path: string, parser: string): { rows?: unknown; errors?: string[]; failure?: string } => {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', path, '--parser', parser],
      { timeout: 10_000, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status === 0) return JSON.parse(r.stdout) as { rows: unknown };
    return { failure: r.signal === 'SIGTERM' ? 'hangs (killed after 10 s)' : `fails: ${r.stderr.split('\n').find((l) => /Error/.test(l))?.slice(0, 60)}` };
  };
  console.log('| fixture | readCsv rows | udsv | papaparse |\n|---|---|---|---|');
  for (const name of names) {
    const path = new URL(name, dir).pathname;
    const ours = run(path, 'readCsv');
    const verdict = (r: ReturnType<typeof run>): string => r.failure ??
      `${JSON.stringify(r.rows) === JSON.stringify(ours.rows) ? 'same rows' : `other rows: \`${JSON.stringify(r.rows).slice(0, 50)}\``}` +
      `${r.errors?.length ? ` (${r.errors.join(', ')})` : ''}`;
    console.log(`| ${name} | ${(ours.rows as unknown[]).length} | ${verdict(run(path, 'udsv'))} | ${verdict(run(path, 'papaparse'))} |`);
  }
}

async function main(): Promise<void> {
  if (args.get('one') !== undefined) {
    await one(args.get('one') as string, args.get('parser') as string);
    return;
  }
  if (args.get('suite') !== undefined) {
    suite();
    return;
  }
  if (!existsSync(FILE)) {
    console.error(`generating ${FILE} (${ROWS} rows)…`);
    await generate(FILE, ROWS);
  }
  const mb = statSync(FILE).size / 2 ** 20;
  console.log(`file: ${FILE}, ${mb.toFixed(0)} MiB, ${ROWS} rows; node ${process.version}; ${cpus()[0]?.model} ×${cpus().length}; ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${new Date().toISOString().slice(0, 10)}; median of ${RUNS}\n`);
  if (RUNS > 0) await measure([
    { name: 'read bytes only', run: readBytes },
    { name: 'udsv (setEncoding utf8), parse only', run: udsv },
    { name: 'papaparse arrays (setEncoding utf8), parse only', run: papaparse },
    { name: 'hand scanner (setEncoding utf8), parse only', run: scannerNodeDecoding },
    { name: 'hand scanner + validating decoder, values as slices', run: () => scanner(false) },
    { name: 'hand scanner + validating decoder, values copied (default)', run: () => scanner(true) },
    { name: 'readCsv batches (decode, scan, checks)', run: fullReadCsv },
  ]);
  if (args.get('memory') !== undefined) {
    console.log('\n| kept column `address` of every row | memory | heap | regex |\n|---|---|---|---|');
    await retained(args.get('memory') === 'copy' ? 'copied values' : 'slices', args.get('memory') === 'copy');
  }
}

await main();
