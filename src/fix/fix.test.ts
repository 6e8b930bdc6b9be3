import { describe, expect, it } from 'vitest';
import { gatedReceiver } from '../../test/_gated.js';
import { defineDataset, field, rule } from '../index.js';
import { valueRule } from '../core/rule-base.js';
import { excelSerialIn } from '../../rules/vn/dates/excel-serial-in.js';
import { province } from '../../rules/vn/admin/province.js';
import { cccd } from '../../rules/vn/identifiers/cccd.js';
import { fix } from './fix.js';
import { changeLogSink } from './change-log.js';
import { encodeTcvn3 } from '../sources/decode/tcvn3.js';
import type { FixChange, FixOptions } from './types.js';
import type { DatasetDefinition } from '../core/types.js';

const NOW = '2026-11-22T00:00:00Z';

/** Fixes `text` and returns the fixed bytes as text, the change log and the result. */
async function run(def: DatasetDefinition, text: string | Uint8Array, options: FixOptions = {}) {
  const chunks: Uint8Array[] = [];
  const log: FixChange[] = [];
  const input = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const result = await fix(def, input, { now: NOW, showValues: true, write: (c) => { chunks.push(c); }, onChange: (c) => log.push(c), ...options });
  const bytes = Buffer.concat(chunks);
  return { result, log, bytes, text: bytes.toString('utf8') };
}

const names = defineDataset({ name: 'names', key: 'id', fields: { id: field.text(), name: field.text().nfc().trimmed(), note: field.text() } });

describe('fix: what changes and what does not', () => {
  it('fixes NFC and surrounding whitespace, one log line per cell, and keeps every other byte', async () => {
    const nfd = 'Nguye\u0302\u0303n'; // decomposed
    const input = `id,name,note\r\n1,${nfd},"a, b"\r\n2, An ,x\n3,Bình,  keep  \r\n`;
    const { text, log, result } = await run(names, input);
    expect(text).toBe('id,name,note\r\n1,Nguyễn,"a, b"\r\n2,An,x\n3,Bình,  keep  \r\n');
    expect(log).toEqual([
      { status: 'fixed', row: 0, line: 2, key: '1', field: 'name', rule: 'name.nfc', code: 'not_nfc', kind: 'nfc', before: nfd, after: 'Nguyễn' },
      { status: 'fixed', row: 1, line: 3, key: '2', field: 'name', rule: 'name.trimmed', code: 'surrounding_whitespace', kind: 'whitespace', before: ' An ', after: 'An' },
    ]);
    expect([result.fixed, result.notFixed, result.byKind.nfc, result.byKind.whitespace]).toEqual([2, 0, 1, 1]);
    expect([result.before.criteria.clean.failedRows, result.after.criteria.clean.failedRows]).toEqual([2, 0]);
  });

  it('applies fixes one after another on one cell (NFD and a trailing space) and logs both', async () => {
    const { text, log } = await run(names, 'id,name,note\n1,"Nguye\u0302\u0303n "\n');
    expect(text).toBe('id,name,note\n1,"Nguyễn"\n');
    expect(log).toMatchObject([{ status: 'fixed', rule: 'name.nfc+name.trimmed', code: 'not_nfc+surrounding_whitespace', kind: 'nfc+whitespace' }]);
  });

  it('keeps a byte order mark, CR line ends, a last line without a line end, and records with quoted line breaks', async () => {
    const input = '\ufeffid,name,note\r"1\n2", An,"multi\r\nline"\r3, Chi \r4,Đào,x';
    const { text, log } = await run(names, input);
    expect(text).toBe('\ufeffid,name,note\r"1\n2",An,"multi\r\nline"\r3,Chi\r4,Đào,x');
    expect(log.map((c) => [c.line, c.row])).toEqual([[2, 0], [5, 1]]);
  });

  it('reads a renamed header as the fields, and writes the header as it was', async () => {
    // A header in Vietnamese over a definition with other names: the fields are found, the user's names are kept.
    const { text, log, result } = await run(names, 'Mã,"Họ tên",note\n2, An ,x\n', { rename: { 'Mã': 'id', 'Họ tên': 'name' } });
    expect(text).toBe('Mã,"Họ tên",note\n2,An,x\n');
    expect(log).toMatchObject([{ status: 'fixed', line: 2, key: '2', field: 'name', before: ' An ', after: 'An' }]);
    expect([result.before.criteria.clean.failedRows, result.after.criteria.clean.failedRows]).toEqual([1, 0]);
  });

  // An unquoted comma split "Lê, Văn Tám": " Văn Tám" stood under `note` and was trimmed, erasing what a person needs
  // to see the record was shifted. A record with more or fewer cells than the header keeps every cell.
  it('leaves the cells of a record with an extra cell, logged not_fixed "misaligned"; a short record is fixed', async () => {
    const trimmed = defineDataset({ name: 't', key: 'id', fields: { id: field.text(), name: field.text().trimmed(), note: field.text().trimmed() } });
    const input = 'id,name,note\n1,Lê, Văn Tám,x\n2, B\n3,An ,x\n';
    const { text, log } = await run(trimmed, input);
    expect(text).toBe('id,name,note\n1,Lê, Văn Tám,x\n2,B\n3,An,x\n');
    expect(log.map((c) => [c.line, c.field, c.status, c.reason])).toEqual([
      [2, 'note', 'not_fixed', 'misaligned'], [3, 'name', 'fixed', undefined], [4, 'name', 'fixed', undefined]]);
  });

  // A quote opened by mistake (`"12,…`) ran to the next record's quoted address and read that line into this record:
  // its cells stood under the wrong columns, and the address's tail (` Lai Châu"`, read as the commune code) was
  // "fixed" to `"Lai Châu"""`, rewriting bytes of the next line. Such a record keeps every byte.
  it('leaves the cells of a record a stray quote ran over lines into, logged not_fixed "misaligned"', async () => {
    const trimmed = defineDataset({ name: 't', key: 'id', fields: { id: field.text(), code: field.text().trimmed(), name: field.text().trimmed(), note: field.text().trimmed() } });
    const input = 'id,code,name,note\n1,"12,Bình,x\n2,12,An ,"Số 3 Trần Phú, Lai Châu"\n3,12,Chi ,x\n4,"12\n5",Đào ,x\n';
    const { text, log } = await run(trimmed, input);
    expect(text).toBe('id,code,name,note\n1,"12,Bình,x\n2,12,An ,"Số 3 Trần Phú, Lai Châu"\n3,12,Chi,x\n4,"12\n5",Đào,x\n');
    expect(log.map((c) => [c.line, c.field, c.status, c.reason])).toEqual([
      [2, 'name', 'not_fixed', 'misaligned'], [4, 'name', 'fixed', undefined], [5, 'name', 'fixed', undefined]]);
    // Short of cells over two lines, the quote closed just before a delimiter: as much a guess.
    const short = await run(trimmed, 'id,code,name,note\n1,"12,Bình\n2", Chi\n');
    expect(short.text).toBe('id,code,name,note\n1,"12,Bình\n2", Chi\n');
    expect(short.log.map((c) => [c.line, c.field, c.status, c.reason])).toEqual([[2, 'name', 'not_fixed', 'misaligned']]);
    // On one line too: the stray quote closed at the address's opening quote, ` Lai Châu"` stood under `name`, and
    // trimming it wrote `"Lai Châu"""` into the file. A quote anywhere but around a whole cell is a stray quote.
    const oneLine = await run(trimmed, 'id,code,name,note\n1,"12,An ,"Số 3 Trần Phú, Lai Châu",x\n2,"12",Bình ,x\n');
    expect(oneLine.text).toBe('id,code,name,note\n1,"12,An ,"Số 3 Trần Phú, Lai Châu",x\n2,"12",Bình,x\n');
    expect(oneLine.log.map((c) => [c.line, c.field, c.status, c.reason])).toEqual([
      [2, 'name', 'not_fixed', 'misaligned'], [3, 'name', 'fixed', undefined]]);
  });

  it('changes nothing when nothing is fixable: the output is the input', async () => {
    const input = 'id,name,note\n1,An,"q ""x"""\n';
    const { text, result } = await run(names, input);
    expect(text).toBe(input);
    expect(result.fixed).toBe(0);
  });

  it('--only: applies only the kinds asked for', async () => {
    const { text, log } = await run(names, 'id,name,note\n1,"Nguye\u0302\u0303n "\n', { only: ['whitespace'] });
    expect(text).toBe('id,name,note\n1,"Nguye\u0302\u0303n"\n');
    expect(log).toMatchObject([{ kind: 'whitespace' }]);
  });

  it('masks personal values in the change log unless showValues', async () => {
    const def = defineDataset({ name: 'p', fields: { name: field.text().trimmed().pii() } });
    const { log } = await run(def, 'name\n Nguyễn Văn An \n', { showValues: false });
    expect(log[0]).toMatchObject({ before: expect.not.stringContaining('Nguyễn') as unknown, after: expect.not.stringContaining('Nguyễn') as unknown });
  });

  // A restored leading zero shifts an ID: 5815*****15 beside 0581******15 showed five of its digits, one mask four.
  it('masks a fixed ID\'s former value so that the two masks together show no more than the fixed one\'s', async () => {
    const def = defineDataset({ name: 'p', fields: { id: field.text().pii().use(cccd()) } });
    const { log } = await run(def, 'id\n58150123415\n', { showValues: false });
    expect(log).toMatchObject([{ status: 'fixed', kind: 'leading-zero', before: '*********15', after: '0581******15' }]);
    // Every digit shown, by its place in the fixed ID: the former value's places are the fixed one's shifted by one.
    const shown = (masked: string, shift: number) => [...masked].flatMap((ch, i) => (ch === '*' ? [] : [i + shift]));
    const after = new Set(shown(log[0]?.after ?? '', 0));
    expect(shown(log[0]?.before ?? '', 1).every((i) => after.has(i))).toBe(true);
  });

  it('a file with a semicolon delimiter', async () => {
    const { text } = await run(names, 'id;name;note\n1; An ;a,b\n', { delimiter: ';' });
    expect(text).toBe('id;name;note\n1;An;a,b\n');
  });
});

describe('fix: dates in another format (date-format)', () => {
  const dates = defineDataset({ name: 'dates', fields: { dmy: field.date('dd/MM/yyyy'), ymd: field.date('yyyy-MM-dd') } });
  it('writes a date with one reading in the field format; a date with two readings is left, and not logged', async () => {
    const input = 'dmy,ymd\n2023-07-16,03/04/2023\n16.7.2023,2023-07-16\n';
    const { text, log } = await run(dates, input);
    expect(text).toBe('dmy,ymd\n16/07/2023,03/04/2023\n16/07/2023,2023-07-16\n');
    expect(log).toMatchObject([
      { status: 'fixed', row: 0, field: 'dmy', rule: 'dmy.type', code: 'invalid_type', kind: 'date-format', before: '2023-07-16', after: '16/07/2023' },
      { status: 'fixed', row: 1, field: 'dmy', kind: 'date-format', before: '16.7.2023', after: '16/07/2023' },
    ]);
    expect(log).toHaveLength(2);
  });
});

describe('fix: never a guess (not_fixed)', () => {
  it('two fixes leading to different values: ambiguous, left as it is', async () => {
    const offer = (name: string, to: string) => valueRule({ name, criterion: 'clean', code: 'odd', fixes: { odd: 'whitespace' } },
      (v: string) => (v === 'a b' ? { code: 'odd', suggestion: to } : undefined));
    const def = defineDataset({ name: 'amb', fields: { v: field.text().use(offer('one', 'ab'), offer('two', 'a_b')) } });
    const input = 'v\na b\n';
    const { text, log } = await run(def, input);
    expect(text).toBe(input);
    expect(log).toMatchObject([{ status: 'not_fixed', field: 'v', reason: 'ambiguous', before: 'a b' }]);
  });

  it('a fix that makes another rule of the record fail: breaks_rule, naming the rule', async () => {
    const def = defineDataset({ name: 'len', fields: { v: field.text().trimmed().length({ min: 5 }) } });
    const input = 'v\n abc \n';
    const { text, log } = await run(def, input);
    expect(text).toBe(input);
    expect(log).toMatchObject([{ status: 'not_fixed', reason: 'breaks_rule', detail: 'v.length', rule: 'v.trimmed' }]);
  });

  it('a fixed value that still does not parse as the field type: not_parsed', async () => {
    const def = defineDataset({ name: 'd', fields: { d: field.date('yyyy-MM-dd') }, rules: [excelSerialIn('d')] });
    const input = 'd\n45123\n';
    const { text, log } = await run(def, input);
    expect(text).toBe(input);
    expect(log).toMatchObject([{ status: 'not_fixed', reason: 'not_parsed', kind: 'excel-date' }]);
  });

  it('fixes safe one by one that together break a rule: conflict, both left', async () => {
    const differ = rule.record('differ', (r) => r.a !== r.b, { fields: ['a', 'b'] });
    const def = defineDataset({ name: 'c', fields: { a: field.text().trimmed(), b: field.text().trimmed() }, rules: [differ] });
    const input = 'a,b\n x,x \n';
    const { text, log } = await run(def, input);
    expect(text).toBe(input);
    expect(log).toMatchObject([{ field: 'a', reason: 'conflict' }, { field: 'b', reason: 'conflict' }]);
  });

  it('a fix that would make a duplicate: breaks_rule naming the uniqueness rule, found by validating the fixed file', async () => {
    // A lost leading zero put back would make province 1 the same as 01 (uniqueness compares the text).
    const def = defineDataset({ name: 'u', key: 'id', fields: { id: field.text().use(province()).unique(), n: field.text().trimmed() } });
    const input = 'id,n\n01,x\n1, y \n2, z\n';
    const { text, log, result } = await run(def, input);
    expect(text).toBe('id,n\n01,x\n1,y\n02,z\n');
    expect(log).toMatchObject([
      { line: 3, field: 'id', status: 'not_fixed', reason: 'breaks_rule', detail: 'id.unique' },
      { line: 3, field: 'n', status: 'fixed' },
      { line: 4, field: 'id', status: 'fixed', kind: 'leading-zero' },
      { line: 4, field: 'n', status: 'fixed' },
    ]);
    expect(result.after.rules.find((r) => r.id === 'id.unique')?.failed).toBe(0);
  });

  it('a fix that would make a cell start a spreadsheet formula: formula, left as it is; a phone number is trimmed', async () => {
    const def = defineDataset({ name: 'f', fields: { v: field.text().trimmed() } });
    const input = 'v\n" =HYPERLINK(""http://x"",""y"")"\n @SUM(A1)\n -2+3+cmd\n +84 912 345 678\n -12.5 \n';
    const { text, log } = await run(def, input);
    expect(text).toBe('v\n" =HYPERLINK(""http://x"",""y"")"\n @SUM(A1)\n -2+3+cmd\n+84 912 345 678\n-12.5\n');
    expect(log.map((c) => [c.line, c.status, c.reason])).toEqual([
      [2, 'not_fixed', 'formula'], [3, 'not_fixed', 'formula'], [4, 'not_fixed', 'formula'], [5, 'fixed', undefined], [6, 'fixed', undefined],
    ]);
  });

  it('a record holding bytes that are not UTF-8: invalid_encoding, the record copied as it is', async () => {
    const input = Buffer.concat([Buffer.from('id,name,note\n1, An ,'), Buffer.from([0xff]), Buffer.from('\n2, Chi ,x\n')]);
    const { bytes, log } = await run(names, input);
    expect(Buffer.compare(bytes, Buffer.concat([Buffer.from('id,name,note\n1, An ,'), Buffer.from([0xff]), Buffer.from('\n2,Chi,x\n')]))).toBe(0);
    expect(log).toMatchObject([{ line: 2, reason: 'invalid_encoding' }, { line: 3, status: 'fixed' }]);
  });
});

describe('fix: a legacy-encoded file written as UTF-8 (toUtf8)', () => {
  it('converts every record and fixes the decoded text; without toUtf8 it refuses', async () => {
    const input = encodeTcvn3('id,name,note\r\n1, Nguyễn Văn An ,Hà Nội\r\n2,Trần Thị Bình,"a, b"\r\n') ?? new Uint8Array(0);
    const { text, log } = await run(names, input, { encoding: 'tcvn3', toUtf8: true });
    expect(text).toBe('id,name,note\r\n1,Nguyễn Văn An,Hà Nội\r\n2,Trần Thị Bình,"a, b"\r\n');
    expect(log).toMatchObject([{ status: 'fixed', line: 2, before: ' Nguyễn Văn An ', after: 'Nguyễn Văn An' }]);
    await expect(run(names, input, { encoding: 'tcvn3' })).rejects.toThrow(/pass toUtf8/);
  });

  // Every pass read the conversion, so none saw the bytes: a UTF-8 file declared TCVN3 was validated as clean
  // converted text and written with every accented letter rewritten ("Nguyễn" → "NguyỏằẶn"), with nothing in the log.
  it.each(['tcvn3', 'windows-1258', 'vni'])('refuses a UTF-8 file declared %s, before writing or logging anything', async (encoding) => {
    const written: Uint8Array[] = [];
    const log: FixChange[] = [];
    const input = Buffer.from('id,name,note\n1, Nguyễn Văn An ,Hà Nội\n', 'utf8');
    await expect(fix(names, input, { now: NOW, encoding, toUtf8: true, write: (c) => { written.push(c); }, onChange: (c) => log.push(c) }))
      .rejects.toThrow(`ddss: fix reads this file as ${encoding}, but it looks like UTF-8: its bytes are valid UTF-8 with 4 accented ` +
        'letters written as UTF-8 sequences; converted, every accented letter would be rewritten: declare its encoding (utf8)');
    expect([written, log]).toEqual([[], []]);
  });

  it('still converts a legacy file whose first 64 KiB are ASCII (nothing says it is not as declared)', async () => {
    const input = Buffer.concat([Buffer.from(`id,name,note\n${'9,An,x\n'.repeat(10_000)}`), encodeTcvn3('1,Hà Nội,x\n') ?? new Uint8Array(0)]);
    const { text } = await run(names, input, { encoding: 'tcvn3', toUtf8: true });
    expect(text.endsWith('1,Hà Nội,x\n')).toBe(true);
  });
});

describe('fix: inputs it does not rewrite', () => {
  it('refuses a file that reads as another encoding than UTF-8 (a UTF-16 byte order mark)', async () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name,note\n1, An ,x\n', 'utf16le')]);
    await expect(run(names, input)).rejects.toThrow(/UTF-8 files only/);
  });

  it('refuses an unknown kind of fix and a bad delimiter', async () => {
    await expect(run(names, 'id\n', { only: ['nfc', 'guess' as never] })).rejects.toThrow(/unknown fix kind "guess"/);
    await expect(run(names, 'id\n', { delimiter: '"' })).rejects.toThrow(/delimiter/);
  });

  it('refuses an option it does not know, and a list of kinds that fixes nothing, before writing a byte', async () => {
    // Ignored, `Only: ['nfc']` fixed every kind, and `only: []` ran as a fix that never fixes.
    const written: Uint8Array[] = [];
    const input = Buffer.from('id,name,note\n1, An ,x\n');
    await expect(fix(names, input, { now: NOW, write: (c) => { written.push(c); }, Only: ['nfc'] } as FixOptions))
      .rejects.toThrow(/ddss: "Only" is not an option of fix \(did you mean "only"\?\)/);
    await expect(fix(names, input, { now: NOW, write: (c) => { written.push(c); }, only: [] }))
      .rejects.toThrow(/only: an empty list/);
    expect(written).toEqual([]);
  });
});

describe('fix with a change log that returns Promises', () => {
  it('waits for each before the next line, and resolves only once they settled', async () => {
    const input = `id,name,note\n${Array.from({ length: 20 }, (_, i) => `${i}, An ,x`).join('\n')}\n`;
    const { seen, open, receive } = gatedReceiver<FixChange>();
    let done = false;
    const running = fix(names, Buffer.from(input), { now: NOW, onChange: receive }).then((r) => { done = true; return r; });
    await new Promise((r) => setTimeout(r, 50));
    // Before: all 20 lines at once, and the run did not wait.
    expect(seen).toHaveLength(1);
    expect(done).toBe(false);
    open();
    const result = await running;
    expect(seen).toHaveLength(20);
    expect(result.fixed).toBe(20);
  });

  it('changeLogSink.write returns one Promise while its target is full', async () => {
    const { Writable } = await import('node:stream');
    const callbacks: Array<() => void> = [];
    const stream = new Writable({ highWaterMark: 1024, write(_c, _e, cb) { callbacks.push(cb); } });
    const log = changeLogSink(stream, { format: 'ndjson' });
    const line: FixChange = { status: 'fixed', row: 0, line: 2, field: 'name', rule: 'name.trimmed', code: 'x', kind: 'whitespace', before: ' A'.repeat(300), after: 'A' };
    const waits = Array.from({ length: 500 }, () => log.write(line)).filter((w) => w !== undefined);
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits).size).toBe(1);
    const pump = setInterval(() => { for (const cb of callbacks.splice(0)) cb(); }, 1);
    await waits[0];
    await log.close();
    clearInterval(pump);
  });
});

describe('fix with worker threads', () => {
  const LAND = new URL('../../examples/land/parcels.csv', import.meta.url).pathname;

  it('validates the input in byte ranges and gives what one thread gives: reports, log and fixed bytes', async () => {
    const { landParcels } = await import('../../rules/datasets/land-parcels.js');
    const one = await runFile(landParcels, LAND, { workers: 1 });
    const two = await runFile(landParcels, LAND, { workers: 2, minBytesPerWorker: 1 });
    expect(one.result.fixed).toBeGreaterThan(0);
    expect(two.bytes.equals(one.bytes)).toBe(true);
    expect(two.log).toEqual(one.log);
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
  });

  it('needs the definition module for workers, as validate does (the input is cut only for them)', async () => {
    expect(names.module).toBeUndefined();
    await expect(fix(names, LAND, { now: NOW, workers: 2 })).rejects.toThrow(/workers need the definition's module/);
    await expect(fix(names, LAND, { now: NOW, workers: 1 })).resolves.toBeDefined();
  });
});

/** Fixes the file at `path` (a path, so worker threads can cut it) and collects what `run` collects. */
async function runFile(def: DatasetDefinition, path: string, options: FixOptions) {
  const chunks: Uint8Array[] = [];
  const log: FixChange[] = [];
  const result = await fix(def, path, { now: NOW, write: (c) => { chunks.push(c); }, onChange: (c) => log.push(c), ...options });
  return { result, log, bytes: Buffer.concat(chunks) };
}
