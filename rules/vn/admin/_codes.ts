import type { Finding } from '../../../src/core/types.js';
import { tableAt, type DatedTable } from '../tables/dated.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

/** A code value as text: strings trimmed, non-negative safe integers as their digits; else undefined. */
export function codeText(v: unknown): string | undefined {
  if (typeof v === 'string') return stripSpaces(v);
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return undefined;
}

/**
 * The format finding for a code that is not `width` digits: a shorter all-digit value (a lost leading zero, a numeric
 * column) gets the padded code as suggestion.
 */
export function formatFinding(code: string, text: string | undefined, width: number): Finding | undefined {
  if (text !== undefined && text.length === width && allDigits(text)) return undefined;
  const padded = text !== undefined && allDigits(text) && text.length < width ? text.padStart(width, '0') : undefined;
  return { code, params: { width }, ...(padded === undefined ? {} : { suggestion: padded }) };
}

/**
 * Refuses commune lists a rule could only misjudge with: a list with no entries would make every code unknown, and a
 * rule handed no list would check nothing while its params claim a table. `rule` names the caller in the error.
 */
export function checkedTables<T extends DatedTable<readonly unknown[]>>(rule: string, tables: readonly T[]): readonly T[] {
  for (const t of tables) {
    if (!Array.isArray(t?.entries) || t.entries.length === 0) {
      throw new Error(`ddss: ${rule}: the commune list ${JSON.stringify(t?.version ?? '?')} has no entries (load it with loadAdminUnits)`);
    }
  }
  return tables;
}

/** What is built once per table: its code index, and the `standing` of a code it holds when it is in force. */
interface TableInfo<E> {
  readonly index: ReadonlyMap<string, E>;
  readonly inForce: Standing<E>;
}

type Standing<E> = {
  readonly current: DatedTable<readonly E[]> | undefined;
  readonly now: DatedTable<readonly E[]> | undefined;
  readonly retired: DatedTable<readonly E[]> | undefined;
};

/**
 * A standing, frozen (shared by every row that asks), made in one place. Why: the rules read `current` on every row;
 * objects of several shapes there (a code in force, a retired code, an unknown one) met one by one deoptimised the
 * field's checks, and with them the generated evaluator they are inlined into (recompiled ~100 ms, in every thread).
 */
function standingOf<E>(current: DatedTable<readonly E[]> | undefined, now: DatedTable<readonly E[]> | undefined,
  retired: DatedTable<readonly E[]> | undefined): Standing<E> {
  return Object.freeze({ current, now, retired });
}

/** `/^\d+$/` as a loop (it runs for every code cell): at least one character, all ASCII digits. */
function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

const infos = new WeakMap<object, TableInfo<unknown>>();

function infoOf<E extends { readonly code: string }>(table: DatedTable<readonly E[]>): TableInfo<E> {
  let info = infos.get(table) as TableInfo<E> | undefined;
  if (info === undefined) {
    info = { index: new Map(table.entries.map((e) => [e.code, e])), inForce: standingOf(table, table, undefined) };
    infos.set(table, info as TableInfo<unknown>);
  }
  return info;
}

/** A code → entry index of a table's entries, built once per table. */
export function indexOf<E extends { readonly code: string }>(table: DatedTable<readonly E[]>): ReadonlyMap<string, E> {
  return infoOf(table).index;
}

/**
 * Where a code stands at `date`: in the table in force (`current`), only in a table that ended before (`retired`,
 * with the last table that had it), or nowhere.
 */
export function standing<E extends { readonly code: string }>(tables: readonly DatedTable<readonly E[]>[], code: string,
  date: Date): Standing<E> {
  const now = tableAt(tables, date);
  if (now === undefined) return elsewhere(tables, undefined, code);
  // The usual answer, for every row with a current code: one shared (frozen) object per table, not one per row.
  const info = infoOf(now);
  if (info.index.has(code)) return info.inForce;
  // A retired code (in a register many rows may still carry one): answered once per code while the same table is in
  // force, rather than filtering and sorting the list for each row.
  let memo = retiredMemos.get(tables) as RetiredMemo<E> | undefined;
  if (memo?.now !== now) retiredMemos.set(tables, (memo = { now, byCode: new Map() }) as RetiredMemo<unknown>);
  let found = memo.byCode.get(code);
  if (found === undefined) {
    if (memo.byCode.size >= MAX_RETIRED) memo.byCode.clear();
    memo.byCode.set(code, (found = elsewhere(tables, now, code)));
  }
  return found;
}

/** Codes remembered per list (bounds memory on a column of arbitrary text). */
const MAX_RETIRED = 4096;

interface RetiredMemo<E> {
  readonly now: DatedTable<readonly E[]>;
  readonly byCode: Map<string, Standing<E>>;
}

const retiredMemos = new WeakMap<object, RetiredMemo<unknown>>();

/** The standing of a code the table in force (`now`) does not hold: the latest earlier table that had it, if any. */
function elsewhere<E extends { readonly code: string }>(tables: readonly DatedTable<readonly E[]>[],
  now: DatedTable<readonly E[]> | undefined, code: string): Standing<E> {
  const earlier = tables.filter((t) => t !== now && (now === undefined || t.validFrom < now.validFrom) && indexOf(t).has(code))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  return standingOf(undefined, now, earlier);
}
