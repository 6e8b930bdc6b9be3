import { valueRule } from '../../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import { BHYT_OBJECT_CODES, bhytObject, hasWarnOnlyEntries, type BhytObjectTable } from '../tables/bhyt-object-codes.js';
import { warnOnlyOptions } from '../_warn-only.js';
import { DATED_OPTIONS, checkDatedOptions, tableFor, type DatedOptions } from './_at.js';
import { parseBhyt } from './bhyt.js';
import { identifierText } from './_text.js';

export interface BhytTableOptions extends RuleOptions, DatedOptions<BhytObjectTable> {}

const MESSAGES = {
  unknown_object_code: {
    en: '{field}: "{value}" has object code {objectCode}, which is not in the object-code table {version}',
    vi: '{field}: "{value}" có mã đối tượng {objectCode}, không có trong danh mục mã đối tượng {version}',
  },
  unverified_object_code: {
    en: '{field}: "{value}" has object code {objectCode}, seen in practice but not confirmed by a legal text',
    vi: '{field}: "{value}" có mã đối tượng {objectCode}, gặp trong thực tế nhưng chưa được xác nhận bằng văn bản pháp lý',
  },
};

/**
 * The object code of a well-formed card code is in the object-code table in force (DOMAIN-VN §2.5): unknown →
 * `unknown_object_code`; a code seen in practice but unverified (AK, LH, TG…) → `unverified_object_code`. Both
 * are warnings. The table is `tableAt(tables, date)` with the date from `dateField` (e.g. the card's valid-from),
 * else `at`, else the run's date (`ctx.today`); when no table is in force the value passes. Values that are not well-formed card
 * codes pass (see `bhyt()`); missing values never reach the rule. Criterion correct, severity warning; `error` is
 * refused while the tables hold unverified codes (the shipped ones do), allowed with verified tables of your own.
 * @example field.text().use(bhyt(), bhytObjectCode({ dateField: 'card_valid_from' })) // "ZZ4010123456789" → unknown_object_code
 */
export function bhytObjectCode(options: BhytTableOptions = {}): ValueRule {
  checkDatedOptions('bhytObjectCode', options);
  return valueRule({ options: DATED_OPTIONS, name: 'bhytObjectCode', criterion: 'correct', messages: MESSAGES,
    quotingParams: ['objectCode'] }, (value, ctx) => {
    const text = identifierText(value);
    const parts = text === undefined ? undefined : parseBhyt(text);
    const table = parts === undefined ? undefined : tableFor(options, BHYT_OBJECT_CODES, ctx);
    if (parts === undefined || table === undefined) return undefined;
    const entry = bhytObject(table.entries, parts.objectCode);
    const params = { objectCode: parts.objectCode, version: table.version };
    if (entry === undefined) return { code: 'unknown_object_code', params };
    return entry.verified ? undefined : { code: 'unverified_object_code', params };
  }, hasWarnOnlyEntries(options.tables ?? BHYT_OBJECT_CODES)
    ? warnOnlyOptions('bhytObjectCode', 'object codes seen in practice but unverified', options)
    : { severity: 'warning', ...options });
}
