import { defineDataset } from '../../src/define.js';
import { field } from '../../src/field.js';
import { rule } from '../../src/rule.js';
import type { DatasetDefinition } from '../../src/core/types.js';
import { cccd, cccdPlausible, cmndRetired, email, emailDomainLowercase, mst, mstDashed, phone, phonePrefix } from '../vn/identifiers.js';
import { province } from '../vn/admin/province.js';
import { provinceCurrent } from '../vn/admin/province-current.js';
import { datesOrdered } from '../vn/cross/dates-ordered.js';
import { unitCodeMatchesType } from '../vn/enterprise/unit-code-matches-type.js';
import { suspensionWithinYear } from '../vn/enterprise/suspension-within-year.js';
import { closedNotEdited } from '../vn/enterprise/closed-not-edited.js';
import { capitalPositive } from '../vn/enterprise/capital-positive.js';
import { statusDateRequired } from '../vn/enterprise/status-date-required.js';
import { enterpriseNameUnique } from '../vn/enterprise/enterprise-name-unique.js';
import { nfc } from '../vn/text/nfc.js';
import { whitespace } from '../vn/text/whitespace.js';
import { legacyEncoding } from '../vn/text/legacy-encoding.js';
import { vnDate } from '../vn/dates/vn-date.js';
import { excelSerialIn } from '../vn/dates/excel-serial-in.js';
import { VN_MISSING_VALUES } from '../vn/dates/missing-values.js';
import { REGISTER_OPTION_KEYS, communeRules, type RegisterOptions } from './_communes.js';
import { checkOptionKeys } from '../../src/core/option-keys.js';
import { canonical } from '../vn/canonical.js';
import { COSMETIC, cosmeticNameRules, readableText } from './_rules.js';

/**
 * Enterprise forms of Luật Doanh nghiệp 2020: one-member and multi-member LLC, joint-stock, partnership, private.
 * @example ENTERPRISE_TYPES.includes('TNHH1TV') // true
 */
export const ENTERPRISE_TYPES = ['TNHH1TV', 'TNHH2TV', 'CP', 'HD', 'DNTN'] as const;
/**
 * Dependent units: branch (chi nhánh) and representative office (văn phòng đại diện).
 * @example UNIT_TYPES // ['CN', 'VPDD']
 */
export const UNIT_TYPES = ['CN', 'VPDD'] as const;
/**
 * The statuses of DOMAIN-VN §8.
 * @example ENTERPRISE_STATUSES[0] // 'active'
 */
export const ENTERPRISE_STATUSES = ['active', 'suspended', 'dissolving', 'dissolved', 'revoked'] as const;

/**
 * enterprise-register: one row per enterprise or dependent unit (branch, representative office) of the business
 * register a provincial Department of Planning and Investment keeps (Luật Doanh nghiệp 2020, NĐ 01/2021/NĐ-CP), as
 * DOMAIN-VN §8 specifies. What "đúng, đủ, sạch, sống" means here:
 *
 * - ĐÚNG (correct): the enterprise code is a tax code with a valid check digit (TT 105/2020), 10 digits for an
 *   enterprise and the parent's 10 digits + `-001`…`-999` for a branch or representative office; the type and status
 *   are in their lists; the representative's personal ID is well formed; the province code is in the 34-province list
 *   for registrations from 1/7/2025 (either list before); the commune code has 5 digits and the main business line 4
 *   (VSIC 2018 level 4); the charter capital is not negative, and more than 0 for an enterprise (a unit records 0); the
 *   registration date is between 01/01/1991 and today and not after the status date; phone numbers are valid
 *   (1800/1900 hotlines accepted) and e-mail addresses well formed.
 * - ĐỦ (sufficient): code, name, type, representative, address, province, commune, charter capital, registration
 *   date, status and updated_at are filled, and the status date of every record that is not active; placeholders such as `N/A`, `-`, `01/01/1900` count as missing; the export is not empty.
 * - SẠCH (clean): one row per enterprise code (compared in canonical form: `0100109106001` is `0100109106-001`);
 *   no two active enterprises (not units) of a province with the same name (Điều 41, a warning; names compared by
 *   `vn.canonical.name`, so `Hòa` and `Hoà` meet); names in Unicode NFC without legacy encodings or stray spaces;
 *   no whitespace around a code or identifier;
 *   branch codes in dashed form and e-mail domains in lower case (warnings).
 * - SỐNG (live): every record updated within 365 days and the table within 30; no representative identified only by
 *   a 9-digit CMND; no province code retired on 1/7/2025; no pre-2018 mobile prefix; no suspension older than the
 *   one year a notice covers (NĐ 01/2021 Điều 66) and no edits more than 30 days after dissolution or revocation
 *   (both warnings).
 *
 * Dates are judged by the calendar of Vietnam (`timeZone: 'Asia/Ho_Chi_Minh'`): "today" is the date in Vietnam.
 * Every conditional check is a named rule of `ddss/vn` with options (no `when` function), so a YAML or JSON
 * definition can say exactly the same.
 *
 * A row that satisfies DOMAIN-VN gets no finding at all. Personal data (the representative's name and ID, the phone
 * number and e-mail address, which for a private enterprise are its owner's) is masked in every output.
 * @example
 * import { enterpriseRegister } from 'ddss/datasets';
 * const report = await validate(enterpriseRegister, readCsv('enterprises.csv'), { now: new Date('2026-11-22') });
 */
// Named with its module so worker threads can load this definition (`workers > 1`); a variant built with options
// is a different rule set, which workers could not rebuild from the module, so it has none.
// The definition itself, not a copy: its plan is compiled once, when it is defined (a copy was compiled again by
// every validator, in every worker thread).
export const enterpriseRegister: DatasetDefinition = enterpriseRegisterWith();

/**
 * The enterprise register with options: the commune lists to check commune codes against (loaded with
 * `loadAdminUnits`; without them codes are checked for format only).
 * @example const enterprises = enterpriseRegisterWith({ communes: loadAdminUnits('communes-2025.json') });
 */
export function enterpriseRegisterWith(options: RegisterOptions = {}): DatasetDefinition {
  checkOptionKeys(options, REGISTER_OPTION_KEYS, 'enterpriseRegisterWith');
  return defineDataset({
    name: 'enterprise-register',
    title: { en: 'Enterprise register', vi: 'Đăng ký doanh nghiệp' },
    description: 'One row per enterprise or dependent unit: code, type, representative, location, capital, status (DOMAIN-VN §8).',
    key: 'enterprise_code',
    missingValues: VN_MISSING_VALUES,
    // "Today" is the date in Vietnam: a record dated today is not in the future during a nightly run before 07:00.
    timeZone: 'Asia/Ho_Chi_Minh',
    ...(options.communes !== undefined ? {} : { module: import.meta.url }),
    // Every code and identifier column carries `trimmed` (a clean warning): a right value with a space, tab, NBSP or BOM
    // around it is that one finding (DOMAIN-VN §6), since its correctness rules judge it without the whitespace (the
    // pack's rules ignore it; enums and patterns are given `trim: true`).
    fields: {
      // The enterprise code is its tax code (Luật DN 2020 Điều 29); never an individual's 12-digit one. Compared in
      // canonical form: a branch's 13 digits run together are the same unit as its dashed code.
      enterprise_code: field.text().required().trimmed(COSMETIC)
        .use(mst({ acceptPersonalId: false }), mstDashed())
        .unique({ normalize: canonical.mst })
        .label({ en: 'Enterprise code (tax code)', vi: 'Mã số doanh nghiệp' }),
      name: field.text().required().trimmed(COSMETIC)
        .use(nfc(), legacyEncoding(), whitespace({ ...COSMETIC, when: readableText('name') }))
        .label({ en: 'Enterprise name', vi: 'Tên doanh nghiệp' }),
      type: field.enum([...ENTERPRISE_TYPES, ...UNIT_TYPES], { trim: true }).required().trimmed(COSMETIC)
        .label({ en: 'Type', vi: 'Loại hình' }),
      rep_name: field.text().required().pii().trimmed(COSMETIC)
        .use(nfc(), legacyEncoding())
        .use(...cosmeticNameRules('rep_name'))
        .label({ en: 'Legal representative', vi: 'Người đại diện theo pháp luật' }),
      // A 9-digit CMND still identifies the person; its retirement (31/12/2024) is a liveness finding only.
      rep_id: field.text().required().pii().trimmed(COSMETIC).use(cccd({ acceptCmnd: true }), cccdPlausible(), cmndRetired())
        .label({ en: 'Representative personal ID', vi: 'Số định danh người đại diện' }),
      // Registered from 1/7/2025: the 34-province list; earlier (or no valid date): either list, a retired code
      // being provinceCurrent's live finding.
      province_code: field.text().required().trimmed(COSMETIC)
        .use(province({ dateField: 'registered_at' }), provinceCurrent())
        .label({ en: 'Province code', vi: 'Mã tỉnh' }),
      commune_code: field.text().required().trimmed(COSMETIC).use(...communeRules(options))
        .label({ en: 'Commune code', vi: 'Mã xã' }),
      address: field.text().required().trimmed(COSMETIC)
        .use(nfc(), legacyEncoding(), whitespace({ ...COSMETIC, when: readableText('address') }))
        .label({ en: 'Head-office address', vi: 'Địa chỉ trụ sở' }),
      // VSIC 2018 level 4 (QĐ 27/2018/QĐ-TTg): four digits. A representative office has no business line.
      main_vsic: field.text().trimmed(COSMETIC).pattern(/^\d{4}$/, { trim: true })
        .label({ en: 'Main business line (VSIC 2018)', vi: 'Ngành nghề kinh doanh chính (VSIC 2018)' }),
      // VND. A branch or representative office has no capital of its own and records 0 (capitalPositive).
      charter_capital: field.integer().required().min(0)
        .label({ en: 'Charter capital (VND)', vi: 'Vốn điều lệ (đồng)' }),
      registered_at: vnDate().required().min(new Date('1991-01-01T00:00:00Z')).notInFuture()
        .label({ en: 'Registration date', vi: 'Ngày đăng ký thành lập' }),
      status: field.enum(ENTERPRISE_STATUSES, { trim: true }).required().trimmed(COSMETIC)
        .label({ en: 'Status', vi: 'Tình trạng hoạt động' }),
      // Required unless active: statusDateRequired below.
      status_date: vnDate().notInFuture()
        .label({ en: 'Status date', vi: 'Ngày chuyển tình trạng' }),
      // The enterprise's own line may be a 1800/1900 hotline (phone()'s default with kind 'any').
      phone: field.text().pii().trimmed(COSMETIC).use(phone(), phonePrefix())
        .label({ en: 'Phone', vi: 'Số điện thoại' }),
      email: field.text().pii().trimmed(COSMETIC).use(email(), emailDomainLowercase())
        .label({ en: 'E-mail', vi: 'Thư điện tử' }),
      updated_at: field.datetime().required().notInFuture().within({ days: 365 })
        .label({ en: 'Last updated', vi: 'Cập nhật lần cuối' }),
    },
    rules: [
      // correct: cross-field consistency
      unitCodeMatchesType({ code: 'enterprise_code', type: 'type' }),
      capitalPositive({ capital: 'charter_capital', type: 'type' }),
      datesOrdered(['registered_at', 'status_date'], { upToNow: false }),
      // An Excel serial in every date column (the update time with the time of day, Vietnam's wall clock as the
      // column reads an ISO date-time without an offset).
      excelSerialIn('registered_at'),
      excelSerialIn('status_date'),
      excelSerialIn('updated_at', { format: 'yyyy-MM-dd HH:mm' }),
      // sufficient: a status other than active says since when; an export with no enterprise is not a register
      statusDateRequired({ status: 'status', statusDate: 'status_date' }),
      rule.rowCount({ min: 1 }),
      // clean: no two active enterprises of a province share a name (Luật DN 2020 Điều 41; a warning)
      enterpriseNameUnique({ name: 'name', province: 'province_code', status: 'status', type: 'type' }),
      // live: statuses and the table are current
      suspensionWithinYear({ status: 'status', statusDate: 'status_date' }),
      closedNotEdited({ status: 'status', statusDate: 'status_date', updatedAt: 'updated_at' }),
      rule.freshness('updated_at', { days: 30 }),
    ],
  });
}
