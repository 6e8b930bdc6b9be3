import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';

export interface OneOfOptions extends RuleOptions {
  /** Compare case-insensitively (after `toLocaleLowerCase('vi')`). */
  readonly caseInsensitive?: boolean;
}

/**
 * The value is one of a list (Great Expectations' `expect_column_values_to_be_in_set`). Missing values are not
 * checked; numbers and dates are compared by value, text exactly unless `caseInsensitive`. An empty list throws when
 * the rule is built (every value would fail).
 * @example field.text().oneOf(['Nam', 'Nữ']) // "nam" → not_in_set
 */
export function oneOf(values: Iterable<unknown>, options: OneOfOptions = {}): ValueRule {
  const norm = normalizer(options.caseInsensitive === true);
  const list = nonEmpty('oneOf', values, 'every value would fail');
  const set = new Set(list.map(norm));
  return valueRule({ options: { caseInsensitive: true }, name: 'oneOf', criterion: 'correct', code: 'not_in_set', params: { allowed: preview(list) },
    valueParams: ['allowed'], fingerprint: fingerprintOf(set) },
    (v) => set.has(norm(v)), options);
}

/**
 * The value is none of a list (`expect_column_values_to_not_be_in_set`), e.g. known placeholder IDs. An empty list
 * throws when the rule is built (it would check nothing).
 * @example field.text().notOneOf(['000000000000'])
 */
export function notOneOf(values: Iterable<unknown>, options: OneOfOptions = {}): ValueRule {
  const norm = normalizer(options.caseInsensitive === true);
  const list = nonEmpty('notOneOf', values, 'it would check nothing');
  const set = new Set(list.map(norm));
  return valueRule({ options: { caseInsensitive: true }, name: 'notOneOf', criterion: 'correct', code: 'forbidden_value', params: { forbidden: preview(list) },
    valueParams: ['forbidden'], fingerprint: fingerprintOf(set) },
    (v) => !set.has(norm(v)), options);
}

/** The list, refused when empty: a rule built on no values is a mistake (an empty `field.enum([])` too). */
function nonEmpty(rule: string, values: Iterable<unknown>, why: string): unknown[] {
  const list = [...values];
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
