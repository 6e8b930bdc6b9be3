/**
 * The DuckDB side of the benchmark: the checks of bench/_checks.ts as ONE SQL query over `read_csv(…, all_varchar)`,
 * each rule a `count(*) FILTER (WHERE <fails>)`. Every predicate mirrors the ddss rule it is compared with, including
 * the engine's conventions: a value rule only sees non-missing cells, a `type` failure is a non-missing cell its
 * parser rejects, a record rule runs only where all its fields hold valid values, and cells are never trimmed except
 * where the rule itself trims.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { sub } from 'date-fns';
import { PROVINCES_2008, PROVINCES_2025 } from '../rules/vn/tables/provinces.js';
import {
  COMPARED, GCN_PATTERN, ISO_PATTERN, JS_TRIM_CLASS, MISSING_TOKENS, MISSING_ZERO_DAY,
  NUMBER_PATTERN, type ComparedId,
} from './_checks.js';

const DUP_IDS = ['parcel_id.unique', 'gcn_serial.unique', 'commune_code+map_sheet_no+parcel_no.unique'] as const;
type DupId = (typeof DUP_IDS)[number];
const isDup = (id: string): id is DupId => (DUP_IDS as readonly string[]).includes(id);
const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const list = (xs: readonly string[]): string => `(${xs.map(lit).join(', ')})`;

/** Macros shared by the predicates: JS trim, missing cells, strict parsers (NULL when the parser rejects the text). */
export function macros(): string[] {
  return [
    `CREATE OR REPLACE MACRO jtrim(s) AS regexp_replace(s, ${lit(`^[${JS_TRIM_CLASS}]+|[${JS_TRIM_CLASS}]+$`)}, '', 'g')`,
    `CREATE OR REPLACE MACRO is_token(t) AS t = '' OR t IN ${list(MISSING_TOKENS)}
       OR (length(t) = 10 AND starts_with(t, '00/00/') AND regexp_full_match(t, ${lit(MISSING_ZERO_DAY)}))`,
    // missing.ts trims only when the first or last character is blank-ish; otherwise it compares the raw text.
    // Code points rather than a regex class: this runs on every cell, and ord() is much cheaper.
    `CREATE OR REPLACE MACRO edge_blank(c) AS ord(c) <= 32 OR ord(c) IN (160, 65279, 12288) OR ord(c) BETWEEN 8192 AND 8203`,
    `CREATE OR REPLACE MACRO miss(s) AS s IS NULL OR s = '' OR (CASE WHEN edge_blank(s[1]) OR edge_blank(s[-1])
       THEN is_token(jtrim(s)) ELSE is_token(s) END)`,
    `CREATE OR REPLACE MACRO int_of(s) AS CASE WHEN regexp_full_match(s, '[+-]?[0-9]+') AND abs(TRY_CAST(s AS HUGEINT)) <= 9007199254740991
       THEN TRY_CAST(s AS BIGINT) END`,
    `CREATE OR REPLACE MACRO num_of(s) AS CASE WHEN regexp_full_match(s, ${lit(NUMBER_PATTERN)}) AND isfinite(TRY_CAST(s AS DOUBLE))
       THEN TRY_CAST(s AS DOUBLE) END`,
    // dd/MM/yyyy, fixed width, no rollover (try_strptime rejects 31/02).
    `CREATE OR REPLACE MACRO vn_date(s) AS CASE WHEN regexp_full_match(s, '[0-9]{2}/[0-9]{2}/[0-9]{4}')
       THEN epoch_ms(try_strptime(s, '%d/%m/%Y')) END`,
    `CREATE OR REPLACE MACRO iso_parts(s) AS regexp_extract(s, ${lit(ISO_PATTERN)}, ['y', 'mo', 'd', 'h', 'mi', 'se', 'f', 'z'])`,
    `CREATE OR REPLACE MACRO iso_zone(z) AS CASE WHEN z IN ('', 'Z') THEN 0 ELSE
       (CASE WHEN z[1] = '-' THEN -1 ELSE 1 END) * (TRY_CAST(z[2:3] AS INT) * 60 + TRY_CAST(right(replace(z, ':', ''), 2) AS INT)) END`,
    // parseIsoDateTime: calendar-valid date, h ≤ 23, m ≤ 59, s ≤ 59, |offset| ≤ 14 h; ms = floor(0.f × 1000).
    `CREATE OR REPLACE MACRO iso_ms_of(p) AS CASE
       WHEN try_strptime(p.y || '-' || p.mo || '-' || p.d, '%Y-%m-%d') IS NULL THEN NULL
       WHEN coalesce(TRY_CAST(nullif(p.h, '') AS INT), 0) > 23 OR coalesce(TRY_CAST(nullif(p.mi, '') AS INT), 0) > 59
         OR coalesce(TRY_CAST(nullif(p.se, '') AS INT), 0) > 59 OR abs(iso_zone(p.z)) > 840 THEN NULL
       ELSE epoch_ms(try_strptime(p.y || '-' || p.mo || '-' || p.d, '%Y-%m-%d'))
         + coalesce(TRY_CAST(nullif(p.h, '') AS BIGINT), 0) * 3600000 + coalesce(TRY_CAST(nullif(p.mi, '') AS BIGINT), 0) * 60000
         + coalesce(TRY_CAST(nullif(p.se, '') AS BIGINT), 0) * 1000
         + (CASE WHEN p.f = '' THEN 0 ELSE CAST(floor(TRY_CAST('0.' || p.f AS DOUBLE) * 1000) AS BIGINT) END)
         - iso_zone(p.z) * 60000 END`,
    // The parts are extracted once into a column (CTE m) and read from there: a macro argument is substituted
    // textually, so iso_ms_of(iso_parts(s)) would run the regex once per field access (measured ~10× slower).
    `CREATE OR REPLACE MACRO iso_parts_checked(s) AS CASE WHEN regexp_full_match(s, ${lit(ISO_PATTERN)}) THEN iso_parts(s) END`,
    `CREATE OR REPLACE MACRO trim_space(c) AS ord(c) <= 32 OR ord(c) IN (133, 160, 5760, 8232, 8233, 8239, 8287, 12288, 65279)
       OR ord(c) BETWEEN 8192 AND 8203`,
    `CREATE OR REPLACE MACRO edge_space(s) AS trim_space(s[1]) OR trim_space(s[-1])`,
    `CREATE OR REPLACE MACRO cccd12(t) AS length(t) = 12 AND regexp_full_match(t, '[0-9]+')`,
    // parseCccd: century 1900 + 100·⌊G/2⌋, birth year century + YY, gender by the parity of G.
    `CREATE OR REPLACE MACRO cccd_century(t) AS 1900 + 100 * (TRY_CAST(substr(t, 4, 1) AS INT) // 2)`,
    `CREATE OR REPLACE MACRO cccd_year(t) AS cccd_century(t) + TRY_CAST(substr(t, 5, 2) AS INT)`,
    `CREATE OR REPLACE MACRO cccd_gender(t) AS CASE WHEN TRY_CAST(substr(t, 4, 1) AS INT) % 2 = 0 THEN 'Nam' ELSE 'Nữ' END`,
  ];
}

/** The query: parsed columns once (CTE `p`), duplicate-group sizes by window, then one FILTERed count per rule. */
export function landQuery(path: string, nowMs: number): string {
  const year = new Date(nowMs).getUTCFullYear();
  const cutoff = sub(new Date(nowMs), { days: 365 }).getTime(); // the same date-fns arithmetic as rules/live/within.ts
  const all = [...new Set([...PROVINCES_2008.entries, ...PROVINCES_2025.entries].map((p) => p.code))];
  const current = PROVINCES_2025.entries.map((p) => p.code);
  const cols = ['parcel_id', 'province_code', 'commune_code', 'map_sheet_no', 'parcel_no', 'area_m2', 'land_use_code',
    'land_use_term', 'owner_name', 'owner_id', 'owner_birth_year', 'owner_gender', 'owner_address', 'gcn_serial',
    'gcn_issue_date', 'registered_at', 'x_north', 'y_east', 'owner_verified', 'updated_at'];
  const missing = cols.map((c) => `miss(${c}) AS m_${c}`).join(', ');
  // Duplicate groups: every member of a group of size > 1 fails (as ddss's unique/uniqueBy count them). Hash
  // GROUP BY over the materialized rows; measured much cheaper than count(*) OVER (PARTITION BY …) on wide rows.
  const dupOf = (where: string, keys: string) =>
    `(SELECT coalesce(sum(c), 0) FROM (SELECT count(*) AS c FROM p WHERE ${where} GROUP BY ${keys} HAVING count(*) > 1))`;
  const dupSql: Record<DupId, string> = {
    'parcel_id.unique': dupOf('NOT m_parcel_id', 'parcel_id'),
    'gcn_serial.unique': dupOf('NOT m_gcn_serial', 'gcn_serial'),
    // uniqueBy runs where all three fields are valid; integers compare by value ("07" = "7").
    'commune_code+map_sheet_no+parcel_no.unique': dupOf('NOT m_commune_code AND i_sheet IS NOT NULL AND i_parcel IS NOT NULL',
      'commune_code, i_sheet, i_parcel'),
  };
  const dups = DUP_IDS.map((id) => `${dupSql[id]} AS ${JSON.stringify(id)}`).join(',\n  ');
  const fails: Record<Exclude<ComparedId, DupId>, string> = {
    'parcel_id.required': 'm_parcel_id',
    'parcel_id.trimmed': 'NOT m_parcel_id AND edge_space(parcel_id)',
    'province_code.required': 'm_province_code',
    'province_code.province': `NOT m_province_code AND NOT (length(t_province) = 2 AND regexp_full_match(t_province, '[0-9]+') AND t_province IN ${list(all)})`,
    'province_code.provinceCurrent': `NOT m_province_code AND t_province NOT IN ${list(current)} AND t_province IN ${list(all)}`,
    'commune_code.required': 'm_commune_code',
    'commune_code.commune': `NOT m_commune_code AND NOT (length(jtrim(commune_code)) = 5 AND regexp_full_match(jtrim(commune_code), '[0-9]+'))`,
    'map_sheet_no.type': 'NOT m_map_sheet_no AND i_sheet IS NULL',
    'map_sheet_no.required': 'm_map_sheet_no',
    'map_sheet_no.min': 'NOT m_map_sheet_no AND i_sheet < 1',
    'parcel_no.type': 'NOT m_parcel_no AND i_parcel IS NULL',
    'parcel_no.required': 'm_parcel_no',
    'parcel_no.min': 'NOT m_parcel_no AND i_parcel < 1',
    'area_m2.type': 'NOT m_area_m2 AND v_area IS NULL',
    'area_m2.required': 'm_area_m2',
    'area_m2.min': 'NOT m_area_m2 AND v_area <= 0',
    'area_m2.decimals': 'NOT m_area_m2 AND NOT (abs(v_area * 10 - round(v_area * 10)) < 1e-6 * greatest(1, abs(v_area)))',
    'land_use_code.required': 'm_land_use_code',
    'land_use_term.required': 'm_land_use_term',
    // The land rules read a code or term without its surrounding whitespace (trimmed reports it).
    'land_use_term.landUseTerm': `NOT m_land_use_term AND t_term <> 'LAU_DAI' AND vn_date(t_term) IS NULL`,
    'owner_name.required': 'm_owner_name',
    'owner_name.trimmed': 'NOT m_owner_name AND edge_space(owner_name)',
    'owner_name.nfc': 'NOT m_owner_name AND nfc_normalize(owner_name) <> owner_name',
    'owner_id.required': 'm_owner_id',
    // cccd({ acceptCmnd }): digits only; 9 digits pass (CMND); otherwise 12 digits whose encoded birth year is not
    // after this year (when the century is not).
    'owner_id.cccd': `NOT m_owner_id AND NOT (regexp_full_match(t_id, '[0-9]+') AND (length(t_id) = 9
       OR (length(t_id) = 12 AND NOT (cccd_century(t_id) <= ${year} AND cccd_year(t_id) > ${year}))))`,
    'owner_id.cmndRetired': `NOT m_owner_id AND length(t_id) = 9 AND regexp_full_match(t_id, '[0-9]+')
       AND ${lit(new Date(nowMs).toISOString().slice(0, 10))} > '2024-12-31'`,
    'owner_birth_year.type': 'NOT m_owner_birth_year AND i_birth IS NULL',
    'owner_birth_year.required': 'm_owner_birth_year',
    'owner_birth_year.min': 'NOT m_owner_birth_year AND i_birth < 1900',
    'owner_birth_year.notInFuture': `NOT m_owner_birth_year AND i_birth > ${year}`,
    'owner_gender.required': 'm_owner_gender',
    'owner_gender.oneOf': `NOT m_owner_gender AND nfc_normalize(jtrim(owner_gender)) NOT IN ('Nam', 'Nữ')`,
    'owner_address.trimmed': 'NOT m_owner_address AND edge_space(owner_address)',
    'owner_address.nfc': 'NOT m_owner_address AND nfc_normalize(owner_address) <> owner_address',
    'gcn_serial.gcnSerial': `NOT m_gcn_serial AND NOT regexp_full_match(jtrim(gcn_serial), ${lit(GCN_PATTERN)})`,
    'gcn_issue_date.type': 'NOT m_gcn_issue_date AND d_issue IS NULL',
    'gcn_issue_date.notInFuture': `NOT m_gcn_issue_date AND d_issue > ${nowMs}`,
    'registered_at.type': 'NOT m_registered_at AND d_registered IS NULL',
    'registered_at.notInFuture': `NOT m_registered_at AND d_registered > ${nowMs}`,
    'x_north.type': 'NOT m_x_north AND num_of(x_north) IS NULL',
    'y_east.type': 'NOT m_y_east AND num_of(y_east) IS NULL',
    'owner_verified.type': `NOT m_owner_verified AND lower(owner_verified) NOT IN ('true', '1', 'yes', 'y', 'false', '0', 'no', 'n')`,
    'owner_verified.verified': `NOT m_owner_verified AND lower(owner_verified) IN ('false', '0', 'no', 'n')`,
    'updated_at.type': 'NOT m_updated_at AND t_updated IS NULL',
    'updated_at.required': 'm_updated_at',
    'updated_at.notInFuture': `NOT m_updated_at AND t_updated > ${nowMs}`,
    'updated_at.within': `NOT m_updated_at AND t_updated < ${cutoff}`,
    idBirthYear: 'NOT m_owner_id AND NOT m_owner_birth_year AND i_birth IS NOT NULL AND cccd12(t_id) AND cccd_year(t_id) <> i_birth',
    idGender: `NOT m_owner_id AND NOT m_owner_gender AND cccd12(t_id)
       AND (CASE lower(nfc_normalize(jtrim(owner_gender))) WHEN 'nam' THEN 'Nam' WHEN 'nữ' THEN 'Nữ' END) <> cccd_gender(t_id)`,
    'registered_at+gcn_issue_date.datesOrdered': 'NOT m_registered_at AND NOT m_gcn_issue_date AND d_issue < d_registered',
    residentialTermPermanent: `NOT m_land_use_code AND NOT m_land_use_term AND jtrim(land_use_code) IN ('ONT', 'ODT') AND t_term <> 'LAU_DAI'`,
  };
  const counts = COMPARED.filter((id): id is Exclude<ComparedId, DupId> => !isDup(id)).map((id) => `count(*) FILTER (WHERE ${fails[id]}) AS ${JSON.stringify(id)}`).join(',\n  ');
  return `WITH src AS (
  SELECT * FROM read_csv(${lit(path)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')
), m AS (
  SELECT *, ${missing}, iso_parts_checked(updated_at) AS u_parts FROM src
), p AS MATERIALIZED (
  SELECT *,
    jtrim(province_code) AS t_province, jtrim(owner_id) AS t_id, jtrim(land_use_term) AS t_term,
    int_of(map_sheet_no) AS i_sheet, int_of(parcel_no) AS i_parcel, int_of(owner_birth_year) AS i_birth,
    num_of(area_m2) AS v_area, vn_date(gcn_issue_date) AS d_issue, vn_date(registered_at) AS d_registered,
    iso_ms_of(u_parts) AS t_updated
  FROM m
)
SELECT count(*) AS rows,
  ${counts},
  ${dups}
FROM p`;
}

export interface DuckResult {
  readonly rows: number;
  readonly counts: Record<string, number>;
}

/** Runs the query with `threads` DuckDB threads; resolves to the row count and the per-rule failure counts. */
export async function runDuckDb(path: string, nowMs: number, threads: number): Promise<DuckResult> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const con = await instance.connect();
  try {
    await con.run(`SET threads = ${threads}`);
    for (const m of macros()) await con.run(m);
    const reader = await con.runAndReadAll(landQuery(path, nowMs));
    const names = reader.columnNames();
    const row = reader.getRows()[0] ?? [];
    const counts: Record<string, number> = {};
    names.forEach((n, i) => { counts[n] = Number(row[i] as bigint | number); });
    const rows = counts.rows ?? 0;
    delete counts.rows;
    return { rows, counts };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
