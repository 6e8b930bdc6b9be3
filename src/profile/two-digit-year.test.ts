import { describe, expect, it } from 'vitest';
import { twoDigitYear } from './two-digit-year.js';

describe('twoDigitYear', () => {
  it.each<[string, boolean]>([
    ['29/11/19', true],
    ['3.4.20', true],
    ['12-31-99', true],
    ['01/01/00', true],
    ['29/11/2019', false],
    ['29/11/9', false],
    ['29-11/19', false],
    ['32/11/19', false],
    ['13/13/19', false],
    ['00/11/19', false],
    ['1.2.3', false],
    [' 29/11/19', false],
  ])('%j → %s', (text, expected) => expect(twoDigitYear(text)).toBe(expected));
});
