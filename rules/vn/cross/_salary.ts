import { checkDatedTables, tableAt, type DatedTable } from '../tables/dated.js';
import {
  baseSalaryTables, CONTRIBUTION_CAP_MULTIPLE, regionalMinimumWageTables, type BaseSalaryEntry, type Region,
  type RegionalMinimumWageEntry,
} from '../tables/salary.js';
import type { Finding, TypedRow } from '../../../src/core/types.js';
import { DATES, NUMBERS, kindsByField, type FieldKind } from '../../../src/core/field-kinds.js';
import { monthText, vnd } from './_values.js';

/** Which salary tables a contribution-salary rule reads. */
export interface SalaryTablesOptions {
  /** Region whose minimum wage is the floor. Default `'IV'` (the lowest, DOMAIN-VN §7). */
  readonly region?: Region;
  /** Replace the shipped base-salary tables. */
  readonly baseSalary?: readonly DatedTable<BaseSalaryEntry>[];
  /** Replace the shipped regional minimum-wage tables. */
  readonly minimumWage?: readonly DatedTable<RegionalMinimumWageEntry>[];
}

/** The keys of `SalaryTablesOptions`, as the salary rules declare them (see `RuleMeta.options`). */
export const SALARY_OPTIONS: Readonly<Record<keyof SalaryTablesOptions, true>> = { region: true, baseSalary: true, minimumWage: true };

export interface SalaryFields {
  /** The contribution salary column (VND, a number). */
  readonly salary: string;
  /** The contribution month column (a date field, e.g. `field.date('MM/yyyy')`). */
  readonly month: string;
}

/**
 * The field kinds both salary rules read: a text salary is never a number, a text month never a Date, and every
 * row of either passed.
 * @example salaryKinds({ salary: 'contribution_salary', month: 'contribution_month' }) // { contribution_salary: NUMBERS, contribution_month: DATES }
 */
export function salaryKinds(fields: SalaryFields): Readonly<Record<string, FieldKind>> {
  return kindsByField([[fields.salary, NUMBERS], [fields.month, DATES]]);
}

interface Bound {
  readonly amount: number;
  /** Built on a **[warn-only]** figure. */
  readonly warnOnly: boolean;
  readonly base?: number;
}

/** The floor (regional minimum wage) and ceiling (20 × base salary) in force in a month, when tables cover it. */
function bounds(month: Date, o: SalaryTablesOptions): { minimum?: Bound; cap?: Bound } {
  const day = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1));
  const wage = tableAt(o.minimumWage ?? regionalMinimumWageTables, day);
  const base = tableAt(o.baseSalary ?? baseSalaryTables, day);
  return {
    ...(wage === undefined ? {} : {
      minimum: { amount: wage.entries[o.region ?? 'IV'], warnOnly: wage.warnOnly === true || wage.entries.warnOnly === true },
    }),
    ...(base === undefined ? {} : {
      cap: {
        amount: base.entries.monthly * CONTRIBUTION_CAP_MULTIPLE, base: base.entries.monthly,
        warnOnly: base.warnOnly === true || base.entries.warnOnly === true,
      },
    }),
  };
}

/**
 * A salary check restricted to bounds of one certainty: verified figures (`warnOnly` false) or **[warn-only]** ones.
 * `applies` says whether the row's month has any such bound (rows without one are not counted as checked).
 */
export function salaryCheck(fields: SalaryFields, o: SalaryTablesOptions, warnOnly: boolean): {
  applies(row: TypedRow): boolean;
  check(row: TypedRow): Finding[];
} {
  checkDatedTables('salaryInRange baseSalary', o.baseSalary);
  checkDatedTables('salaryInRange minimumWage', o.minimumWage);
  const pick = (b: Bound | undefined): Bound | undefined => (b !== undefined && b.warnOnly === warnOnly ? b : undefined);
  // `applies` and `check` of both salary rules ask for every row, and a column holds few distinct months: work out
  // each month's bounds once (the dated tables are reference data, fixed for the rule's lifetime).
  const byMonth = new Map<number, { minimum: Bound | undefined; cap: Bound | undefined }>();
  const of = (row: TypedRow) => {
    const month = row[fields.month];
    if (!(month instanceof Date) || Number.isNaN(month.getTime())) return undefined;
    const key = month.getUTCFullYear() * 12 + month.getUTCMonth();
    let b = byMonth.get(key);
    if (b === undefined) {
      const all = bounds(month, o);
      const picked = { minimum: pick(all.minimum), cap: pick(all.cap) };
      if (byMonth.size >= 4096) byMonth.clear();
      byMonth.set(key, picked);
      b = picked;
    }
    return { month, minimum: b.minimum, cap: b.cap };
  };
  return {
    applies(row) {
      const b = of(row);
      return b !== undefined && (b.minimum !== undefined || b.cap !== undefined);
    },
    check(row) {
      const b = of(row);
      const salary = row[fields.salary];
      if (b === undefined || typeof salary !== 'number') return [];
      const month = monthText(b.month);
      if (b.minimum !== undefined && salary < b.minimum.amount) {
        return [{ code: 'salary_below_minimum', params: { minimum: vnd(b.minimum.amount), region: o.region ?? 'IV', month } }];
      }
      if (b.cap !== undefined && salary > b.cap.amount) {
        return [{ code: 'salary_above_cap', params: { cap: vnd(b.cap.amount), base: vnd(b.cap.base ?? 0), month } }];
      }
      return [];
    },
  };
}

export const SALARY_MESSAGES = {
  salary_below_minimum: {
    en: '{field}: {value} is below the region {region} minimum wage of {minimum} VND in force in {month}',
    vi: '{field}: {value} thấp hơn mức lương tối thiểu vùng {region} là {minimum} đồng áp dụng tháng {month}',
  },
  salary_above_cap: {
    en: '{field}: {value} is above the contribution ceiling of {cap} VND (20 × base salary {base}) in force in {month}',
    vi: '{field}: {value} cao hơn mức trần đóng BHXH {cap} đồng (20 lần lương cơ sở {base}) áp dụng tháng {month}',
  },
} as const;
