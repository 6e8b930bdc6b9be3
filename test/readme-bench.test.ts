import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README's Performance section quotes the bench's own result files, which `npm run bench` rewrites: a new run
// without the README following it (as PostgreSQL's ratios once did) fails here instead of going stale.
const read = (p: string): string => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const readme = read('README.md');
const results = read('bench/RESULTS.md');
const postgres = read('bench/RESULTS-postgres.md');

/** The cells of a Markdown table row whose first cell is `label`. */
function row(text: string, label: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (line === undefined) throw new Error(`no table row "${label}"`);
  return line.split(' | ').slice(1).map((c) => c.replace(/ \|$/, '').trim());
}
const seconds = (cell: string): number => Number(/^([\d.]+) s/.exec(cell)?.[1]);
const oneDecimal = (x: number): string => x.toFixed(1);

// README row → bench/RESULTS.md measurement.
const ROWS: ReadonlyArray<readonly [string, string]> = [
  ['DuckDB, 54 checks as idiomatic SQL, 2 threads', 'DuckDB, compared checks as idiomatic SQL, 2 threads'],
  ['DuckDB, whole land-parcels (76 rules) as idiomatic SQL, 2 threads', 'DuckDB, whole land-parcels as idiomatic SQL, 2 threads'],
  ["DuckDB, 54 checks mirroring ddss's edge cases, 2 threads", "DuckDB, compared checks mirroring ddss's edge cases, 2 threads"],
  ['ddss, same 54 checks, 2 threads', 'ddss, compared checks only, 2 workers'],
  ['ddss, whole land-parcels (88 rules), 2 threads', 'ddss land-parcels, 2 workers'],
  ['ddss, whole land-parcels, 1 thread', 'ddss land-parcels, 1 worker'],
  ['hand-written loop, 54 checks, 1 thread', 'hand-written loop, compared checks, 1 thread'],
  ['parsing alone', 'parse only (readCsv batches)'],
];

// Ratios the README quotes beside the times → the bench's ratio rows.
const RATIOS: ReadonlyArray<readonly [string, string]> = [
  ['0.85 × idiomatic DuckDB', 'ddss, compared checks only (2 workers) / DuckDB idiomatic SQL'],
  ['0.86 × DuckDB whole', 'ddss, whole land-parcels (2 workers) / DuckDB whole land-parcels idiomatic SQL (2 threads)'],
  ['1.19 × DuckDB 54 checks', 'ddss, whole land-parcels (2 workers) / DuckDB idiomatic SQL (goal 0.6)'],
  ['1.30 × DuckDB whole', 'ddss, whole land-parcels (1 worker) / DuckDB whole land-parcels idiomatic SQL (2 threads)'],
  ['1.81 × DuckDB 54 checks', 'ddss, whole land-parcels (1 worker) / DuckDB idiomatic SQL (2 threads)'],
  ['ddss on the same checks: 0.56 ×', 'ddss, compared checks only (1 worker) / hand-written loop'],
  ['0.66 × one thread', 'ddss, whole land-parcels: 2 workers / 1 worker'],
];

describe('README Performance', () => {
  it.each(ROWS)('"%s" has the time, CPU time and peak RSS of bench/RESULTS.md', (mine, theirs) => {
    const [time, cpu, rss] = row(readme, mine);
    const [median, , benchCpu, , , benchRss] = row(results, theirs);
    expect([seconds(time ?? ''), seconds(cpu ?? ''), rss]).toEqual([
      Number(oneDecimal(seconds(median ?? ''))), Number(oneDecimal(seconds(benchCpu ?? ''))), benchRss,
    ]);
  });

  it.each(RATIOS)('quotes "%s" as bench/RESULTS.md has it', (quote, ratio) => {
    const value = /([\d.]+) ×|× ([\d.]+)/.exec(quote);
    expect(readme).toContain(quote);
    expect(row(results, ratio)[0]).toBe(value?.[1] ?? value?.[2]);
  });

  it('quotes the PostgreSQL ratios of bench/RESULTS-postgres.md', () => {
    const ratio = (label: string) => row(postgres, label)[3]?.replace('×', ' ×');
    expect(readme).toContain(`(bench/RESULTS-postgres.md: ${ratio('PostgreSQL table, 1 worker') ?? ''} the CSV time with 1 worker, ` +
      `${ratio('PostgreSQL table, 2 workers') ?? ''} with 2,`);
  });
});
