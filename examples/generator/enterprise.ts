import type { Random } from './_random.js';
import { vietnameseAddress, vietnameseName } from './_names.js';
import { OLD_PROVINCE_CODES, PROVINCES, cccd, day, ddmmyyyy, isoVietnam, mobile, mstCheckDigit } from './_vn.js';
import { enterpriseDefects } from './enterprise-defects.js';
import { DEFAULT_NOW, generateTable, type GenerateOptions, type GeneratedTable, type Row, type TableSpec } from './table.js';

/** The columns of the enterprise register (DOMAIN-VN §8), in file order. */
export const ENTERPRISE_COLUMNS = [
  'enterprise_code', 'name', 'type', 'rep_name', 'rep_id', 'province_code', 'commune_code', 'address', 'main_vsic',
  'charter_capital', 'registered_at', 'status', 'status_date', 'phone', 'email', 'updated_at',
] as const;

export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number];
export type EnterpriseRow = Row<EnterpriseColumn>;
/**
 * The kind of valid row a defect needs: an `enterprise` or a dependent `unit`; an `active` enterprise; one
 * `suspended`, `dissolving` or `closed` (dissolved or revoked); one registered before (`old`) or from (`new`)
 * 1/7/2025, when the 34-province list took effect.
 */
export type EnterpriseProfile = 'enterprise' | 'unit' | 'active' | 'suspended' | 'dissolving' | 'closed' | 'old' | 'new';

const DAY = 86_400_000;
/** NQ 202/2025/QH15: the 34-province list from 1/7/2025. */
const REFORM = day(2025, 7, 1);
const FIRST_REGISTRATION = day(1995, 1, 1);

const FORMS: ReadonlyArray<readonly [type: string, prefix: string, share: number]> = [
  ['TNHH1TV', 'Công ty TNHH một thành viên', 35], ['TNHH2TV', 'Công ty TNHH', 30], ['CP', 'Công ty Cổ phần', 25],
  ['HD', 'Công ty Hợp danh', 2], ['DNTN', 'Doanh nghiệp tư nhân', 8],
];
// Distinct words (no two differ only by tone placement or case): every enterprise name is unique by construction.
const FIRST = [
  'An Phát', 'Bình Minh', 'Đại Việt', 'Hưng Thịnh', 'Phú Gia', 'Sao Mai', 'Thành Công', 'Trường Sơn', 'Việt Tiến',
  'Hồng Hà', 'Kim Long', 'Mê Kông', 'Nam Phong', 'Phương Đông', 'Quang Minh', 'Tân Tiến', 'Thiên Phúc', 'Vạn Xuân',
  'Ánh Dương', 'Bắc Hải', 'Cửu Long', 'Duy Tân', 'Hải Âu', 'Lạc Hồng', 'Ngọc Lan', 'Sông Hồng', 'Tây Đô', 'Trí Đức',
];
const SECOND = [
  'Xây dựng', 'Thương mại', 'Dịch vụ', 'Vận tải', 'Thực phẩm', 'Du lịch', 'Công nghệ', 'Đầu tư', 'Nông sản',
  'Dược phẩm', 'Cơ khí', 'May mặc', 'Thủy sản', 'Điện tử', 'Giáo dục', 'Môi trường', 'Năng lượng', 'Bất động sản',
  'Nội thất', 'In ấn',
];
const VSIC = ['0111', '0322', '1010', '1410', '2511', '3510', '4101', '4290', '4632', '4659', '4711', '4933', '5510',
  '5610', '6201', '6810', '7020', '7110', '8299', '8559'];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * A valid 10-digit enterprise code, distinct for every row number below 10,000,000: a bijection of the row gives
 * seven digits, and the second digit (weight 29, coprime to 11) is chosen so that the check digit exists.
 */
function enterpriseCode(i: number): string {
  const body = pad((i * 3_846_197 + 1_234_567) % 10_000_000, 7);
  for (let d = 1; d <= 9; d++) {
    const first9 = `0${d}${body}`;
    const c = mstCheckDigit(first9);
    if (c >= 0) return `${first9}${c}`;
  }
  throw new Error('generate: no check digit');
}

/** An enterprise's name, distinct for every row number: two word lists and a number once they are used up. */
function enterpriseName(i: number, prefix: string): string {
  const a = FIRST[i % FIRST.length] as string;
  const b = SECOND[Math.floor(i / FIRST.length) % SECOND.length] as string;
  const round = Math.floor(i / (FIRST.length * SECOND.length));
  return `${prefix} ${b} ${a}${round === 0 ? '' : ` ${round + 1}`}`;
}

function pickForm(r: Random): readonly [string, string] {
  let u = r.next() * FORMS.reduce((s, [, , w]) => s + w, 0);
  for (const [type, prefix, w] of FORMS) {
    u -= w;
    if (u < 0) return [type, prefix];
  }
  return ['TNHH2TV', 'Công ty TNHH'];
}

/** A day in [from, to] (epoch ms of UTC days). */
const dayBetween = (r: Random, from: number, to: number): number => from + r.int(0, Math.max(0, Math.floor((to - from) / DAY))) * DAY;

interface Parent {
  readonly code: string;
  readonly name: string;
  readonly province: string;
  readonly registered: number;
  readonly vsic: string;
  units: number;
}

const POOL = 256;

/** A fresh spec: it keeps the recent enterprises that units are registered under, and their unit numbers. */
function enterpriseSpec(): TableSpec<EnterpriseColumn, EnterpriseProfile> {
  const parents: Parent[] = [];
  return {
    dataset: 'enterprise-register',
    columns: ENTERPRISE_COLUMNS,
    key: 'enterprise_code',
    defects: enterpriseDefects,
    base(i, r, now, profile) {
      if (i >= 10_000_000) throw new Error('generate: enterprise files hold at most 10,000,000 rows (distinct codes)');
      const today = day(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1, new Date(now).getUTCDate());
      const unit = profile === 'unit' || (i > 0 && profile === undefined && parents.length > 0 && r.chance(0.15));
      const parent = unit ? r.pick(parents) : undefined;
      const p = parent !== undefined && r.chance(0.5) ? PROVINCES.find((x) => x.code === parent.province) ?? r.pick(PROVINCES) : r.pick(PROVINCES);

      // Status and its date first: the registration and the last update must fit around them.
      const status = i === 0 ? 'active' : statusFor(r, profile);
      let statusDate: number | undefined;
      if (status === 'suspended') statusDate = today - r.int(1, 330) * DAY;
      else if (status === 'dissolving') statusDate = today - r.int(1, 700) * DAY;
      else if (status === 'dissolved' || status === 'revoked') statusDate = today - r.int(40, 330) * DAY;

      const latest = Math.min(statusDate ?? today - DAY, today - DAY);
      let earliest = Math.max(FIRST_REGISTRATION, parent?.registered ?? FIRST_REGISTRATION);
      let last = latest;
      // A unit is registered after its parent: under a parent registered from 1/7/2025, the unit is too.
      const era = profile === 'old' || profile === 'new' ? profile
        : parent !== undefined && parent.registered >= REFORM ? 'new' : r.chance(0.8) ? 'old' : 'new';
      if (era === 'old') last = Math.min(latest, REFORM - DAY);
      else earliest = Math.max(earliest, REFORM);
      // Only a status dated before the earliest possible day (a unit's parent registered since) moves it earlier.
      const registered = dayBetween(r, Math.min(earliest, last), last);

      let updated: number;
      if (statusDate !== undefined && (status === 'dissolved' || status === 'revoked')) {
        // Closing edits end within 30 days of the status date (in Vietnam's calendar: 28 days plus a day of seconds).
        updated = statusDate + r.int(0, 28) * DAY + r.int(0, 86_399) * 1000;
      } else {
        updated = now - (i === 0 ? r.int(0, 6) : r.chance(0.6) ? r.int(0, 90) : r.int(91, 355)) * DAY - r.int(0, 86_399) * 1000;
      }

      const gender = r.chance(0.5) ? 'Nam' : 'Nữ';
      const born = r.int(1955, 2000);
      const repId = cccd(r.pick(OLD_PROVINCE_CODES), born, gender, r.int(0, 999_999));
      let code: string;
      let name: string;
      let type: string;
      let capital: string;
      let vsic: string;
      if (parent !== undefined) {
        parent.units++;
        if (parent.units >= 999) parents.splice(parents.indexOf(parent), 1);
        type = r.chance(0.75) ? 'CN' : 'VPDD';
        code = `${parent.code}-${pad(parent.units, 3)}`;
        name = `${type === 'CN' ? 'Chi nhánh' : 'Văn phòng đại diện'} ${parent.units} - ${parent.name}`;
        capital = '0';
        vsic = type === 'CN' ? parent.vsic : '';
      } else {
        const [t, prefix] = pickForm(r);
        type = t;
        code = enterpriseCode(i);
        name = enterpriseName(i, prefix);
        capital = String(r.int(1, 500) * 100_000_000);
        vsic = r.pick(VSIC);
        const entry: Parent = { code, name, province: p.code, registered, vsic, units: 0 };
        if (parents.length >= POOL) parents[r.int(0, POOL - 1)] = entry;
        else parents.push(entry);
      }
      return {
        enterprise_code: code,
        name,
        type,
        rep_name: vietnameseName(r, gender),
        rep_id: repId,
        province_code: p.code,
        commune_code: `${p.code}${pad(r.int(1, 60), 3)}`,
        address: vietnameseAddress(r, p.name),
        main_vsic: vsic,
        charter_capital: capital,
        registered_at: ddmmyyyy(registered),
        status,
        status_date: statusDate === undefined ? '' : ddmmyyyy(statusDate),
        phone: phoneFor(r),
        email: r.chance(0.6) ? `lienhe${i}@dn${pad(i, 6)}.com.vn` : '',
        updated_at: isoVietnam(updated),
      };
    },
  };
}

function statusFor(r: Random, profile: EnterpriseProfile | undefined): string {
  switch (profile) {
    case 'active': return 'active';
    case 'suspended': return 'suspended';
    case 'dissolving': return 'dissolving';
    case 'closed': return r.chance(0.6) ? 'dissolved' : 'revoked';
    case 'enterprise': case 'unit': case 'old': case 'new': return 'active';
    default: {
      const u = r.next();
      return u < 0.85 ? 'active' : u < 0.9 ? 'suspended' : u < 0.93 ? 'dissolving' : u < 0.97 ? 'dissolved' : 'revoked';
    }
  }
}

/** A mobile number, a Hà Nội or TP HCM landline, a 1900 hotline (enterprises may list one), or none. */
function phoneFor(r: Random): string {
  const u = r.next();
  if (u < 0.5) return mobile(r);
  if (u < 0.7) return `${r.pick(['024', '028'])}${r.pick(['3', '6'])}${pad(r.int(0, 9_999_999), 7)}`;
  if (u < 0.8) return `1900${pad(r.int(0, 9999), 4)}`;
  return '';
}

/**
 * Generates an enterprise-register CSV (DOMAIN-VN §8) with defects injected at known rates, and its manifest. Every
 * valid row is consistent: codes with valid check digits, distinct and matching the type (a unit carries its parent's
 * code and a unit number), names distinct, registration ≤ status date ≤ today, closed records last edited within 30
 * days of closing, suspensions younger than a year. At most 10,000,000 rows; `now` on or after 1/7/2025.
 * @example
 * const ent = generateEnterprises({ rows: 500, seed: 3, defects: 0 }); // only valid rows
 */
export function generateEnterprises(options: GenerateOptions): GeneratedTable {
  const now = new Date(options.now ?? DEFAULT_NOW);
  // Registrations under the 34-province list, and its retired codes, exist only from 1/7/2025: earlier, the defects
  // of that list could not be what the manifest says.
  if (now.getTime() < REFORM) throw new Error(`generate: enterprise registers are generated for a now on or after 2025-07-01, got ${now.toISOString()}`);
  return generateTable(enterpriseSpec, options);
}
