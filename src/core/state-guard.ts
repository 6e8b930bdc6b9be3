import type { Locale } from './types.js';

/**
 * The settings of the run a validator state was made under. States made under others hold other findings (`now` and
 * the time zone decide what is in the future or stale) or other text (messages in another locale, values shown where
 * the other masks them), so merging them would make a report no single run could give.
 */
export interface StateRun {
  /** `now`, as an ISO instant. */
  readonly now: string;
  readonly timeZone: string;
  readonly locale: Locale;
  readonly showValues: boolean;
}

/**
 * How the run of state `b` differs from `a`'s, in words (`now 2030-01-01T00:00:00.000Z, not 2026-01-01T00:00:00.000Z`),
 * or undefined when they agree.
 * @example runDifference(a.run, b.run) // 'locale vi, not en'
 */
export function runDifference(a: StateRun, b: unknown): string | undefined {
  if (typeof b !== 'object' || b === null) return 'no run settings (now, timeZone, locale, showValues)';
  const other = b as Record<string, unknown>;
  const differ = (['now', 'timeZone', 'locale', 'showValues'] as const).filter((k) => other[k] !== a[k]);
  if (differ.length === 0) return undefined;
  return differ.map((k) => `${k} ${show(other[k])}, not ${show(a[k])}`).join('; ');
}

/**
 * Throws when state `b` was made under other run settings than `a`, naming each difference.
 * @example checkRun(a.run, b.run) // throws: … locale vi, not en …
 */
export function checkRun(a: StateRun, b: unknown): void {
  const differ = runDifference(a, b);
  if (differ === undefined) return;
  throw new Error(`ddss: cannot merge a state made under other run settings: ${differ}. Give every validator of a ` +
    'run the same now, timeZone, locale and showValues (an ISO now, not the clock, when they start at different times)');
}

/**
 * Why `s` is not a validator state as `state()` gives it (or a structured clone of one), or undefined: an object of
 * version 1 whose rules and sources hold row sets of typed arrays. Only the shape the merge relies on first is looked
 * at — what `JSON.parse(JSON.stringify(state))` breaks (typed arrays become objects, Maps and Sets `{}`), which made
 * the merge fail with "set.list.slice is not a function". States from files are checked in full (`checkState`).
 * @example stateShapeProblem(JSON.parse(JSON.stringify(v.state()))) // 'rules[0].failed is not a row set …'
 */
export function stateShapeProblem(s: unknown): string | undefined {
  if (typeof s !== 'object' || s === null) return `it is ${s === null ? 'null' : typeof s}, not a state`;
  const st = s as Record<string, unknown>;
  if (st.version !== 1 || typeof st.signature !== 'string') return 'it has no version 1 and signature, as a state has';
  for (const key of ['rules', 'sources'] as const) {
    const list = st[key];
    if (!Array.isArray(list)) return `its ${key} are not a list`;
    for (let i = 0; i < list.length; i++) {
      const failed = (list[i] as { failed?: { list?: unknown; bits?: unknown } } | null)?.failed;
      if (!(failed?.list instanceof Uint32Array) || !(failed.bits === null || failed.bits instanceof Uint32Array)) {
        return `${key}[${i}].failed is not a row set (its rows are not a Uint32Array)`;
      }
    }
  }
  const origins = st.origins;
  if (origins !== undefined && !(Array.isArray(origins) && origins.every((o) => typeof o === 'string'))) return 'its origins are not a list of texts';
  const groups = st.groups as { tallies?: unknown } | undefined;
  if (groups !== undefined && !(groups.tallies instanceof Map)) return 'its groups hold no Map of tallies';
  return undefined;
}

/**
 * Throws a `TypeError` saying what is wrong and what to do instead when `s` is not a state `merge` can take.
 * @example checkStateShape(JSON.parse(JSON.stringify(v.state()))) // throws: … loses its typed arrays …
 */
export function checkStateShape(s: unknown): void {
  const shape = stateShapeProblem(s);
  if (shape === undefined) return;
  throw new TypeError(`ddss: cannot merge this state: ${shape}. A state through JSON.stringify loses its typed ` +
    'arrays, Maps and Sets: merge state() itself or a structured clone of it (structuredClone, postMessage, ' +
    'v8.serialize), and to keep a shard\'s state in a file use validateShard with encodeShardState and ' +
    'decodeShardState, which mergeShards reads back');
}

/** The parts of a state that say how its records were graded (`grades`, `worstRecords`, `groupBy`, `maxGroups`). */
export interface GradingShape {
  readonly grades?: unknown;
  readonly worst?: { readonly n: number } | undefined;
  readonly groups?: { readonly field: string; readonly max: number } | undefined;
}

/**
 * Throws when state `b` graded its records otherwise than `a`, naming each difference: merged, the histogram counted
 * only one side's records, the groups mixed the values of two fields, and a worst-records list kept with a smaller N
 * lacked records a larger one keeps — a report no single run could give.
 * @example checkGrading(a, b) // throws: … grades: graded, not ungraded …
 */
export function checkGrading(a: GradingShape, b: GradingShape): void {
  const of = (s: GradingShape) => ({
    grades: s.grades === undefined ? 'ungraded' : 'graded', worstRecords: s.worst?.n ?? 'none',
    groupBy: s.groups?.field ?? 'none', maxGroups: s.groups?.max ?? 'none',
  });
  const mine = of(a);
  const theirs = of(b);
  const differ = (Object.keys(mine) as (keyof typeof mine)[]).filter((k) => mine[k] !== theirs[k]);
  if (differ.length === 0) return;
  throw new Error(`ddss: cannot merge a state graded otherwise: ${differ.map((k) => `${k}: ${theirs[k]}, not ${mine[k]}`).join('; ')}. ` +
    'Give every validator of a run the same grades, onRecord, worstRecords, groupBy and maxGroups');
}

/**
 * Throws unless `other` can be merged into the validator state `st`: not `st` itself nor a copy of it (its uniqueness
 * tables would grow while being walked, until memory ran out), a state's shape, holding no rows `st` holds already
 * (`merged`, and the states' `origins`: the same state merged twice, a structured clone of one, or one state merged
 * into two validators then merged: its rows would count twice, every key a duplicate of itself), made under the same
 * run settings and graded alike.
 * @example checkMergeable(st, other, merged) // throws: ddss: this state was merged already …
 */
export function checkMergeable(st: { readonly run: StateRun; readonly origins?: readonly string[] } & GradingShape, other: unknown,
  merged: WeakSet<object>): void {
  if (other === st) throw new Error('ddss: a validator cannot merge its own state (merge another validator\'s state())');
  checkStateShape(other);
  const s = other as { readonly run: StateRun; readonly origins?: readonly string[] } & GradingShape;
  // States made before origins were kept (a shard file of an older ddss) have none: decodeShardState gives them one.
  const mine = new Set(st.origins ?? []);
  const shared = (s.origins ?? []).filter((o) => mine.has(o));
  if (shared.includes(st.origins?.[0] as string)) {
    throw new Error('ddss: a validator cannot merge its own state, nor a copy of it, nor a state it was merged into: its rows ' +
      'would count twice (merge another validator\'s state())');
  }
  if (merged.has(s) || shared.length > 0) {
    throw new Error('ddss: this state was merged already: its rows would count twice. A validator\'s state() holds ' +
      'every row it read so far, and a copy of it (structuredClone, a worker\'s message, a state file) or a state it ' +
      'was merged into holds them too: merge each validator\'s rows once, when that validator is done');
  }
  checkRun(st.run, s.run);
  checkGrading(st, s);
}

function show(x: unknown): string {
  return typeof x === 'string' ? x : x === undefined ? 'none' : String(x);
}
