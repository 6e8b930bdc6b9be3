import { describe, expect, it } from 'vitest';
import { length } from './length.js';
import { codes } from '../../test/_ctx.js';

describe('length', () => {
  const rule = length({ min: 2, max: 6 });
  it.each([
    ['ab', []], ['Nguyễn', []], ['a', ['too_short']], ['Nguyễnn', ['too_long']], ['😀😀', []],
  ])('%j → %j', (v, expected) => expect(codes(rule, v)).toEqual(expected));
});
