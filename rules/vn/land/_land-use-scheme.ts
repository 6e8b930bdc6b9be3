import type { TypedRow } from '../../../src/core/types.js';
import { checkDatedTables, tableAt } from '../tables/dated.js';
import {
  LAND_USE_CODES_2013, LAND_USE_CODES_2024, landUseCodeTables, parcelCodes, type LandUseCodeTable,
} from '../tables/land-use-codes.js';
import type { LandUseCodeOptions } from './land-use-code.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

/** The scheme a row's code is judged by, and whether a finding from it may only be a warning. */
export interface RowScheme {
  readonly table: LandUseCodeTable;
  /** The table is unverified (`warnOnly`), or the row's date lies before every table (judged by one not in force). */
  readonly provisional: boolean;
}

/**
 * How `landUseCode` and `landUseCodeProvisional` choose the table of a row: by `dateField` when the row holds a
 * date there (a date before the first scheme uses the first), else the fixed `scheme`.
 */
export function landUseScheme(options: LandUseCodeOptions): (row: TypedRow) => RowScheme {
  checkDatedTables('landUseCode', options.tables);
  const tables = options.tables ?? landUseCodeTables;
  const scheme = options.scheme ?? '2024';
  const fixed = tables.find((t) => t.version === scheme) ?? (scheme === '2013' ? LAND_USE_CODES_2013 : LAND_USE_CODES_2024);
  const { dateField } = options;
  const earliest = [...tables].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0] ?? fixed;
  const earliestStart = new Date(`${earliest.validFrom}T00:00:00Z`);
  const fixedScheme: RowScheme = { table: fixed, provisional: fixed.warnOnly === true };
  const earlyScheme: RowScheme = { table: earliest, provisional: true };
  const byTable = new Map<LandUseCodeTable, RowScheme>();
  return (row) => {
    const when = dateField === undefined ? undefined : row[dateField];
    if (!(when instanceof Date)) return fixedScheme;
    const table = tableAt(tables, when);
    if (table === undefined) return when < earliestStart ? earlyScheme : fixedScheme;
    let s = byTable.get(table);
    if (s === undefined) byTable.set(table, (s = { table, provisional: table.warnOnly === true }));
    return s;
  };
}

/**
 * The finding for a code under a table: none for a parcel code or a code the table replaced. Text is judged without
 * its surrounding whitespace (`stripSpaces`): `"LUC "` is a right code whose stray space `trimmed` reports.
 */
export function judgeLandUseCode(table: LandUseCodeTable, v: unknown): { code: string; params: { scheme: string } } | undefined {
  const code = typeof v === 'string' ? stripSpaces(v) : String(v);
  if (parcelCodes(table).has(code) || Object.hasOwn(table.entries.replaced, code)) return undefined;
  const params = { scheme: table.version };
  if (table.entries.groups.includes(code)) return { code: 'group_land_use_code', params };
  return { code: 'unknown_land_use_code', params };
}
