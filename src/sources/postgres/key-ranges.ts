import { readPlan, RAW, type KeyRange, type ReadPlan, type ReadTarget } from './plan.js';
import type { PgClient } from './pg.js';
import { requireExactText } from './session.js';

/**
 * Cuts a table into `parts` key ranges of about equal row counts, in key order: range k holds the rows whose order
 * key (primary key or `orderBy`) is ≥ the k-th boundary and < the next, so the ranges read one after another are the
 * table read whole, in the same order. Boundaries are key values read back as the server prints them (exact for
 * every type) at row offsets `k · count / parts` of the ordered key (an index scan for a primary key). Run in one
 * snapshot (`REPEATABLE READ`, exported to the readers) the cut and the reads see the same rows. Nullable key columns
 * are cut with NULLs last, as `ORDER BY` sorts them; a query, or an unordered read, is one range. Range k of N is
 * what `--shard K/N` of a table reads. `minRowsPerRange` lowers the number of ranges for a small table. A table read
 * in physical order (`ctid`) is cut at pages instead, `⌊k · pages/parts⌋` (see `rangeBoundary`).
 * @example await postgresKeyRanges(client, { table: 'parcels' }, 2) // [{ to: ['P-500001'] }, { from: ['P-500001'] }]
 */
export async function postgresKeyRanges(client: PgClient, target: ReadTarget, parts: number,
  options: { readonly minRowsPerRange?: number } = {}): Promise<KeyRange[]> {
  const wanted = Math.max(1, Math.floor(parts));
  if (wanted === 1 || target.query !== undefined) return [{}];
  // Boundaries go back to the server as the client printed them, to be read by connections that print ISO dates.
  await requireExactText(client);
  const plan = await readPlan(client, target);
  if (!plan.rangeable || plan.from === undefined) return [{}];
  // Boundaries are read in the run's snapshot when the caller opened one; the count and the offsets agree.
  const size = await tableSize(client, plan);
  const count = size.rows;
  const n = Math.min(wanted, Math.max(1, Math.floor(count / Math.max(1, options.minRowsPerRange ?? 1))));
  const boundaries: (readonly (string | null)[])[] = [];
  for (let k = 1; k < n; k++) {
    const key = await rangeBoundary(client, plan, size, k, n);
    if (key === undefined) break;
    if (plan.physical && key[0] === '(0,0)') continue; // page 0 begins the table: no range before it
    const last = boundaries.at(-1);
    if (last === undefined || JSON.stringify(last) !== JSON.stringify(key)) boundaries.push(key);
  }
  return Array.from({ length: boundaries.length + 1 }, (_, k) => ({
    ...(k === 0 ? {} : { from: boundaries[k - 1] as readonly (string | null)[] }),
    ...(k === boundaries.length ? {} : { to: boundaries[k] as readonly (string | null)[] }),
  }));
}

/** What a cut counts in its snapshot: the table's rows, and (physical order) the pages up to its last row's. */
export interface TableSize { readonly rows: number; readonly pages: number }

/**
 * Counts `plan`'s table (one scan) in the caller's snapshot. In physical order it also finds the page after the last
 * one holding a row the snapshot sees: unlike the file's size, neither a vacuum truncating empty pages nor the
 * server extending the file ahead of its rows moves it, so shards cutting at different moments agree on it.
 * @example await tableSize(client, plan) // { rows: 3124, pages: 17 }
 */
export async function tableSize(client: PgClient, plan: ReadPlan): Promise<TableSize> {
  // A tid prints as (page,slot), which reads as a point; a page number is exact in a float8.
  const text = plan.physical ? `SELECT count(*), coalesce(max((ctid::text::point)[0]) + 1, 0) FROM ${plan.from as string}`
    : `SELECT count(*), 0 FROM ${plan.from as string}`;
  const row = (await client.query({ text, rowMode: 'array', types: RAW })).rows[0] as string[];
  return { rows: Number(row[0]), pages: Number(row[1]) };
}

/**
 * The key range k of `parts` begins at (undefined past the table's rows): the order key at row offset
 * `⌊k · count/parts⌋` (an `OFFSET` walk of the key's index), or, for a table read in physical order, the first row
 * slot of page `⌊k · pages/parts⌋` (`'(p,0)'`, a TID range scan from PostgreSQL 14), pages up to the last row's
 * (`tableSize`): no walk at all, ranges of about equal pages rather than rows. `plan` is a table's (`from` set).
 * @example await rangeBoundary(client, plan, { rows: 1000, pages: 0 }, 1, 2) // ['P-000501'], or ['(42,0)'] in physical order
 */
export async function rangeBoundary(client: PgClient, plan: ReadPlan, size: TableSize, k: number, parts: number): Promise<(string | null)[] | undefined> {
  if (plan.physical) return [`(${Math.floor((size.pages * k) / parts)},0)`];
  const offset = Math.floor((size.rows * k) / parts);
  if (offset >= size.rows) return undefined;
  const order = plan.orderBy.map((c) => client.escapeIdentifier(c)).join(', ');
  const r = await client.query({ text: `SELECT ${order} FROM ${plan.from as string} ORDER BY ${order} OFFSET $1 LIMIT 1`,
    values: [offset], rowMode: 'array', types: RAW });
  return r.rows[0] as (string | null)[] | undefined;
}
