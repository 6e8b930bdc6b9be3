import { readPlan, RAW, type KeyRange, type ReadTarget } from './plan.js';
import type { PgClient } from './pg.js';

/**
 * Cuts a table into `parts` key ranges of about equal row counts, in key order: range k holds the rows whose order
 * key (primary key or `orderBy`) is ≥ the k-th boundary and < the next, so the ranges read one after another are the
 * table read whole, in the same order. Boundaries are key values read back as the server prints them (exact for
 * every type) at row offsets `k · count / parts` of the ordered key (an index scan for a primary key). Run in one
 * snapshot (`REPEATABLE READ`, exported to the readers) the cut and the reads see the same rows. Nullable key columns
 * are cut with NULLs last, as `ORDER BY` sorts them; a query, or an unordered read, is one range. Range k of N is
 * what `--shard K/N` of a table reads. `minRowsPerRange` lowers the number of ranges for a small table.
 * @example await postgresKeyRanges(client, { table: 'parcels' }, 2) // [{ to: ['P-500001'] }, { from: ['P-500001'] }]
 */
export async function postgresKeyRanges(client: PgClient, target: ReadTarget, parts: number,
  options: { readonly minRowsPerRange?: number } = {}): Promise<KeyRange[]> {
  const wanted = Math.max(1, Math.floor(parts));
  if (wanted === 1 || target.query !== undefined) return [{}];
  const plan = await readPlan(client, target);
  if (!plan.rangeable || plan.from === undefined) return [{}];
  // Boundaries are read in the run's snapshot when the caller opened one; the count and the offsets agree.
  const q = (c: string): string => client.escapeIdentifier(c);
  const count = Number(((await client.query({ text: `SELECT count(*) FROM ${plan.from}`, rowMode: 'array', types: RAW })).rows[0] as string[])[0]);
  const n = Math.min(wanted, Math.max(1, Math.floor(count / Math.max(1, options.minRowsPerRange ?? 1))));
  const boundaries: (readonly (string | null)[])[] = [];
  for (let k = 1; k < n; k++) {
    const offset = Math.floor((count * k) / n);
    if (offset >= count) break;
    const r = await client.query({
      text: `SELECT ${plan.orderBy.map(q).join(', ')} FROM ${plan.from} ORDER BY ${plan.orderBy.map(q).join(', ')} OFFSET $1 LIMIT 1`,
      values: [offset], rowMode: 'array', types: RAW,
    });
    const key = r.rows[0] as (string | null)[] | undefined;
    if (key === undefined) break;
    const last = boundaries.at(-1);
    if (last === undefined || JSON.stringify(last) !== JSON.stringify(key)) boundaries.push(key);
  }
  return Array.from({ length: boundaries.length + 1 }, (_, k) => ({
    ...(k === 0 ? {} : { from: boundaries[k - 1] as readonly (string | null)[] }),
    ...(k === boundaries.length ? {} : { to: boundaries[k] as readonly (string | null)[] }),
  }));
}
