import type { PgClient } from './pg.js';

/** OIDs below this are the types compiled into the server (pg_type.dat): none is an array of an enum or a domain. */
const FIRST_GENBKI_OID = 10_000;
/** `text[]`: what an array of enum labels is parsed as (pg presents an enum's value as its label, a string). */
const TEXT_ARRAY = 1009;

// node-postgres parses arrays only for built-in array OIDs; an array of an enum or of a domain has an OID of its own
// (`_land_use`), so it came as its text. Its parser is that of the built-in array its elements hold: an enum's is
// text[], a domain's the array of its base type (through domains of domains). `sent` is what RowDescription names:
// a domain column as its base type (so a domain over land_use[] is sent as _land_use). Types whose base has no
// array type, or whose array is itself user-defined (a composite's), are left out: they stay text as before.
const ARRAYS = `WITH RECURSIVE sent(typ) AS (
  SELECT u.typ FROM unnest($1::oid[]) AS u(typ)
  UNION
  SELECT t.typbasetype FROM sent JOIN pg_catalog.pg_type t ON t.oid = sent.typ WHERE t.typtype = 'd'
), elem(arr, typ) AS (
  SELECT a.oid, a.typelem FROM pg_catalog.pg_type a JOIN pg_catalog.pg_type e ON e.oid = a.typelem
   WHERE a.typcategory = 'A' AND a.typtype = 'b' AND a.typlen = -1 AND e.typtype IN ('e', 'd')
     AND ($1::oid[] IS NULL OR a.oid IN (SELECT typ FROM sent))
  UNION
  SELECT elem.arr, t.typbasetype FROM elem JOIN pg_catalog.pg_type t ON t.oid = elem.typ WHERE t.typtype = 'd'
)
SELECT elem.arr::int8::text AS oid, (CASE WHEN t.typtype = 'e' THEN ${TEXT_ARRAY} ELSE t.typarray END)::int8::text AS parse_as
  FROM elem JOIN pg_catalog.pg_type t ON t.oid = elem.typ
 WHERE t.typtype = 'e' OR (t.typtype <> 'd' AND t.typarray <> 0 AND t.typarray < ${FIRST_GENBKI_OID})`;

/**
 * Which result types are arrays of an enum or of a domain, each with the built-in array type to parse it as (see
 * `pgTypes`): `types` are the result's column type OIDs (RowDescription's), or undefined when they are not known
 * before the read (an unordered query): then every such array type of the database. No round trip when every type
 * is built in.
 * @example await arrayTypes(client, [23, 16425]) // Map { 16425 => 1009 } (16425: land_use[], an enum's array)
 */
export async function arrayTypes(client: PgClient, types: readonly number[] | undefined): Promise<ReadonlyMap<number, number>> {
  if (types !== undefined && types.every((t) => t < FIRST_GENBKI_OID)) return new Map();
  const r = await client.query({ text: ARRAYS, values: [types === undefined ? null : [...new Set(types)]] });
  return new Map((r.rows as { oid: string; parse_as: string }[]).map((x) => [Number(x.oid), Number(x.parse_as)]));
}
