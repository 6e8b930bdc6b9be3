import { recordRule } from '../../../src/core/rule-base.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { SALARY_MESSAGES, SALARY_OPTIONS, salaryCheck, salaryKinds, type SalaryFields, type SalaryTablesOptions } from './_salary.js';

export type SalaryInRangeOptions = RuleOptions & SalaryTablesOptions;

/**
 * The mandatory social-insurance contribution salary of a month lies within [regional minimum wage, 20 × base salary]
 * in force in that month (DOMAIN-VN §5, §7; region IV by default): `salary_below_minimum` or `salary_above_cap` on
 * the salary column. Tables are selected by the month's first day. Only **verified** figures are used, because this
 * rule reports errors: where a bound rests on a [warn-only] figure (the 2,530,000 base salary from 1/7/2026), that
 * bound is left to `salaryInRangeProvisional` (warnings). Months no verified table covers (before 7/2023 for the
 * ceiling, before 7/2024 for the floor) are not checked for that bound; a row with no bound at all is not counted.
 * The salary must be an integer or number field and the month a date or datetime field: another type is refused
 * when the dataset is defined.
 * @example vn.salaryInRange({ salary: 'contribution_salary', month: 'contribution_month' }) // 3,000,000 in 03/2026 → salary_below_minimum
 */
export function salaryInRange(fields: SalaryFields, options: SalaryInRangeOptions = {}): RecordRule {
  const c = salaryCheck(fields, options, false);
  const user = options.when;
  return recordRule({
    options: SALARY_OPTIONS, name: 'salaryInRange', criterion: 'correct', code: 'salary_above_cap', fields: [fields.salary, fields.month],
    messages: SALARY_MESSAGES, params: { region: options.region ?? 'IV' }, quotingParams: ['month'], fieldKinds: salaryKinds(fields),
  }, c.check, { ...options, when: (row) => c.applies(row) && (user === undefined || user(row)) });
}
