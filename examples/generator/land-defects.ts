import { excelScientific, fires, nfd } from './_expect.js';
import { tcvn3Mojibake, RETIRED_PROVINCE_CODES, addYears, day, ddmmyyyy } from './_vn.js';
// The orthography model of ddss's encoding checks (not public API): which misreads are themselves Vietnamese text.
import { vietnameseScore } from '../../rules/vn/text/_vietnamese.js';
import type { LandColumn, LandProfile } from './land.js';
import type { Defect } from './table.js';

/**
 * The defects injected into land-parcels files, one kind per real-world failure, each with the rules of the built-in
 * `land-parcels` dataset that must report it (and no other rule may). Rates are shares of rows (~26% in all).
 */

type LandDefect = Defect<LandColumn, LandProfile>;

const DAY = 86_400_000;

/** Reads a `dd/MM/yyyy` cell written by the generator. */
function parseDay(text: string): number {
  const [d, m, y] = text.split('/').map(Number) as [number, number, number];
  return day(y, m, d);
}

/**
 * A name with at least two accented letters, so that its NFD or TCVN3 form really differs and is recognisable
 * ("Cao Minh Anh" has none: it becomes "Nguyễn Văn Anh").
 */
export function accented(name: string, gender: string): string {
  let changed = 0;
  for (const ch of name) if (ch.normalize('NFD') !== ch) changed++;
  if (changed >= 2) return name;
  const given = name.split(' ').at(-1) ?? 'Anh';
  return `Nguyễn ${gender === 'Nữ' ? 'Thị' : 'Văn'} ${given}`;
}

/**
 * A person's name written in TCVN3 and read as Windows-1252, as a register that skipped the conversion holds it. Some
 * names misread into text that is itself valid Vietnamese, every word a syllable (one seed's owner became "Vò Minh
 * Léc"): no check can tell that from a real name, so it is not injected as a defect meant to fire; "Nguyễn …" is
 * used instead, whose misread ("NguyÔn") never is. Names that misread into non-Vietnamese text are kept as they are.
 */
export function tcvn3Name(name: string, gender: string): string {
  const misread = tcvn3Mojibake(accented(name, gender));
  if (vietnameseScore(misread) < 1) return misread;
  return tcvn3Mojibake(`Nguyễn ${gender === 'Nữ' ? 'Thị' : 'Văn'} ${name.split(' ').at(-1) ?? 'Anh'}`);
}

export const landDefects: readonly LandDefect[] = [
  // sufficient: mandatory values absent, blank or a placeholder
  { kind: 'missing_owner_name', rate: 0.008, expect: [fires('owner_name.required', 'sufficient')],
    apply: (row, { r }) => { row.owner_name = r.pick(['', ' ', 'N/A']); } },
  { kind: 'missing_land_use_code', rate: 0.006, expect: [fires('land_use_code.required', 'sufficient')],
    apply: (row, { r }) => { row.land_use_code = r.pick(['', '-', 'NULL']); } },
  { kind: 'missing_owner_id', rate: 0.006, expect: [fires('owner_id.required', 'sufficient')],
    apply: (row, { r }) => { row.owner_id = r.pick(['', 'NULL', '-']); } },
  { kind: 'missing_updated_at', rate: 0.004, expect: [fires('updated_at.required', 'sufficient')],
    apply: (row) => { row.updated_at = ''; } },
  // A placeholder in an optional column is simply missing: no finding at all (and no false date order error).
  { kind: 'placeholder_issue_date', rate: 0.004, profile: 'certified', expect: [],
    apply: (row, { r }) => { row.gcn_issue_date = r.pick(['01/01/1900', '00/00/0000']); } },

  // correct: formats, check structures, code lists, ranges, cross-field consistency
  { kind: 'id_bad_length', rate: 0.006, expect: [fires('owner_id.cccd', 'correct')],
    apply: (row, { r }) => { row.owner_id = `${row.owner_id}${r.int(0, 9)}`; } },
  { kind: 'id_lost_leading_zero', rate: 0.008, expect: [fires('owner_id.cccd', 'correct')],
    apply: (row) => { row.owner_id = row.owner_id.replace(/^0/, ''); } },
  { kind: 'id_excel_scientific', rate: 0.004, expect: [fires('owner_id.cccd', 'correct')],
    apply: (row) => { row.owner_id = excelScientific(row.owner_id); } },
  { kind: 'id_unknown_province', rate: 0.004, expect: [fires('owner_id.cccdPlausible', 'correct', 'warning')],
    apply: (row, { r }) => { row.owner_id = `0${r.pick(['03', '05', '07', '09', '13', '16', '18', '21'])}${row.owner_id.slice(3)}`; } },
  { kind: 'id_birth_year_mismatch', rate: 0.008, expect: [fires('idBirthYear', 'correct')],
    apply: (row, { r }) => { row.owner_birth_year = String(Number(row.owner_birth_year) + r.pick([-10, -2, -1, 1, 2])); } },
  { kind: 'id_gender_mismatch', rate: 0.006, expect: [fires('idGender', 'correct')],
    apply: (row) => { row.owner_gender = row.owner_gender === 'Nam' ? 'Nữ' : 'Nam'; } },
  { kind: 'bad_gender_value', rate: 0.003, expect: [fires('owner_gender.oneOf', 'correct')],
    apply: (row, { r }) => { row.owner_gender = r.pick(['M', 'F', 'nam giới', '1']); } },
  { kind: 'unknown_land_use_code', rate: 0.006, expect: [fires('land_use_code.landUseCode', 'correct', 'warning')],
    apply: (row, { r }) => { row.land_use_code = r.pick(['XYZ', 'ONN', 'NNP', 'LUA', 'DAT']); } },
  { kind: 'residential_term_dated', rate: 0.005, profile: 'residential', expect: [fires('residentialTermPermanent', 'correct')],
    apply: (row) => { row.land_use_term = '15/10/2063'; } },
  { kind: 'agricultural_term_too_long', rate: 0.004, profile: 'agricultural',
    expect: [fires('agriculturalTerm', 'correct', 'warning')],
    apply: (row) => { row.land_use_term = ddmmyyyy(addYears(parseDay(row.gcn_issue_date), 70)); } },
  { kind: 'invalid_land_use_term', rate: 0.003, profile: 'agricultural', expect: [fires('land_use_term.landUseTerm', 'correct')],
    apply: (row, { r }) => { row.land_use_term = r.pick(['lâu dài', '50 năm', '31/02/2064']); } },
  { kind: 'future_issue_date', rate: 0.004, profile: 'certified', expect: [fires('gcn_issue_date.notInFuture', 'correct')],
    apply: (row, { now, r }) => { row.gcn_issue_date = ddmmyyyy(now + r.int(2, 300) * DAY); } },
  { kind: 'registered_after_issue', rate: 0.005, profile: 'certified',
    expect: [fires('registered_at+gcn_issue_date.datesOrdered', 'correct')],
    apply: (row, { r }) => { row.registered_at = ddmmyyyy(parseDay(row.gcn_issue_date) + r.int(1, 25) * DAY); } },
  { kind: 'invalid_issue_date', rate: 0.003, profile: 'certified', expect: [fires('gcn_issue_date.type', 'correct')],
    apply: (row, { r }) => { row.gcn_issue_date = r.pick(['31/02/2019', '2019-03-15', '15/13/2018']); } },
  { kind: 'excel_serial_registered_at', rate: 0.003, profile: 'certified',
    expect: [fires('registered_at.type', 'correct'), fires('registered_at.excelSerial', 'correct')],
    apply: (row, { r }) => { row.registered_at = String(r.int(36_000, 45_000)); } },
  { kind: 'commune_code_lost_zero', rate: 0.003, expect: [fires('commune_code.commune', 'correct')],
    // A numeric column drops the zero of 01xxx; other codes get the dash people type ("12-056"). Both maps are
    // one-to-one, so no new duplicate (commune, sheet, parcel) appears.
    apply: (row) => {
      const c = row.commune_code;
      row.commune_code = c.startsWith('0') ? c.slice(1) : `${c.slice(0, 2)}-${c.slice(2)}`;
    } },
  { kind: 'swapped_coordinates', rate: 0.005, expect: [fires('vn2000', 'correct')],
    apply: (row) => { [row.x_north, row.y_east] = [row.y_east, row.x_north]; } },
  { kind: 'coordinates_in_millimetres', rate: 0.003, expect: [fires('vn2000', 'correct')],
    apply: (row) => {
      row.x_north = (Number(row.x_north) * 1000).toFixed(0);
      row.y_east = (Number(row.y_east) * 1000).toFixed(0);
    } },
  { kind: 'nonpositive_area', rate: 0.004, expect: [fires('area_m2.min', 'correct')],
    apply: (row, { r }) => { row.area_m2 = r.pick(['0.0', `-${row.area_m2}`]); } },
  { kind: 'unusual_gcn_serial', rate: 0.004, profile: 'certified', expect: [fires('gcn_serial.gcnSerial', 'correct', 'warning')],
    apply: (row) => { row.gcn_serial = row.gcn_serial.replace(' ', '-'); } },

  // clean: duplicates, Unicode form, legacy encodings, stray whitespace
  { kind: 'duplicate_parcel_id', rate: 0.005, duplicates: {}, expect: [fires('parcel_id.unique', 'clean')],
    apply: (row, { source }) => { row.parcel_id = (source as typeof row).parcel_id; } },
  { kind: 'duplicate_parcel_number', rate: 0.005, duplicates: {},
    expect: [fires('commune_code+map_sheet_no+parcel_no.unique', 'clean')],
    apply: (row, { source }) => {
      const s = source as typeof row;
      row.province_code = s.province_code;
      row.commune_code = s.commune_code;
      row.map_sheet_no = s.map_sheet_no;
      row.parcel_no = s.parcel_no;
    } },
  { kind: 'duplicate_gcn_serial', rate: 0.004, profile: 'certified', duplicates: { eligible: (s) => s.gcn_serial !== '' },
    expect: [fires('gcn_serial.unique', 'clean')],
    apply: (row, { source }) => { row.gcn_serial = (source as typeof row).gcn_serial; } },
  { kind: 'nfd_owner_name', rate: 0.01, expect: [fires('owner_name.nfc', 'clean')],
    apply: (row) => { row.owner_name = nfd(accented(row.owner_name, row.owner_gender)); } },
  { kind: 'tcvn3_owner_name', rate: 0.008, expect: [fires('owner_name.legacyEncoding', 'clean')],
    apply: (row) => { row.owner_name = tcvn3Name(row.owner_name, row.owner_gender); } },
  { kind: 'trailing_space_owner_name', rate: 0.008, expect: [fires('owner_name.trimmed', 'clean', 'warning')],
    apply: (row, { r }) => { row.owner_name = r.chance(0.5) ? `${row.owner_name} ` : ` ${row.owner_name}`; } },

  { kind: 'doubled_space_owner_name', rate: 0.004,
    // One defect, one finding: whitespace owns doubled spaces; the name-shape rule leaves them alone.
    expect: [fires('owner_name.whitespace', 'clean', 'warning')],
    apply: (row) => { row.owner_name = row.owner_name.replace(' ', '  '); } },
  { kind: 'honorific_in_owner_name', rate: 0.004, expect: [fires('owner_name.vnName', 'clean', 'warning')],
    apply: (row, { r }) => {
      // "Mai" is also a given name, so the rule (rightly) does not read "Bà Mai …" as an honorific.
      const name = row.owner_name.startsWith('Mai ') ? `Trần${row.owner_name.slice(3)}` : row.owner_name;
      row.owner_name = `${r.pick(['Ông', 'Bà', 'ông', 'Bà.'])} ${name}`;
    } },
  { kind: 'area_too_precise', rate: 0.003, expect: [fires('area_m2.decimals', 'clean', 'warning')],
    apply: (row, { r }) => { row.area_m2 = `${row.area_m2}${r.int(1, 9)}`; } },

  // live: out of date records and codes
  { kind: 'stale_record', rate: 0.012, expect: [fires('updated_at.within', 'live')],
    apply: (row, { now, r }) => { row.updated_at = new Date(now - r.int(400, 2000) * DAY).toISOString(); } },
  { kind: 'cmnd_owner', rate: 0.008, expect: [fires('owner_id.cmndRetired', 'live')],
    apply: (row, { r }) => { row.owner_id = String(r.int(10_000_000, 389_999_999)).padStart(9, '0'); } },
  { kind: 'replaced_land_use_code', rate: 0.006, profile: 'agricultural', expect: [fires('land_use_code.landUseCodeCurrent', 'live')],
    apply: (row, { r }) => { row.land_use_code = r.pick(['BHK', 'NHK', 'LUN']); } },
  { kind: 'retired_province_code', rate: 0.004, expect: [fires('province_code.provinceCurrent', 'live')],
    apply: (row, { r }) => { row.province_code = r.pick(RETIRED_PROVINCE_CODES); } },

  // info: the share of verified owners is shown, never scored
  { kind: 'unverified_owner', rate: 0.02, expect: [fires('owner_verified.verified', 'correct', 'info')],
    apply: (row) => { row.owner_verified = 'false'; } },
];
