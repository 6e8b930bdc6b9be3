/**
 * npm run bench:reference — what a reference costs: reads `--keys` distinct 12-digit personal IDs (optionally with
 * kept columns) through `reference()`, then checks lookups EXACTLY (every held key found, every absent key not) and
 * prints time, heap and RSS growth and the key table's bytes per key; writes bench/RESULTS-reference.md. Not part
 * of `npm test` (timings vary). Exits 1 on any wrong lookup.
 * `--columns 4` keeps the population register's columns (full name, birth date, gender, death date), as
 * `vn.verifyPerson` reads them. `npm run bench` runs this as its reference step.
 * Usage: node --expose-gc --import tsx bench/reference.ts [--keys 20000000] [--columns 0|2|4]
 */
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { reference } from '../src/index.js';
import { writeSection } from './_results.js';

const { values: args } = parseArgs({ options: { keys: { type: 'string', default: '20000000' }, columns: { type: 'string', default: '0' } } });
const KEYS = Number(args.keys);
const KEPT = Number(args.columns);
if (!Number.isSafeInteger(KEYS) || KEYS < 1 || ![0, 2, 4].includes(KEPT)) throw new Error('--keys must be ≥ 1, --columns 0, 2 or 4');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

/** Key i: a 12-digit personal ID (province 001, century-gender 0/1, birth year, serial), distinct for distinct i. */
const idAt = (i: number) => `001${i % 2}${String(i).padStart(8, '0')}`;
/** Kept cells: a birth date and a gender, as the population register keeps them. */
const keptAt = (i: number) => ({ birth_date: `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/19${50 + (i % 50)}`, gender: i % 2 === 0 ? 'Nam' : 'Nữ' });

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hương', 'Lan', 'Thủy', 'Hùng', 'Trang', 'Quân', 'Yến', 'Phúc', 'Hòa'];
/** The population register's kept cells: a Vietnamese full name, birth date, gender and (for 1 in 50) a death date. */
const personAt = (i: number) => ({
  full_name: `${SURNAMES[i % 12]} ${MIDDLE[(i >> 4) % 8]} ${GIVEN[(i >> 7) % 13]}`, ...keptAt(i),
  death_date: i % 50 === 0 ? `0${1 + (i % 9)}/03/2020` : '',
});
const COLUMNS: Record<number, string[]> = { 0: [], 2: ['birth_date', 'gender'], 4: ['full_name', 'birth_date', 'gender', 'death_date'] };

function* rows(): Generator<Record<string, string>> {
  for (let i = 0; i < KEYS; i++) yield KEPT === 0 ? { id: idAt(i) } : KEPT === 2 ? { id: idAt(i), ...keptAt(i) } : { id: idAt(i), ...personAt(i) };
}

const mb = (n: number) => n / 2 ** 20;
gc();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
const t0 = performance.now();
const table = await reference('population', rows(), { key: 'id', columns: COLUMNS[KEPT] ?? [] }).load();
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
gc();
// The heap held plus the table's typed arrays: `process.memoryUsage().arrayBuffers` leaves out the resizable buffers
// the table grows in place (rules/clean/_growable.ts), and the load keeps no other buffers.
const held = process.memoryUsage().heapUsed - heap0 + table.bytes();
peak = Math.max(peak, process.memoryUsage().rss);

let wrong = 0;
const probes = Math.min(KEYS, 1_000_000);
for (let j = 0; j < probes; j++) {
  const i = Math.floor((j * KEYS) / probes);
  if (!table.has([idAt(i)])) wrong++;
  if (table.has([`002${idAt(i).slice(3)}`])) wrong++; // another province: never held
  if (KEPT !== 0 && table.get([idAt(i)], 'gender') !== keptAt(i).gender) wrong++;
  if (KEPT === 4 && table.get([idAt(i)], 'full_name') !== personAt(i).full_name) wrong++;
}
if (table.size !== KEYS || table.error !== undefined) wrong++;

const out = [
  `### reference(): ${KEYS.toLocaleString('en')} keys${KEPT === 0 ? '' : KEPT === 2 ? ' + 2 kept columns (birth date, gender)'
    : ' + the population register\'s 4 columns (full name, birth date, gender, death date), as vn.verifyPerson keeps them'}`,
  '',
  `- machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load average ${(loadavg()[0] ?? 0).toFixed(2)} at the end`,
  `- read: ${seconds.toFixed(1)} s (${Math.round(KEYS / seconds).toLocaleString('en')} keys/s, from a generator of object rows)`,
  `- key table: ${mb(table.bytes()).toFixed(0)} MB of typed arrays = ${(table.bytes() / KEYS).toFixed(1)} bytes per key ` +
    `(12-character IDs${KEPT === 0 ? '' : KEPT === 2 ? ', plus 14 characters of kept cells' : ', plus about 30 characters of kept cells, names in Vietnamese'}; capacity included)`,
  `- heap + array buffers held after gc: ${mb(held).toFixed(0)} MB = ${(held / KEYS).toFixed(1)} bytes per key; peak RSS ${mb(peak).toFixed(0)} MB`,
  `- lookups: ${(probes * (KEPT === 0 ? 2 : KEPT === 2 ? 3 : 4)).toLocaleString('en')} checked, ${wrong} wrong`,
].join('\n');
console.log(out);
await writeSection(new URL('./RESULTS-reference.md', import.meta.url).pathname, `bench:reference:${KEYS}:${KEPT}`, out);
process.exit(wrong === 0 ? 0 : 1);
