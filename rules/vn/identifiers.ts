/**
 * Vietnamese identifiers (DOMAIN-VN §2): rule factories, one criterion and one severity each, and the pure helpers
 * that cross-field rules reuse. `identifiers` groups the factories for `vn`.
 */
import { cccd } from './identifiers/cccd.js';
import { cccdPlausible } from './identifiers/cccd-plausible.js';
import { cmnd } from './identifiers/cmnd.js';
import { cmndRetired } from './identifiers/cmnd-retired.js';
import { mst } from './identifiers/mst.js';
import { mstDashed } from './identifiers/mst-dashed.js';
import { bhxh } from './identifiers/bhxh.js';
import { bhxhProvince } from './identifiers/bhxh-province.js';
import { bhyt } from './identifiers/bhyt.js';
import { bhytObjectCode } from './identifiers/bhyt-object-code.js';
import { bhytBenefitLevel } from './identifiers/bhyt-benefit-level.js';
import { phone } from './identifiers/phone.js';
import { phonePrefix } from './identifiers/phone-prefix.js';
import { postalCode } from './identifiers/postal-code.js';
import { postalProvince } from './identifiers/postal-province.js';
import { email } from './identifiers/email.js';
import { emailDomainLowercase } from './identifiers/email-domain-lowercase.js';

export { cccd, cccdFinding, parseCccd, type CccdOptions, type CccdParts } from './identifiers/cccd.js';
export { cccdPlausible } from './identifiers/cccd-plausible.js';
export { cmnd } from './identifiers/cmnd.js';
export { cmndRetired, CMND_VALID_UNTIL } from './identifiers/cmnd-retired.js';
export { mst, mstCheckDigit, splitMst, PERSONAL_ID_TAX_CODE_FROM, type MstOptions } from './identifiers/mst.js';
export { mstDashed } from './identifiers/mst-dashed.js';
export { bhxh } from './identifiers/bhxh.js';
export { bhxhProvince } from './identifiers/bhxh-province.js';
export { bhyt, parseBhyt, type BhytParts } from './identifiers/bhyt.js';
export { bhytObjectCode, type BhytTableOptions } from './identifiers/bhyt-object-code.js';
export { bhytBenefitLevel } from './identifiers/bhyt-benefit-level.js';
export {
  phone, normalizePhone, modernMobile, phoneKind, isServiceNumber, LEGACY_MOBILE_PREFIXES, type PhoneKind, type PhoneOptions,
} from './identifiers/phone.js';
export { phonePrefix } from './identifiers/phone-prefix.js';
export { postalCode } from './identifiers/postal-code.js';
export { postalProvince, type PostalProvinceOptions } from './identifiers/postal-province.js';
export { POSTAL_PREFIXES_2018, type PostalPrefixTable } from './identifiers/postal-prefixes.js';
export { email, splitEmail } from './identifiers/email.js';
export { emailDomainLowercase } from './identifiers/email-domain-lowercase.js';
export type { DatedOptions } from './identifiers/_at.js';

/**
 * The identifier rule factories, to spread into `vn`.
 * @example field.text().use(vn.cccd(), vn.cccdPlausible()).pii()
 */
export const identifiers = {
  cccd, cccdPlausible, cmnd, cmndRetired, mst, mstDashed, bhxh, bhxhProvince, bhyt, bhytObjectCode, bhytBenefitLevel,
  phone, phonePrefix, postalCode, postalProvince, email, emailDomainLowercase,
} as const;
