import type { PgClient } from './pg.js';

/**
 * Sets up a connection ddss opened itself, before it reads or cuts anything: dates printed in ISO form, floats as
 * their shortest exact text, and every transaction read-only, whatever the server, database or role sets. Every
 * connection of a run gets the same settings, so a key boundary one connection prints is read back as the same value
 * by another: a cut on a database whose `DateStyle` is `SQL, DMY` printed a date key as `15/03/2026`, which the
 * readers (ISO, YMD) refused as out of range, and every run with workers failed.
 * @example await startSession(client) // DateStyle 'ISO, YMD', extra_float_digits 1, default_transaction_read_only on
 */
export async function startSession(client: PgClient): Promise<void> {
  // One round trip (simple protocol, no parameters). pg's parsers and ours read ISO dates. From PostgreSQL 12 a
  // positive extra_float_digits prints a float's shortest exact text (the default, 1); a database set to -5 printed
  // real 120.55 as 100, which every rule then judged as the area. A validation only reads: every transaction of
  // ddss's own connection is read-only, so a --query that writes ("DELETE … RETURNING *", a function that writes)
  // fails instead of changing the register. A caller's own client or pool is the caller's to configure.
  await client.query({ text: "SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET default_transaction_read_only = on" });
}

/**
 * Refuses a connection that prints values ddss would read as other values: a caller's client or pool, which ddss
 * leaves as it is set. Its `DateStyle` must print ISO dates: in `SQL, MDY` a date prints `03/04/2026` (4 March), text
 * a `dd/MM/yyyy` field read as 3 April without a word, and a key boundary printed so is read back as another value by
 * ddss's own connections. Its `extra_float_digits` must be positive: at 0 or below floats print rounded.
 * @example await requireExactText(client) // throws "ddss: the connection prints dates in DateStyle "SQL, MDY" …"
 */
export async function requireExactText(client: PgClient): Promise<void> {
  const r = await client.query({ text: 'SELECT pg_catalog.current_setting($1), pg_catalog.current_setting($2)',
    values: ['DateStyle', 'extra_float_digits'], rowMode: 'array' });
  const [style, digits] = ((r.rows[0] as unknown[] | undefined) ?? []).map(String);
  if (!/^\s*ISO\b/i.test(style ?? '')) {
    throw new Error(`ddss: the connection prints dates in DateStyle ${JSON.stringify(style)}, which ddss cannot read without ` +
      "guessing the day and month: SET DateStyle = 'ISO' on it (or connect with options=-c DateStyle=ISO)");
  }
  if (!(Number(digits) > 0)) {
    throw new Error(`ddss: the connection prints floats rounded (extra_float_digits = ${digits ?? '?'}): ` +
      'SET extra_float_digits = 1 on it (or connect with options=-c extra_float_digits=1)');
  }
}
