import { describe, expect, it } from 'vitest';
import { numberValue } from './_number.js';

describe('numberValue', () => {
  it.each([
    ['0', 0],
    ['-7', -7],
    ['42', 42],
    ['1.5', 1.5],
    ['-0.25e2', -25],
    ['1E3', 1000],
    ['123456789012345', 123456789012345],
    ['0.000000000000001', 1e-15],
    ['1000000000000000000000', 1e21],
    ['1.50000000000000000000', 1.5],
  ])('keeps %s as the number %d', (text, value) => {
    expect(numberValue(text)).toBe(value);
  });

  it.each([
    ['001089012345', 'a leading zero'],
    ['-0012', 'a leading zero after the sign'],
    ['00.5', 'a leading zero before a fraction'],
    ['1234567890123456', '16 significant digits'],
    ['12345678901234567890', '20 significant digits'],
    ['1.0000000000000001', '17 significant digits in a fraction'],
    ['1e400', 'overflow to Infinity'],
    ['-1e400', 'overflow to -Infinity'],
    ['1e-400', 'underflow to 0'],
  ])('keeps %s as its text (%s)', (text) => {
    expect(numberValue(text)).toBe(text);
  });
});
