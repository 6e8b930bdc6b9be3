import { excelScientific, fires, nfd } from './_expect.js';
import { accented, tcvn3Name } from './land-defects.js';
import { RETIRED_PROVINCE_CODES, day, ddmmyyyy, legacyMobile, mstWithBadCheckDigit } from './_vn.js';
import type { InsuranceColumn, InsuranceProfile } from './insurance.js';
import type { Defect } from './table.js';

/**
 * The defects injected into insurance-participants files, one kind per real-world failure, each with the rules of
 * the built-in `insurance-participants` dataset that must report it (and no other rule may).
 */

type InsuranceDefect = Defect<InsuranceColumn, InsuranceProfile>;

const DAY = 86_400_000;

/** Cards not issued to children under six: a duplicate copying one would also break the TE age rule. */
const notTe = (row: { bhyt_card_no: string }): boolean => !row.bhyt_card_no.startsWith('TE');

export const insuranceDefects: readonly InsuranceDefect[] = [
  // sufficient
  { kind: 'missing_full_name', rate: 0.008, expect: [fires('full_name.required', 'sufficient')],
    apply: (row, { r }) => { row.full_name = r.pick(['', 'N/A', ' ']); } },
  { kind: 'missing_dob', rate: 0.005, profile: 'adult', expect: [fires('dob.required', 'sufficient')],
    apply: (row, { r }) => { row.dob = r.pick(['', '01/01/1900', '00/00/0000']); } },
  { kind: 'missing_id_no', rate: 0.006, expect: [fires('id_no.required', 'sufficient')],
    apply: (row, { r }) => { row.id_no = r.pick(['', 'NULL', '-']); } },
  { kind: 'missing_card_valid_to', rate: 0.004, profile: 'adult', expect: [fires('card_valid_to.required', 'sufficient')],
    apply: (row, { r }) => { row.card_valid_to = r.pick(['', '00/00/0000']); } },
  { kind: 'missing_status', rate: 0.003, expect: [fires('status.required', 'sufficient')],
    apply: (row) => { row.status = ''; } },

  // correct
  { kind: 'id_bad_length', rate: 0.005, expect: [fires('id_no.cccd', 'correct')],
    apply: (row, { r }) => { row.id_no = r.chance(0.5) ? row.id_no.slice(0, 8) : `${row.id_no}${r.int(0, 9)}`; } },
  { kind: 'id_lost_leading_zero', rate: 0.008, expect: [fires('id_no.cccd', 'correct')],
    apply: (row) => { row.id_no = row.id_no.replace(/^0/, ''); } },
  { kind: 'id_excel_scientific', rate: 0.004, expect: [fires('id_no.cccd', 'correct')],
    apply: (row) => { row.id_no = excelScientific(row.id_no); } },
  { kind: 'id_dob_mismatch', rate: 0.008, profile: 'adult', expect: [fires('idBirthYear', 'correct')],
    apply: (row, { r }) => {
      const [d, m, y] = row.dob.split('/') as [string, string, string];
      row.dob = `${d === '29' && m === '02' ? '28' : d}/${m}/${Number(y) + r.pick([-3, -1, 1, 2])}`;
    } },
  { kind: 'id_gender_mismatch', rate: 0.006, expect: [fires('idGender', 'correct')],
    apply: (row) => { row.gender = row.gender === 'Nam' ? 'Nữ' : 'Nam'; } },
  { kind: 'dob_excel_serial', rate: 0.003, profile: 'adult', expect: [fires('dob.type', 'correct'), fires('dob.excelSerial', 'correct')],
    apply: (row) => {
      const [d, m, y] = row.dob.split('/').map(Number) as [number, number, number];
      row.dob = String(Math.round((day(y, m, d) - day(1899, 12, 30)) / DAY));
    } },
  { kind: 'card_bhxh_mismatch', rate: 0.006, expect: [fires('bhytMatchesBhxh', 'correct')],
    apply: (row, { r }) => {
      const at = 5 + r.int(2, 9);
      const digit = (Number(row.bhyt_card_no[at]) + r.int(1, 9)) % 10;
      row.bhyt_card_no = `${row.bhyt_card_no.slice(0, at)}${digit}${row.bhyt_card_no.slice(at + 1)}`;
    } },
  { kind: 'unknown_object_code', rate: 0.004, profile: 'adult', expect: [fires('bhyt_card_no.bhytObjectCode', 'correct', 'warning')],
    apply: (row, { r }) => { row.bhyt_card_no = `${r.pick(['ZZ', 'QQ', 'DX', 'AA'])}${row.bhyt_card_no.slice(2)}`; } },
  { kind: 'unverified_object_code', rate: 0.003, profile: 'adult', expect: [fires('bhyt_card_no.bhytObjectCode', 'correct', 'warning')],
    apply: (row, { r }) => { row.bhyt_card_no = `${r.pick(['TG', 'LH', 'AK', 'ND'])}${row.bhyt_card_no.slice(2)}`; } },
  { kind: 'wrong_benefit_level', rate: 0.005, profile: 'adult', expect: [fires('bhyt_card_no.bhytBenefitLevel', 'correct', 'warning')],
    apply: (row, { r }) => {
      const level = Number(row.bhyt_card_no[2]);
      row.bhyt_card_no = `${row.bhyt_card_no.slice(0, 2)}${(level + r.int(1, 4) - 1) % 5 + 1}${row.bhyt_card_no.slice(3)}`;
    } },
  { kind: 'te_card_over_six', rate: 0.005, profile: 'child', expect: [fires('childUnderSix', 'correct')],
    apply: (row, { now, r }) => {
      // A child of 7–9 still holding a TE card for the current year; the personal ID keeps matching the birth year.
      const year = new Date(now).getUTCFullYear();
      const born = year - r.int(7, 9);
      row.dob = `${row.dob.slice(0, 6)}${born}`.replace(/^29\/02/, '28/02');
      row.id_no = `${row.id_no.slice(0, 4)}${String(born % 100).padStart(2, '0')}${row.id_no.slice(6)}`;
      row.card_valid_from = ddmmyyyy(day(year, 1, 1));
      row.card_valid_to = ddmmyyyy(day(year, 12, 31));
    } },
  { kind: 'card_period_reversed', rate: 0.004, profile: 'adult', expect: [fires('cardPeriodOrdered', 'correct')],
    apply: (row, { now, r }) => {
      const to = now + r.int(10, 40) * DAY;
      row.card_valid_to = ddmmyyyy(to);
      row.card_valid_from = ddmmyyyy(to + DAY);
      row.status = 'active';
    } },
  { kind: 'salary_below_minimum', rate: 0.005, profile: 'employee', expect: [fires('salaryInRange', 'correct')],
    apply: (row, { r }) => { row.contribution_salary = String(r.int(150, 340) * 10_000); } },
  // The ceiling is 20 × the base salary of the month: 46,800,000 until 06/2026 (verified, error); 50,600,000 from
  // 07/2026, a [warn-only] figure, so above it is only a warning. The months are fixed for that reason.
  { kind: 'salary_above_cap', rate: 0.003, profile: 'employee', expect: [fires('salaryInRange', 'correct')],
    apply: (row, { r }) => {
      row.contribution_salary = String(r.int(60, 150) * 1_000_000);
      row.contribution_month = `0${r.int(1, 6)}/2026`;
    } },
  { kind: 'salary_above_provisional_cap', rate: 0.002, profile: 'employee',
    expect: [fires('salaryInRangeProvisional', 'correct', 'warning')],
    apply: (row, { r }) => {
      row.contribution_salary = String(r.int(51, 150) * 1_000_000);
      row.contribution_month = `${r.pick(['07', '08', '09', '10'])}/2026`;
    } },
  { kind: 'bad_tax_check_digit', rate: 0.006, profile: 'employee', expect: [fires('employer_tax_code.mst', 'correct')],
    apply: (row, { r }) => { row.employer_tax_code = mstWithBadCheckDigit(r); } },
  { kind: 'bad_phone', rate: 0.004, expect: [fires('phone.phone', 'correct')],
    apply: (row, { r }) => { row.phone = r.pick(['0123456', '09123456', '0000000000', '+84 12']); } },
  { kind: 'bad_kcb_registered', rate: 0.003, expect: [fires('kcb_registered.pattern', 'correct')],
    apply: (row, { r }) => { row.kcb_registered = r.pick(['0100', '010001', 'BV01']); } },
  { kind: 'bad_status_value', rate: 0.003, expect: [fires('status.oneOf', 'correct')],
    apply: (row, { r }) => { row.status = r.pick(['Active', 'đang tham gia', 'A']); } },

  // clean
  { kind: 'duplicate_participant', rate: 0.005, profile: 'adult', duplicates: { eligible: notTe },
    expect: [fires('bhxh_no.unique', 'clean')],
    apply: (row, { source }) => {
      const s = source as typeof row;
      for (const c of ['bhxh_no', 'full_name', 'dob', 'gender', 'id_no', 'bhyt_card_no'] as const) row[c] = s[c];
    } },
  { kind: 'second_bhxh_for_id', rate: 0.004, profile: 'adult', duplicates: { eligible: notTe },
    expect: [fires('oneBhxhPerId', 'clean')],
    apply: (row, { source }) => {
      const s = source as typeof row;
      for (const c of ['full_name', 'dob', 'gender', 'id_no'] as const) row[c] = s[c];
    } },
  { kind: 'nfd_full_name', rate: 0.01, expect: [fires('full_name.nfc', 'clean')],
    apply: (row) => { row.full_name = nfd(accented(row.full_name, row.gender)); } },
  { kind: 'tcvn3_full_name', rate: 0.008, expect: [fires('full_name.legacyEncoding', 'clean')],
    apply: (row) => { row.full_name = tcvn3Name(row.full_name, row.gender); } },
  { kind: 'trailing_space_full_name', rate: 0.008, expect: [fires('full_name.trimmed', 'clean', 'warning')],
    apply: (row) => { row.full_name = `${row.full_name} `; } },
  { kind: 'nbsp_in_full_name', rate: 0.004, expect: [fires('full_name.whitespace', 'clean', 'warning')],
    apply: (row) => { row.full_name = accented(row.full_name, row.gender).replace(' ', '\u00a0'); } },
  { kind: 'undashed_branch_tax_code', rate: 0.003, profile: 'employee', expect: [fires('employer_tax_code.mstDashed', 'clean', 'warning')],
    apply: (row, { r }) => { row.employer_tax_code = `${row.employer_tax_code.slice(0, 10)}${String(r.int(1, 40)).padStart(3, '0')}`; } },

  // live
  { kind: 'stale_record', rate: 0.012, expect: [fires('updated_at.within', 'live')],
    apply: (row, { now, r }) => { row.updated_at = new Date(now - r.int(400, 2000) * DAY).toISOString(); } },
  { kind: 'expired_active_card', rate: 0.008, profile: 'adult', expect: [fires('cardNotExpired', 'live')],
    apply: (row, { now }) => {
      const year = new Date(now).getUTCFullYear() - 1;
      row.card_valid_from = ddmmyyyy(day(year, 1, 1));
      row.card_valid_to = ddmmyyyy(day(year, 12, 31));
      row.status = 'active';
    } },
  { kind: 'legacy_phone_prefix', rate: 0.006, expect: [fires('phone.phonePrefix', 'live')],
    apply: (row, { r }) => { row.phone = legacyMobile(r); } },
  { kind: 'retired_province_code', rate: 0.004, expect: [fires('province_code.provinceCurrent', 'live')],
    apply: (row, { r }) => { row.province_code = r.pick(RETIRED_PROVINCE_CODES); } },
];

/**
 * The defects as one generated table applies them: Excel shows a 12-digit ID with six significant digits
 * (`1.08901E+11`), so two people's IDs can show alike, and two rows of one "ID" with two BHXH numbers are
 * `oneBhxhPerId`'s finding, which the manifest cannot foresee. In one table, an ID whose scientific text was already
 * written is written as Excel writes it in a General cell instead, its leading zero lost: still `id_no.cccd`'s finding
 * alone (IDs are bijections of the row number, so the 11 digits are nobody else's). State per table: a fresh list for
 * each generation, so a seed still gives the same file.
 */
export function insuranceDefectsForTable(): readonly InsuranceDefect[] {
  const shown = new Set<string>();
  return insuranceDefects.map((d): InsuranceDefect => d.kind !== 'id_excel_scientific' ? d : {
    ...d,
    apply: (row) => {
      const text = excelScientific(row.id_no);
      if (shown.has(text)) row.id_no = row.id_no.replace(/^0/, '');
      else {
        shown.add(text);
        row.id_no = text;
      }
    },
  });
}
