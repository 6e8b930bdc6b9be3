import { describe, expect, it } from 'vitest';
import { salaryInRange } from './salary-in-range.js';
import { codes, day, runRecord } from './_testkit.js';

const fields = { salary: 'contribution_salary', month: 'contribution_month' };
const sure = salaryInRange(fields);
const row = (salary: number, month: string) => ({ contribution_salary: salary, contribution_month: day(`${month}-01`) });

describe('salaryInRange', () => {
  it.each([
    [3_450_000, '2024-07'], [46_800_000, '2025-06'], [10_000_000, '2025-12'], [3_700_000, '2026-01'],
    [46_800_000, '2026-06'], [36_000_000, '2024-06'], [60_000_000, '2026-07'], [3_700_000, '2026-08'],
  ])('accepts %d in %s', (salary, month) => {
    expect(runRecord(sure, row(salary, month))).toEqual([]);
  });

  it.each([
    [3_449_999, '2024-07', 'salary_below_minimum'], [46_800_001, '2025-06', 'salary_above_cap'],
    [3_600_000, '2026-01', 'salary_below_minimum'], [36_000_001, '2024-06', 'salary_above_cap'],
    [3_699_999, '2026-09', 'salary_below_minimum'],
  ])('reports %d in %s as %s', (salary, month, code) => {
    expect(codes(runRecord(sure, row(salary, month)))).toEqual([code]);
  });

  it('takes the month from any day of the month', () => {
    expect(codes(runRecord(sure, { contribution_salary: 3_600_000, contribution_month: day('2026-01-31') })))
      .toEqual(['salary_below_minimum']);
  });

  it('uses another region when asked', () => {
    const r = salaryInRange(fields, { region: 'I' });
    expect(codes(runRecord(r, row(5_000_000, '2026-03')))).toEqual(['salary_below_minimum']);
    expect(runRecord(r, row(5_310_000, '2026-03'))).toEqual([]);
  });

  it('does not judge months no table covers (not counted)', () => {
    expect(sure.when?.(row(1_000, '2023-01'))).toBe(false);
    expect(sure.when?.(row(1_000, '2023-07'))).toBe(true);
  });

  it('is an error rule that never rests on the [warn-only] base salary', () => {
    expect(sure.severity).toBe('error');
    expect(runRecord(sure, row(50_000_000, '2026-07'))).toEqual([]);
  });
});

