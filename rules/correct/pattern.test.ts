import { describe, expect, it } from 'vitest';
import { pattern } from './pattern.js';
import { codes } from '../../test/_ctx.js';

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
});
