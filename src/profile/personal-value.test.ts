import { describe, expect, it } from 'vitest';
import { personalValue } from './personal-value.js';

describe('personalValue', () => {
  it.each<[string, boolean]>([
    ['001089012345', true],
    ['001 089 012345', true],
    ['079.199.012345', true],
    ['123456789', true],
    ['0912.345.678', true],
    ['+84 912 345 678', true],
    ['001389012345', true],
    ['TE1121200000017', true],
    ['an.nguyen@gmail.com', true],
    ['0100109106', false],
    ['00001', false],
    ['12/03/1990', false],
    ['Nam', false],
    ['1 234', false],
  ])('%s → %s', (text, expected) => {
    expect(personalValue(text)).toBe(expected);
  });
});
