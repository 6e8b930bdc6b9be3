import { describe, expect, it } from 'vitest';
import { readCsv, readJson, reference } from '../index.js';

const load = (source: Parameters<typeof reference>[1], columns: string[] = []) =>
  reference('population', source, { key: 'id', columns }).load();
const csv = (text: string, maxRecordBytes?: number) =>
  readCsv(Buffer.from(text), maxRecordBytes === undefined ? {} : { maxRecordBytes });
const HEAD = 'id,full_name,gender\n';

describe('a reference whose reader could not read every record whole is refused (its keys would be "not in it")', () => {
  it.each([
    ['a record over the record-size cap', () => csv(`${HEAD}001,${'A'.repeat(300)},Nam\n002,B,Nữ\n003,C,Nam\n`, 200),
      /^reference 'population' could not be read whole: 1 record\(s\) were not read or not read whole \(the first at line 2: record_too_large, the record is larger than 200 bytes and was not read\), so their keys would be reported as not in it; mend the file and run again$/],
    ['an unclosed quote', () => csv(`${HEAD}001,A,Nam\n002,"B,Nữ\n`), /1 record\(s\) .*\(the first at line 3: unclosed_quote, /],
    ['a malformed NDJSON line', () => readJson([Buffer.from('{"id":"001"}\n{"id":"002",}\n{"id":"003"}\n{"id":\n')], { format: 'ndjson' }),
      /could not be read whole: 2 record\(s\) .*\(the first at line 2: invalid_json, the record is not valid JSON/],
    ['a row with more cells than the header (any cell may have moved, the key too)', () => csv(`full_name,id\nA,001\nNguyễn, Văn An,002\n`),
      /1 record\(s\) .*\(the first at line 3: extra_cell, the record has 3 cells, more than the 2 columns\)/],
    ['a row without its key cell', () => csv(`full_name,gender,id\nA,Nam,001\nB,Nữ\nC\n`),
      /2 record\(s\) .*\(the first at line 3: missing_cell, the record has 2 cells, fewer than the 3 columns; id is missing\)/],
  ])('%s', async (_what, source, message) => {
    const t = await load(source());
    expect(t.error).toMatch(message);
  });

  it('a row missing a cell the table does not read loses nothing: it is read', async () => {
    const t = await load(csv(`${HEAD}001,A,Nam\n002,B\n`), ['full_name']);
    expect([t.error, t.size, t.has(['002'])]).toEqual([undefined, 2, true]);
  });

  it('a row missing a kept cell is refused: the comparison would silently read it as empty', async () => {
    const t = await load(csv(`${HEAD}001,A,Nam\n002\n`), ['full_name']);
    expect(t.error).toMatch(/1 record\(s\) .*line 3: missing_cell, .*full_name is missing/);
  });

  it('blank rows and empty keys lose nothing the table holds (missingKeys counts the latter)', async () => {
    const t = await load(csv(`${HEAD}001,A,Nam\n\n,B,Nữ\n`));
    expect([t.error, t.size, t.missingKeys]).toEqual([undefined, 1, 1]);
  });

  it('a file in the wrong encoding is refused for its encoding first, whatever else broke', async () => {
    const t = await load(readCsv(Buffer.from(`${HEAD}001,A,Nam\n002\n`, 'utf16le')));
    expect(t.error).toMatch(/^reference 'population' looks like UTF-16 LE, not utf8 as it was read/);
  });
});
