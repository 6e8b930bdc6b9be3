import { defineDataset } from '../../src/define.js';
import { field } from '../../src/field.js';
import { rule } from '../../src/rule.js';
import type { DatasetDefinition } from '../../src/core/types.js';
import {
  bhxh, bhxhProvince, bhyt, bhytBenefitLevel, bhytObjectCode, cccd, cccdPlausible, mst, mstDashed, phone, phonePrefix,
} from '../vn/identifiers.js';
import { province } from '../vn/admin/province.js';
import { provinceCurrent } from '../vn/admin/province-current.js';
import { idBirthYear } from '../vn/cross/id-birth-year.js';
import { idGender } from '../vn/cross/id-gender.js';
import { bhytMatchesBhxh } from '../vn/cross/bhyt-matches-bhxh.js';
import { childUnderSix } from '../vn/cross/child-under-six.js';
import { cardNotExpired } from '../vn/cross/card-not-expired.js';
import { cardPeriodOrdered } from '../vn/cross/card-period-ordered.js';
import { oneBhxhPerId } from '../vn/cross/one-bhxh-per-id.js';
import { salaryInRange } from '../vn/cross/salary-in-range.js';
import { salaryInRangeProvisional } from '../vn/cross/salary-in-range-provisional.js';
import { nfc } from '../vn/text/nfc.js';
import { legacyEncoding } from '../vn/text/legacy-encoding.js';
import { vnDate } from '../vn/dates/vn-date.js';
import { excelSerialIn } from '../vn/dates/excel-serial-in.js';
import { VN_MISSING_VALUES } from '../vn/dates/missing-values.js';
import { communeRules } from './_communes.js';
import { PERSON_REGISTER_OPTION_KEYS, customised, populationRules, type PersonRegisterOptions } from './_population.js';
import { checkOptionKeys } from '../../src/core/option-keys.js';
import { canonical } from '../vn/canonical.js';
import { COSMETIC, cosmeticNameRules } from './_rules.js';

/**
 * insurance-participants: one row per person and current health-insurance card of the social-insurance register
 * (Luật BHXH, Luật BHYT; QĐ 1351/QĐ-BHXH), as DOMAIN-VN §7 specifies. What "đúng, đủ, sạch, sống" means here:
 *
 * - ĐÚNG (correct): a 10-digit BHXH number, a well-formed personal ID whose birth year and gender match the date of
 *   birth and gender columns, a card code whose last 10 digits are the BHXH number, whose object code is known and
 *   whose benefit level fits it (warnings: the table is still being verified), a children's card (TE) only for a
 *   child under six, a validity period in order, a valid phone number and tax code, a contribution salary between the
 *   region-IV minimum wage and 20 × the base salary of its month (bounds resting on unconfirmed figures only warn).
 * - ĐỦ (sufficient): the identity, card and status columns are filled; placeholders such as `N/A`, `-`,
 *   `01/01/1900`, `00/00/0000` count as missing; the export is not empty.
 * - SẠCH (clean): one row per BHXH number and one BHXH number per person; names in Unicode NFC without legacy
 *   encodings, stray spaces or honorifics; the gender in NFC; no whitespace around a code or identifier; branch tax
 *   codes in their dashed form.
 * - SỐNG (live): every record updated within 365 days and the table within 30; no active participant with an
 *   expired card; no phone number with a pre-2018 prefix; no province code retired on 1/7/2025.
 *
 * Dates are judged by the calendar of Vietnam (`timeZone: 'Asia/Ho_Chi_Minh'`): "today" is the date in Vietnam.
 *
 * A row that satisfies DOMAIN-VN gets no finding at all. Personal data (name, BHXH number, personal ID, date of
 * birth, phone, card code) is masked in every output.
 * @example
 * import { insuranceParticipants } from 'ddss/datasets';
 * const report = await validate(insuranceParticipants, readCsv('participants.csv'), { now: new Date('2026-11-22') });
 */
// Named with its module so worker threads can load this definition (`workers > 1`); a variant built with options
// is a different rule set, which workers could not rebuild from the module, so it has none.
// The definition itself, not a copy: its plan is compiled once, when it is defined (a copy was compiled again by
// every validator, in every worker thread).
export const insuranceParticipants: DatasetDefinition = insuranceParticipantsWith();

/**
 * The insurance-participants register with options: the commune lists to check commune codes against (loaded with
 * `loadAdminUnits`; without them codes are checked for format only), and the population register to verify each
 * person against (`population`, with `populationColumns` for another export; a run's `references` or `--reference
 * population=FILE` does the same for the plain built-in).
 * @example const parcels = insuranceParticipantsWith({ communes: loadAdminUnits('communes-2025.json'), population: readCsv('population.csv') });
 */
export function insuranceParticipantsWith(options: PersonRegisterOptions = {}): DatasetDefinition {
  checkOptionKeys(options, PERSON_REGISTER_OPTION_KEYS, 'insuranceParticipantsWith');
  return defineDataset({
    name: 'insurance-participants',
    title: { en: 'Insurance participants (social and health insurance)', vi: 'Người tham gia BHXH, BHYT' },
    description: 'One row per person and current health-insurance card (DOMAIN-VN §7).',
    key: 'bhxh_no',
    missingValues: VN_MISSING_VALUES,
    // "Today" is the date in Vietnam: a record dated today is not in the future during a nightly run before 07:00.
    timeZone: 'Asia/Ho_Chi_Minh',
    ...(customised(options) ? {} : { module: import.meta.url }),
    // Every code and identifier column carries `trimmed` (a clean warning): a right value with a space, tab, NBSP or BOM
    // around it is that one finding (DOMAIN-VN §6), since its correctness rules judge it without the whitespace (the
    // pack's rules ignore it; enums and patterns are given `trim: true`).
    fields: {
      // Compared in canonical form: the spaced and the bare number are one participant.
      bhxh_no: field.text().required().pii().trimmed(COSMETIC).use(bhxh(), bhxhProvince()).unique({ normalize: canonical.bhxh })
        .label({ en: 'Social-insurance number', vi: 'Mã số BHXH' }),
      full_name: field.text().required().pii().trimmed(COSMETIC)
        .use(nfc(), legacyEncoding())
        .use(...cosmeticNameRules('full_name'))
        .label({ en: 'Full name', vi: 'Họ và tên' }),
      dob: vnDate().required().pii().notInFuture()
        .label({ en: 'Date of birth', vi: 'Ngày sinh' }),
      // A decomposed "Nữ" is the listed value (the enum compares in NFC): its form is nfc's clean finding.
      gender: field.enum(['Nam', 'Nữ'], { trim: true }).required().trimmed(COSMETIC).use(nfc())
        .label({ en: 'Gender', vi: 'Giới tính' }),
      id_no: field.text().required().pii().trimmed(COSMETIC).use(cccd(), cccdPlausible())
        .label({ en: 'Personal ID', vi: 'Số định danh cá nhân' }),
      // The participant's own contact number: a 1800/1900 hotline is an organisation's line, never the person's.
      phone: field.text().pii().trimmed(COSMETIC).use(phone({ hotlines: false }), phonePrefix())
        .label({ en: 'Phone', vi: 'Số điện thoại' }),
      province_code: field.text().required().trimmed(COSMETIC).use(province(), provinceCurrent())
        .label({ en: 'Province code', vi: 'Mã tỉnh' }),
      commune_code: field.text().required().trimmed(COSMETIC).use(...communeRules(options))
        .label({ en: 'Commune code', vi: 'Mã xã' }),
      bhyt_card_no: field.text().required().pii().trimmed(COSMETIC)
        .use(bhyt(), bhytObjectCode({ dateField: 'card_valid_from' }), bhytBenefitLevel({ dateField: 'card_valid_from' }))
        .label({ en: 'Health-insurance card code', vi: 'Mã thẻ BHYT' }),
      card_valid_from: vnDate().required()
        .label({ en: 'Card valid from', vi: 'Giá trị sử dụng từ ngày' }),
      card_valid_to: vnDate().required()
        .label({ en: 'Card valid to', vi: 'Giá trị sử dụng đến ngày' }),
      kcb_registered: field.text().trimmed(COSMETIC).pattern(/^\d{5}$/, { trim: true })
        .label({ en: 'Registered primary-care facility', vi: 'Nơi đăng ký KCB ban đầu' }),
      // An individual employer's 12-digit tax code is a personal ID: cccdPlausible warns on its province and century.
      employer_tax_code: field.text().trimmed(COSMETIC).use(mst(), mstDashed(), cccdPlausible())
        .label({ en: 'Employer tax code', vi: 'Mã số thuế đơn vị' }),
      contribution_salary: field.integer()
        .label({ en: 'Contribution salary (VND)', vi: 'Mức lương đóng BHXH (đồng)' }),
      contribution_month: vnDate('MM/yyyy')
        .label({ en: 'Contribution month', vi: 'Tháng đóng' }),
      status: field.enum(['active', 'suspended', 'closed'], { trim: true }).required().trimmed(COSMETIC)
        .label({ en: 'Status', vi: 'Trạng thái' }),
      updated_at: field.datetime().required().notInFuture().within({ days: 365 })
        .label({ en: 'Last updated', vi: 'Cập nhật lần cuối' }),
    },
    rules: [
      // correct: cross-field consistency
      idBirthYear({ id: 'id_no', birthYear: 'dob' }),
      idGender({ id: 'id_no', gender: 'gender' }),
      bhytMatchesBhxh({ card: 'bhyt_card_no', bhxh: 'bhxh_no' }),
      childUnderSix({ card: 'bhyt_card_no', dob: 'dob', validFrom: 'card_valid_from', validTo: 'card_valid_to' }),
      cardPeriodOrdered({ validFrom: 'card_valid_from', validTo: 'card_valid_to' }),
      salaryInRange({ salary: 'contribution_salary', month: 'contribution_month' }),
      salaryInRangeProvisional({ salary: 'contribution_salary', month: 'contribution_month' }),
      // An Excel serial in every date column (the contribution month written as a month; the update time with the
      // time of day, Vietnam's wall clock as the column reads an ISO date-time without an offset).
      excelSerialIn('dob'),
      excelSerialIn('card_valid_from'),
      excelSerialIn('card_valid_to'),
      excelSerialIn('contribution_month', { format: 'MM/yyyy' }),
      excelSerialIn('updated_at', { format: 'yyyy-MM-dd HH:mm' }),
      // correct, clean, live: each person against the population register (skipped unless a run gives one)
      populationRules({ id: 'id_no', name: 'full_name', birthDate: 'dob', gender: 'gender' }, options),
      // sufficient: an export with no participant is not a register
      rule.rowCount({ min: 1 }),
      // clean: one person, one BHXH number
      oneBhxhPerId({ id: 'id_no', bhxh: 'bhxh_no' }),
      // live: cards and the table are current
      cardNotExpired({ status: 'status', validTo: 'card_valid_to' }),
      rule.freshness('updated_at', { days: 30 }),
    ],
  });
}
