import { recordRule } from '../../../src/core/rule-base.js';
import { NUMBERS, kindsByField } from '../../../src/core/field-kinds.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { ENTERPRISE_FORMS, isOneOf } from './_types.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface CapitalFields {
  /** The charter-capital column (a number field, VND). */
  readonly capital: string;
  /** The type column. */
  readonly type: string;
}

export interface CapitalPositiveOptions extends RuleOptions {
  /** Type values of enterprises, which have capital. Default the five forms of Luật Doanh nghiệp 2020. */
  readonly enterprises?: readonly string[];
}

const messages: MessageTable = {
  zero_charter_capital: {
    en: '{field}: an enterprise ({type}) has a charter capital of 0; only a branch or representative office records 0',
    vi: '{field}: doanh nghiệp ({type}) có vốn điều lệ bằng 0; chỉ chi nhánh, văn phòng đại diện được ghi 0',
  },
};

/**
 * An enterprise's charter capital is more than 0 (DOMAIN-VN §8: capital ≥ 0, and 0 only for a dependent unit `CN` or
 * `VPDD`, which has no capital of its own): an enterprise type with capital 0 → `zero_charter_capital` on the capital
 * column. Negative amounts are a range error for every row (pair with `.min(0)`), so they pass here; other types and
 * rows missing either column are not judged. Criterion correct.
 * `capital` must be an integer or number field: another type is refused when the dataset is defined.
 * @example vn.capitalPositive({ capital: 'charter_capital', type: 'type' }) // CP with 0 → zero_charter_capital
 */
export function capitalPositive(fields: CapitalFields, options: CapitalPositiveOptions = {}): RecordRule {
  const enterprises = new Set(options.enterprises ?? ENTERPRISE_FORMS);
  return recordRule({
    options: { enterprises: true }, name: 'capitalPositive', criterion: 'correct', code: 'zero_charter_capital', fields: [fields.capital, fields.type],
    messages, params: { enterprises: [...enterprises] }, quotingParams: ['type'], fieldKinds: kindsByField([[fields.capital, NUMBERS]]),
  }, (row) => {
    const type = row[fields.type];
    if (row[fields.capital] !== 0 || !isOneOf(type, enterprises)) return undefined;
    return { code: 'zero_charter_capital', field: fields.capital, params: { type: stripSpaces(type as string) } };
  }, options);
}
