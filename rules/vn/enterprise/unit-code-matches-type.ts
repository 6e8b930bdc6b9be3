import { recordRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { splitMst } from '../identifiers/mst.js';
import { identifierText } from '../identifiers/_text.js';
import { DEPENDENT_UNITS, ENTERPRISE_FORMS } from './_types.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface UnitCodeFields {
  /** The enterprise code (tax code) column. */
  readonly code: string;
  /** The type column. */
  readonly type: string;
}

export interface UnitCodeMatchesTypeOptions extends RuleOptions {
  /** Type values of dependent units (branch, representative office). Default `['CN', 'VPDD']`. */
  readonly units?: readonly string[];
  /** Type values of enterprises (the code's owner). Default the five forms of Luật Doanh nghiệp 2020. */
  readonly enterprises?: readonly string[];
}

const messages: MessageTable = {
  unit_without_branch_code: {
    en: '{field}: "{value}" is a 10-digit enterprise code, but a dependent unit ({type}) has its parent\'s code followed by -001…-999',
    vi: '{field}: "{value}" là mã số doanh nghiệp 10 chữ số, nhưng đơn vị phụ thuộc ({type}) phải có mã của doanh nghiệp chủ quản kèm -001…-999',
  },
  enterprise_with_branch_code: {
    en: '{field}: "{value}" is a dependent unit\'s code, but the record is an enterprise ({type}), whose code has 10 digits',
    vi: '{field}: "{value}" là mã đơn vị phụ thuộc, nhưng bản ghi là doanh nghiệp ({type}), có mã số 10 chữ số',
  },
};

/**
 * An enterprise's code and its type agree (Luật Doanh nghiệp 2020 Điều 29, TT 105/2020/TT-BTC Điều 5; DOMAIN-VN §8):
 * an enterprise (`TNHH1TV`, `TNHH2TV`, `CP`, `HD`, `DNTN`) has a 10-digit code, a dependent unit (`CN` branch, `VPDD`
 * representative office) its parent's 10 digits and a 3-digit unit number. Otherwise `enterprise_with_branch_code` or
 * `unit_without_branch_code` on the code column. Codes that are not tax codes, and types in neither list, pass
 * (`mst()` and the type's code list report them). Criterion correct.
 * @example vn.unitCodeMatchesType({ code: 'enterprise_code', type: 'type' }) // CN + "0100109106" → unit_without_branch_code
 */
export function unitCodeMatchesType(fields: UnitCodeFields, options: UnitCodeMatchesTypeOptions = {}): RecordRule {
  const units = new Set(options.units ?? DEPENDENT_UNITS);
  const enterprises = new Set(options.enterprises ?? ENTERPRISE_FORMS);
  return recordRule({
    options: { units: true, enterprises: true }, name: 'unitCodeMatchesType', criterion: 'correct', code: 'unit_without_branch_code', fields: [fields.code, fields.type],
    messages, params: { units: [...units], enterprises: [...enterprises] }, quotingParams: ['type'],
  }, (row) => {
    const text = identifierText(row[fields.code]);
    const type = row[fields.type];
    const parts = text === undefined ? undefined : splitMst(text);
    if (parts === undefined || typeof type !== 'string') return undefined;
    const t = stripSpaces(type);
    if (units.has(t) && parts.branch === undefined) return { code: 'unit_without_branch_code', field: fields.code, params: { type: t } };
    if (enterprises.has(t) && parts.branch !== undefined) return { code: 'enterprise_with_branch_code', field: fields.code, params: { type: t } };
    return undefined;
  }, options);
}
