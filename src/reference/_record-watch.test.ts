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
    ['a file cut short by a crash (it ends in zero bytes): the keys after the cut are missing',
      () => readCsv(Buffer.concat([Buffer.from(`${HEAD}001,A,Nam\n00`), Buffer.alloc(512)])),
      /could not be read whole: 1 record\(s\) .*\(the first: zero_filled_tail, the file ends in 512 zero bytes from byte 32: /],
    // Record 002's quote closes at 003's quoted name: 003 is inside 002's name, and 002 comes out of the right width.
    ['a quote not closed in time (the record it swallowed is in no cell of its own)',
      () => csv(`${HEAD}001,"A",Nam\n002,"B,Nữ\n003,"C",Nam\n004,"D",Nữ\n`),
      /1 record\(s\) .*\(the first at line 3: unbalanced_quote, full_name: a quoted value holds line breaks/],
    ['a row without its key cell', () => csv(`full_name,gender,id\nA,Nam,001\nB,Nữ\nC\n`),
      /2 record\(s\) .*\(the first at line 3: missing_cell, the record has 2 cells, fewer than the 3 columns; id is missing\)/],
  ])('%s', async (_what, source, message) => {
    const t = await load(source());
    expect(t.error).toMatch(message);
  });

  it.each([
    ['an NDJSON', (t: string) => readJson([Buffer.from(t.split(',\n').join('\n'))], { format: 'ndjson' })],
    ['a JSON array', (t: string) => readJson([Buffer.from(`[${t}]`)])],
  ])('%s record without its key, or a kept property, is refused as a CSV row without the cell; null is an empty key', async (_what, read) => {
    // It was dropped without a word: every checked row naming its key got a confident but false not_in_reference.
    const key = await load(read('{"id":"001","full_name":"A"},\n{"kode":"002","full_name":"B"}'), ['full_name']);
    expect(key.error).toBe("reference 'population' could not be read whole: 1 record(s) were not read or not read whole (the first at " +
      'line 2: the record has no property "id"), so their keys would be reported as not in it; mend the file and run again');
    const kept = await load(read('{"id":"001","full_name":"A"},\n{"id":"002"}'), ['full_name']);
    expect(kept.error).toMatch(/1 record\(s\) .*\(the first at line 2: the record has no property "full_name"\)/);
    const empty = await load(read('{"id":"001","full_name":"A"},\n{"id":null,"full_name":"B"},\n{"id":"","full_name":"C"}'), ['full_name']);
    expect([empty.error, empty.size, empty.missingKeys]).toEqual([undefined, 1, 2]);
  });

  it('an optional column a JSON record leaves out loses nothing (no death date)', async () => {
    const t = await reference('population', readJson([Buffer.from('{"id":"001","death_date":"01/01/2020"}\n{"id":"002"}\n')], { format: 'ndjson' }),
      { key: 'id', optionalColumns: ['death_date'] }).load();
    expect([t.error, t.size, t.get(['002'], 'death_date')]).toEqual([undefined, 2, undefined]);
  });

  it('an optional column only later JSON records have is read (the first record has no death date)', async () => {
    // Death dates are few: a register's first record (or its first thousand) rarely holds one. The columns were the
    // first record's properties, so the column was dropped and nobody was ever reported deceased.
    const ndjson = '{"id":"001"}\n{"id":"002","death_date":"01/01/2020"}\n';
    const arrays = [readJson([Buffer.from(ndjson)], { format: 'ndjson' }), readJson([Buffer.from(`[${ndjson.trim().split('\n').join(',')}]`)]),
      [{ id: '001' }, { id: '002', death_date: '01/01/2020' }], [new Map([['id', '001']]), new Map([['id', '002'], ['death_date', '01/01/2020']])]];
    for (const source of arrays) {
      const t = await reference('population', source, { key: 'id', optionalColumns: ['death_date'] }).load();
      expect([t.error, t.size, t.columns, t.get(['001'], 'death_date'), t.get(['002'], 'death_date')])
        .toEqual([undefined, 2, ['death_date'], undefined, '01/01/2020']);
    }
  });

  it('a row missing a cell the table does not read loses nothing: it is read', async () => {
    const t = await load(csv(`${HEAD}001,A,Nam\n002,B\n`), ['full_name']);
    expect([t.error, t.size, t.has(['002'])]).toEqual([undefined, 2, true]);
  });

  it('a row missing a kept cell is refused: the comparison would silently read it as empty', async () => {
    const t = await load(csv(`${HEAD}001,A,Nam\n002\n`), ['full_name']);
    expect(t.error).toMatch(/1 record\(s\) .*line 3: missing_cell, .*full_name is missing/);
  });

  it('a stray quote in a cell the table reads is refused (the value read is a guess); in another cell it is read', async () => {
    const key = await load(csv(`${HEAD}001,A,Nam\n"00"2,B,Nữ\n`));
    expect(key.error).toMatch(/1 record\(s\) .*line 3: stray_quote, id: text follows the closing quote/);
    const other = await load(csv(`${HEAD}001,A,Nam\n002,B,"N"ữ\n`), ['full_name']);
    expect([other.error, other.size, other.get(['002'], 'full_name')]).toEqual([undefined, 2, 'B']);
  });

  it('a repeated header line (two exports joined) loses nothing: it holds no key', async () => {
    const t = await load(csv(`${HEAD}001,A,Nam\n${HEAD}002,B,Nữ\n`));
    expect([t.error, t.size, t.has(['id'])]).toEqual([undefined, 2, false]);
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

describe('a reference that says two things where the table reads one is refused (the value judged against may be the wrong one)', () => {
  const ndjson = (text: string) => readJson([Buffer.from(text)], { format: 'ndjson' });

  it.each([
    ['a JSON record with its key twice', () => readJson([Buffer.from('[{"id":"001","full_name":"A"},\n{"id":"002","id":"003","full_name":"B"}]')]),
      /^reference 'population' is ambiguous: 1 record\(s\) hold a property it reads more than once \(the first at line 2: duplicate_key, id: key "id" appears more than once in the record; the last value is kept\), so the rules would judge against a value that may not be the one meant; mend the file and run again$/],
    ['NDJSON records with a kept property twice', () => ndjson('{"id":"001","full_name":"A"}\n{"id":"002","full_name":"B","full_name":"C"}\n{"id":"003","full_name":"D","full_name":"E","full_name":"F"}\n'),
      /is ambiguous: 2 record\(s\) .*\(the first at line 2: duplicate_key, full_name: key "full_name" appears/],
    ['a CSV header naming the key twice', () => csv('id,full_name,id\n001,A,002\n'),
      /^reference 'population' names 1 column\(s\) it reads more than once in its header \(the first at line 1: duplicate_header, header "id" appears again at column 3\), so the rules would judge against the first of them, which may not be the one meant; name each column once and run again$/],
    ['a CSV header naming a kept column three times', () => csv('id,full_name,full_name,full_name\n001,A,B,C\n'),
      /names 1 column\(s\) .*header "full_name" appears again at column 3\)/],
  ])('%s', async (_what, source, message) => {
    const t = await load(source(), ['full_name']);
    expect(t.error).toMatch(message);
  });

  it('a property or header the table does not read twice loses nothing: it is read', async () => {
    const json = await load(ndjson('{"id":"001","full_name":"A","x":1,"x":2}\n{"id":"002","full_name":"B"}\n'), ['full_name']);
    const header = await load(csv('id,full_name,x,x\n001,A,1,2\n002,B,1,2\n'), ['full_name']);
    expect([json.error, json.size, header.error, header.size]).toEqual([undefined, 2, undefined, 2]);
  });

  it('a record lost is said before a property twice; a header twice before both', async () => {
    const lost = await load(ndjson('{"id":"001","full_name":"A","full_name":"B"}\n{"id":\n'), ['full_name']);
    const header = await load(csv('id,full_name,full_name\n001,A,B\n002,"B\n'), ['full_name']);
    expect([lost.error, header.error]).toEqual([expect.stringMatching(/could not be read whole: 1 record.*line 2: invalid_json/),
      expect.stringMatching(/names 1 column\(s\) it reads more than once/)]);
  });

  it('two records with the same key are not refused here: the first is kept and counted (verifyPerson refuses them)', async () => {
    const t = await load(csv('id,full_name\n001,A\n002,B\n001,C\n'), ['full_name']);
    expect([t.error, t.size, t.duplicates, t.firstDuplicate, t.get(['001'], 'full_name')]).toEqual([undefined, 2, 1, { row: 2, line: 4 }, 'A']);
  });
});
