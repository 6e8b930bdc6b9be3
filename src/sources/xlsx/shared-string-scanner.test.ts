import { describe, expect, it } from 'vitest';
import { sharedStringScanner } from './shared-string-scanner.js';

/** The text `chunks` pass as, or the message of the error the scanner throws. */
function scan(chunks: readonly string[], count: () => number | undefined = () => 3): string {
  const s = sharedStringScanner({ count, damaged: (why) => new Error(why) });
  try {
    return chunks.map((c) => s.scan(c)).join('') + s.end();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const ok = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1" t="s"><v> 2 </v></c><c r="C2" t="s"/>' +
  '<c r="D2" t="s"><f>X</f><v>7</v></c><c r="E2" t="str"><v>9</v></c><col t="s"><v>9</v></col></row>';
const bad = '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="AB3" t="s"><v>3</v></c></row>';
const BAD = 'error: holds a cell (AB3) referring to shared string number 4, but the shared-string table holds 3 strings: ' +
  'the sheet and its text do not match (a damaged export)';

describe('sharedStringScanner', () => {
  it('passes the text as it is when every reference is in the table (formula cells and other types are not references)', () => {
    expect(scan([ok])).toBe(ok);
  });

  it('fails at a reference beyond the table, naming the cell', () => {
    expect(scan([ok + bad])).toBe(BAD);
    expect(scan(['<c r="A9" t="s"><v>x1</v></c>'])).toMatch(/^error: holds a cell \(A9\) referring to shared string "x1", which is no number,/);
  });

  it.each(Array.from({ length: bad.length - 1 }, (_, i) => i + 1))('finds it when the text is cut at %d', (cut) => {
    expect(scan([ok + bad.slice(0, cut), bad.slice(cut)])).toBe(BAD);
    expect(scan([ok.slice(0, cut), ok.slice(cut)])).toBe(ok);
  });

  it('sees cells named with a prefix (`<x:c …><x:v>3</x:v></x:c>`, as the .NET Open XML SDK writes), cut anywhere', () => {
    const x = (text: string) => text.replace(/<(\/?)(?=[a-z])/g, '<$1x:');
    expect(scan([x(ok)])).toBe(x(ok));
    expect(scan([x(ok + bad)])).toBe(BAD);
    for (let cut = 1; cut < x(bad).length; cut++) expect(scan([x(ok + bad).slice(0, x(ok).length + cut), x(bad).slice(cut)])).toBe(BAD);
  });

  it('leaves a workbook without a table to the reader (it says the table is missing)', () => {
    expect(scan([bad], () => undefined)).toBe(bad);
  });
});
