import { describe, expect, it } from 'vitest';
import { shape } from './shape.js';

describe('shape', () => {
  it.each([
    ['12056', '99999'],
    ['AB 234567', 'AA 999999'],
    ['0100109106-001', '9999999999-999'],
    ['29/11/2019', '99/99/9999'],
    ['Nguyễn Văn A', 'AAAAAA AAA A'],
    ['Hoa\u0300', 'AAA'],
    ['+84 912.345', '+99 999.999'],
    ['', ''],
    ['x'.repeat(50), `${'A'.repeat(40)}…`],
  ])('%j → %j', (value, expected) => {
    expect(shape(value)).toBe(expected);
  });
});
