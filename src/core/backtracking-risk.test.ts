import { describe, expect, it } from 'vitest';
import { backtrackingRisk } from './backtracking-risk.js';

describe('backtrackingRisk', () => {
  it.each([
    ['^\\d{12}$'],
    ['^P-\\d{3}$'],
    ['^(\\d{3}-)?\\d{7}$'],
    ['^(\\d{2}\\.){3}\\d+$'],
    ['^(?:\\d{2}\\.)+\\d$'],
    ['^(?:,|\\.)*$'],
    ['^(ab|cd)*$'],
    ['^(?:a|bc){1,30}$'],
    ['^[(]+$'],
    ['^(\\d+)?$'],
    ['^(a{3}){0,1}$'],
    ['^(?:[A-Z]\\d{2}){2,4}$'],
    ['^\\d+\\d+$'], // polynomial in one value's length: not this check's business
    ['^a{2,}b*$'],
    ['^[a-z{]+$'],
    ['^a{,5}$'], // not a quantifier in a non-unicode pattern: the text "{,5}"
  ])('finds no risk in %s', (source) => {
    expect(backtrackingRisk(source)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', 'nested quantifier: the group "(a+)", whose width varies, is repeated by "+"'],
    ['^(\\w+\\s?)+$', 'nested quantifier'],
    ['([a-z]+)*', 'nested quantifier'],
    ['(x*){2,}', 'nested quantifier'],
    ['(?<n>a+)+', 'nested quantifier'],
    ['((a)+)+', 'nested quantifier'],
    ['(a{1,5})+', 'nested quantifier'],
    // Bounded repetitions are refused too: each can split the text anew, so the ways multiply.
    ['^(a{1,30}){1,30}$', 'nested quantifier: the group "(a{1,30})", whose width varies, is repeated by "{1,30}"'],
    ['^(.*a){20}$', 'nested quantifier: the group "(.*a)", whose width varies, is repeated by "{20}"'],
    ['^(a?){3}$', 'nested quantifier'],
    ['^(a{1,5}){2}$', 'nested quantifier'],
    ['^(?:x(?:ab)?){2}$', 'nested quantifier'],
    ['^((a+)b){2,3}?$', 'nested quantifier'],
    ['(a|a)*$', 'repeated alternation'],
    ['((a|a))*', 'repeated alternation'],
    ['(ab|ac)*', 'repeated alternation'],
    ['(a|a){30}', 'repeated alternation'],
    ['(?:[A-Z]|\\d)+', 'repeated alternation'],
    ['(a|)+', 'nested quantifier'],
    ['(|a){2}', 'nested quantifier'],
    ['(A|a)+', 'repeated alternation', 'i'],
  ])('refuses %s (%s)', (source, reason, flags = '') => {
    expect(backtrackingRisk(source, flags)).toContain(reason);
  });

  it('quotes a long group shortened', () => {
    expect(backtrackingRisk(`(${'a'.repeat(60)}+)+`)).toContain(`"(${'a'.repeat(36)}…"`);
  });
});
