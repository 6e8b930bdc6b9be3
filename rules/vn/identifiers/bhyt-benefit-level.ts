import { valueRule } from '../../../src/core/rule-base.js';
import type { ValueRule } from '../../../src/core/types.js';
import { BHYT_OBJECT_CODES, bhytObject, hasWarnOnlyEntries } from '../tables/bhyt-object-codes.js';
import { warnOnlyOptions } from '../_warn-only.js';
import { DATED_OPTIONS, checkDatedOptions, tableFor } from './_at.js';
import type { BhytTableOptions } from './bhyt-object-code.js';
import { parseBhyt } from './bhyt.js';
import { identifierText } from './_text.js';

const MESSAGES = {
  benefit_level_mismatch: {
    en: '{field}: "{value}" has benefit level {level}, but object code {objectCode} has level {expected} (table {version})',
    vi: '{field}: "{value}" có mức hưởng {level}, nhưng mã đối tượng {objectCode} có mức hưởng {expected} (danh mục {version})',
  },
};

/**
 * The benefit level of a well-formed card code is the default level of its object code in the table in force
 * (DOMAIN-VN §2.5; e.g. HT → 3, QN → 5, CN → 3, and 2 from 1/1/2026 [warn-only]). The table is chosen as in
 * `bhytObjectCode` (`dateField`, else `at`, else the run's date). Unknown and unverified object codes, values that are not
 * card codes and dates with no table in force pass; missing values never reach the rule.
 * Code: `benefit_level_mismatch`. Criterion correct, severity warning; `error` is refused while a table holds an
 * unverified level (`warnOnlyLevel`, the shipped 2026 table's CN), allowed with verified tables of your own.
 * @example field.text().use(bhytBenefitLevel({ dateField: 'card_valid_from' })) // "HT4010123456789" → benefit_level_mismatch (HT is level 3)
 */
export function bhytBenefitLevel(options: BhytTableOptions = {}): ValueRule {
  checkDatedOptions('bhytBenefitLevel', options);
  return valueRule({ options: DATED_OPTIONS, name: 'bhytBenefitLevel', criterion: 'correct', messages: MESSAGES,
    quotingParams: ['objectCode', 'level'] }, (value, ctx) => {
    const text = identifierText(value);
    const parts = text === undefined ? undefined : parseBhyt(text);
    const table = parts === undefined ? undefined : tableFor(options, BHYT_OBJECT_CODES, ctx);
    if (parts === undefined || table === undefined) return undefined;
    const expected = bhytObject(table.entries, parts.objectCode)?.defaultLevel;
    if (expected === undefined || expected === parts.benefitLevel) return undefined;
    return {
      code: 'benefit_level_mismatch',
      params: { objectCode: parts.objectCode, level: parts.benefitLevel, expected, version: table.version },
    };
  }, hasWarnOnlyEntries(options.tables ?? BHYT_OBJECT_CODES, true)
    ? warnOnlyOptions('bhytBenefitLevel', 'the benefit level of CN from 1/1/2026', options)
    : { severity: 'warning', ...options });
}
