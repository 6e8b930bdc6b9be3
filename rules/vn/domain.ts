/**
 * The Vietnamese domain rules outside identifiers (DOMAIN-VN §3–§7): administrative units, land, text, dates and
 * cross-field checks, with their dated reference tables. `rules/vn/index.ts` spreads this object into `vn`.
 */
import { province } from './admin/province.js';
import { provinceCurrent } from './admin/province-current.js';
import { commune } from './admin/commune.js';
import { communeCurrent } from './admin/commune-current.js';
import { noDistrictLevel } from './admin/no-district-level.js';
import { parseAdminUnits } from './admin/parse-admin-units.js';
import { loadAdminUnits } from './admin/load-admin-units.js';
import { importAdminUnits } from './admin/import-admin-units.js';
import { landUseCode } from './land/land-use-code.js';
import { landUseCodeCurrent } from './land/land-use-code-current.js';
import { landUseCodeProvisional } from './land/land-use-code-provisional.js';
import { gcnSerial } from './land/gcn-serial.js';
import { vn2000 } from './land/vn2000.js';
import { landUseTerm } from './land/land-use-term.js';
import { residentialTermPermanent } from './land/residential-term-permanent.js';
import { agriculturalTerm } from './land/agricultural-term.js';
import { vnName } from './text/vn-name.js';
import { nfc } from './text/nfc.js';
import { diagnoseEncoding, legacyEncoding } from './text/legacy-encoding.js';
import { whitespace } from './text/whitespace.js';
import { VN_MISSING_VALUES } from './dates/missing-values.js';
import { vnDate } from './dates/vn-date.js';
import { excelSerial } from './dates/excel-serial.js';
import { excelSerialIn } from './dates/excel-serial-in.js';
import { idBirthYear } from './cross/id-birth-year.js';
import { idGender } from './cross/id-gender.js';
import { bhytMatchesBhxh } from './cross/bhyt-matches-bhxh.js';
import { childUnderSix } from './cross/child-under-six.js';
import { salaryInRange } from './cross/salary-in-range.js';
import { salaryInRangeProvisional } from './cross/salary-in-range-provisional.js';
import { cardNotExpired } from './cross/card-not-expired.js';
import { cardPeriodOrdered } from './cross/card-period-ordered.js';
import { datesOrdered } from './cross/dates-ordered.js';
import { oneBhxhPerId } from './cross/one-bhxh-per-id.js';
import { verifyPerson } from './cross/verify-person.js';
import { suspensionWithinYear } from './enterprise/suspension-within-year.js';
import { closedNotEdited } from './enterprise/closed-not-edited.js';
import { unitCodeMatchesType } from './enterprise/unit-code-matches-type.js';
import { capitalPositive } from './enterprise/capital-positive.js';
import { statusDateRequired } from './enterprise/status-date-required.js';
import { enterpriseNameUnique } from './enterprise/enterprise-name-unique.js';
import { LAND_USE_CODES_2013, LAND_USE_CODES_2024, landUseCodeTables } from './tables/land-use-codes.js';
import { baseSalaryTables, regionalMinimumWageTables } from './tables/salary.js';

/**
 * Rule factories, helpers and dated tables of the Vietnamese domain.
 * @example
 * import { vn } from 'ddss/vn';
 * fields: { land_use_code: field.text().use(vn.landUseCode({ dateField: 'gcn_issue_date' }), vn.landUseCodeCurrent()) },
 * rules: [vn.idBirthYear({ id: 'owner_id', birthYear: 'owner_birth_year' }), vn.datesOrdered(['registered_at', 'gcn_issue_date'])]
 */
export const domain = {
  // administrative units (§3)
  province, provinceCurrent, commune, communeCurrent, noDistrictLevel, parseAdminUnits, loadAdminUnits, importAdminUnits,
  // land (§4)
  landUseCode, landUseCodeProvisional, landUseCodeCurrent, gcnSerial, vn2000, landUseTerm, residentialTermPermanent, agriculturalTerm,
  // text (§6)
  vnName, nfc, legacyEncoding, diagnoseEncoding, whitespace,
  // dates (§5, §6)
  VN_MISSING_VALUES, vnDate, excelSerial, excelSerialIn,
  // cross-field and dataset rules (§2, §5, §7)
  idBirthYear, idGender, bhytMatchesBhxh, childUnderSix, salaryInRange, salaryInRangeProvisional, cardNotExpired,
  cardPeriodOrdered, datesOrdered, oneBhxhPerId,
  // across registers: the population register (Đề án 06)
  verifyPerson,
  // enterprise register (§8)
  unitCodeMatchesType, capitalPositive, statusDateRequired, enterpriseNameUnique, suspensionWithinYear, closedNotEdited,
  // dated reference tables
  landUseCodeTables, LAND_USE_CODES_2013, LAND_USE_CODES_2024, baseSalaryTables, regionalMinimumWageTables,
} as const;

export type { AdminUnit, AdminUnitColumns, AdminUnitOptions, CommuneTable } from './admin/parse-admin-units.js';
export type { ProvinceOptions } from './admin/province.js';
export type { CommuneOptions } from './admin/commune.js';
export type { LandUseCodeOptions } from './land/land-use-code.js';
export type { LandUseCodeEntries, LandUseCodeTable } from './tables/land-use-codes.js';
export type { BaseSalaryEntry, RegionalMinimumWageEntry, Region } from './tables/salary.js';
export type { EncodingDiagnosis, MisreadEncoding } from './text/legacy-encoding.js';
export type { VnDateFormat } from './dates/vn-date.js';
export type { SalaryFields } from './cross/_salary.js';
export type { VerifyPersonFields, VerifyPersonOptions, VerifyPersonRule, RegisterColumns } from './cross/verify-person.js';
export type { Genders } from './cross/_person-register.js';
export type { SuspensionFields, SuspensionWithinYearOptions } from './enterprise/suspension-within-year.js';
export type { ClosedNotEditedFields, ClosedNotEditedOptions } from './enterprise/closed-not-edited.js';
export type { UnitCodeFields, UnitCodeMatchesTypeOptions } from './enterprise/unit-code-matches-type.js';
export type { CapitalFields, CapitalPositiveOptions } from './enterprise/capital-positive.js';
export type { StatusDateFields, StatusDateRequiredOptions } from './enterprise/status-date-required.js';
export type { EnterpriseNameFields, EnterpriseNameUniqueOptions } from './enterprise/enterprise-name-unique.js';
export { ENTERPRISE_FORMS, DEPENDENT_UNITS } from './enterprise/_types.js';
