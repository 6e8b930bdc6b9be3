import { recordRule } from '../../src/core/rule-base.js';
import type { CheckResult, Criterion, RecordRule, RuleContext, RuleOptions, TypedRow } from '../../src/core/types.js';
import type { MessageTable } from '../../src/core/message.js';

export interface RecordOptions extends RuleOptions {
  /** Run only on rows where all these fields hold a valid value (others are not counted in `checked`). */
  readonly fields?: readonly string[];
  /** The code reported when the check returns `false`. Default `check_failed`. */
  readonly code?: string;
  /** Messages of this rule's codes, in both locales. */
  readonly messages?: MessageTable;
  readonly criterion?: Criterion;
}

/**
 * A cross-field check on the typed row: return `true`/nothing to pass, `false` to fail with `code`, or findings
 * naming their own codes and fields. Default criterion `correct` (cross-field consistency). A finding that names no
 * field carries the declared `fields` (joined by `, `) and their raw values (each masked when personal), and the
 * default message quotes them: `registered, issued: "2024-03-01, 2023-05-02" fails check dates_ordered`.
 * @example
 * rule.record('dates_ordered', (r) => r.registered_at <= r.gcn_issue_date,
 *   { fields: ['registered_at', 'gcn_issue_date'], code: 'dates_out_of_order' })
 */
export function record(id: string, check: (row: TypedRow, ctx: RuleContext) => CheckResult, options: RecordOptions = {}): RecordRule {
  return recordRule({
    name: id, criterion: 'correct', code: options.code ?? 'check_failed',
    ...(options.fields ? { fields: options.fields } : {}),
    messages: { ...(options.fields?.length ? {} : WHOLE_RECORD), ...options.messages },
  }, check, options);
}

// A check that declares no fields reads the whole record: its finding has no field or value to quote.
const WHOLE_RECORD: MessageTable = {
  check_failed: { en: 'the record fails check {rule}', vi: 'bản ghi không đạt kiểm tra {rule}' },
};
