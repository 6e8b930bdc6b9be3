import { describe, expect, it } from 'vitest';
import { rewriteRecord, splitRecord } from './_cells.js';

describe('splitRecord', () => {
  it.each([
    ['a,b,c\n', ['a', 'b', 'c'], '\n'],
    ['a,"b,c",d\r\n', ['a', 'b,c', 'd'], '\r\n'],
    ['"x ""y"""\r', ['x "y"'], '\r'],
    ['"ab"c,d', ['abc', 'd'], ''],
    ['a"b,,\n', ['a"b', '', ''], '\n'],
    ['"multi\nline",z\n', ['multi\nline', 'z'], '\n'],
  ])('reads %j as the reader does', (text, values, eol) => {
    const r = splitRecord(text, ',');
    expect(r?.cells.map((c) => c.value)).toEqual(values);
    expect(r?.eol).toBe(eol);
  });

  it('gives up on a quoted value that never closes', () => {
    expect(splitRecord('"open,a\n', ',')).toBeUndefined();
  });
});

describe('rewriteRecord', () => {
  const cases: Array<[string, Array<[number, string]>, string]> = [
    ['a, b ,c\r\n', [[1, 'b']], 'a,b,c\r\n'],
    ['a,"  b",c\n', [[1, 'b']], 'a,"b",c\n'],
    ['a,b,c', [[0, 'x,y'], [2, 'say "hi"']], '"x,y",b,"say ""hi"""'],
    ['"q",  x  ,"r"\n', [[1, 'x']], '"q",x,"r"\n'],
    ['a;b\n', [[1, 'c,d']], 'a;c,d\n'],
  ];
  it.each(cases)('%j with %j → %j (everything else as written)', (text, changes, expected) => {
    const d = text.includes(';') ? ';' : ',';
    const r = splitRecord(text, d);
    expect(r).toBeDefined();
    expect(rewriteRecord(r as NonNullable<typeof r>, new Map(changes), d)).toBe(expected);
  });
});

describe('splitRecord: stray quotes', () => {
  it('says when a quote stands anywhere but around a whole cell', () => {
    expect(splitRecord('a,"b,c",""""\n', ',')?.stray).toBe(false);
    expect(splitRecord('a,"b"c,d\n', ',')?.stray).toBe(true); // text after the closing quote
    expect(splitRecord('a, Lai Châu",d\n', ',')?.stray).toBe(true); // a quote inside an unquoted value
    expect(splitRecord('"12,An ,"Số 3, Lai Châu",x\n', ',')?.stray).toBe(true);
  });
});
