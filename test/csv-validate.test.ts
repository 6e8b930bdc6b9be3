import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../src/index.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { fixture } from './fixtures/csv/_collect.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('validate(definition, readCsv(...))', () => {
  const ragged = defineDataset({ name: 'ragged', key: 'id', fields: { id: field.text().required(), name: field.text().required(),
    area: field.number().required() } });

  it('turns structural issues into source rules with rows and lines, and missing cells into missing values', async () => {
    const report = await validate(ragged, readCsv(fixture('ragged.csv')), { now: NOW });
    const rule = (id: string) => report.rules.find((r) => r.id === id);
    expect(report.rows).toBe(4);
    expect(rule('source.missing_cell')).toMatchObject({ criterion: 'sufficient', level: 'row', failed: 2, violations: 3 });
    expect(rule('source.missing_cell')?.samples.map((s) => [s.row, s.line, s.field])).toEqual([[0, 2, 'area'], [3, 5, 'name'], [3, 5, 'area']]);
    expect(rule('source.extra_cell')).toMatchObject({ criterion: 'clean', failed: 1 });
    // A missing cell is missing, never "": required() fails on it once.
    expect(rule('area.required')).toMatchObject({ failed: 2 });
    expect(rule('name.required')).toMatchObject({ failed: 1 });
    expect(report.source).toEqual({ kind: 'csv', name: fixture('ragged.csv'), encoding: 'utf8', bytes: 51, records: 4 });
  });

  it('counts blank and rejected records in the checked records of record-level rules', async () => {
    const def = defineDataset({ name: 'blank', fields: { id: field.text(), name: field.text() } });
    const report = await validate(def, readCsv(fixture('blank-rows.csv')), { now: NOW });
    expect(report.rules.find((r) => r.id === 'source.blank_row')).toMatchObject({ level: 'table', checked: 5, failed: 3 });
    expect(report.rows).toBe(2);
  });

  it('keeps leading zeros and 12-digit ids exactly', async () => {
    const def = defineDataset({ name: 'ids', columns: 'ignore', fields: { cccd: field.text().pattern(/^\d{12}$/), code: field.text().oneOf(['007', '0']) } });
    const report = await validate(def, readCsv(fixture('leading-zeros.csv')), { now: NOW });
    expect(report.rules.map((r) => [r.id, r.failed])).toEqual(expect.arrayContaining([['cccd.pattern', 0], ['code.oneOf', 0]]));
    expect(report.status).toBe('passed');
  });

  it('reads a field named __proto__ like any other column', async () => {
    // A computed key: written `__proto__: …` the literal set its prototype, and the field was never declared (the test
    // passed checking only `id`; defineDataset now refuses that literal).
    const def = defineDataset({ name: 'proto', columns: 'ignore', fields: { ['__proto__']: field.text().required(), id: field.integer().required() } });
    const report = await validate(def, readCsv(fixture('proto-headers.csv')), { now: NOW });
    expect(report.rules.map((r) => r.id)).toContain('__proto__.required');
    expect(report.rules.every((r) => r.failed === 0)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a duplicated header from its first column', async () => {
    const def = defineDataset({ name: 'dup', fields: { id: field.text().oneOf(['1']) } });
    const report = await validate(def, readCsv(fixture('duplicate-header.csv')), { now: NOW });
    expect(report.rules.find((r) => r.id === 'id.oneOf')?.failed).toBe(0);
    expect(report.rules.find((r) => r.id === 'source.duplicate_header')).toMatchObject({ level: 'table', failed: 2, checked: 4 });
  });

  it('makes an oversized record whose end cannot be found a partial run', async () => {
    const def = defineDataset({ name: 'huge', fields: { id: field.text() } });
    const report = await validate(def, readCsv(fixture('huge-unclosed.csv'), { maxRecordBytes: 64 }), { now: NOW });
    expect([report.partial, report.status, report.rows]).toEqual([true, 'error', 1]);
  });

  it('stops an unclosed quote followed by a lot of text at the cap, reading on with bounded memory', async () => {
    const def = defineDataset({ name: 'bounded', fields: { id: field.text() } });
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield utf8('id,note\n1,"open');
      const block = utf8('x'.repeat(65536));
      for (let i = 0; i < 160; i++) yield block; // 10 MiB inside one quoted value
      yield utf8('"\n2,after\n');
    }
    const report = await validate(def, readCsv(chunks(), { maxRecordBytes: 4096 }), { now: NOW });
    expect([report.partial, report.rows]).toEqual([false, 1]);
    expect(report.rules.find((r) => r.id === 'source.record_too_large')?.samples).toEqual([
      expect.objectContaining({ line: 2, code: 'record_too_large' })]);
  });
});

// Issue 13 item 8 (sources part): an input with nothing in it was "Every rule passed", exit 0.
describe('validate on a CSV input with nothing in it', () => {
  const def = defineDataset({ name: 'empty', fields: { id: field.text().required() } });

  it.each([
    ['empty.csv', 'the input is empty (0 bytes)'],
    ['bom-only-utf8.csv', 'the input holds only a byte order mark (UTF-8, 3 bytes)'],
    ['bom-only-utf16le.csv', 'the input holds only a byte order mark (UTF-16 LE, 2 bytes)'],
    ['bom-only-utf16be.csv', 'the input holds only a byte order mark (UTF-16 BE, 2 bytes)'],
  ])('%s is a partial run with source.empty', async (name, error) => {
    const report = await validate(def, readCsv(fixture(name)), { now: NOW });
    expect([report.partial, report.status, report.rows, report.source?.error]).toEqual([true, 'error', 0, error]);
    expect(report.rules.find((r) => r.id === 'source.empty')).toMatchObject({
      criterion: 'sufficient', severity: 'error', level: 'table', checked: 1, failed: 1, status: 'failed' });
  });

  it('also for bytes and streams, with the message in both locales', async () => {
    const en = await validate(def, readCsv(new Uint8Array(0)), { now: NOW });
    const vi = await validate(def, readCsv([Uint8Array.of(0xef), Uint8Array.of(0xbb, 0xbf)]), { now: NOW, locale: 'vi' });
    expect(en.violations.map((v) => v.message)).toEqual(['the input holds no data (0 bytes); nothing in it could be evaluated']);
    expect(vi.violations.map((v) => v.message)).toEqual(['đầu vào không có dữ liệu (3 byte); không có gì để đánh giá']);
  });
});

// A gzip export handed to the CSV reader was read as 1,044 rows of binary junk: "none of the declared fields is a
// column", a delimiter hint and a legacy-encoding hint, all beside the point.
describe('validate on a compressed file or a workbook given as CSV', () => {
  const def = defineDataset({ name: 'binary', fields: { id: field.text().required(), name: field.text() } });
  const csv = 'id,name\n' + Array.from({ length: 2000 }, (_, i) => `${i},tên ${i}`).join('\n');

  it.each([
    ['one chunk', (b: Uint8Array) => readCsv(b)],
    ['chunks of one byte', (b: Uint8Array) => readCsv([...Array.from(b.subarray(0, 64), (x): Uint8Array => Uint8Array.of(x)), b.subarray(64)])],
  ])('a gzip file (%s) is a partial run with source.binary_input, nothing evaluated', async (_, read) => {
    const report = await validate(def, read(gzipSync(csv)), { now: NOW });
    expect([report.partial, report.status, report.rows, report.source?.error]).toEqual([true, 'error', 0,
      'the input is gzip data, not text: decompress it first (gunzip, or `zcat FILE | ddss validate - …`)']);
    expect(report.rules.find((r) => r.id === 'source.binary_input')).toMatchObject({
      criterion: 'sufficient', severity: 'error', level: 'table', checked: 1, failed: 1 });
    expect(report.rules.map((r) => r.id)).not.toContain('source.encoding_mismatch');
    expect(report.violations.find((v) => v.code === 'binary_input')?.message).toBe(
      'the input is gzip data, not text; nothing in it could be evaluated');
  });

  it('reads text that starts like no signature, however short or finely chunked', async () => {
    const small = await validate(def, readCsv(utf8('id,name\n7,a\n')), { now: NOW });
    expect([small.status, small.rows]).toEqual(['passed', 1]);
    const bytes = utf8(csv);
    const oneByOne = await validate(def, readCsv(Array.from(bytes, (x) => Uint8Array.of(x))), { now: NOW });
    expect([oneByOne.status, oneByOne.rows, oneByOne.source?.bytes]).toEqual(['passed', 2000, bytes.length]);
  });
});

describe('validate on a CSV input read in the wrong encoding', () => {
  const def = defineDataset({ name: 'enc', fields: { id: field.text().required(), 'tên': field.text() } });

  it('reports encoding_mismatch once for the file, with the encoding to declare as its suggestion', async () => {
    const report = await validate(def, readCsv(fixture('bom-utf16be.csv'), { encoding: 'tcvn3' }), { now: NOW });
    expect(report.rules.find((r) => r.id === 'source.encoding_mismatch')).toMatchObject({
      criterion: 'clean', severity: 'error', level: 'table', checked: 1, failed: 1 });
    const v = report.violations.find((x) => x.code === 'encoding_mismatch');
    expect(v).toMatchObject({ suggestion: 'utf16be',
      message: 'the file looks like UTF-16 BE, not tcvn3 as declared: it starts with the UTF-16 BE byte order mark' });
    expect(v?.row).toBeUndefined();
  });

  it('reads a UTF-16 BE file with its BOM by default, as a UTF-16 LE one', async () => {
    const report = await validate(def, readCsv(fixture('bom-utf16be.csv')), { now: NOW });
    expect([report.status, report.rows, report.source?.encoding]).toEqual(['passed', 1, 'utf16be']);
  });
});

// A cell of a column with a blank header was named by nothing: ": the value contains a control character".
describe('findings in a column with a blank header', () => {
  it('name the column by its number, in both locales', async () => {
    const def = defineDataset({ name: 'blank', fields: { id: field.text() } });
    const input = utf8('id,,name\n1,a\u0001b,x\n2\n');
    const messages = async (locale: 'en' | 'vi') => (await validate(def, readCsv(input), { now: NOW, locale })).violations
      .filter((v) => v.code === 'control_character' || v.code === 'missing_cell').map((v) => v.message);
    expect(await messages('en')).toEqual(['column 2: the value contains a control character (U+0001)',
      'the record has 1 cells, fewer than the 3 columns; column 2 is missing', expect.stringMatching(/; name is missing$/)]);
    expect((await messages('vi'))[0]).toBe('cột 2: giá trị chứa ký tự điều khiển (U+0001)');
  });
});
