import { defineDataset } from '../../src/define.js';
import { field } from '../../src/field.js';
import { rule } from '../../src/rule.js';
import type { DatasetDefinition } from '../../src/core/types.js';
import { cccd, cccdPlausible, cmndRetired } from '../vn/identifiers.js';
import { province } from '../vn/admin/province.js';
import { provinceCurrent } from '../vn/admin/province-current.js';
import { landUseCode } from '../vn/land/land-use-code.js';
import { landUseCodeCurrent } from '../vn/land/land-use-code-current.js';
import { landUseTerm } from '../vn/land/land-use-term.js';
import { residentialTermPermanent } from '../vn/land/residential-term-permanent.js';
import { agriculturalTerm } from '../vn/land/agricultural-term.js';
import { gcnSerial } from '../vn/land/gcn-serial.js';
import { vn2000 } from '../vn/land/vn2000.js';
import { idBirthYear } from '../vn/cross/id-birth-year.js';
import { idGender } from '../vn/cross/id-gender.js';
import { datesOrdered } from '../vn/cross/dates-ordered.js';
import { nfc } from '../vn/text/nfc.js';
import { whitespace } from '../vn/text/whitespace.js';
import { legacyEncoding } from '../vn/text/legacy-encoding.js';
import { vnDate } from '../vn/dates/vn-date.js';
import { excelSerialIn } from '../vn/dates/excel-serial-in.js';
import { VN_MISSING_VALUES } from '../vn/dates/missing-values.js';
import { communeRules } from './_communes.js';
import { PERSON_REGISTER_OPTION_KEYS, customised, populationRules, type PersonRegisterOptions } from './_population.js';
import { checkOptionKeys } from '../../src/core/option-keys.js';
import { canonical } from '../vn/canonical.js';
import { COSMETIC, cosmeticNameRules, maxDecimals, readableText, verified, yearNotInFuture } from './_rules.js';

/**
 * land-parcels: one row per land parcel of the cadastral register (sổ địa chính; Luật Đất đai 2024, TT 09/2024 and
 * 10/2024/TT-BTNMT), as DOMAIN-VN §7 specifies. What "đúng, đủ, sạch, sống" means for this register:
 *
 * - ĐÚNG (correct): every code is one the law defines — province in the dated list, land-use type of the scheme in
 *   force when the certificate was issued (TT 08/2024; TT 27/2018 before 1/8/2024), a well-formed personal ID whose
 *   birth year and gender match the owner's columns, a plausible certificate serial, VN-2000 coordinates inside
 *   Vietnam, dates in order (registration ≤ certificate ≤ today), residential land held permanently and agricultural
 *   land for at most 50 years. Unverified owners are shown as `info`, never scored.
 * - ĐỦ (sufficient): every mandatory column is filled; blanks, whitespace and placeholders (`N/A`, `-`, `NULL`,
 *   `00/00/0000`, `01/01/1900`) count as missing; the export is not empty.
 * - SẠCH (clean): one row per parcel (parcel id, commune + map sheet + parcel number, certificate serial are unique),
 *   names, addresses and genders in Unicode NFC, no legacy TCVN3/VNI text or mojibake, no stray or doubled spaces (nor
 *   whitespace around a code or identifier), areas kept to 0.1 m².
 * - SỐNG (live): every record was updated within 365 days and the table within 30; no owner identified only by a
 *   9-digit CMND (void since 1/1/2025), no land-use code the 2024 scheme replaced, no province code retired on
 *   1/7/2025.
 *
 * Dates are judged by the calendar of Vietnam (`timeZone: 'Asia/Ho_Chi_Minh'`): "today" is the date in Vietnam.
 *
 * A row that satisfies DOMAIN-VN gets no finding at all. Personal data (owner name, ID, birth year, address) is masked
 * in every output.
 * @example
 * import { landParcels } from 'ddss/datasets';
 * const report = await validate(landParcels, readCsv('parcels.csv'), { now: new Date('2026-11-22') });
 */
// Named with its module so worker threads can load this definition (`workers > 1`); a variant built with options
// is a different rule set, which workers could not rebuild from the module, so it has none.
// The definition itself, not a copy: its plan is compiled once, when it is defined (a copy was compiled again by
// every validator, in every worker thread).
export const landParcels: DatasetDefinition = landParcelsWith();

/**
 * The land-parcels register with options: the commune lists to check commune codes against (loaded with
 * `loadAdminUnits`; without them codes are checked for format only), and the population register to verify each
 * person against (`population`, with `populationColumns` for another export; a run's `references` or `--reference
 * population=FILE` does the same for the plain built-in).
 * @example const parcels = landParcelsWith({ communes: loadAdminUnits('communes-2025.json'), population: readCsv('population.csv') });
 */
export function landParcelsWith(options: PersonRegisterOptions = {}): DatasetDefinition {
  checkOptionKeys(options, PERSON_REGISTER_OPTION_KEYS, 'landParcelsWith');
  return defineDataset({
    name: 'land-parcels',
    title: { en: 'Land parcels (cadastral register)', vi: 'Thửa đất (sổ địa chính)' },
    description: 'One row per land parcel: location, land use, owner, certificate, coordinates (DOMAIN-VN §7).',
    key: 'parcel_id',
    missingValues: VN_MISSING_VALUES,
    // "Today" is the date in Vietnam: a record dated today is not in the future during a nightly run before 07:00.
    timeZone: 'Asia/Ho_Chi_Minh',
    // Lets worker threads re-import this module and find `landParcels` by name; only without options, since a
    // worker would otherwise load the option-less export and silently drop the caller's commune lists.
    ...(customised(options) ? {} : { module: import.meta.url }),
    // Every code and identifier column carries `trimmed` (a clean warning): a right value with a space, tab, NBSP or BOM
    // around it is that one finding (DOMAIN-VN §6), since its correctness rules judge it without the whitespace (the
    // pack's rules ignore it; enums and patterns are given `trim: true`).
    fields: {
      parcel_id: field.text().required().trimmed(COSMETIC).unique()
        .label({ en: 'Parcel ID', vi: 'Mã thửa đất' }),
      province_code: field.text().required().trimmed(COSMETIC).use(province(), provinceCurrent())
        .label({ en: 'Province code', vi: 'Mã tỉnh' }),
      commune_code: field.text().required().trimmed(COSMETIC).use(...communeRules(options))
        .label({ en: 'Commune code', vi: 'Mã xã' }),
      map_sheet_no: field.integer().required().min(1)
        .label({ en: 'Map sheet number', vi: 'Số tờ bản đồ' }),
      parcel_no: field.integer().required().min(1)
        .label({ en: 'Parcel number', vi: 'Số thửa' }),
      area_m2: field.number().required().min(0, { exclusive: true }).use(maxDecimals(1))
        .label({ en: 'Area (m²)', vi: 'Diện tích (m²)' }),
      land_use_code: field.text().required().trimmed(COSMETIC)
        .use(landUseCode({ dateField: 'gcn_issue_date' }), landUseCodeCurrent())
        .label({ en: 'Land-use type code', vi: 'Mã loại đất' }),
      land_use_term: field.text().required().trimmed(COSMETIC).use(landUseTerm())
        .label({ en: 'Land-use term', vi: 'Thời hạn sử dụng' }),
      owner_name: field.text().required().pii().trimmed(COSMETIC)
        .use(nfc(), legacyEncoding())
        .use(...cosmeticNameRules('owner_name'))
        .label({ en: 'Owner name', vi: 'Tên người sử dụng đất' }),
      // A 9-digit CMND is still accepted as an identifier; its retirement is a liveness finding only.
      owner_id: field.text().required().pii().trimmed(COSMETIC).use(cccd({ acceptCmnd: true }), cccdPlausible(), cmndRetired())
        .label({ en: 'Owner personal ID', vi: 'Số định danh cá nhân' }),
      owner_birth_year: field.integer().required().pii().min(1900).use(yearNotInFuture())
        .label({ en: 'Owner birth year', vi: 'Năm sinh' }),
      // A decomposed "Nữ" is the listed value (the enum compares in NFC): its form is nfc's clean finding.
      owner_gender: field.enum(['Nam', 'Nữ'], { trim: true }).required().trimmed(COSMETIC).use(nfc())
        .label({ en: 'Owner gender', vi: 'Giới tính' }),
      owner_address: field.text().pii().trimmed(COSMETIC)
        .use(nfc(), legacyEncoding(), whitespace({ ...COSMETIC, when: readableText('owner_address') }))
        .label({ en: 'Owner address', vi: 'Địa chỉ' }),
      // Compared in canonical form: "CS123456" and "CS 123456" are one certificate.
      gcn_serial: field.text().trimmed(COSMETIC).use(gcnSerial()).unique({ normalize: canonical.gcnSerial })
        .label({ en: 'Certificate serial', vi: 'Số phát hành GCN' }),
      gcn_issue_date: vnDate().notInFuture()
        .label({ en: 'Certificate issue date', vi: 'Ngày cấp GCN' }),
      registered_at: vnDate().notInFuture()
        .label({ en: 'Registration date', vi: 'Ngày đăng ký' }),
      x_north: field.number().label({ en: 'X (northing, VN-2000 m)', vi: 'Tọa độ X (VN-2000)' }),
      y_east: field.number().label({ en: 'Y (easting, VN-2000 m)', vi: 'Tọa độ Y (VN-2000)' }),
      owner_verified: field.boolean().use(verified())
        .label({ en: 'Owner verified', vi: 'Đã xác thực chủ sử dụng' }),
      updated_at: field.datetime().required().notInFuture().within({ days: 365 })
        .label({ en: 'Last updated', vi: 'Cập nhật lần cuối' }),
    },
    rules: [
      // correct: cross-field consistency
      idBirthYear({ id: 'owner_id', birthYear: 'owner_birth_year' }),
      idGender({ id: 'owner_id', gender: 'owner_gender' }),
      datesOrdered(['registered_at', 'gcn_issue_date'], { upToNow: false }),
      residentialTermPermanent({ code: 'land_use_code', term: 'land_use_term' }),
      agriculturalTerm({ code: 'land_use_code', term: 'land_use_term', issueDate: 'gcn_issue_date' }),
      vn2000({ northField: 'x_north', eastField: 'y_east' }),
      excelSerialIn('gcn_issue_date'),
      excelSerialIn('registered_at'),
      // An Excel serial in every date column: the term's end date, and the update time (a serial with a fraction is a
      // time of day, Vietnam's wall clock as the column reads an ISO date-time without an offset).
      excelSerialIn('land_use_term'),
      excelSerialIn('updated_at', { format: 'yyyy-MM-dd HH:mm' }),
      // correct, clean, live: each person against the population register (skipped unless a run gives one)
      populationRules({ id: 'owner_id', name: 'owner_name', birthYear: 'owner_birth_year', gender: 'owner_gender' }, options),
      // sufficient: an export with no parcel is not a register
      rule.rowCount({ min: 1 }),
      // clean: one parcel per (commune, map sheet, parcel number)
      rule.uniqueBy(['commune_code', 'map_sheet_no', 'parcel_no']),
      // live: the table as a whole is kept up to date
      rule.freshness('updated_at', { days: 30 }),
    ],
  });
}
