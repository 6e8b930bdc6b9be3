import { fires, nfd } from './_expect.js';
import { tcvn3Name } from './land-defects.js';
import { RETIRED_PROVINCE_CODES, day, ddmmyyyy, isoVietnam, legacyMobile, tcvn3Mojibake } from './_vn.js';
import type { EnterpriseColumn, EnterpriseProfile, EnterpriseRow } from './enterprise.js';
import type { Defect } from './table.js';

/**
 * The defects injected into enterprise-register files, one kind per real-world failure, each with the rules of the
 * built-in `enterprise-register` dataset that must report it (and no other rule may).
 */

type EnterpriseDefect = Defect<EnterpriseColumn, EnterpriseProfile>;

const DAY = 86_400_000;

/** A `dd/MM/yyyy` date as epoch ms of its UTC day. */
function parseDay(text: string): number {
  const [d, m, y] = text.split('/').map(Number) as [number, number, number];
  return day(y, m, d);
}

const isEnterprise = (row: EnterpriseRow): boolean => !['CN', 'VPDD'].includes(row.type);

export const enterpriseDefects: readonly EnterpriseDefect[] = [
  // sufficient
  { kind: 'missing_name', rate: 0.006, expect: [fires('name.required', 'sufficient')],
    apply: (row, { r }) => { row.name = r.pick(['', 'N/A', ' ']); } },
  { kind: 'missing_rep_id', rate: 0.005, expect: [fires('rep_id.required', 'sufficient')],
    apply: (row, { r }) => { row.rep_id = r.pick(['', 'NULL', '-']); } },
  { kind: 'missing_registered_at', rate: 0.004, expect: [fires('registered_at.required', 'sufficient')],
    apply: (row, { r }) => { row.registered_at = r.pick(['', '01/01/1900', '00/00/0000']); } },
  { kind: 'missing_charter_capital', rate: 0.004, profile: 'enterprise', expect: [fires('charter_capital.required', 'sufficient')],
    apply: (row, { r }) => { row.charter_capital = r.pick(['', 'N/A']); } },
  { kind: 'missing_status_date', rate: 0.004, profile: 'dissolving', expect: [fires('statusDateRequired', 'sufficient')],
    apply: (row) => { row.status_date = ''; } },

  // correct
  { kind: 'code_bad_check_digit', rate: 0.006, profile: 'enterprise', expect: [fires('enterprise_code.mst', 'correct')],
    apply: (row, { r }) => {
      const c = Number(row.enterprise_code[9]);
      row.enterprise_code = `${row.enterprise_code.slice(0, 9)}${(c + r.int(1, 9)) % 10}`;
    } },
  { kind: 'unit_code_bad_format', rate: 0.004, profile: 'unit', expect: [fires('enterprise_code.mst', 'correct')],
    apply: (row) => { row.enterprise_code = row.enterprise_code.replace('-', '/'); } },
  { kind: 'branch_with_enterprise_code', rate: 0.004, profile: 'enterprise', expect: [fires('unitCodeMatchesType', 'correct')],
    apply: (row, { r }) => { row.type = r.pick(['CN', 'VPDD']); } },
  { kind: 'enterprise_with_unit_code', rate: 0.004, profile: 'unit', expect: [fires('unitCodeMatchesType', 'correct')],
    apply: (row, { r }) => {
      row.type = r.pick(['TNHH1TV', 'CP']);
      row.charter_capital = String(r.int(1, 50) * 100_000_000);
    } },
  { kind: 'bad_type_value', rate: 0.004, expect: [fires('type.oneOf', 'correct')],
    apply: (row, { r }) => { row.type = r.pick(['TNHH', 'Cty CP', 'cn']); } },
  { kind: 'bad_status_value', rate: 0.004, profile: 'active', expect: [fires('status.oneOf', 'correct')],
    apply: (row, { r }) => { row.status = r.pick(['Đang hoạt động', 'ACTIVE', 'hd']); } },
  { kind: 'rep_id_lost_leading_zero', rate: 0.006, expect: [fires('rep_id.cccd', 'correct')],
    apply: (row) => { row.rep_id = row.rep_id.replace(/^0/, ''); } },
  { kind: 'unknown_province_code', rate: 0.004, profile: 'old', expect: [fires('province_code.province', 'correct')],
    apply: (row, { r }) => { row.province_code = r.pick(['03', '99', '00', '65']); } },
  { kind: 'bad_commune_code', rate: 0.004, expect: [fires('commune_code.commune', 'correct')],
    apply: (row) => { row.commune_code = row.commune_code.slice(1); } },
  { kind: 'bad_vsic', rate: 0.004, profile: 'enterprise', expect: [fires('main_vsic.pattern', 'correct')],
    apply: (row, { r }) => { row.main_vsic = r.pick(['41010', 'F41', '410']); } },
  { kind: 'zero_capital_enterprise', rate: 0.004, profile: 'enterprise', expect: [fires('capitalPositive', 'correct')],
    apply: (row) => { row.charter_capital = '0'; } },
  { kind: 'negative_capital_unit', rate: 0.003, profile: 'unit', expect: [fires('charter_capital.min', 'correct')],
    apply: (row, { r }) => { row.charter_capital = `-${r.int(1, 50) * 1_000_000}`; } },
  { kind: 'registered_before_1991', rate: 0.003, profile: 'active', expect: [fires('registered_at.min', 'correct')],
    apply: (row, { r }) => { row.registered_at = ddmmyyyy(day(r.int(1975, 1990), r.int(1, 12), r.int(1, 28))); } },
  { kind: 'registered_in_future', rate: 0.003, profile: 'active', expect: [fires('registered_at.notInFuture', 'correct')],
    apply: (row, { now, r }) => { row.registered_at = ddmmyyyy(now + r.int(2, 120) * DAY); } },
  { kind: 'status_before_registration', rate: 0.004, profile: 'dissolving',
    expect: [fires('registered_at+status_date.datesOrdered', 'correct')],
    apply: (row, { r }) => { row.status_date = ddmmyyyy(parseDay(row.registered_at) - r.int(1, 365) * DAY); } },
  { kind: 'registered_at_excel_serial', rate: 0.003, profile: 'active',
    expect: [fires('registered_at.type', 'correct'), fires('registered_at.excelSerial', 'correct')],
    apply: (row) => { row.registered_at = String(Math.round((parseDay(row.registered_at) - day(1899, 12, 30)) / DAY)); } },
  { kind: 'bad_phone', rate: 0.004, expect: [fires('phone.phone', 'correct')],
    apply: (row, { r }) => { row.phone = r.pick(['0123456', '09123456', '0000000000', '+84 12']); } },
  { kind: 'bad_email', rate: 0.004, expect: [fires('email.email', 'correct')],
    apply: (row, { r }) => { row.email = r.pick(['lienhe@congty', 'lienhe.congty.vn', 'lienhe@@congty.vn', 'liên hệ@congty.vn']); } },

  // clean
  { kind: 'duplicate_enterprise_code', rate: 0.005, profile: 'enterprise', duplicates: { eligible: isEnterprise },
    expect: [fires('enterprise_code.unique', 'clean')],
    apply: (row, { source }) => { row.enterprise_code = (source as EnterpriseRow).enterprise_code; } },
  { kind: 'same_name_active', rate: 0.004, profile: 'active',
    duplicates: { eligible: (s) => s.status === 'active' && isEnterprise(s) },
    expect: [fires('name+province_code.unique', 'clean', 'warning')],
    apply: (row, { source }) => {
      const s = source as EnterpriseRow;
      // Another case and tone placement of the same name: the register compares names, not spellings.
      row.name = s.name.toUpperCase().replace('HÒA', 'HOÀ').replace('THỦY', 'THUỶ');
      row.province_code = s.province_code;
      row.commune_code = s.commune_code;
    } },
  { kind: 'undashed_unit_code', rate: 0.004, profile: 'unit', expect: [fires('enterprise_code.mstDashed', 'clean', 'warning')],
    apply: (row) => { row.enterprise_code = row.enterprise_code.replace('-', ''); } },
  { kind: 'nfd_name', rate: 0.006, expect: [fires('name.nfc', 'clean')],
    apply: (row) => { row.name = nfd(row.name); } },
  { kind: 'tcvn3_name', rate: 0.005, expect: [fires('name.legacyEncoding', 'clean')],
    apply: (row) => { row.name = tcvn3Mojibake(row.name); } },
  { kind: 'trailing_space_name', rate: 0.005, expect: [fires('name.trimmed', 'clean', 'warning')],
    apply: (row) => { row.name = `${row.name} `; } },
  { kind: 'doubled_space_address', rate: 0.004, expect: [fires('address.whitespace', 'clean', 'warning')],
    apply: (row) => { row.address = row.address.replace(' ', '  '); } },
  { kind: 'tcvn3_rep_name', rate: 0.004, expect: [fires('rep_name.legacyEncoding', 'clean')],
    apply: (row) => { row.rep_name = tcvn3Name(row.rep_name, 'Nam'); } },
  { kind: 'uppercase_email_domain', rate: 0.004, expect: [fires('email.emailDomainLowercase', 'clean', 'warning')],
    apply: (row, { r }) => { row.email = `lienhe@${r.pick(['CongTy', 'DN', 'HOABINH'])}${r.int(1, 999)}.com.vn`; } },

  // live
  { kind: 'stale_record', rate: 0.01, profile: 'active', expect: [fires('updated_at.within', 'live')],
    apply: (row, { now, r }) => { row.updated_at = new Date(now - r.int(400, 2000) * DAY).toISOString(); } },
  { kind: 'rep_id_cmnd', rate: 0.005, expect: [fires('rep_id.cmndRetired', 'live')],
    apply: (row, { r }) => { row.rep_id = String(r.int(10_000_000, 389_999_999)).padStart(9, '0'); } },
  { kind: 'retired_province_code', rate: 0.004, profile: 'old', expect: [fires('province_code.provinceCurrent', 'live')],
    apply: (row, { r }) => { row.province_code = r.pick(RETIRED_PROVINCE_CODES); } },
  { kind: 'retired_province_code_after_reform', rate: 0.003, profile: 'new',
    expect: [fires('province_code.province', 'correct'), fires('province_code.provinceCurrent', 'live')],
    apply: (row, { r }) => { row.province_code = r.pick(RETIRED_PROVINCE_CODES); } },
  { kind: 'legacy_phone_prefix', rate: 0.005, expect: [fires('phone.phonePrefix', 'live')],
    apply: (row, { r }) => { row.phone = legacyMobile(r); } },
  { kind: 'suspension_overdue', rate: 0.004, profile: 'suspended', expect: [fires('suspensionWithinYear', 'live', 'warning')],
    apply: (row, { now, r }) => {
      const since = now - r.int(400, 1500) * DAY;
      row.status_date = ddmmyyyy(since);
      row.registered_at = ddmmyyyy(Math.max(day(1995, 1, 1), since - r.int(30, 3000) * DAY));
    } },
  { kind: 'edited_after_closure', rate: 0.004, profile: 'closed', expect: [fires('closedNotEdited', 'live', 'warning')],
    apply: (row, { now, r }) => {
      const closed = parseDay(row.status_date);
      const room = Math.floor((now - closed) / DAY) - 1;
      row.updated_at = isoVietnam(closed + r.int(Math.min(32, room), room) * DAY + r.int(0, 86_399) * 1000);
    } },
];
