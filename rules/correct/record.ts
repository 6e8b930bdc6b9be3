import { customCheckArgs } from '../../src/core/arg-kind.js';
import { recordRule, type OwnOptionKeys } from '../../src/core/rule-base.js';
import type { CheckResult, Criterion, RecordRule, RuleContext, RuleOptions, TypedRow } from '../../src/core/types.js';
import type { MessageTable } from '../../src/core/message.js';

/**
 * Options of `rule.record`: the common rule options, plus the fields the check needs and its code and messages.
 * @example const o: RecordOptions = { fields: ['registered', 'issued'], code: 'dates_out_of_order' };
 */
export interface RecordOptions<K extends string = string, R = TypedRow> extends Omit<RuleOptions, 'when'> {
  /** The rule applies only to rows where this holds (the typed row, as the check's). */
  readonly when?: (row: R) => boolean;
  /** Run only on rows where all these fields hold a valid value (others are not counted in `checked`). */
  readonly fields?: readonly K[];
  /** The code reported when the check returns `false`. Default `check_failed`. */
  readonly code?: string;
  /** Messages of this rule's codes, in both locales. */
  readonly messages?: MessageTable;
  readonly criterion?: Criterion;
}

/**
 * The row a record check sees: the fields it names in `fields` always hold a valid value, never `undefined`.
 * @example type R = RowWith<{ readonly a: Date | undefined }, 'a'>; // a: Date
 */
export type RowWith<R, K extends PropertyKey> = [K] extends [never] ? R : string extends K ? R
  : Omit<R, K> & { readonly [P in K & keyof R]-?: Exclude<R[P], undefined> };

/**
 * A cross-field check on the typed row: return `true`/nothing to pass, `false` to fail with `code`, or findings
 * naming their own codes and fields. Default criterion `correct` (cross-field consistency). Inside the `rules` of
 * `defineDataset`, `row` is the definition's typed row (each field `T | undefined`); the fields named in `fields` are
 * never `undefined` (the rule runs only where they hold a valid value), and `fields` must name fields of the row.
 * A finding that names no field carries the declared `fields` (joined by `, `) and their raw values (each masked
 * when personal), and the default message quotes them: `registered, issued: "2024-03-01, 2023-05-02" fails check
 * dates_ordered`.
 * @example
 * rule.record('dates_ordered', (r) => r.registered_at <= r.gcn_issue_date,
 *   { fields: ['registered_at', 'gcn_issue_date'], code: 'dates_out_of_order' })
 */
export function record<R = TypedRow, const K extends keyof R & string = never>(id: string,
  check: (row: RowWith<R, K>, ctx: RuleContext) => CheckResult, options: RecordOptions<K, R> = {}): RecordRule<R> {
  customCheckArgs('rule.record(id, check, options?)', id, 'check', check);
  return recordRule<R>({
    name: id, criterion: 'correct', code: options.code ?? 'check_failed', options: OWN_OPTIONS,
    ...(options.fields ? { fields: options.fields } : {}),
    messages: { ...(options.fields?.length ? {} : WHOLE_RECORD), ...options.messages },
    // The validator runs the check only where every field of `fields` holds a valid value: the narrowing is exact.
  }, check as (row: R, ctx: RuleContext) => CheckResult, options as RuleOptions);
}

// What `options` holds besides the common rule options (`when` is one, typed on the row here).
const OWN_OPTIONS: Readonly<Record<OwnOptionKeys<RecordOptions>, true>> = { fields: true, code: true, messages: true };

// A check that declares no fields reads the whole record: its finding has no field or value to quote.
const WHOLE_RECORD: MessageTable = {
  check_failed: { en: 'the record fails check {rule}', vi: 'bản ghi không đạt kiểm tra {rule}' },
};
