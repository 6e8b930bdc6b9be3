import { recordRule } from '../../../src/core/rule-base.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { warnOnlyOptions } from '../_warn-only.js';
import { SALARY_MESSAGES, SALARY_OPTIONS, salaryCheck, salaryKinds, type SalaryFields, type SalaryTablesOptions } from './_salary.js';

export type SalaryInRangeProvisionalOptions = RuleOptions & SalaryTablesOptions;

/**
 * The companion of `salaryInRange` for bounds that rest on **[warn-only]** figures (DOMAIN-VN §5: the base salary of
 * 2,530,000 from 1/7/2026, so a ceiling of 50,600,000): same codes, severity `warning` (`error` is refused), and it checks only those
 * bounds. From 07/2026 the ceiling is judged here and the floor (verified) by `salaryInRange`. Months without a
 * warn-only bound are not counted. When the figure is confirmed, mark its table verified and drop this rule.
 * Field types as `salaryInRange` (a number salary, a date month), refused otherwise when the dataset is defined.
 * @example vn.salaryInRangeProvisional({ salary: 'contribution_salary', month: 'contribution_month' }) // 51,000,000 in 08/2026 → salary_above_cap (warning)
 */
export function salaryInRangeProvisional(fields: SalaryFields, options: SalaryInRangeProvisionalOptions = {}): RecordRule {
  const c = salaryCheck(fields, options, true);
  const user = options.when;
  return recordRule({
    options: SALARY_OPTIONS, name: 'salaryInRangeProvisional', criterion: 'correct', code: 'salary_above_cap',
    fields: [fields.salary, fields.month], messages: SALARY_MESSAGES, params: { region: options.region ?? 'IV' },
    quotingParams: ['month'], fieldKinds: salaryKinds(fields),
  }, c.check, { ...warnOnlyOptions('salaryInRangeProvisional', 'the announced base salary from 1/7/2026', options), when: (row) => c.applies(row) && (user === undefined || user(row)) });
}
