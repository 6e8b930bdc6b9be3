import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';
import { MAY_DECOMPOSE, textFacts } from '../clean/_text-facts.js';
import { stripSpaces } from '../../src/core/strip-spaces.js';
import { listArg } from '../../src/core/format-args.js';

export interface OneOfOptions extends RuleOptions {
  /** Compare case-insensitively (after `toLocaleLowerCase('vi')`). */
  readonly caseInsensitive?: boolean;
  /**
   * Compare text without its surrounding whitespace (what `trimmed` reports, `stripSpaces`): `"Nam "` is `Nam`. Pair it
   * with `.trimmed()`, which reports the whitespace (clean): a listed value with a stray space is then one clean
   * finding, not also a correctness one. Default false: text is compared as given.
   */
  readonly trim?: boolean;
}

/**
 * The value is one of a list (Great Expectations' `expect_column_values_to_be_in_set`). Missing values are not
 * checked; numbers and dates are compared by value, text exactly unless `caseInsensitive` or `trim` — and in Unicode
 * NFC: a decomposed `"Nữ"` (typed with a combining-accent keyboard) is the listed `Nữ`, the same text by Unicode
 * canonical equivalence, so its form is a clean finding (`.nfc()`), not a correctness one. An empty list throws when
 * the rule is built (every value would fail). With `trim`, its params say `trim: true`.
 * @example field.text().oneOf(['Nam', 'Nữ']) // "nam" → not_in_set; "Nữ".normalize('NFD') passes (add .nfc() to flag it)
 * @example field.text().trimmed().oneOf(['Nam', 'Nữ'], { trim: true }) // "Nam " → surrounding_whitespace (trimmed) only
 */
export function oneOf(values: Iterable<unknown>, options: OneOfOptions = {}): ValueRule {
  const list = nonEmpty('oneOf', values, 'every value would fail');
  const { set, has } = membership(list, options);
  return valueRule({ options: OWN_OPTIONS, name: 'oneOf', criterion: 'correct', code: 'not_in_set',
    params: { allowed: preview(list), ...trimParam(options) }, valueParams: ['allowed'], fingerprint: fingerprintOf(set) },
    (v) => has(v), options);
}

/**
 * The value is none of a list (`expect_column_values_to_not_be_in_set`), e.g. known placeholder IDs; compared as
 * `oneOf` compares (`caseInsensitive`, `trim`, NFC). An empty list throws when the rule is built (it would check
 * nothing).
 * @example field.text().notOneOf(['000000000000'])
 */
export function notOneOf(values: Iterable<unknown>, options: OneOfOptions = {}): ValueRule {
  const list = nonEmpty('notOneOf', values, 'it would check nothing');
  const { set, has } = membership(list, options);
  return valueRule({ options: OWN_OPTIONS, name: 'notOneOf', criterion: 'correct', code: 'forbidden_value',
    params: { forbidden: preview(list), ...trimParam(options) }, valueParams: ['forbidden'], fingerprint: fingerprintOf(set) },
    (v) => !has(v), options);
}

const OWN_OPTIONS = { caseInsensitive: true, trim: true } as const;

/** `{ trim: true }` when asked: a list compared trimmed judges other values, which the params (and signature) say. */
function trimParam(options: OneOfOptions): { trim?: true } {
  return options.trim === true ? { trim: true } : {};
}

/**
 * The list as compared, and its membership test: the value as given first (the common case, one lookup), and only
 * when that misses, its text trimmed (`trim`) and in NFC against the listed texts in NFC. Text that cannot be
 * decomposed (ASCII, precomposed Vietnamese) skips the normalisation, so a list of codes pays nothing for it.
 */
function membership(list: readonly unknown[], options: OneOfOptions): { set: ReadonlySet<unknown>; has: (v: unknown) => boolean } {
  const norm = normalizer(options.caseInsensitive === true);
  const set = new Set(list.map(norm));
  const composed = list.some((x) => typeof x === 'string' && x !== x.normalize('NFC'))
    ? new Set(list.map((x) => norm(typeof x === 'string' ? x.normalize('NFC') : x))) : set;
  const trim = options.trim === true;
  const has = (v: unknown): boolean => {
    if (set.has(norm(v))) return true;
    if (typeof v !== 'string') return false;
    const t = trim ? stripSpaces(v) : v;
    const n = (textFacts(t) & MAY_DECOMPOSE) === 0 ? t : t.normalize('NFC');
    return (t !== v || n !== t || composed !== set) && composed.has(norm(n));
  };
  return { set, has };
}

/** The list, refused when empty: a rule built on no values is a mistake (an empty `field.enum([])` too). */
function nonEmpty(rule: string, values: Iterable<unknown>, why: string): unknown[] {
  const list = listArg(rule, values);
  if (list.length === 0) throw new Error(`ddss: ${rule} needs at least one value; with none ${why}`);
  return list;
}

/**
 * How values are compared: a Date by its time (two Date objects of one day are never the same object, so a date
 * field's `oneOf` failed every value), text folded when asked.
 */
function normalizer(fold: boolean): (v: unknown) => unknown {
  return (v) => (v instanceof Date ? v.getTime() : fold && typeof v === 'string' ? v.toLocaleLowerCase('vi') : v);
}

/** The whole list as compared (`preview` shows twelve values), for the definition's signature. */
function fingerprintOf(set: ReadonlySet<unknown>): unknown[] {
  return [...set].map((v) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** A short, readable rendering of a value list for messages and reports (dates in ISO 8601). */
export function preview(list: readonly unknown[]): string {
  const shown = list.slice(0, 12).map((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : String(v))).join(', ');
  return list.length > 12 ? `${shown}, … (${list.length} values)` : shown;
}
