import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { profile } from '../src/profile/profile.js';
import { splitRanges } from '../src/parallel/split.js';
import { renderProfile } from '../src/cli/profile.js';
import { PROFILE_FORMATS } from '../src/cli/_profile-args.js';
import { cli, scratch } from './fixtures/cli/harness.js';
import type * as ProfileRange from '../src/profile/profile-range.js';

// Counts the ranges started, so a test knows the workers did run (a profile that ignored `workers` is one thread's).
const started = vi.hoisted(() => ({ ranges: 0 }));
vi.mock('../src/profile/profile-range.js', async (original) => {
  const m = await original<typeof ProfileRange>();
  return { ...m, runProfileRange: (task: Parameters<typeof m.runProfileRange>[0]) => { started.ranges++; return m.runProfileRange(task); } };
});

const NOW = new Date('2026-11-22T00:00:00Z');
const tmp = scratch();
afterAll(() => tmp.remove());

const SAMPLES = ['land/parcels.csv', 'insurance/participants.csv', 'enterprise/enterprises.csv', 'population/population.csv',
  'compare/participants-next.csv', 'broken/parcels-excel.csv', 'broken/parcels-tcvn3.csv', 'broken/participants-nfd.csv']
  .map((s) => fileURLToPath(new URL(`../examples/${s}`, import.meta.url)));

/** Every format of the profile of `path`, with `workers` threads (forced, whatever the file's size). */
async function outputs(path: string, workers: number): Promise<string[]> {
  const p = await profile(readCsv(path, { name: 'x.csv' }), { now: NOW, workers, minBytesPerWorker: 1 });
  return PROFILE_FORMATS.map((f) => renderProfile(p, f));
}

/**
 * A file with a quoted value of many lines across its middle (every nominal cut of 2 and 3 workers falls inside
 * it), whose lines look like records of their own: a range started at a line break inside it would read other rows.
 */
function quotedFile(): string {
  const plain = (from: number) => Array.from({ length: 150 }, (_, i) => `${from + i},"short ${i}",${String(i % 50).padStart(5, '0')}`);
  const note = Array.from({ length: 2000 }, (_, j) => `${j + 5000},fake ${j},${String(j).padStart(5, '0')}`).join('\n');
  return `${['id,note,code', ...plain(0), `150,"${note}",00001`, ...plain(151)].join('\r\n')}\r\n`;
}

/** Whether byte `at` of `text` (ASCII) is inside a quoted value. */
function insideQuotes(text: string, at: number): boolean {
  let quotes = 0;
  for (let i = 0; i < at; i++) if (text[i] === '"') quotes++;
  return quotes % 2 === 1;
}

describe('profile with workers', () => {
  // Three workers (two cuts) per sample; two workers are covered by the quoted-cut test below. Each worker thread
  // started from sources loads the TypeScript afresh, which is most of this file's time.
  it.each(SAMPLES)('%s: every format with 3 workers is byte-identical to one thread', async (path) => {
    const one = await outputs(path, 1);
    const before = started.ranges;
    expect(await outputs(path, 3)).toEqual(one);
    expect(started.ranges - before).toBeGreaterThanOrEqual(3);
  }, 120_000); // worker threads started from sources load the TypeScript afresh

  it('a CRLF header over LF rows: the profile with workers is one thread\'s (mixed line endings counted by neither)', async () => {
    const path = tmp.path('mixed.csv');
    writeFileSync(path, `id,name\r\n${Array.from({ length: 3000 }, (_, i) => `${i},n${i}`).join('\n')}\n`);
    const one = await outputs(path, 1);
    expect(await outputs(path, 2)).toEqual(one);
    expect(one[0]).not.toContain('mixed_line_endings');
  }, 120_000);

  it('cuts inside quoted values with line breaks: re-read from the true record start, identical to one thread', async () => {
    const text = quotedFile();
    const path = tmp.path('quoted.csv');
    writeFileSync(path, text);
    // The test means something only if the nominal cuts fall inside quoted values.
    for (const n of [2, 3]) for (const r of splitRanges(text.length, 0, n).slice(1)) expect(insideQuotes(text, r.from)).toBe(true);
    const one = await outputs(path, 1);
    const before = started.ranges;
    for (const n of [2, 3]) expect(await outputs(path, n)).toEqual(one);
    // 2 + 3 ranges, and each of the 3 cuts inside the quotes restarted once from the true record start.
    expect(started.ranges - before).toBe(8);
    expect(JSON.parse(one[1] as string)).toMatchObject({ rows: 301 });
  }, 120_000);

  it('an open quote the reader gives up on ends the profile there, as in one thread', async () => {
    const path = tmp.path('open-quote.csv');
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${from + i},row ${from + i},${String(i % 9).padStart(5, '0')}`);
    // Past the record cap (1 MiB) the reader stops looking for the quote's end: the rows after it are not read.
    writeFileSync(path, `${['id,note,code', ...rows(0, 20_000), '20000,"never closed,00001', ...rows(20_001, 80_000)].join('\n')}\n`);
    const one = await outputs(path, 1);
    expect(JSON.parse(one[1] as string)).toMatchObject({ rows: 20_000 });
    expect(await outputs(path, 2)).toEqual(one);
    expect(await outputs(path, 3)).toEqual(one);
  }, 120_000);

  it('distinct counts past the exact bound merge to one thread\'s (HyperLogLog registers); exact counts stay exact', async () => {
    const path = tmp.path('many.csv');
    writeFileSync(path, `id,kind\n${Array.from({ length: 3000 }, (_, i) => `${i},${i % 3}`).join('\n')}\n`);
    const bounds = { distinct: 1000 };
    const one = await profile(readCsv(path), { now: NOW, bounds });
    const three = await profile(readCsv(path), { now: NOW, bounds, workers: 3, minBytesPerWorker: 1 });
    expect(three.columns.map((c) => [c.name, c.distinct, c.type, c.min, c.max, c.length])).toEqual(
      one.columns.map((c) => [c.name, c.distinct, c.type, c.min, c.max, c.length]));
    expect(three.columns.map((c) => c.distinct.exact)).toEqual([false, true]);
    expect(three.columns[1]?.top).toEqual(one.columns[1]?.top);
  }, 60_000);

  it('ddss profile --workers N: the same output; a bad count is a usage error', async () => {
    const path = SAMPLES[0] as string;
    const one = await cli(['profile', path, '--now', '2026-11-22', '--format', 'json', '--workers', '1']);
    const two = await cli(['profile', path, '--now', '2026-11-22', '--format', 'json', '--workers', '2']);
    expect([one.code, two.code, two.stderr]).toEqual([0, 0, '']);
    expect(two.stdout).toBe(one.stdout);
    expect((await cli(['profile', path, '--workers', '0'])).code).toBe(2);
  });
});

// Each worker judges commune codes by the lists given (they cross to the threads as plain data), as one thread does.
it('workers find commune codes in the communes lists given, as one thread does', async () => {
  const { loadAdminUnits } = await import('../rules/vn/admin/load-admin-units.js');
  const communes = loadAdminUnits(fileURLToPath(new URL('../rules/vn/admin/fixtures/communes-2025.json', import.meta.url)));
  const path = tmp.path('communes.csv');
  writeFileSync(path, `ma\n${Array.from({ length: 3000 }, (_, i) => ['00004', '09190', '26734', '26740'][i % 4]).join('\n')}\n`);
  const before = started.ranges;
  const p = await profile(readCsv(path), { now: NOW, workers: 2, minBytesPerWorker: 1, communes });
  expect(started.ranges - before).toBeGreaterThanOrEqual(2);
  expect([p.columns[0]?.recognised, p.communeLists]).toEqual(['commune', ['2025-07-01']]);
});
