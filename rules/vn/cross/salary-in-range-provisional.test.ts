import { describe, expect, it } from 'vitest';
import { salaryInRangeProvisional } from './salary-in-range-provisional.js';
import { codes, day, runRecord } from './_testkit.js';

const provisional = salaryInRangeProvisional({ salary: 'contribution_salary', month: 'contribution_month' });
const row = (salary: number, month: string) => ({ contribution_salary: salary, contribution_month: day(`${month}-01`) });

describe('salaryInRangeProvisional', () => {
  it('is a warning judging only the [warn-only] ceiling from 07/2026', () => {
    expect(provisional.severity).toBe('warning');
    expect(provisional.when?.(row(50_000_000, '2026-06'))).toBe(false);
    expect(provisional.when?.(row(50_000_000, '2026-07'))).toBe(true);
  });

  it.each([
    [50_600_000, '2026-07', []], [50_600_001, '2026-07', ['salary_above_cap']], [48_000_000, '2027-01', []],
    [1_000_000, '2026-08', []],
  ])('judges %d in %s as %j', (salary, month, expected) => {
    expect(codes(runRecord(provisional, row(salary, month)))).toEqual(expected);
  });
});
