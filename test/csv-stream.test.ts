import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { defineDataset, field, validate } from '../src/index.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { fixture } from './fixtures/csv/_collect.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const def = defineDataset({ name: 'stream', fields: { id: field.text().required(), name: field.text() } });

/** A stream that delivers some rows and then fails, as a dropped network or disk read does. */
function failing(afterChunks: number): Readable {
  let n = 0;
  return new Readable({
    read() {
      if (n === 0) this.push(utf8('id,name\n'));
      else if (n <= afterChunks) this.push(utf8(`${n},Tên ${n}\n`));
      else this.destroy(new Error('connection reset'));
      n++;
    },
  });
}

async function drain(source: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of source) n++;
  return n;
}

describe('a source that fails mid-file', () => {
  it('makes batches() throw an Error naming the source and the bytes read', async () => {
    const source = readCsv(failing(3), { name: 'land.csv' });
    await expect(drain(source.batches())).rejects.toThrow(/could not read land\.csv after 35 bytes: connection reset/);
    expect(source.info().error).toMatch(/connection reset/);
  });

  it('gives validate() a partial report with status error and the rows read so far', async () => {
    const report = await validate(def, readCsv(failing(3), { batchSize: 2 }), { now: NOW });
    expect([report.partial, report.status, report.rows]).toEqual([true, 'error', 2]);
    expect(report.source).toMatchObject({ kind: 'csv', error: expect.stringMatching(/connection reset/) });
  });

  it('treats an async generator that throws the same way', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield utf8('id,name\n1,An\n');
      throw new Error('disk gone');
    }
    const report = await validate(def, readCsv(chunks()), { now: NOW });
    expect([report.partial, report.status, report.source?.error]).toEqual([true, 'error', expect.stringMatching(/disk gone/)]);
  });

  it('does not crash on a stream that fails before reading starts', async () => {
    const stream = new Readable({ read() {} });
    const source = readCsv(stream);
    stream.destroy(new Error('early failure'));
    await new Promise((r) => setImmediate(r));
    const report = await validate(def, source, { now: NOW });
    expect([report.partial, report.source?.error]).toEqual([true, expect.stringMatching(/early failure/)]);
  });

  it('reports a missing file as a partial run, not a rejection, in words with the code', async () => {
    const report = await validate(def, readCsv(fixture('no-such-file.csv')), { now: NOW });
    // Before: "could not read no-such-file.csv after 0 bytes: ENOENT: no such file or directory, open '/…'".
    expect([report.partial, report.status, report.source?.error])
      .toEqual([true, 'error', `ddss: could not read ${fixture('no-such-file.csv')}: file not found (ENOENT)`]);
  });

  it('rejects chunks that are text, not bytes', async () => {
    const stream = Readable.from(['id\n', '1\n']);
    await expect(drain(readCsv(stream).batches())).rejects.toThrow(/must be bytes/);
  });
});

describe('reading and cleanup', () => {
  it('destroys the stream when the consumer stops early', async () => {
    const stream = Readable.from([utf8('id,name\n'), ...Array.from({ length: 50 }, (_, i) => utf8(`${i},x\n`))]);
    for await (const record of readCsv(stream, { batchSize: 1 })) {
      expect(record.id).toBe('0');
      break;
    }
    expect(stream.destroyed).toBe(true);
  });

  it('reads a stream once, and a path as often as asked', async () => {
    const stream = Readable.from([utf8('id\n1\n')]);
    const once = readCsv(stream);
    expect(await drain(once)).toBe(1);
    await expect(drain(once.batches())).rejects.toThrow(/only once/);
    const path = readCsv(fixture('ragged.csv'));
    expect([await drain(path), await drain(path)]).toEqual([4, 4]);
  });

  it('accepts the whole content as bytes, and chunks as an iterable', async () => {
    expect(await drain(readCsv(utf8('a\n1\n2\n')))).toBe(2);
    expect(await drain(readCsv([utf8('a\n1'), utf8('\n2\n')]))).toBe(2);
  });

  it.each([
    [{ encoding: 'latin9' }, /unknown encoding/],
    [{ delimiter: '"' }, /delimiter/],
    [{ delimiter: ',,' }, /delimiter/],
    [{ maxRecordBytes: 0 }, /maxRecordBytes/],
  ] as const)('rejects the options %j at once', (options, message) => {
    expect(() => readCsv(fixture('ragged.csv'), options)).toThrow(message);
  });
});

describe('records iterated directly', () => {
  it('are null-prototype objects; a missing cell is an absent key, extra cells are left out', async () => {
    const records: Record<string, string>[] = [];
    for await (const r of readCsv(fixture('ragged.csv'))) records.push({ ...r });
    expect(records).toEqual([{ id: '1', name: 'An' }, { id: '2', name: 'Bình', area: '30' },
      { id: '3', name: 'Chi', area: '40' }, { id: '4' }]);
    for await (const r of readCsv(fixture('ragged.csv'))) expect(Object.getPrototypeOf(r)).toBe(null);
  });

  it('key a repeated or blank header at column n as <name>_<n>', async () => {
    const keys: string[][] = [];
    for await (const r of readCsv(fixture('duplicate-header.csv'))) keys.push(Object.keys(r));
    for await (const r of readCsv(fixture('blank-header.csv'))) keys.push(Object.keys(r));
    expect(keys).toEqual([['id', 'name', 'id_3', 'name_4'], ['id', '_2', 'name', ' _4']]);
  });

  it('treat __proto__ and constructor as columns like any other, leaving Object.prototype untouched', async () => {
    const records: Record<string, string>[] = [];
    for await (const r of readCsv(fixture('proto-headers.csv'))) records.push(r);
    const r = records[0] as Record<string, string>;
    expect(Object.hasOwn(r, '__proto__')).toBe(true);
    expect(r['__proto__']).toBe('{"polluted":true}');
    expect(r.constructor).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString).toBe(Object.prototype.toString);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });
});

describe('the header option', () => {
  it('takes names for a file without a header line (its first line is data, line 1)', async () => {
    const source = readCsv(utf8('1,An\n2,Bình\n'), { header: ['id', 'name'] });
    const batches = [];
    for await (const b of source.batches()) batches.push(b);
    expect(batches[0]?.columns).toEqual(['id', 'name']);
    expect(batches[0]?.rows).toEqual([['1', 'An'], ['2', 'Bình']]);
    expect(Array.from(batches[0]?.lines ?? [])).toEqual([1, 2]);
  });

  it('renames columns with a { from: to } map, own keys only', async () => {
    const records: Record<string, string>[] = [];
    for await (const r of readCsv(utf8('mã,constructor\n1,x\n'), { header: { mã: 'id' } })) records.push({ ...r });
    expect(records).toEqual([{ id: '1', constructor: 'x' }]);
  });
});
