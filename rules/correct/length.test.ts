import { describe, expect, it } from 'vitest';
import { length } from './length.js';
import { codes } from '../../test/_ctx.js';

describe('length', () => {
  const rule = length({ min: 2, max: 6 });
  it.each([
    ['ab', []], ['Nguyễn', []], ['a', ['too_short']], ['Nguyễnn', ['too_long']], ['😀😀', []],
  ])('%j → %j', (v, expected) => expect(codes(rule, v)).toEqual(expected));

  // A definition mistake no value could pass (min > max) or that checks nothing (no bound) was a rule that failed
  // every value or passed every value; YAML definitions already refused both, and GX refuses them
  // (expect_column_value_lengths_to_be_between: test_error_handling_for_both_null_max_and_min_values).
  it.each([
    [{ min: 3, max: 1 }, /ddss: length: min \(3\) is greater than max \(1\)/],
    [{}, /ddss: length needs min or max/],
    // Set no bound, so every value passed: a misspelt key, NaN, a string.
    [{ maxx: 3 }, /ddss: length: "maxx" is not a bound \(min, max\)/],
    [{ max: Number.NaN }, /ddss: length: max must be a whole number ≥ 0, got NaN/],
    [{ min: '3' }, /ddss: length: min must be a whole number ≥ 0, got "3"/],
  ])('refuses the bounds %j when the rule is built', (bounds, message) => {
    expect(() => length(bounds as never)).toThrow(message);
  });

  it('takes min equal to max: an exact length', () => {
    expect(codes(length({ min: 2, max: 2 }), 'abc')).toEqual(['too_long']);
  });
});
