import { describe, expect, it } from 'vitest';
import { typedCellScanner, type TypedCells } from './typed-cells.js';

/** The text `chunks` pass as, and the cells recorded. */
function scan(chunks: readonly string[]): { text: string; cells: TypedCells } {
  const cells: TypedCells = new Map();
  const s = typedCellScanner(cells);
  const text = chunks.map((c) => s.scan(c)).join('') + s.end();
  return { text, cells };
}

describe('typedCellScanner', () => {
  const xml = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
    '<c r="AB2" s="3" t="b"><f>TRUE()</f><v>1</v></c></row>';

  it('records errors and booleans by row and column, and hands an error over as text', () => {
    const { text, cells } = scan([xml]);
    expect(text).toBe(xml.replace('r="B2" t="e"', 'r="B2" t="str"'));
    expect(cells).toEqual(new Map([[2, new Map([[2, 'e'], [28, 'b']])]]));
  });

  it('records a date (t="d") and hands it over as text: exceljs read its ISO text with parseFloat (the year)', () => {
    const d = '<c r="C4" t="d"><v>2024-03-05T00:00:00</v></c>';
    expect(scan([d])).toEqual({ text: d.replace('t="d"', 't="str"'), cells: new Map([[4, new Map([[3, 'd']])]]) });
  });

  it.each([1, 7, 20, 33, 45, 60])('gives the same when the text is cut at %d, inside a tag', (cut) => {
    expect(scan([xml.slice(0, cut), xml.slice(cut)])).toEqual(scan([xml]));
  });

  it('sees cell tags named with a prefix (`<x:c>`, as the .NET Open XML SDK writes)', () => {
    const prefixed = xml.replace(/<(\/?)(?=[a-z])/g, '<$1x:');
    for (const cut of [0, 20, 37, 52]) {
      const { text, cells } = scan([prefixed.slice(0, cut), prefixed.slice(cut)]);
      expect(text).toBe(prefixed.replace('r="B2" t="e"', 'r="B2" t="str"'));
      expect(cells).toEqual(new Map([[2, new Map([[2, 'e'], [28, 'b']])]]));
    }
  });

  it('leaves other text as it is: a cell without a reference, t="e" in a value, other types', () => {
    const other = '<c t="e"><v>#N/A</v></c><c r="C3" t="inlineStr"><is><t>t="e"</t></is></c><c r="D3"><v>1</v></c>';
    expect(scan([other])).toEqual({ text: other, cells: new Map() });
  });
});
