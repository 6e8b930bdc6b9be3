/**
 * The conformance tests of one family of Great Expectations expectations: every case GX runs on pandas either agrees
 * with ddss, is refused by both, or differs as `_gx-plan.ts` says (and then GX must really say otherwise).
 */
import { describe, expect, it } from 'vitest';
import { expectsError, gxCases, gxView, type GxCase } from './_gx.js';
import { cut, runCase } from './_gx-run.js';
import { DIFFERENT, EXCLUDED, REFUSED } from './_gx-plan.js';

/** The expectations each conformance test file runs (gx-cases.test.ts checks every fixture's is here once). */
export const FAMILIES = {
  'gx-column-values': ['expect_column_values_to_not_be_null', 'expect_column_values_to_be_in_set',
    'expect_column_values_to_not_be_in_set', 'expect_column_values_to_be_between'],
  'gx-text': ['expect_column_value_lengths_to_be_between', 'expect_column_value_lengths_to_equal',
    'expect_column_values_to_match_regex', 'expect_column_values_to_not_match_regex'],
  'gx-table': ['expect_column_values_to_be_unique', 'expect_compound_columns_to_be_unique', 'expect_table_row_count_to_be_between'],
} as const;

const excluded = new Set(EXCLUDED.map(([id]) => id));

/** The cases of these expectations that the suite runs: all but the excluded ones. */
export function runCases(expectations: readonly string[]): GxCase[] {
  return gxCases().filter((c) => expectations.includes(c.expectation) && !excluded.has(c.id));
}

export function gxSuite(family: keyof typeof FAMILIES): void {
  const cases = runCases(FAMILIES[family]);
  const agreeing = cases.filter((c) => !expectsError(c) && DIFFERENT[c.id] === undefined);
  const refused = cases.filter((c) => expectsError(c) && DIFFERENT[c.id] === undefined);
  const different = cases.filter((c) => DIFFERENT[c.id] !== undefined);

  describe(`Great Expectations conformance: ${FAMILIES[family].join(', ')}`, () => {
    it.each(agreeing.map((c) => [c.id, c] as const))('%s: ddss agrees with GX', async (_id, c) => {
      const want = gxView(c);
      expect(cut(await runCase(c), want)).toEqual(want);
    });

    it.each(refused.map((c) => [c.id, c] as const))('%s: ddss refuses the definition, as GX raises', async (id, c) => {
      const got = await runCase(c);
      expect(got.status).toBe('refused');
      // A case GX expects to raise runs only when ddss names the same mistake (REFUSED), else it is excluded.
      expect(got.error).toMatch(REFUSED[id] ?? /^no REFUSED entry$/);
    });

    it.each(different.map((c) => [c.id, c] as const))('%s: ddss differs from GX on purpose', async (id, c) => {
      const { ddss } = DIFFERENT[id] as NonNullable<(typeof DIFFERENT)[string]>;
      expect(cut(await runCase(c), ddss)).toEqual(ddss);
      // The entry must stay a difference: were GX to expect what ddss gives, it belongs with the agreeing cases.
      const gx = gxView(c);
      expect({ ...gx, ...ddss }).not.toEqual(gx);
    });
  });
}
