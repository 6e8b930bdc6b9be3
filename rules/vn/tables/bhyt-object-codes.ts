import type { DatedTable } from './dated.js';

/** Who pays the health-insurance contribution of an object code (QĐ 1351/QĐ-BHXH; Luật BHYT Điều 12). */
export type BhytPayerGroup =
  | 'employment' | 'social_insurance_fund' | 'state_budget' | 'state_supported' | 'household' | 'unverified';

/** Benefit level printed on the card (3rd character): 1 = 100% no ceiling … 4 = 80%, 5 = 100% incl. off-list. */
export type BhytBenefitLevel = 1 | 2 | 3 | 4 | 5;

/** An object code: its payer group and default benefit level; unverified codes have no level. */
export interface BhytObject {
  readonly group: BhytPayerGroup;
  readonly defaultLevel: BhytBenefitLevel | undefined;
  /** False for codes seen in practice but not confirmed in a legal text: accepted with a warning. */
  readonly verified: boolean;
  /** The default level is announced but unverified (DOMAIN-VN [warn-only]): a level check on it only warns. */
  readonly warnOnlyLevel?: true;
}

/** Object code → its payer group and default level. Keys are two capital letters. */
export type BhytObjectTable = Readonly<Record<string, BhytObject>>;

function group(g: BhytPayerGroup, level: BhytBenefitLevel, codes: string): Record<string, BhytObject> {
  const out: Record<string, BhytObject> = Object.create(null) as Record<string, BhytObject>;
  for (const c of codes.split(' ')) out[c] = { group: g, defaultLevel: level, verified: true };
  return out;
}

/** Codes seen on cards in practice but not confirmed (DOMAIN-VN §2.5): accepted with a warning, no level check. */
export const UNVERIFIED_BHYT_OBJECT_CODES: readonly string[] = [
  'AK', 'LH', 'TG', 'DS', 'HK', 'ND', 'TH', 'TD', 'TU', 'BA', 'XV', 'TL',
];

function table(cnLevel: BhytBenefitLevel, cnWarnOnly: boolean): BhytObjectTable {
  const unverified: Record<string, BhytObject> = Object.create(null) as Record<string, BhytObject>;
  for (const c of UNVERIFIED_BHYT_OBJECT_CODES) unverified[c] = { group: 'unverified', defaultLevel: undefined, verified: false };
  return Object.freeze(Object.assign(Object.create(null) as Record<string, BhytObject>,
    group('employment', 4, 'DN HX CH NN TK HC XK'),
    group('social_insurance_fund', 3, 'HT'),
    group('social_insurance_fund', 4, 'TB NO CT XB TN CS'),
    group('state_budget', 5, 'QN CA CY'),
    group('state_budget', 4, 'XN MS HD TQ TV TA TY HG LS PV'),
    group('state_budget', 1, 'CC TE'),
    group('state_budget', 2, 'CK CB KC BT HN DT DK XD TS'),
    group('state_budget', 3, 'TC'),
    cnWarnOnly ? { CN: { group: 'state_supported', defaultLevel: cnLevel, verified: true, warnOnlyLevel: true } } : group('state_supported', cnLevel, 'CN'),
    group('state_supported', 4, 'HS SV GB'),
    group('household', 4, 'GD'),
    unverified));
}

/**
 * Object codes of the health-insurance card until 31/12/2025 (near-poor `CN` at level 3).
 * @example BHYT_OBJECT_CODES_2015.entries['CN']?.defaultLevel // 3
 */
export const BHYT_OBJECT_CODES_2015: DatedTable<BhytObjectTable> = {
  version: '2015-11-16',
  validFrom: '2015-11-16',
  validTo: '2025-12-31',
  source: 'QĐ 1351/QĐ-BHXH (mã đối tượng, mức hưởng trên thẻ BHYT)',
  entries: table(3, false),
};

/**
 * Object codes from 1/1/2026: near-poor `CN` at level 2 (DOMAIN-VN §2.5 [warn-only]: rules using it warn only).
 * @example BHYT_OBJECT_CODES_2026.entries['CN']?.defaultLevel // 2
 */
export const BHYT_OBJECT_CODES_2026: DatedTable<BhytObjectTable> = {
  version: '2026-01-01',
  validFrom: '2026-01-01',
  source: 'QĐ 1351/QĐ-BHXH; mức hưởng của CN từ 1/1/2026 (chưa xác minh, chỉ cảnh báo)',
  entries: table(2, true),
};

/**
 * The dated object-code tables, for `tableAt(BHYT_OBJECT_CODES, date)`.
 * @example tableAt(BHYT_OBJECT_CODES, new Date('2026-03-01'))?.entries['CN']?.defaultLevel // 2
 */
export const BHYT_OBJECT_CODES: readonly DatedTable<BhytObjectTable>[] = [BHYT_OBJECT_CODES_2015, BHYT_OBJECT_CODES_2026];

/**
 * Whether any of the tables holds a [warn-only] fact (an unverified code, or an unverified default level): rules
 * judging by them may then only warn.
 * @example hasWarnOnlyEntries(BHYT_OBJECT_CODES) // true
 */
export function hasWarnOnlyEntries(tables: readonly DatedTable<BhytObjectTable>[], levels = false): boolean {
  return tables.some((t) => t.warnOnly === true ||
    Object.values(t.entries).some((e) => (levels ? e.warnOnlyLevel === true : !e.verified)));
}

/**
 * The entry of an object code in a table (own keys only, so `__proto__` and friends are unknown codes).
 * @example bhytObject(BHYT_OBJECT_CODES_2015.entries, 'HT') // { group: 'social_insurance_fund', defaultLevel: 3, verified: true }
 */
export function bhytObject(table: BhytObjectTable, code: string): BhytObject | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
