import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.js';
import { validate } from '../../validate.js';
import { defineDataset } from '../../define.js';
import { field } from '../../field.js';

describe('readCsv options', () => {
  it.each([
    [{ delimeter: ';' }, /"delimeter" is not an option of readCsv \(did you mean "delimiter"\?\)/],
    [{ encodng: 'tcvn3' }, /did you mean "encoding"/],
    [{ headers: false }, /did you mean "header"/],
  ])('refuses a key that is no option (%o): it would have read the file with the default', (options, message) => {
    expect(() => readCsv(new TextEncoder().encode('a;b\n1;2\n'), options as never)).toThrow(message);
  });

  // `header: false` (meaning "no header line") fell through to `true`: the first record was read as the header.
  it.each<[unknown, string]>([
    [false, 'got false'], [0, 'got 0'], ['none', 'got "none"'], [null, 'got null'], [new Map([['a', 'id']]), 'got a Map'],
    [['id', 5], 'got a list holding what is not a text'], [new Array(2), 'got a list holding what is not a text'],
    [{ 'Mã thửa': 5 }, 'got a rename map to what is not a text'],
  ])('refuses header: %o, which was read as header: true', (header, got) => {
    const message = 'ddss: readCsv header must be true (the file\'s first row names the columns), a list of the column names ' +
      `(a file without a header row: header: ['id', 'name']) or a rename map ({ 'Mã thửa': 'parcel_id' }), ${got}`;
    expect(() => readCsv(new TextEncoder().encode('1,2\n3,4\n'), { header } as never)).toThrow(message);
  });

  // `header: []` named no column: every cell an extra cell, every field a missing column (a report of "nothing to
  // evaluate"), never what a user means.
  it('refuses header: [], which names no column', () => {
    const read = () => readCsv(new TextEncoder().encode('1,2\n3,4\n'), { header: [] });
    expect(read).toThrow(RangeError);
    expect(read).toThrow('ddss: readCsv header must name the columns of a file without a header row (header: [\'id\', \'name\']), ' +
      'got an empty list; true reads them from its first row');
  });

  it('reads a file without a header line by the names given', async () => {
    const rows = [];
    for await (const r of readCsv(new TextEncoder().encode('1,2\n3,4\n'), { header: ['id', 'n'] })) rows.push({ ...r });
    expect(rows).toEqual([{ id: '1', n: '2' }, { id: '3', n: '4' }]);
  });

  it('reads with every option it knows', async () => {
    const src = readCsv(new TextEncoder().encode('a;b\n1;2\n'), { delimiter: ';', encoding: 'utf8', header: true,
      maxRecordBytes: 100, name: 'x', batchSize: 10 });
    const rows = [];
    for await (const r of src) rows.push({ ...r });
    expect(rows).toEqual([{ a: '1', b: '2' }]);
  });
});

describe('readCsv: a record of the wrong width over several lines', () => {
  /** The params of each cell-count issue, by line. */
  async function widths(text: string): Promise<Array<[number | undefined, Readonly<Record<string, unknown>> | undefined]>> {
    const out: Array<[number | undefined, Readonly<Record<string, unknown>> | undefined]> = [];
    for await (const b of readCsv(new TextEncoder().encode(text)).batches()) {
      for (const i of b.issues ?? []) if (i.code === 'missing_cell' || i.code === 'extra_cell') out.push([i.line, i.params]);
    }
    return out;
  }

  it('says how many lines it ran over (a stray quote reads the records on them into it)', async () => {
    // Line 3's quote closes at line 4's quoted name: the record has 4 cells of 5, and P2 is inside it.
    expect(await widths('id,g,n,name,from\nP1,a,1,"An",x\nP_Q,"stray,1\nP2,b,2,"Bình, 2",x\nP3,c,3,"Chi",x\n'))
      .toEqual([[3, { cells: 4, columns: 5, column: 5, spans: 1 }]]);
  });

  it('says how many lines a record too large to read ran over: the records on them were not read either', async () => {
    // Line 3's quote closes at line 5's quoted name, past the cap: P2 and P3 went with it, and the finding said only
    // "larger than … and was not read".
    const text = `id,g,n,name,from\nP1,a,1,"An",x\nP_Q,"${'z'.repeat(200)}\nP2,b,2,Bình,x\nP3,c,3,"Chi",x\nP4,d,4,"Dũng",x\n`;
    const found: Array<[string, number | undefined, unknown]> = [];
    let rows = 0;
    for await (const b of readCsv(new TextEncoder().encode(text), { maxRecordBytes: 100 }).batches()) {
      rows += b.rows.length; // P1 and P4
      for (const i of b.issues ?? []) found.push([i.code, i.line, i.params]);
    }
    expect(found).toEqual([['record_too_large', 3, { maxBytes: 100, spans: 2 }]]);
    expect(rows).toBe(2);
    const def = defineDataset({ name: 'd', fields: { id: field.text(), g: field.text(), n: field.text(), name: field.text(), from: field.text() } });
    const report = await validate(def, readCsv(new TextEncoder().encode(text), { maxRecordBytes: 100 }), { now: '2026-11-22' });
    expect(report.violations.map((v) => v.message)).toEqual(['the record is larger than 100 bytes and was not read; a quoted value of ' +
      'this record runs over 2 more lines: if a quote is not closed where it should be, the records on those lines were read into this one']);
    const one = readCsv(new TextEncoder().encode(`id\n${'z'.repeat(200)}\nP9\n`), { maxRecordBytes: 100 });
    for await (const b of one.batches()) expect(b.issues?.map((i) => i.params)).toEqual([{ maxBytes: 100 }]);
  });

  it('reports a quoted value over several lines followed by text, even when the record comes out of the right width', async () => {
    // Line 3's quote closes at line 4's quoted name: P_Q's 4th cell is `Bình,x⏎P2,c,3,Chi"`, its 5th `x`, five cells of
    // five, and record P2 inside it: no cell was missing, and nothing said that P2 was gone.
    const text = 'id,g,n,name,from\nP1,a,1,"An",x\nP_Q,b,2,"Bình,x\nP2,c,3,"Chi",x\nP3,d,4,"Dũng",x\n';
    const found: Array<[string, number | undefined, string | undefined, unknown]> = [];
    let rows = 0;
    for await (const b of readCsv(new TextEncoder().encode(text)).batches()) {
      rows += b.rows.length;
      for (const i of b.issues ?? []) found.push([i.code, i.line, i.field, i.params]);
    }
    expect(found).toEqual([['unbalanced_quote', 3, 'name', { column: 4, spans: 1 }]]);
    expect(rows).toBe(3);
  });

  it('says nothing of a quoted value over several lines followed by its delimiter; text after a quote on one line is a stray quote', async () => {
    expect(await widths('id,g,n,name,from\nP1,a,1,"Bình\nở Huế",x\nP2,b,2,"An"tail,x\n')).toEqual([]);
    const found: Array<[string, number | undefined, string | undefined, string | undefined, unknown]> = [];
    const rows: string[][] = [];
    for await (const b of readCsv(new TextEncoder().encode('id,g,n,name,from\nP1,a,1,"Bình\nở Huế",x\nP2,b,2,"An"tail,x"y"z\n')).batches()) {
      for (const i of b.issues ?? []) found.push([i.code, i.line, i.field, i.value, i.params]);
      for (const r of b.rows) rows.push([...(r as string[])]);
    }
    // Read as spreadsheets read it (the quotes dropped), and said: the value may not be the one meant.
    expect(rows[1]).toEqual(['P2', 'b', '2', 'Antail', 'x"y"z']);
    expect(found).toEqual([['stray_quote', 4, 'name', 'Antail', { column: 4 }]]);
  });

  it('says nothing of lines for a record on one line, or a full one whose quoted value holds line breaks', async () => {
    expect(await widths('id,g,n,name,from\nP1,a,1\nP2,b,2,"Bình\nở Huế",x,extra\nP3,c,3,"An\n\nHà",x\n'))
      .toEqual([[2, { cells: 3, columns: 5, column: 4 }], [2, { cells: 3, columns: 5, column: 5 }],
        [3, { cells: 6, columns: 5, column: 6, spans: 1 }]]);
  });
});

// The header's issues were added as one call's arguments: a header of 250,000 repeated names (a 1.5 MB file) made
// the read fail with "Maximum call stack size exceeded" instead of reading the columns it has.
describe('readCsv: a header of very many repeated names', () => {
  it('reads every column and says each repeat', async () => {
    const n = 250_000;
    const text = `${Array(n).fill('a').join(',')}\n${Array(n).fill('1').join(',')}\n`;
    const source = readCsv(Buffer.from(text), { name: 'wide.csv' });
    let rows = 0;
    let repeats = 0;
    for await (const batch of source.batches()) {
      rows += batch.rows.length;
      repeats += (batch.issues ?? []).filter((i) => i.code === 'duplicate_header').length;
    }
    expect(rows).toBe(1);
    expect(repeats).toBe(n - 1);
  });
});
