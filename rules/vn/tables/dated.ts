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
  /**
   * The entries are not verified against that text (DOMAIN-VN **[warn-only]**): a finding that rests on this table
   * is a warning, never an error (rules refuse `severity: 'error'` or leave such rows to a warning companion).
   */
  readonly warnOnly?: boolean;
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
  // Rules ask for every row (often with the same `now`): answer from a per-list memo (a few comparisons of day
  // numbers) rather than format an ISO day and scan the list each time. The memo is dropped when the list or a
  // period was changed.
  const memo = memoFor(tables);
  if (ms === memo.lastMs) return memo.last;
  const dayNo = Math.floor(ms / DAY_MS);
  const starts = memo.starts;
  if (starts !== null) {
    let k = 0;
    while (k < starts.length && dayNo >= (starts[k] as number)) k++;
    memo.lastMs = ms;
    memo.last = memo.answers[k];
    return memo.last;
  }
  let best = memo.byDay.get(dayNo);
  if (best === undefined && !memo.byDay.has(dayNo)) {
    best = scan(tables, date);
    if (memo.byDay.size >= MAX_DAYS) memo.byDay.clear();
    memo.byDay.set(dayNo, best);
  }
  memo.lastMs = ms;
  memo.last = best;
  return best;
}

const DAY_MS = 86_400_000;
/** Distinct days remembered per list before the memo starts over (bounds memory on adversarial dates). */
const MAX_DAYS = 1 << 16;

interface Memo<E> {
  /** The list's tables and their periods when the memo was built: any change invalidates it. */
  readonly seen: readonly (readonly [DatedTable<E>, string, string | undefined])[];
  /**
   * The days on which the table in force can change (each start, each day after an end), ascending, and the table in
   * force before the first (`answers[0]`) and from each one on (`answers[k + 1]`): a few comparisons answer a day.
   * `null` when a period is not a calendar day written `yyyy-MM-dd` (compared as text then: `byDay` answers).
   */
  readonly starts: Float64Array | null;
  readonly answers: readonly (DatedTable<E> | undefined)[];
  readonly byDay: Map<number, DatedTable<E> | undefined>;
  lastMs: number;
  last: DatedTable<E> | undefined;
}

const memos = new WeakMap<object, Memo<unknown>>();

/**
 * The lists asked about most recently and their memos, looked through before the `WeakMap`: a row asks about the
 * same few lists again and again (provinces, land-use codes), and comparing a handful of references costs less than
 * a `WeakMap` lookup. Holds at most `RECENT` lists (module constants, as a rule).
 */
const RECENT = 4;
const recentLists: (readonly DatedTable<unknown>[])[] = [];
const recentMemos: Memo<unknown>[] = [];

function memoFor<E>(tables: readonly DatedTable<E>[]): Memo<E> {
  for (let i = 0; i < recentLists.length; i++) {
    if (recentLists[i] === tables) {
      const m = recentMemos[i] as Memo<E>;
      if (unchanged(m, tables)) return m;
      break;
    }
  }
  let memo = memos.get(tables) as Memo<E> | undefined;
  if (memo === undefined || !unchanged(memo, tables)) {
    memo = { seen: tables.map((t) => [t, t.validFrom, t.validTo] as const), ...steps(tables), byDay: new Map(), lastMs: Number.NaN, last: undefined };
    memos.set(tables, memo as Memo<unknown>);
  }
  const at = recentLists.indexOf(tables as readonly DatedTable<unknown>[]);
  if (at >= 0) recentMemos[at] = memo as Memo<unknown>;
  else {
    if (recentLists.length >= RECENT) {
      recentLists.shift();
      recentMemos.shift();
    }
    recentLists.push(tables as readonly DatedTable<unknown>[]);
    recentMemos.push(memo as Memo<unknown>);
  }
  return memo;
}

function unchanged<E>(memo: Memo<E>, tables: readonly DatedTable<E>[]): boolean {
  if (memo.seen.length !== tables.length) return false;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i] as DatedTable<E>;
    // Indexed rather than destructured: this runs on every call, and array destructuring goes through an iterator.
    const seen = memo.seen[i] as readonly [DatedTable<E>, string, string | undefined];
    if (t !== seen[0] || t.validFrom !== seen[1] || t.validTo !== seen[2]) return false;
  }
  return true;
}

/** The step function of {@link Memo}: `scan` asked once per stretch of days over which its answer cannot change. */
function steps<E>(tables: readonly DatedTable<E>[]): Pick<Memo<E>, 'starts' | 'answers'> {
  const days: number[] = [];
  for (const t of tables) {
    const from = dayOf(t.validFrom);
    const to = t.validTo === undefined ? Infinity : dayOf(t.validTo);
    if (from === undefined || to === undefined) return { starts: null, answers: [] };
    days.push(from);
    if (to !== Infinity) days.push(to + 1);
  }
  const starts = [...new Set(days)].sort((a, b) => a - b);
  // Days outside 0000–9999 fall in the first or last stretch, which `scan` (clamping such years) answers alike.
  const at = (day: number) => scan(tables, new Date(day * DAY_MS));
  return { starts: Float64Array.from(starts), answers: [at((starts[0] ?? 0) - 1), ...starts.map(at)] };
}

/** The day number of a `yyyy-MM-dd` calendar day, or undefined when the text is anything else. */
function dayOf(text: unknown): number | undefined {
  const ms = calendarDayMs(text);
  return ms === undefined ? undefined : ms / DAY_MS;
}

/**
 * UTC midnight of a calendar day written `yyyy-MM-dd`, or undefined for anything else. `Date` reads 2025-02-30 as
 * 2 March: only a day that comes back as written is one.
 * @example calendarDayMs('2024-02-29') // 1709164800000; calendarDayMs('2025-02-30') // undefined
 */
export function calendarDayMs(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? undefined : ms;
}

/**
 * Throws for a table of `tables` (the caller's own, given as an option) whose `validFrom` or `validTo` is no
 * calendar day `yyyy-MM-dd`, or ends before it starts. Why: periods were compared as text, so `2025-02-30` or
 * `1/7/2025` chose a table on days nobody meant, without a word.
 * @example checkDatedTables('province', [{ version: 'x', validFrom: '2025-02-30', source: '', entries: [] }]) // throws
 */
export function checkDatedTables(rule: string, tables: readonly DatedTable<unknown>[] | undefined): void {
  for (const t of tables ?? []) {
    for (const key of ['validFrom', 'validTo'] as const) {
      const text = t[key];
      if ((key === 'validFrom' || text !== undefined) && calendarDayMs(text) === undefined) {
        throw new Error(`ddss: ${rule}: table ${JSON.stringify(t.version)}: ${key} must be a calendar date yyyy-MM-dd, got ${JSON.stringify(text)}`);
      }
    }
    if (t.validTo !== undefined && t.validTo < t.validFrom) {
      throw new Error(`ddss: ${rule}: table ${JSON.stringify(t.version)}: validTo ${t.validTo} is before validFrom ${t.validFrom}`);
    }
  }
}

/** The selection itself: ISO day text compared with the periods (what the memo caches). */
function scan<E>(tables: readonly DatedTable<E>[], date: Date): DatedTable<E> | undefined {
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
