import { describe, expect, it } from 'vitest';
import { whitespace } from './whitespace.js';
import { codes, runValue } from '../cross/_testkit.js';

describe('whitespace', () => {
  it.each([['Hà Nội'], ['Số 12, ngõ 34 phố Huế'], [''], ['Nguyễn Văn An'], ['a b c']])('accepts %j', (text) => {
    expect(runValue(whitespace(), text)).toEqual([]);
  });

  it.each([
    ['Hà\u00a0Nội', ['non_breaking_space'], 'Hà Nội'],
    ['Hà\u202fNội', ['non_breaking_space'], 'Hà Nội'],
    ['Hà\u3000Nội', ['unusual_space'], 'Hà Nội'],
    ['Hà\u200bNội', ['zero_width_character'], 'HàNội'],
    ['Ngu\u00adyễn', ['zero_width_character'], 'Nguyễn'],
    ['\ufeffHà Nội', ['byte_order_mark'], 'Hà Nội'],
    ['Hà\ufeff Nội', ['zero_width_character'], 'Hà Nội'],
    ['Hà\tNội', ['tab_character'], 'Hà Nội'],
    ['Hà\nNội', ['line_break'], 'Hà Nội'],
    ['Hà\r\nNội', ['line_break'], 'Hà Nội'],
    ['Hà  Nội', ['doubled_space'], 'Hà Nội'],
    ['Hà \u00a0Nội\t\t1', ['non_breaking_space', 'tab_character'], 'Hà Nội 1'],
  ])('reports %j as %j, suggesting %j', (text, expected, suggestion) => {
    const found = runValue(whitespace(), text);
    expect(codes(found)).toEqual(expected);
    for (const f of found) expect(f.suggestion).toBe(suggestion);
  });

  it('allows line breaks in multi-line fields, but not their other defects', () => {
    expect(runValue(whitespace({ multiline: true }), 'Dòng 1\r\nDòng 2\nDòng 3')).toEqual([]);
    expect(codes(runValue(whitespace({ multiline: true }), 'Dòng 1\n\u00a0Dòng 2'))).toEqual(['non_breaking_space']);
  });
});
