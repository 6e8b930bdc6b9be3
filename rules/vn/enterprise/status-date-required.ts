import { recordRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { VN_MISSING_VALUES } from '../dates/missing-values.js';
import { isOneOf } from './_types.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface StatusDateFields {
  /** The status column. */
  readonly status: string;
  /** The date the status took effect. */
  readonly statusDate: string;
}

export interface StatusDateRequiredOptions extends RuleOptions {
  /**
   * The statuses that need a date, compared after trimming: every status of DOMAIN-VN §8 but `active` by default
   * (`suspended`, `dissolving`, `dissolved`, `revoked`). A status outside the list (`active`, or a value the status
   * column's own code list reports) needs none.
   */
  readonly statuses?: readonly string[];
  /** Cell values that count as missing, as the dataset's `missingValues`. Default `VN_MISSING_VALUES`. */
  readonly missingValues?: readonly string[];
}

const messages: MessageTable = {
  missing_value: {
    en: '{field} is required for a record with status {status}, but missing',
    vi: '{field} là trường bắt buộc đối với bản ghi có tình trạng {status}, nhưng bị bỏ trống',
  },
};

/**
 * A record whose status is not `active` says since when (DOMAIN-VN §8: `status_date` is required unless `active`):
 * for a status of `statuses`, a missing status date — absent, blank, or a placeholder of `missingValues` — is `missing_value` on the status-date
 * column, as `required()` reports it. A date that is present but unreadable is the field's type error, not this rule's.
 * Rows without a status are not checked. A status-date column that the input's header does not have makes the rule
 * `error` (misspelt, it was a missing date on every such row). Criterion sufficient.
 * @example vn.statusDateRequired({ status: 'status', statusDate: 'status_date' }) // dissolved with "" → missing_value
 */
export function statusDateRequired(fields: StatusDateFields, options: StatusDateRequiredOptions = {}): RecordRule {
  const statuses = new Set(options.statuses ?? ['suspended', 'dissolving', 'dissolved', 'revoked']);
  const missing = new Set(options.missingValues ?? VN_MISSING_VALUES);
  return recordRule({
    options: { statuses: true, missingValues: true }, name: 'statusDateRequired', criterion: 'sufficient', code: 'missing_value', fields: [fields.status],
    messages, params: { statuses: [...statuses] }, quotingParams: ['status'],
  }, (row, ctx) => {
    const status = row[fields.status];
    // A status-date column the definition does not declare has no typed value, only its raw cell (see excelSerialIn).
    if (!isOneOf(status, statuses) || (Object.hasOwn(row, fields.statusDate) && row[fields.statusDate] !== undefined)) return undefined;
    const raw = ctx.raw(fields.statusDate);
    const text = typeof raw === 'string' ? stripSpaces(raw) : raw;
    const absent = text === undefined || text === null || text === '' || (typeof text === 'string' && missing.has(text));
    return absent ? { code: 'missing_value', field: fields.statusDate, params: { status: stripSpaces(status as string) } } : undefined;
  }, options);
}
