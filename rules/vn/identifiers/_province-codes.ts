import { provinceTables } from '../tables/provinces.js';

/** Every 2-digit province code of any scheme (the 2025 codes reuse 2008 codes, so this is the 2008 set). */
export const ANY_PROVINCE_CODE: ReadonlySet<string> = new Set(provinceTables.flatMap((t) => t.entries.map((p) => p.code)));

/** Social-insurance agencies outside the provinces: 97 = BHXH Bộ Quốc phòng, 98 = BHXH Bộ Công an. */
export const MINISTRY_AGENCY_CODES: readonly string[] = ['97', '98'];

/** A 2-digit code of an agency that issues BHXH numbers and BHYT cards: a province (any scheme), 97 or 98. */
export function isIssuingAgency(code: string): boolean {
  return ANY_PROVINCE_CODE.has(code) || MINISTRY_AGENCY_CODES.includes(code);
}
