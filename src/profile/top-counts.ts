/**
 * Value counts with bounded memory: exact while at most `bound` distinct values (and `maxChars` code units of them)
 * were seen, then a Misra–Gries
 * heavy-hitters summary of `capacity` counters (Misra & Gries 1982; mergeable as in Agarwal et al. 2012). In the
 * summary a count is a lower bound, below the true count by at most `error` (never more than n/(capacity+1)), and
 * every value seen more often than that error is kept.
 */
export interface TopCounts {
  readonly bound: number;
  /** Most UTF-16 code units the exact counts may hold in all (a few long values end the exact regime as early). */
  readonly maxChars: number;
  /** Code units of the values held while exact. */
  chars: number;
  readonly capacity: number;
  /** True while `counts` holds every distinct value with its exact count. */
  exact: boolean;
  counts: Map<string, number>;
  /** Values added (with multiplicity). */
  total: number;
  /** Most any count of the summary is below the true count (0 while exact). */
  error: number;
  /** The exact counts' share of a budget shared with other counters (a profile's columns), when there is one. */
  readonly budget?: ExactBudget | undefined;
}

/**
 * Exact values that counters may hold together, across columns: each counter's own bound keeps a column in check,
 * but not a file of 500,000 columns (a 2 MB header), whose exact counts took 5 GB. Past the budget, the counter
 * that adds a value leaves its exact regime (its top values are kept, its distinct count becomes an estimate).
 */
export interface ExactBudget {
  entries: number;
  chars: number;
  readonly maxEntries: number;
  readonly maxChars: number;
}

/**
 * An empty counter.
 * @example topCounts(10_000, 64).exact // true
 */
export function topCounts(bound: number, capacity: number, maxChars = DEFAULT_MAX_CHARS, budget?: ExactBudget): TopCounts {
  return { bound, maxChars, chars: 0, capacity, exact: true, counts: new Map(), total: 0, error: 0, budget };
}

/** 4 Mi code units (8 MB) of exact values per counter by default. */
const DEFAULT_MAX_CHARS = 4 * 1024 * 1024;
/** In the summary a value is kept by its first 1 000 code units, so 64 counters never hold more than that each. */
const SUMMARY_KEY = 1000;

/**
 * Counts one value. Returns the exact counts when this value ended the exact regime (every distinct value seen, this
 * one included: what a distinct-count sketch made only then is built from), else undefined.
 * @example const t = topCounts(2, 1); countValue(t, 'a'); t.counts.get('a') // 1
 */
export function countValue(t: TopCounts, text: string): Map<string, number> | undefined {
  t.total++;
  const value = t.exact || text.length <= SUMMARY_KEY ? text : `${text.slice(0, SUMMARY_KEY)}…`;
  const c = t.counts.get(value);
  if (c !== undefined) {
    t.counts.set(value, c + 1);
    return undefined;
  }
  if (t.exact) {
    t.counts.set(value, 1);
    t.chars += value.length;
    const b = t.budget;
    if (b !== undefined) {
      b.entries++;
      b.chars += value.length;
    }
    const spent = b !== undefined && (b.entries > b.maxEntries || b.chars > b.maxChars);
    return t.counts.size > t.bound || t.chars > t.maxChars || spent ? _summarise(t) : undefined;
  }
  if (t.counts.size < t.capacity) {
    t.counts.set(value, 1);
    return undefined;
  }
  // Misra–Gries: a new value when every counter is taken decrements them all (it and one of each cancel out).
  t.error++;
  for (const [k, n] of t.counts) {
    if (n <= 1) t.counts.delete(k);
    else t.counts.set(k, n - 1);
  }
  return undefined;
}

/**
 * The counts of both inputs' values together (a new counter): exact when both are and the union is within the bound.
 * @example mergeCounts(a, b).total === a.total + b.total // true
 */
export function mergeCounts(a: TopCounts, b: TopCounts): TopCounts {
  const counts = new Map(a.counts);
  for (const [k, n] of b.counts) counts.set(k, (counts.get(k) ?? 0) + n);
  let chars = 0;
  for (const k of counts.keys()) chars += k.length;
  const t: TopCounts = {
    bound: a.bound, maxChars: a.maxChars, chars, capacity: a.capacity, exact: a.exact && b.exact, counts, total: a.total + b.total,
    error: a.error + b.error,
  };
  if (!t.exact || counts.size > t.bound || chars > t.maxChars) _summarise(t);
  return t;
}

/**
 * The `n` most frequent values, most frequent first (ties by value, so the order is the same on every run).
 * @example topValues(t, 3) // [['Nam', 1021], ['Nữ', 979]]
 */
export function topValues(t: TopCounts, n: number): [string, number][] {
  return [...t.counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, n);
}

/**
 * Leaves the exact regime: keeps the `capacity` largest counts, each less the (capacity+1)-th (Misra–Gries reduce),
 * gives the exact counts' share of the budget back, and returns those counts.
 */
function _summarise(t: TopCounts): Map<string, number> {
  const exact = t.counts;
  if (t.exact && t.budget !== undefined) {
    t.budget.entries -= exact.size;
    t.budget.chars -= t.chars;
  }
  t.exact = false;
  t.chars = 0;
  const sorted = [...exact].sort((x, y) => y[1] - x[1]);
  const cut = sorted.length > t.capacity ? (sorted[t.capacity] as [string, number])[1] : 0;
  t.error += cut;
  t.counts = new Map();
  for (const [k, n] of sorted.slice(0, t.capacity)) {
    if (n <= cut) continue;
    const key = k.length <= SUMMARY_KEY ? k : `${k.slice(0, SUMMARY_KEY)}…`;
    t.counts.set(key, (t.counts.get(key) ?? 0) + n - cut);
  }
  return exact;
}
