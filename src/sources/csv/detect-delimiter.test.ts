import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.js';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1;2', false, ','],
    ['a;b;c\n', false, ';'],
    ['a\tb\tc;d\r\n', false, '\t'],
    ['"a;b;c",d,e\n', false, ','],
    ['"a\nb";c\n', false, ';'],
    ['single\n', false, ','],
    ['a;b', false, undefined],
    ['a;b', true, ';'],
    ['', true, ','],
  ] as const)('%j (complete: %s) → %j', (text, final, delimiter) => {
    expect(detectDelimiter(text, final)).toBe(delimiter);
  });
});
