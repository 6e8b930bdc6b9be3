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

  // Branch starts are compared as the characters they match, not as written: each of these is (a|a)+ in disguise.
  it.each([
    ['^(a|\\x61)+$', ''],
    ['^(a|\\u0061)+$', ''],
    ['^(a|\\u{61})+$', 'u'],
    ['^(a|\\u{000061})+$', 'v'],
    ['^(\\x61|\\u0061)*$', ''],
    ['^(a|[a])+$', ''],
    ['^(a|[\\x61])+$', ''],
    ['^(a|[\\141])+$', ''], // octal, in a class of a legacy pattern
    ['^(\\f|\\0141)+$', ''], // legacy octal: \014 (a form feed), then 1
    ['^(a|\\141)+$', ''], // a back-reference or an octal code: refused either way
    ['^(a|\\a)+$', ''], // an identity escape in a legacy pattern
    ['^(\\n|\\x0a|\\cJ)+$', ''],
    ['^(\\0|\\x00)+$', ''],
    ['^(\\x08|[\\b])+$', ''], // in a class, \b is a backspace
    ['^(\\.|\\x2e)+$', ''],
    ['^(😀|\\u{1F600})+$', 'u'],
    ['^(😀|\\uD83D\\uDE00)+$', 'u'],
    ['^(a|\\x41)+$', 'i'],
    ['^(s|ſ)+$', 'iu'],
    ['^(k|\\u212A)+$', 'iu'],
  ])('refuses %s (flags %j) as a repeated alternation', (source, flags) => {
    const risk = backtrackingRisk(source, flags);
    expect(risk).toContain('repeated alternation: the group "(');
    expect(risk).toContain('whose branches can start alike');
  });

  it.each([
    ['^(\\x61|\\x62)+$', ''],
    ['^([a]|b)+$', ''],
    ['^(a|\\u{61})+$', ''], // without u, \u{61} is "u" 61 times
    ['^(😀|😁)+$', 'u'], // one code point each, unlike their first UTF-16 units
    ['^(a|\\x41)+$', ''],
    ['^(\\0|\\01)+$', ''], // NUL, then \x01
  ])('tells apart branches whose escapes match different characters: %s (flags %j)', (source, flags) => {
    expect(backtrackingRisk(source, flags)).toBeUndefined();
  });

  // In JavaScript `[]` matches nothing and `[^]` anything: the class ends at that `]`, so what follows is checked.
  it.each([['^(?:[]|(a+)+)$'], ['^[^](a+)+]$']])('reads %s with [] and [^] closed at once', (source) => {
    expect(backtrackingRisk(source)).toContain('nested quantifier: the group "(a+)"');
  });

  it('quotes a long group shortened', () => {
    expect(backtrackingRisk(`(${'a'.repeat(60)}+)+`)).toContain(`"(${'a'.repeat(36)}…"`);
  });
});
