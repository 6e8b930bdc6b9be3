import type { MessageTable } from '../../../src/core/message.js';
import type { AggregateRule, RuleOptions, TypedRow } from '../../../src/core/types.js';
import { uniqueBy } from '../../clean/unique-by.js';
import { canonicalName } from '../canonical.js';
import { ENTERPRISE_FORMS, isOneOf } from './_types.js';

export interface EnterpriseNameFields {
  /** The enterprise-name column. */
  readonly name: string;
  /** The province-code column. */
  readonly province: string;
  /** The status column. */
  readonly status: string;
  /** The type column. */
  readonly type: string;
}

export interface EnterpriseNameUniqueOptions extends RuleOptions {
  /** Status values of enterprises in operation. Default `['active']`. */
  readonly active?: readonly string[];
  /** Type values of enterprises (dependent units are named after theirs). Default the five forms of Luật DN 2020. */
  readonly enterprises?: readonly string[];
}

const messages: MessageTable = {
  duplicate_value: {
    en: '{field}: "{value}" is the name of {count} active enterprises of one province',
    vi: '{field}: "{value}" là tên của {count} doanh nghiệp đang hoạt động trong cùng một tỉnh',
  },
};

/**
 * No two active enterprises of a province share a name (Luật Doanh nghiệp 2020 Điều 41; DOMAIN-VN §8): `uniqueBy`
 * over (name, province) among rows whose status is active and whose type is an enterprise form, names compared by
 * `canonical.name` (case, spacing and the tone placement `Hòa`/`Hoà` never make two names distinct). Every row of a
 * group is `duplicate_value`. Dependent units carry their enterprise's name (Điều 40) and are not compared; rows
 * missing the name or province are skipped. Id `<name>+<province>.unique`; criterion clean, severity warning (the
 * register may hold names approved before the rule).
 * @example vn.enterpriseNameUnique({ name: 'name', province: 'province_code', status: 'status', type: 'type' })
 */
export function enterpriseNameUnique(fields: EnterpriseNameFields, options: EnterpriseNameUniqueOptions = {}):
  AggregateRule<unknown, TypedRow> {
  const active = new Set(options.active ?? ['active']);
  const enterprises = new Set(options.enterprises ?? ENTERPRISE_FORMS);
  const user = options.when;
  const { active: _a, enterprises: _e, ...rest } = options;
  const rule = uniqueBy([fields.name, fields.province], {
    severity: 'warning', ...rest, normalize: { [fields.name]: canonicalName },
    when: (row) => isOneOf(row[fields.status], active) && isOneOf(row[fields.type], enterprises) && (user === undefined || user(row)),
  });
  return { ...rule, messages } as AggregateRule<unknown, TypedRow>;
}
