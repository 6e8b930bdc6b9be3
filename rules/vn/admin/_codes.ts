import type { Finding } from '../../../src/core/types.js';
import { tableAt, type DatedTable } from '../tables/dated.js';

/** A code value as text: strings trimmed, non-negative safe integers as their digits; else undefined. */
export function codeText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return undefined;
}

/**
 * The format finding for a code that is not `width` digits: a shorter all-digit value (a lost leading zero, a numeric
 * column) gets the padded code as suggestion.
 */
export function formatFinding(code: string, text: string | undefined, width: number): Finding | undefined {
  if (text !== undefined && text.length === width && /^\d+$/.test(text)) return undefined;
  const padded = text !== undefined && /^\d+$/.test(text) && text.length < width ? text.padStart(width, '0') : undefined;
  return { code, params: { width }, ...(padded === undefined ? {} : { suggestion: padded }) };
}

const indexes = new WeakMap<object, ReadonlyMap<string, unknown>>();

/** A code → entry index of a table's entries, built once per table. */
export function indexOf<E extends { readonly code: string }>(table: DatedTable<readonly E[]>): ReadonlyMap<string, E> {
  let index = indexes.get(table);
  if (index === undefined) {
    index = new Map(table.entries.map((e) => [e.code, e]));
    indexes.set(table, index);
  }
  return index as ReadonlyMap<string, E>;
}

/**
 * Where a code stands at `date`: in the table in force (`current`), only in a table that ended before (`retired`,
 * with the last table that had it), or nowhere.
 */
export function standing<E extends { readonly code: string }>(tables: readonly DatedTable<readonly E[]>[], code: string,
  date: Date): { current?: DatedTable<readonly E[]>; now?: DatedTable<readonly E[]>; retired?: DatedTable<readonly E[]> } {
  const now = tableAt(tables, date);
  if (now !== undefined && indexOf(now).has(code)) return { current: now, now };
  const earlier = tables.filter((t) => t !== now && (now === undefined || t.validFrom < now.validFrom) && indexOf(t).has(code))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  return { ...(now === undefined ? {} : { now }), ...(earlier === undefined ? {} : { retired: earlier }) };
}
