import { describe, expect, it } from 'vitest';
import { compilePattern, MAX_PATTERN_LENGTH } from './_regex.js';

describe('compilePattern', () => {
  it.each([
    ['^\\d{12}$'],
    ['^P-\\d{3}$'],
    ['^(\\d{3}-)?\\d{7}$'],
    ['^(\\d{2}\\.){3}\\d+$'],
    ['^(?:\\d{2}\\.)+\\d$'],
    ['^(?:,|\\.)*$'],
    ['^(ab|cd)*$'],
    ['^(a?){3}$'],
    ['^[(]+$'],
    ['^(a{1,5}){2}$'],
  ])('accepts the safe pattern %s', (source) => {
    expect(compilePattern(source)).toBeInstanceOf(RegExp);
  });

  it.each([
    ['(a+)+$', 'nested quantifier'],
    ['^(\\w+\\s?)+$', 'nested quantifier'],
    ['([a-z]+)*', 'nested quantifier'],
    ['(x*){2,}', 'nested quantifier'],
    ['(?<n>a+)+', 'nested quantifier'],
    ['((a)+)+', 'nested quantifier'],
    ['(a{1,5})+', 'nested quantifier'],
    ['(a|a)*$', 'repeated alternation'],
    ['((a|a))*', 'repeated alternation'],
    ['(ab|ac)*', 'repeated alternation'],
    ['(?:[A-Z]|\\d)+', 'repeated alternation'],
    ['(A|a)+', 'repeated alternation', 'i'],
    ['(', 'invalid regular expression'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'longer than'],
  ])('refuses %s (%s)', (source, reason, flags = '') => {
    const r = compilePattern(source, flags);
    expect(typeof r).toBe('string');
    expect(r).toContain(reason);
  });

  it('keeps the flags', () => {
    const r = compilePattern('^abc$', 'i');
    expect(r instanceof RegExp && r.test('ABC')).toBe(true);
  });
});
