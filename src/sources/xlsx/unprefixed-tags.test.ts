import { describe, expect, it } from 'vitest';
import { unprefixedTags } from './unprefixed-tags.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The text `xml` passes as, cut into chunks of `size` characters. */
function pass(xml: string, size = xml.length): string {
  const s = unprefixedTags();
  let out = '';
  for (let i = 0; i < xml.length; i += size) out += s.scan(xml.slice(i, i + size));
  return out + s.end();
}

describe('unprefixedTags', () => {
  // As the .NET Open XML SDK writes a sheet: every element of SpreadsheetML named x:…, the others with their own prefix.
  const sheet = `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}" xmlns:mc="urn:mc" xmlns:x14ac="urn:ac" ` +
    'mc:Ignorable="x14ac"><x:sheetData><x:row r="1" x14ac:dyDescent="0.25"><x:c r="A1" t="s"><x:v>0</x:v></x:c>' +
    '<x:c r="B1" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="C1"/></x:row></x:sheetData><mc:AlternateContent/></x:worksheet>';
  const plain = `<?xml version="1.0" encoding="utf-8"?><worksheet xmlns:x="${MAIN}" xmlns:mc="urn:mc" xmlns:x14ac="urn:ac" ` +
    'mc:Ignorable="x14ac"><sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c>' +
    '<c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1"/></row></sheetData><mc:AlternateContent/></worksheet>';

  it.each([1, 2, 3, 5, 8, 64, 4096])('names the elements of the root\'s namespace without its prefix, in chunks of %d characters', (size) => {
    expect(pass(sheet, size)).toBe(plain);
  });

  it('also another prefix the root binds to its namespace; the prefixes of other namespaces stay', () => {
    const xml = `<sst xmlns="${MAIN}" xmlns:s="${MAIN}" xmlns:o="urn:o"><s:si><s:t>a</s:t></s:si><o:si/></sst>`;
    expect(pass(xml, 3)).toBe(`<sst xmlns="${MAIN}" xmlns:s="${MAIN}" xmlns:o="urn:o"><si><t>a</t></si><o:si/></sst>`);
  });

  it('finds the root after comments and a doctype, and a root tag cut anywhere (a \'>\' in a quoted value is no end)', () => {
    const xml = `<!-- x:a --><!DOCTYPE sst><x:sst a=">" xmlns:x='${MAIN}'><x:si/></x:sst>`;
    for (let size = 1; size <= xml.length; size++) expect(pass(xml, size)).toBe(`<!-- x:a --><!DOCTYPE sst><sst a=">" xmlns:x='${MAIN}'><si/></sst>`);
  });

  it('passes as it is a part whose root is unprefixed (what Excel writes), a prefix bound to nothing, or no root at all', () => {
    const excel = `<worksheet xmlns="${MAIN}" xmlns:x14ac="urn:ac"><sheetData><row r="1" x14ac:dyDescent="1"/></sheetData></worksheet>`;
    for (const xml of [excel, '<x:sst><x:si/></x:sst>', 'not xml <x:a>', '']) expect(pass(xml, 3)).toBe(xml);
  });
});
