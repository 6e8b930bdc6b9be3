import { describe, expect, it } from 'vitest';
import { trimmed } from './trimmed.js';
import { codes, ctx } from '../../test/_ctx.js';

describe('trimmed', () => {
  it.each([
    ['Hà Nội', []], [' Hà Nội', ['surrounding_whitespace']], ['Hà Nội\u00a0', ['surrounding_whitespace']],
    ['\u200bHà', ['surrounding_whitespace']], ['Hà  Nội', []], ['', []],
  ])('%j → %j', (v, expected) => expect(codes(trimmed(), v)).toEqual(expected));
  it('suggests the trimmed text', () => {
    expect(trimmed().check(' Hà Nội\t', ctx())).toEqual({ code: 'surrounding_whitespace', suggestion: 'Hà Nội' });
  });

  // Regression: the suggestion was made with JavaScript's white space, so it kept a control character or NEXT LINE
  // (U+0085) the rule itself had flagged: the suggested value had the defect it was suggested for.
  it.each([
    ['Hà Nội\u0085', 'Hà Nội'], ['\u0001Hà Nội', 'Hà Nội'], ['P01\u001b', 'P01'], ['\u0000 P01 \u007f', 'P01 \u007f'],
    ['\u200b\ufeff P01\u0085\u2028', 'P01'], ['\u001bP\u0001 01\u0085', 'P\u0001 01'], [' \u0085\u0001', ''],
  ])('suggests %j without what it flags: %j, the characters inside kept', (v, suggestion) => {
    expect(trimmed().check(v, ctx())).toEqual({ code: 'surrounding_whitespace', suggestion });
    const again = trimmed().check(suggestion, ctx());
    expect(again === undefined || (Array.isArray(again) && again.length === 0)).toBe(true);
  });
});
