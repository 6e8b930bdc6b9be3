import { describe, expect, it } from 'vitest';
import { compilePattern, MAX_PATTERN_LENGTH } from './_regex.js';

describe('compilePattern', () => {
  it.each([['^\\d{12}$'], ['^P-\\d{3}$'], ['^(\\d{3}-)?\\d{7}$']])('accepts the safe pattern %s', (source) => {
    expect(compilePattern(source)).toBeInstanceOf(RegExp);
  });

  it.each([
    ['(a+)+$', 'nested quantifier'],
    ['^(a{1,30}){1,30}$', 'nested quantifier'],
    ['(a|a)*$', 'repeated alternation'],
    ['(', 'invalid regular expression'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'longer than'],
  ])('refuses %s (%s)', (source, reason) => {
    const r = compilePattern(source);
    expect(typeof r).toBe('string');
    expect(r).toContain(reason);
  });

  it('keeps the flags', () => {
    const r = compilePattern('^abc$', 'i');
    expect(r instanceof RegExp && r.test('ABC')).toBe(true);
  });
});
