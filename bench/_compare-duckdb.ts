/**
 * The DuckDB side of `npm run bench:compare`: the same reconciliation as one FULL OUTER JOIN of the two CSV files on
 * the key, every cell read as text (`all_varchar`), a record changed when any other column IS DISTINCT FROM the copy's.
 * Prints the counts as JSON. Run in a child process of its own, so its peak RSS is its own.
 * Usage: tsx bench/_compare-duckdb.ts SOURCE COPY THREADS
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [source, copy, threads = '2'] = process.argv.slice(2);
if (source === undefined || copy === undefined) throw new Error('usage: _compare-duckdb.ts SOURCE COPY THREADS');
const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const COLUMNS = ['full_name', 'dob', 'gender', 'commune', 'amount'];

async function main(source: string, copy: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads });
  const con = await instance.connect();
  try {
    const read = (p: string): string => `read_csv(${lit(p)}, all_varchar = true, header = true)`;
    const differs = COLUMNS.map((c) => `s.${c} IS DISTINCT FROM c.${c}`).join(' OR ');
    const reader = await con.runAndReadAll(`
      SELECT count(*) FILTER (WHERE s.id IS NOT NULL AND c.id IS NOT NULL AND NOT (${differs})) AS matched,
             count(*) FILTER (WHERE s.id IS NOT NULL AND c.id IS NOT NULL AND (${differs})) AS changed,
             count(*) FILTER (WHERE c.id IS NULL) AS missing,
             count(*) FILTER (WHERE s.id IS NULL) AS extra
      FROM ${read(source)} s FULL OUTER JOIN ${read(copy)} c ON s.id = c.id`);
    const row = reader.getRows()[0] ?? [];
    const [matched, changed, missing, extra] = row.map((v) => Number(v));
    process.stdout.write(`${JSON.stringify({ matched, changed, missing, extra })}\n`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

void main(source, copy);
