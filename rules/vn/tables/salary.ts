import type { DatedTable } from './dated.js';

/**
 * A monthly amount in VND. `warnOnly` (here or on the whole table) marks a figure that is announced but not verified
 * in the legal text (DOMAIN-VN **[warn-only]**): rules must not report `error`s that depend on it.
 */
export interface BaseSalaryEntry {
  readonly monthly: number;
  readonly warnOnly?: boolean;
}

/** Regional minimum wages per month (VND), regions I–IV (vùng I–IV). */
export interface RegionalMinimumWageEntry {
  readonly I: number;
  readonly II: number;
  readonly III: number;
  readonly IV: number;
  readonly warnOnly?: boolean;
}

export type Region = 'I' | 'II' | 'III' | 'IV';

/**
 * Base salary (lương cơ sở), DOMAIN-VN §5: 1,800,000 from 1/7/2023; 2,340,000 from 1/7/2024; 2,530,000 from
 * 1/7/2026 **[warn-only]**. The 2024 table has no end date on purpose: if the 2026 figure is withdrawn, removing its
 * table leaves the 2024 one in force.
 * @example tableAt(baseSalaryTables, new Date('2026-08-01'))?.entries // { monthly: 2530000, warnOnly: true }
 */
export const baseSalaryTables: readonly DatedTable<BaseSalaryEntry>[] = [
  { version: '2023-07-01', validFrom: '2023-07-01', validTo: '2024-06-30', source: 'NĐ 24/2023/NĐ-CP', entries: { monthly: 1_800_000 } },
  { version: '2024-07-01', validFrom: '2024-07-01', source: 'NĐ 73/2024/NĐ-CP', entries: { monthly: 2_340_000 } },
  {
    version: '2026-07-01', validFrom: '2026-07-01', source: 'announced for 1/7/2026, not verified (DOMAIN-VN §5 [warn-only])',
    warnOnly: true, entries: { monthly: 2_530_000, warnOnly: true },
  },
];

/**
 * Regional minimum wages (lương tối thiểu vùng), DOMAIN-VN §5.
 * @example tableAt(regionalMinimumWageTables, new Date('2026-03-01'))?.entries.IV // 3700000
 */
export const regionalMinimumWageTables: readonly DatedTable<RegionalMinimumWageEntry>[] = [
  {
    version: '2024-07-01', validFrom: '2024-07-01', validTo: '2025-12-31', source: 'NĐ 74/2024/NĐ-CP',
    entries: { I: 4_960_000, II: 4_410_000, III: 3_860_000, IV: 3_450_000 },
  },
  {
    version: '2026-01-01', validFrom: '2026-01-01', source: 'regional minimum wage decree in force from 1/1/2026 (DOMAIN-VN §5)',
    entries: { I: 5_310_000, II: 4_730_000, III: 4_140_000, IV: 3_700_000 },
  },
];

/**
 * The ceiling of the mandatory social-insurance contribution salary: 20 × the base salary of the month.
 * @example CONTRIBUTION_CAP_MULTIPLE * 2_340_000 // 46800000
 */
export const CONTRIBUTION_CAP_MULTIPLE = 20;
