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
});
