/**
 * ddss/vn: the Vietnamese pack — identifiers (CCCD, CMND, MST, BHXH, BHYT, phone, postal code), administrative
 * units with dated 63- and 34-province tables, land (land-use codes, GCN serials, VN-2000, terms), text (names, NFC,
 * legacy encodings, whitespace), dates and cross-field rules of the land and insurance registers.
 * Every reference table is dated data (`{ version, validFrom, source, entries }`), selectable by date.
 * @example
 * import { vn } from 'ddss/vn';
 * const owner_id = field.text().required().use(vn.cccd({ acceptCmnd: true }), vn.cccdPlausible(), vn.cmndRetired()).pii();
 */
import { identifiers } from './identifiers.js';
import { domain } from './domain.js';
import { PROVINCES_2008, PROVINCES_2025, RETIRED_PROVINCE_CODES_2025, provinceTables } from './tables/provinces.js';
import { BHYT_OBJECT_CODES } from './tables/bhyt-object-codes.js';
import { tableAt } from './tables/dated.js';
import { canonical } from './canonical.js';

/** Every Vietnamese rule factory, helper and dated table, in one namespace. */
export const vn = {
  ...identifiers,
  ...domain,
  PROVINCES_2008, PROVINCES_2025, RETIRED_PROVINCE_CODES_2025, provinceTables, BHYT_OBJECT_CODES, tableAt,
  /** Canonical forms of identifiers, for `unique({ normalize })` and `uniqueBy(…, { normalize })`. */
  canonical,
} as const;

export * from './identifiers.js';
export * from './domain.js';
export { PROVINCES_2008, PROVINCES_2025, RETIRED_PROVINCE_CODES_2025, provinceTables, BHYT_OBJECT_CODES, tableAt };
export {
  canonical, canonicalMst, canonicalCccd, canonicalBhxh, canonicalBhyt, canonicalPhone, canonicalGcnSerial, canonicalName,
} from './canonical.js';
export type { DatedTable } from './tables/dated.js';
