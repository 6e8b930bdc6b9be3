import type { PgClient } from './pg.js';

/**
 * Sets up a connection ddss opened itself, before it reads or cuts anything: dates printed in ISO form, and every
 * transaction read-only. Every connection of a run gets the same settings, so a key boundary one connection prints
 * is read back as the same value by another: a cut on a database whose `DateStyle` is `SQL, DMY` printed a date key
 * as `15/03/2026`, which the readers (ISO, YMD) refused as out of range, and every run with workers failed.
 * @example await startSession(client) // SET DateStyle = 'ISO, YMD'; SET default_transaction_read_only = on
 */
export async function startSession(client: PgClient): Promise<void> {
  // pg's parsers and ours read ISO dates; a server configured for another DateStyle would print others.
  await client.query({ text: "SET DateStyle = 'ISO, YMD'" });
  // A validation only reads: every transaction of ddss's own connection is read-only, so a --query that writes
  // ("DELETE … RETURNING *", a function that writes) fails instead of changing the register. A caller's own client
  // or pool is the caller's to configure.
  await client.query({ text: 'SET default_transaction_read_only = on' });
}

/**
 * Refuses a connection whose `DateStyle` does not print ISO dates: a caller's client or pool, which ddss leaves as it
 * is. Why: in `SQL, MDY` a date prints `03/04/2026` (4 March), text a `dd/MM/yyyy` field read as 3 April without a
 * word; and a key boundary printed so is read back as another value by ddss's own connections.
 * @example await requireIsoDates(client) // throws "ddss: the connection prints dates in DateStyle "SQL, MDY" …"
 */
export async function requireIsoDates(client: PgClient): Promise<void> {
  const r = await client.query({ text: 'SELECT pg_catalog.current_setting($1)', values: ['DateStyle'], rowMode: 'array' });
  const style = String((r.rows[0] as unknown[] | undefined)?.[0] ?? '');
  if (/^\s*ISO\b/i.test(style)) return;
  throw new Error(`ddss: the connection prints dates in DateStyle ${JSON.stringify(style)}, which ddss cannot read without ` +
    "guessing the day and month: SET DateStyle = 'ISO' on it (or connect with options=-c DateStyle=ISO)");
}
