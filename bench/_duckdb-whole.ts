/**
 * The third DuckDB peer: the WHOLE built-in land-parcels definition as the SQL a data engineer writes — the compared
 * checks of bench/_duckdb-idiomatic.ts (the same SQL, not a copy) plus every further rule of the definition that SQL
 * can state (bench/_checks.ts, WHOLE_EXTRA): land-use codes of the scheme chosen by the certificate date (a CASE on
 * the parsed date over IN lists), replaced codes, the 50-year agricultural term, the plausibility of a personal ID's
 * province, VN-2000 ranges, Excel serials in date columns, whitespace around codes and identifiers, the gender in NFC,
 * stray spaces and name shape on readable text, and the table-level row count and freshness. Every list and bound
 * comes from the project's own tables (rules/vn/…); the rules SQL cannot state are listed, with the reason, in
 * WHOLE_NOT_COMPARED. Its per-rule counts must equal ddss's on the bench files, like the other peers'; it is timed
 * against ddss running the whole definition. To check the counts without the whole bench:
 * `npx tsx bench/whole-counts.ts <file.csv>` (after `npx tsup`).
 */
import { sub } from 'date-fns';
import { PROVINCES_2008 } from '../rules/vn/tables/provinces.js';
import { landUseCodeTables, parcelCodes, type LandUseCodeTable } from '../rules/vn/tables/land-use-codes.js';
import { tableAt } from '../rules/vn/tables/dated.js';
import { AGRICULTURAL_TERM_CODES, AGRICULTURAL_TERM_YEARS } from '../rules/vn/land/agricultural-term.js';
import { VN2000_BOUNDS } from '../rules/vn/land/vn2000.js';
import { serialOf } from '../rules/vn/dates/_excel.js';
import { COMMON_FAMILY_NAMES } from '../rules/vn/text/vn-name.js';
import { JS_TRIM_CLASS, WHOLE_EXTRA, type WholeExtraId } from './_checks.js';
import type { DuckResult } from './_duckdb.js';
import { idiomaticQueryWith, runIdiomaticSql } from './_duckdb-idiomatic.js';

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const list = (xs: readonly string[]): string => `(${xs.map(lit).join(', ')})`;

/**
 * Text that is not readable Vietnamese, as a data engineer screens for it: a Latin-1 symbol (¡…¿, ×, ÷) or a Latin-1
 * letter Vietnamese never uses (Ä Ç Ö Þ ä ç ï ñ ø …), which TCVN3/VNI text and UTF-8 read as Windows-1252 are full
 * of, or a capital inside a word ("NguyÔn", "BÝch"). ddss's `legacyEncoding` is a scored decoding, not this
 * predicate; the whole query uses it only as the guard of the rules that run on readable text (whitespace, vnName).
 */
export const UNREADABLE_PATTERN = String.raw`[\x{A1}-\x{BF}ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ]|\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}`;

/** Odd whitespace of rules/vn/text/whitespace.ts: two spaces, a tab or line break, a no-break/typographic/zero-width space. */
const ODD_SPACE = String.raw`  |[\t\n\x0B\f\r\x{85}\x{A0}\x{AD}\x{1680}\x{2000}-\x{200D}\x{2028}\x{2029}\x{202F}\x{205F}\x{2060}\x{3000}\x{FEFF}]`;

/** The codes a table accepts for a parcel: its parcel codes and the codes it replaced (those are landUseCodeCurrent's). */
const accepted = (t: LandUseCodeTable): string[] => [...parcelCodes(t), ...Object.keys(t.entries.replaced)];

/**
 * The typed columns and per-rule counts the whole definition adds to the idiomatic query. Written as a data engineer
 * would, not mirroring every JavaScript edge case (the generator decides which occur, and the counts must agree):
 * e.g. an honorific written in NFD, an Excel serial with spaces around it, or a foreign name with ü or ø (taken for
 * unreadable text) are judged differently from ddss. Where two idiomatic forms agree, the cheaper one is used
 * (measured on 200k rows): a case-insensitive regex rather than lower(nfc_normalize(…)), one regex for a plausible
 * ID rather than substr() and an IN list, DATE arithmetic rather than TIMESTAMPTZ (whose intervals go through ICU).
 */
function wholeExtra(nowMs: number): { columns: string[]; counts: Record<WholeExtraId, string> } {
  const now = new Date(nowMs);
  // landUseCode by gcn_issue_date: the table in force on the date (the earliest before every table); without a
  // readable date, the 2024 scheme.
  const byStart = [...landUseCodeTables].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  const latest = byStart[0] as LandUseCodeTable;
  const earliest = byStart.at(-1) as LandUseCodeTable;
  const fixed = landUseCodeTables.find((t) => t.version === '2024') ?? latest;
  const scheme = `CASE WHEN issued IS NULL THEN code NOT IN ${list(accepted(fixed))}\n` +
    byStart.slice(0, -1).map((t) => `      WHEN issued >= DATE ${lit(t.validFrom)} THEN code NOT IN ${list(accepted(t))}\n`).join('') +
    `      ELSE code NOT IN ${list(accepted(earliest))} END`;
  const current = tableAt(landUseCodeTables, now);
  const replaced = current === undefined ? [] : Object.keys(current.entries.replaced);
  const provinces = PROVINCES_2008.entries.map((p) => p.code);
  const { north, east } = VN2000_BOUNDS;
  // Excel serials: a whole or decimal number of at most 7 digits for a day of 1920–2099 (the rule's default range),
  // in a cell that did not parse as a date (a text column's, such as the term, never does).
  const serialMin = serialOf(new Date(Date.UTC(1920, 0, 1)));
  const serialMax = serialOf(new Date(Date.UTC(2099, 11, 31))) + 1;
  const excel = (column: string, parsed?: string) => `count(*) FILTER (WHERE ${parsed === undefined ? '' : `${parsed} IS NULL
       AND `}regexp_full_match(${column}, '[0-9]{1,7}(\\.[0-9]{1,12})?')
       AND TRY_CAST(${column} AS DOUBLE) >= ${serialMin} AND TRY_CAST(${column} AS DOUBLE) < ${serialMax})`;
  // A plausible 12-digit personal ID: 0 + a province code of the 2008 list, then a century digit 0–3.
  const plausibleId = `0(${provinces.join('|')})[0-3][0-9]{8}`;
  // vnName: a character that is no letter, mark, space, apostrophe or hyphen (a digit, a symbol), an apostrophe or
  // hyphen not between two letters, or a leading Ông/Bà (any case) before a common family name.
  const space = `[${JS_TRIM_CLASS}]`;
  const symbol = String.raw`[^\p{L}\p{M}${JS_TRIM_CLASS}'’-]|(^|[^\p{L}\p{M}])['’-]|['’-]([^\p{L}\p{M}]|$)`;
  const honorific = `(?i)^${space}*(ông|bà)[.:]? +(${COMMON_FAMILY_NAMES.join('|')})(${space}|$)`;
  const freshCutoff = `TIMESTAMPTZ ${lit(sub(now, { days: 30 }).toISOString())}`;
  // trimmed, as the compared parcel_id.trimmed is written: the value differs from its trim() (the generator's stray
  // whitespace is spaces; DuckDB's trim() removes spaces only, ddss's trimmed also tabs, NBSP, BOM…).
  const untrimmed = (column: string) => `count(*) FILTER (WHERE NOT m_${column} AND ${column} <> trim(${column}))`;
  return {
    columns: [
      // The land rules read a code or term without its surrounding whitespace (trimmed reports it).
      `trim(land_use_code) AS code`,
      `try_strptime(trim(land_use_term), '%d/%m/%Y')::DATE AS term_end`,
      `TRY_CAST(x_north AS DOUBLE) AS north, TRY_CAST(y_east AS DOUBLE) AS east`,
      `regexp_matches(owner_name, ${lit(UNREADABLE_PATTERN)}) AS name_unreadable`,
      `regexp_matches(owner_address, ${lit(UNREADABLE_PATTERN)}) AS address_unreadable`,
    ],
    counts: {
      'province_code.trimmed': untrimmed('province_code'),
      'commune_code.trimmed': untrimmed('commune_code'),
      'land_use_code.trimmed': untrimmed('land_use_code'),
      'land_use_term.trimmed': untrimmed('land_use_term'),
      'owner_id.trimmed': untrimmed('owner_id'),
      'owner_gender.trimmed': untrimmed('owner_gender'),
      'owner_gender.nfc': 'count(*) FILTER (WHERE NOT m_owner_gender AND nfc_normalize(owner_gender) <> owner_gender)',
      'gcn_serial.trimmed': untrimmed('gcn_serial'),
      'land_use_code.landUseCode': `count(*) FILTER (WHERE NOT m_land_use_code AND ${scheme})`,
      'land_use_code.landUseCodeCurrent': `count(*) FILTER (WHERE NOT m_land_use_code AND code IN ${list(replaced.length > 0 ? replaced : [''])})`,
      // A permanent term (LAU_DAI) on such land fails whatever the issue date; a dated one past 50 years from it.
      agriculturalTerm: `count(*) FILTER (WHERE code IN ${list(AGRICULTURAL_TERM_CODES)} AND NOT m_land_use_term
       AND (trim(land_use_term) = 'LAU_DAI' OR term_end > issued::DATE + INTERVAL ${AGRICULTURAL_TERM_YEARS} YEAR))`,
      'owner_id.cccdPlausible': `count(*) FILTER (WHERE regexp_full_match(trim(owner_id), '[0-9]{12}')
       AND NOT regexp_full_match(trim(owner_id), ${lit(plausibleId)}))`,
      'owner_name.whitespace': `count(*) FILTER (WHERE NOT name_unreadable AND regexp_matches(owner_name, ${lit(ODD_SPACE)}))`,
      'owner_name.vnName': `count(*) FILTER (WHERE NOT name_unreadable
       AND (regexp_matches(owner_name, ${lit(symbol)}) OR regexp_matches(owner_name, ${lit(honorific)})))`,
      'owner_address.whitespace': `count(*) FILTER (WHERE NOT address_unreadable AND regexp_matches(owner_address, ${lit(ODD_SPACE)}))`,
      vn2000: `count(*) FILTER (WHERE north IS NOT NULL AND east IS NOT NULL
       AND NOT (north BETWEEN ${north.min} AND ${north.max} AND east BETWEEN ${east.min} AND ${east.max}))`,
      'gcn_issue_date.excelSerial': excel('gcn_issue_date', 'issued'),
      'registered_at.excelSerial': excel('registered_at', 'registered'),
      'land_use_term.excelSerial': excel('land_use_term'),
      'updated_at.excelSerial': excel('updated_at', 'updated'),
      rowCount: 'CASE WHEN count(*) < 1 THEN 1 ELSE 0 END',
      'updated_at.freshness': `CASE WHEN max(updated) < ${freshCutoff} THEN 1 ELSE 0 END`,
    },
  };
}

/** The whole-definition query: the compared checks' idiomatic SQL, then one count per rule of WHOLE_EXTRA. */
export function wholeQuery(path: string, nowMs: number): string {
  const extra = wholeExtra(nowMs);
  return idiomaticQueryWith(path, nowMs, { columns: extra.columns, counts: Object.fromEntries(WHOLE_EXTRA.map((id) => [id, extra.counts[id]])) });
}

/** Runs the whole-definition query with `threads` DuckDB threads (time zone UTC, as the idiomatic query). */
export function runDuckDbWhole(path: string, nowMs: number, threads: number): Promise<DuckResult> {
  return runIdiomaticSql(wholeQuery(path, nowMs), threads);
}
