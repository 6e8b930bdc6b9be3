/**
 * The subset of the built-in land-parcels rules that the benchmark re-implements twice (one DuckDB SQL query in
 * bench/_duckdb.ts, one hand-written JS loop in bench/_loop.ts) and compares with ddss's per-rule `failed` counts.
 * Only rules whose semantics SQL can state exactly are listed; the others are named in NOT_COMPARED with the reason.
 */

/** ddss rule ids compared, in report order (the ids are the report's `rules[i].id`). */
export const COMPARED = [
  'parcel_id.required', 'parcel_id.trimmed', 'parcel_id.unique',
  'province_code.required', 'province_code.province', 'province_code.provinceCurrent',
  'commune_code.required', 'commune_code.commune',
  'map_sheet_no.type', 'map_sheet_no.required', 'map_sheet_no.min',
  'parcel_no.type', 'parcel_no.required', 'parcel_no.min',
  'area_m2.type', 'area_m2.required', 'area_m2.min', 'area_m2.decimals',
  'land_use_code.required',
  'land_use_term.required', 'land_use_term.landUseTerm',
  'owner_name.required', 'owner_name.trimmed', 'owner_name.nfc',
  'owner_id.required', 'owner_id.cccd', 'owner_id.cmndRetired',
  'owner_birth_year.type', 'owner_birth_year.required', 'owner_birth_year.min', 'owner_birth_year.notInFuture',
  'owner_gender.required', 'owner_gender.oneOf',
  'owner_address.trimmed', 'owner_address.nfc',
  'gcn_serial.gcnSerial', 'gcn_serial.unique',
  'gcn_issue_date.type', 'gcn_issue_date.notInFuture',
  'registered_at.type', 'registered_at.notInFuture',
  'x_north.type', 'y_east.type',
  'owner_verified.type', 'owner_verified.verified',
  'updated_at.type', 'updated_at.required', 'updated_at.notInFuture', 'updated_at.within',
  'idBirthYear', 'idGender', 'registered_at+gcn_issue_date.datesOrdered', 'residentialTermPermanent',
  'commune_code+map_sheet_no+parcel_no.unique',
] as const;

export type ComparedId = (typeof COMPARED)[number];

/** ddss rules left out of the comparison, and why (printed with the table, so the subset is explicit). */
export const NOT_COMPARED: Readonly<Record<string, string>> = {
  '*.type of text fields': 'always 0 for CSV text; nothing to compare',
  'owner_name.legacyEncoding, owner_address.legacyEncoding': 'TCVN3/VNI/mojibake diagnosis is a byte-table heuristic, not a SQL predicate',
  'owner_name.whitespace, owner_address.whitespace, owner_name.vnName': 'run only when the text is readable (depends on legacyEncoding)',
  'owner_id.cccdPlausible': 'place-of-birth and country-code tables of DOMAIN-VN §2.1',
  'land_use_code.landUseCode, .landUseCodeCurrent, agriculturalTerm': 'dated code schemes chosen per row by gcn_issue_date (TT 27/2018 vs 08/2024)',
  vn2000: 'per-province VN-2000 zones and a violation per coordinate',
  '*.excelSerial': 'Excel 1900/1904 serial heuristics',
  'rowCount, updated_at.freshness': 'table-level (0 or 1), not row counts',
};

/**
 * The further rules of land-parcels the whole-definition DuckDB query (bench/_duckdb-whole.ts) states in SQL, after
 * the compared ones: with COMPARED, every rule of the definition that SQL can express.
 */
export const WHOLE_EXTRA = [
  'province_code.trimmed', 'commune_code.trimmed', 'land_use_code.trimmed', 'land_use_term.trimmed', 'owner_id.trimmed',
  'owner_gender.trimmed', 'owner_gender.nfc', 'gcn_serial.trimmed',
  'land_use_code.landUseCode', 'land_use_code.landUseCodeCurrent', 'agriculturalTerm',
  'owner_id.cccdPlausible',
  'owner_name.whitespace', 'owner_name.vnName', 'owner_address.whitespace',
  'vn2000', 'gcn_issue_date.excelSerial', 'registered_at.excelSerial', 'land_use_term.excelSerial', 'updated_at.excelSerial',
  'rowCount', 'updated_at.freshness',
] as const;

export type WholeExtraId = (typeof WHOLE_EXTRA)[number];

/**
 * The rules of land-parcels the whole-definition query leaves out, and why (printed with its table). Keys are the
 * report's rule ids, comma-separated, so that bench/run.ts can tell a rule that is in none of the lists.
 */
export const WHOLE_NOT_COMPARED: Readonly<Record<string, string>> = {
  'parcel_id.type, province_code.type, commune_code.type, land_use_code.type, land_use_term.type, owner_name.type, owner_id.type, owner_gender.type, owner_address.type, gcn_serial.type':
    'the type check of a text (or enum) field: always 0 for CSV text read as VARCHAR, nothing for SQL to check',
  'owner_name.legacyEncoding, owner_address.legacyEncoding':
    'a scored decoding (TCVN3, VNI, UTF-8 read as Windows-1252, with Vietnamese syllable scoring), not a SQL predicate: ' +
    'the character-class screen the query uses as the readable-text guard (UNREADABLE_PATTERN) misses misreads made ' +
    'only of Vietnamese Latin-1 letters (e.g. "Vâ Quèc Phong"), a few per million rows on the bench file',
  'verifyPerson, verifyPerson.name, verifyPerson.nameForm, verifyPerson.birth, verifyPerson.gender, verifyPerson.deceased':
    'checks against the population register, a reference the bench run does not give (ddss skips them: 0 checked)',
};

/** Characters `String.prototype.trim` removes (ECMAScript WhiteSpace + LineTerminator), as an RE2 class body. */
export const JS_TRIM_CLASS = String.raw`\t\n\x0B\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
/** DOMAIN-VN §7 placeholders that count as missing (besides blank), except the `00/00/yyyy` family (a pattern). */
export const MISSING_TOKENS = ['NULL', 'null', 'N/A', 'n/a', '#N/A', '-', '00/00/0000', '01/01/1900', '00000000', '19000101', '1900-01-01',
  '1/1/1900', '01/01/0001', '1/1/0001', '0001-01-01', '00010101'];
/** `00/00/yyyy` for 1900–2099 (rules/vn/dates/missing-values.ts). */
export const MISSING_ZERO_DAY = String.raw`00/00/(19|20)[0-9]{2}`;

/** The strict ISO 8601 date-time of src/core/date-format.ts (RE2-compatible as written). */
export const ISO_PATTERN = String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$`;
/** Decimal text accepted by `numberParser()` (src/core/parsers.ts). */
export const NUMBER_PATTERN = String.raw`[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?`;
/** The certificate serial shape of rules/vn/land/gcn-serial.ts. */
export const GCN_PATTERN = String.raw`(?:[A-ZĐ]{2} ?(?:[0-9]{6}|[0-9]{8})|[A-ZĐ] ?[0-9]{7})`;
