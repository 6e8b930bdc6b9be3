import { describe, expect, it } from 'vitest';
import { pattern } from './pattern.js';
import { notPattern } from './not-pattern.js';
import { codes } from '../../test/_ctx.js';
import { field } from '../../src/field.js';

describe('pattern', () => {
  const rule = pattern(/^\d{12}$/);
  it.each([
    ['001089012345', []], ['00108901234', ['pattern_mismatch']], ['abc', ['pattern_mismatch']], [1089012345, ['pattern_mismatch']],
  ])('%j → %j', (v, expected) => expect(codes(rule, v)).toEqual(expected));

  it('ignores global/sticky state between calls', () => {
    const g = pattern(/^a/g);
    expect(codes(g, 'a')).toEqual([]);
    expect(codes(g, 'a')).toEqual([]);
  });
  it('names its pattern in params', () => expect(rule.params).toEqual({ pattern: '/^\\d{12}$/' }));

  // Regression: the insurance built-in's kcb_registered "38239 " failed as pattern_mismatch; with `trim` (and
  // `.trimmed()` beside it) the stray space is one clean finding, not also a correctness one.
  it.each([
    ['38239 ', []], ['\ufeff38239', []], ['38239\u00a0', []], ['\t38239\r\n', []], ['38239\u200b', []], ['\u2060\u200d38239\u0085', []], ['382 39', ['pattern_mismatch']], [38239, []],
  ])('with trim, tests %j without its surrounding whitespace', (v, expected) => {
    const trimmed = pattern(/^\d{5}$/, { trim: true });
    expect(codes(trimmed, v)).toEqual(expected);
    expect(trimmed.params).toEqual({ pattern: '/^\\d{5}$/', trim: true });
  });
  it('tests text as given without trim; notPattern takes trim too', () => {
    expect(codes(pattern(/^\d{5}$/), '38239 ')).toEqual(['pattern_mismatch']);
    expect(codes(notPattern(/^0+$/, { trim: true }), '000 ')).toEqual(['matches_forbidden_pattern']);
    expect(codes(notPattern(/^0+$/), '000 ')).toEqual([]);
  });
});

describe('pattern refuses what can backtrack exponentially', () => {
  it.each([[/^(a{1,30}){1,30}$/], [/^(.*a){20}$/], [/^(a+)+$/], [/^(\d|\w)+$/], [/^(a|\x61)+$/], [/^(a|\u{61})+$/u]])('%s throws when the rule is built', (re) => {
    let message = '';
    try {
      pattern(re);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.startsWith(`ddss: pattern ${String(re)} can backtrack exponentially (`)).toBe(true);
    expect(message.endsWith('); rewrite it, or pass { unsafe: true } to accept it')).toBe(true);
  });

  it('accepts it with { unsafe: true }, and checks values as usual', () => {
    const rule = pattern(/^(a+)+$/, { unsafe: true, severity: 'warning' });
    expect(rule.severity).toBe('warning');
    expect(codes(rule, 'aaa')).toEqual([]);
    expect(codes(rule, 'aab')).toEqual(['pattern_mismatch']);
  });

  it('field specs refuse it too', () => {
    expect(() => field.text().pattern(/^(.*a){20}$/)).toThrow('can backtrack exponentially (nested quantifier');
    expect(() => field.text().pattern(/^(.*a){20}$/, { unsafe: true })).not.toThrow();
  });

  it('refuses a string with a message naming the mistake (it threw "Cannot read properties of undefined")', () => {
    expect(() => field.text().pattern('^a$' as never)).toThrow('ddss: pattern takes a RegExp (/^\\d{12}$/, or new RegExp(text)), got the string "^a$"');
    expect(() => field.text().notPattern(undefined as never)).toThrow('ddss: notPattern takes a RegExp');
  });
});

