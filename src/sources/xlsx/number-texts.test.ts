import { describe, expect, it } from 'vitest';
import { numberTexts } from './number-texts.js';

/** What the pass hands on for `chunks`, fed one by one. */
function passed(chunks: readonly string[]): string {
  const s = numberTexts();
  return chunks.map((c) => s.scan(c)).join('') + s.end();
}

describe('numberTexts', () => {
  it.each([
    ['numbers, unchanged', ['<c r="A1"><v>12</v></c><c r="B1"><v>-1.5E+3</v></c>'], '<c r="A1"><v>12</v></c><c r="B1"><v>-1.5E+3</v></c>'],
    ['a decimal comma, as text', ['<c r="A1" s="2"><v>1,5</v></c>'], '<c r="A1" s="2" t="str"><v>1,5</v></c>'],
    ['t="n" with no number, as text', ['<c r="A1" t="n"><v>1.2.3</v></c>'], '<c r="A1" t="str"><v>1.2.3</v></c>'],
    ['a formula result, as text', ['<c r="A1"><f>B1</f><v>7 m²</v></c>'], '<c r="A1" t="str"><f>B1</f><v>7 m²</v></c>'],
    ['a cell cut across chunks', ['<row r="1"><c r="A1"><v>1,', '5</v></c></row>'], '<row r="1"><c r="A1" t="str"><v>1,5</v></c></row>'],
    ['a cell whose tag is cut across chunks', ['<c r="A1" ', 's="1"><v>1,5</v></c>'], '<c r="A1" s="1" t="str"><v>1,5</v></c>'],
    ['text and shared strings, unchanged', ['<c r="A1" t="s"><v>3</v></c><c r="B1" t="str"><v>a,b</v></c>'], '<c r="A1" t="s"><v>3</v></c><c r="B1" t="str"><v>a,b</v></c>'],
    ['an integer of more digits than a number holds, as text', ['<c r="A1"><v>12345678901234567890</v></c>'], '<c r="A1" t="str"><v>12345678901234567890</v></c>'],
    ['an integer of 16 digits a number holds, unchanged', ['<c r="A1"><v>1234567890123450</v></c>'], '<c r="A1"><v>1234567890123450</v></c>'],
    ['an empty cell before, unchanged', ['<c r="A1" s="1"/>', '<c r="B1"><v>2</v></c>'], '<c r="A1" s="1"/><c r="B1"><v>2</v></c>'],
  ])('%s', (_, chunks, expected) => {
    expect(passed(chunks)).toBe(expected);
  });
});
