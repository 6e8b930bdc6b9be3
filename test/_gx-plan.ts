/**
 * Which Great Expectations cases the conformance suite does not run and why, which GX errors ddss raises too, and
 * where ddss deliberately differs. gx-cases.test.ts asserts these tables against the fixtures, so a new case is
 * either run or listed here, never dropped.
 */
import type { View } from './_gx.js';

/** `backend`: GX's runner does not generate it for pandas. `error`: it expects GX to raise, with no ddss counterpart. */
export type Exclusion = readonly [id: string, kind: 'backend' | 'error', why: string];

const SNOWFLAKE = 'the same case with `^a.*` for Snowflake, whose REGEXP must match the whole value; the pandas case runs';
const BAD_BOUND = 'a bound that is not a number ("quack", and no column): ddss bounds are typed numbers, so TypeScript refuses it';
const PARSER = 'GX refuses the condition parser "bad_parser"; ddss\'s `when` is a function, with no parser to name';

export const EXCLUDED: readonly Exclusion[] = [
  ['expect_column_value_lengths_to_be_between: test_error_handling_for_non_int_min_value', 'error', BAD_BOUND],
  ['expect_column_value_lengths_to_be_between: test_error_handling_for_non_int_max_value', 'error', BAD_BOUND],
  ['expect_column_value_lengths_to_be_between: test_conditional_expectation_parser_errors', 'error', PARSER],
  ['expect_column_value_lengths_to_equal: positive_test_integer_length_1_postgres', 'backend',
    'PostgreSQL only: its length() refuses an integer column'],
  ['expect_column_value_lengths_to_equal: test_conditional_expectation_parser_errors', 'error', PARSER],
  ...['', '_again', '_once_more'].map((s): Exclusion => [`expect_column_values_to_be_between: error:_improperly_mixed_types${s}`, 'error',
    'GX refuses to compare a column of numbers and text ("abc") with numbers; in ddss a column has one declared type (a ' +
    'number field reports "abc" as invalid_type and bounds it no further)']),
  ['expect_column_values_to_be_between: error:_missing_both_min_value_and_max_value', 'error',
    'ddss has no between rule to leave without bounds: min and max are separate rules, and here there are none'],
  ['expect_column_values_to_be_between: error_on_string-to-int_comparisons', 'error',
    'GX refuses to compare the text "1"…"10" with numbers; ddss types a column by its declaration: a number field ' +
    'reads "1" as 1 (a number given as text is a number), a text field is not compared with numbers'],
  ['expect_column_values_to_be_between: test_conditional_expectation_parser_errors', 'error', PARSER],
  ['expect_column_values_to_be_in_set: test_conditional_expectation_parser_errors', 'error', PARSER],
  ['expect_column_values_to_be_unique: negative_case_all_null_values_bigquery_nones', 'backend',
    'BigQuery only: it reads the nulls as the text "None"'],
  ['expect_column_values_to_be_unique: positive_integer_column_name', 'backend', 'Spark only (a column named 0)'],
  ['expect_column_values_to_be_unique: positive_spark_headerless_column_name', 'backend', 'Spark only (its _c0 column names)'],
  ...['negative_test_insufficient_mostly_and_one_non_matching_value', 'positive_test_exact_mostly_w_one_non_matching_value',
    'positive_test_column_name_has_space', 'positive_test_sufficient_mostly_w_one_non_matching_value',
    'negative_test_one_missing_value_and_insufficent_mostly', 'positive_test_one_missing_value_and_exact_mostly',
    'positive_test_one_missing_value_and_sufficent_mostly', 'positive_test_all_missing_values', 'positive_test_all_missing_values_mostly',
  ].map((t): Exclusion => [`expect_column_values_to_match_regex: ${t}__snowflake`, 'backend', SNOWFLAKE]),
  ['expect_column_values_to_not_be_in_set: value_error_spark_cannot_support_values_set_is_null', 'backend',
    'Spark (v2 API) only: it cannot hold a null in a value set'],
  ['expect_column_values_to_not_be_in_set: raise_typeerror_when_values_set_is_missing', 'error',
    'a value set that is null: notOneOf takes an iterable, so TypeScript refuses it'],
  ...['negative_test_insufficient_mostly_and_one_non_matching_value', 'positive_test_exact_mostly_w_one_non_matching_value',
    'positive_test_sufficient_mostly_w_one_non_matching_value', 'negative_test_one_missing_value_and_insufficent_mostly',
  ].map((t): Exclusion => [`expect_column_values_to_not_match_regex: ${t}__snowflake`, 'backend', SNOWFLAKE]),
  ['expect_compound_columns_to_be_unique: unexpected_values_exact_match_out_with_unexpected_index_list_pandas_v2_api', 'backend',
    'GX\'s retired v2 API only; its v3 twin, with the same counts, runs'],
  ['expect_table_row_count_to_be_between: test_error_handling_for_non_int_min_value', 'error', BAD_BOUND],
  ['expect_table_row_count_to_be_between: test_error_handling_for_non_int_max_value', 'error', BAD_BOUND],
];

/** GX cases that expect an error which ddss raises too, when the definition is built: its message, by case. */
export const REFUSED: Readonly<Record<string, RegExp>> = {
  'expect_compound_columns_to_be_unique: mostly_set_incorrectly': /^ddss: rule "a\+b\.unique": threshold must be in \[0, 1\], got 1\.1$/,
  'expect_column_value_lengths_to_be_between: test_error_handling_for_both_null_max_and_min_values': /^ddss: length needs min or max$/,
  'expect_table_row_count_to_be_between: test_error_handling_for_min_greater_than_max': /^ddss: rowCount: min \(1\) is greater than max \(0\)$/,
  // A field's min and max are two rules; defineDataset sees both, as GX's between does.
  'expect_column_values_to_be_between: test_min_value_is_greater_than_max_value': /^ddss: field "x": min \(10\) is greater than max \(0\)$/,
  // GX cannot take len() of an integer; ddss measures text only (an integer's text has lost its leading zeros).
  'expect_column_value_lengths_to_be_between: test_error_handling_values_are_integers':
    /^ddss: field "s4": length applies to text, enum and any fields only, not number$/,
};

/** A case whose outcome in ddss deliberately differs from GX's: what ddss gives instead, and why. */
export interface Difference {
  readonly ddss: View;
  readonly why: string;
}

// GX calls a check of nothing a success (vacuous truth); ddss reports the rule `skipped`, which no output counts as
// passed (test/skipped-not-passed.test.ts): a register whose column is empty has not shown that its values are right.
const VACUOUS: Difference = { ddss: { status: 'skipped', rows: [], values: [] },
  why: 'no value was checked (all missing, an empty column, or no row selected): ddss reports skipped, not passed' };

export const DIFFERENT: Readonly<Record<string, Difference>> = {
  'expect_column_values_to_be_in_set: test_conditional_expectation_passes': VACUOUS,
  'expect_column_values_to_be_in_set: test_empty_column_should_be_vacuously_true': { ...VACUOUS, ddss: { status: 'skipped' } },
  'expect_column_values_to_be_unique: positive_case_all_null_values': VACUOUS,
  'expect_column_values_to_match_regex: positive_test_all_missing_values': VACUOUS,
  'expect_column_values_to_match_regex: positive_test_all_missing_values_mostly': VACUOUS,
  'expect_column_values_to_not_match_regex: positive_test_all_missing_values': VACUOUS,
  'expect_column_values_to_not_match_regex: positive_test_all_missing_values_mostly': VACUOUS,
  // GX's own between and row-count expectations refuse a minimum above the maximum, and so do ddss's length and
  // rowCount (and YAML definitions): such a rule fails every value whatever the data, a mistake of the definition.
  'expect_column_value_lengths_to_be_between: negative_test_with_max_lt_min': {
    ddss: { status: 'refused', error: 'ddss: length: min (1) is greater than max (0)' },
    why: 'ddss refuses a length rule whose min is greater than its max when it is built; GX fails every value',
  },
  // A rule built on nothing checks nothing (GX: vacuously true) or fails every value whatever the data: ddss refuses
  // it when it is built, a mistake of the definition (test/regressions/empty-lists.test.ts).
  'expect_table_row_count_to_be_between: vacuously_true': {
    ddss: { status: 'refused', error: 'ddss: rowCount needs min or max; without either every table passes' },
    why: 'ddss refuses a row count without bounds, which would pass every table; GX calls it a success',
  },
  'expect_column_values_to_be_in_set: empty_value_set': {
    ddss: { status: 'refused', error: 'ddss: oneOf needs at least one value; with none every value would fail' },
    why: 'ddss refuses an empty value set, which would fail every value; GX fails them',
  },
  'expect_column_values_to_be_in_set: negative_empty_values_set': {
    ddss: { status: 'refused', error: 'ddss: oneOf needs at least one value; with none every value would fail' },
    why: 'ddss refuses an empty value set, which would fail every value; GX fails them',
  },
  'expect_column_values_to_not_be_in_set: positive_empty_values_set': {
    ddss: { status: 'refused', error: 'ddss: notOneOf needs at least one value; with none it would check nothing' },
    why: 'ddss refuses an empty forbidden set, which would check nothing; GX calls it a success',
  },
  // A listed value no value of the field can equal (null: missing values never reach the list) makes a forbidden set
  // that forbids nothing: ddss refuses it when the dataset is defined (src/core/field-problem.test.ts).
  'expect_column_values_to_not_be_in_set: positive_test_values_set_is_null': {
    ddss: { status: 'refused', error: 'ddss: field "n": notOneOf lists null, which is not a number: no value of a number field ever equals it' },
    why: 'ddss refuses a forbidden set whose value no cell can equal, which would check nothing; GX calls it a success',
  },
};
