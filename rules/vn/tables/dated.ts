/**
 * Dated reference data: every Vietnamese code table changes with the law (DOMAIN-VN §0), so a table carries the
 * period it is valid for and its legal source, and rules select the table in force at a date.
 */

/** A reference table with its validity period (ISO dates, inclusive, UTC calendar days) and legal source. */
export interface DatedTable<E> {
  /** Scheme name, e.g. `'2025-07-01'`. */
  readonly version: string;
  /** First day the table is in force (`yyyy-MM-dd`). */
  readonly validFrom: string;
  /** Last day the table is in force (`yyyy-MM-dd`); absent while it is current. */
  readonly validTo?: string;
  /** The legal text (or official list) the entries come from. */
  readonly source: string;
  readonly entries: E;
}

/**
 * The table in force on `date` (compared as a UTC calendar day): among the tables whose period contains the day,
 * the one that started last. `undefined` when none covers the day (before the first table) or `date` is invalid.
 * @example tableAt(provinceTables, new Date('2025-07-01'))?.version // '2025-07-01'
 * @example tableAt(provinceTables, new Date('2020-01-01'))?.version // '2008-08-01'
 */
export function tableAt<E>(tables: readonly DatedTable<E>[], date: Date): DatedTable<E> | undefined {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return undefined;
  const year = date.getUTCFullYear();
  // Years outside 0000–9999 do not compare as ISO text; clamp them to the ends of the calendar.
  const day = year > 9999 ? '9999-12-31' : year < 0 ? '0000-01-01' : date.toISOString().slice(0, 10);
  let best: DatedTable<E> | undefined;
  for (const t of tables) {
    if (t.validFrom > day) continue;
    if (t.validTo !== undefined && t.validTo < day) continue;
    if (best === undefined || t.validFrom > best.validFrom) best = t;
  }
  return best;
}
