import { describe, expect, it } from 'vitest';
import { inlineStrings } from './inline-strings.js';

/** What the pass hands on for `chunks`, fed one by one. */
function passed(chunks: readonly string[], maxChars?: number): string {
  const s = inlineStrings((why) => new Error(why), maxChars);
  return chunks.map((c) => s.scan(c)).join('') + s.end();
}

describe('inlineStrings', () => {
  it.each([
    ['a sheet without inline strings or spaces, unchanged', ['<row r="1"><c r="A1"><v>1</v></c></row>'], '<row r="1"><c r="A1"><v>1</v></c></row>'],
    ['runs joined into one text', ['<c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>'],
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">ab</t></is></c>'],
    ['runs cut across chunks', ['<c r="A1" t="inlineStr"><is><r><t>Ngu', 'yễn </t></r><r><t', '>Văn</t></r></', 'is></c>'],
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">Nguyễn Văn</t></is></c>'],
    ['a phonetic guide left out', ['<c r="A1" t="inlineStr"><is><t>x</t><rPh sb="0" eb="1"><t>y</t></rPh><phoneticPr fontId="1"/></is></c>'],
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">x</t></is></c>'],
    ['an empty inline string kept', ['<c r="A1" t="inlineStr"><is/></c>'], '<c r="A1" t="inlineStr"><is/></c>'],
    ['the spaces laying out the XML taken out', ['<row r="1">\n  <c r="A1">\n    <v>1</v>\n  </c>\n</row>'], '<row r="1"><c r="A1"><v>1</v></c></row>'],
    ['spaces after a value at the end of a chunk taken out', ['<c r="A1" t="str"><v>x</v>\n  ', '  </c>'], '<c r="A1" t="str"><v>x</v></c>'],
    ['spaces ending a value at the end of a chunk kept', ['<c r="A1" t="str"><v>x  ', '</v></c>'], '<c r="A1" t="str"><v>x  </v></c>'],
    ['a value of spaces alone in a chunk kept', ['<c r="A1" t="str"><v>', '  ', '</v></c>'], '<c r="A1" t="str"><v>  </v></c>'],
    ['spaces after a value start at the end of a chunk kept', ['<c r="A1" t="str"><v> ', ' </v>\n</c>'], '<c r="A1" t="str"><v>  </v></c>'],
    ['a value of spaces kept, cut across chunks', ['<c r="A1" t="str"><v>', '  </v>\n</c>'], '<c r="A1" t="str"><v>  </v></c>'],
    ['a value of spaces kept, its tag in a chunk of spaces', ['<c r="A1" t="str">\n<v>', ' </v></c>'], '<c r="A1" t="str"><v> </v></c>'],
  ])('%s', (_, chunks, expected) => {
    expect(passed(chunks)).toBe(expected);
  });

  it('refuses an inline string longer than it holds', () => {
    expect(() => passed(['<c r="A1" t="inlineStr"><is><r><t>abc</t></r><r><t>def</t></r></is></c>'], 5))
      .toThrow(/an inline string of over 5 characters/);
  });
});
