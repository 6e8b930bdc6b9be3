import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJson, type JsonInput, type JsonSource, type ReadJsonOptions } from './read-json.js';
import type { RowBatch } from '../../core/source.js';
import { defineDataset, field, validate } from '../../index.js';

async function batches(input: JsonInput, options?: ReadJsonOptions): Promise<RowBatch[]> {
  const out: RowBatch[] = [];
  for await (const b of readJson(input, options).batches()) out.push(b);
  return out;
}

async function records(input: JsonInput | JsonSource, options?: ReadJsonOptions): Promise<unknown[]> {
  const out: unknown[] = [];
  const src = typeof input === 'object' && 'batches' in input ? input : readJson(input, options);
  for await (const r of src) out.push(r);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'ddss-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A stream that gives `chunks` and then fails. */
function failing(chunks: readonly string[]): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i < chunks.length) this.push(Buffer.from(chunks[i++] as string));
      else this.destroy(new Error('disk on fire'));
    },
  });
}

describe('readJson', () => {
  it.each([
    ['a file path', () => file('a.json', '[{"a":1},{"a":2}]')],
    ['a Readable', () => Readable.from([Buffer.from('[{"a":1},'), Buffer.from('{"a":2}]')])],
    ['an async iterable of strings', () => (async function* () { yield '[{"a":1},{"a"'; yield ':2}]'; })()],
    ['an array of byte chunks', () => [new TextEncoder().encode('[{"a":1},{"a":2}]')]],
  ])('reads %s', async (_name, input) => {
    expect(await records(input())).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it.each([
    ['x.json', undefined, '{"a":1}\n', 'json'],
    ['x.ndjson', undefined, '{"a":1}\n', 'ndjson'],
    ['x.JSONL', undefined, '{"a":1}\n', 'ndjson'],
    ['x.txt', undefined, ' [{"a":1}]', 'json'],
    ['x.txt', undefined, '{"a":1}\n{"a":2}\n', 'ndjson'],
    ['x.txt', undefined, '{"a":1}', 'ndjson'],
    ['x.txt', undefined, '{\n  "a": 1\n}\n', 'json'],
    ['x.txt', undefined, '\uFEFF\n\n{"a":1}\n', 'ndjson'],
    ['x.txt', undefined, '', 'json'],
    ['x.txt', undefined, '42', 'json'],
    ['x.ndjson', 'json', '[]', 'json'],
  ] as const)('detects %s with format %s and content %j as %s', async (name, format, content, kind) => {
    const src = readJson(file(name, content), format === undefined ? {} : { format });
    for await (const _ of src.batches()) { /* read it all */ }
    expect(src.kind).toBe(kind);
    expect(src.info().kind).toBe(kind);
  });

  it('detects the format of a stream by its name or, without one, by its content', async () => {
    const named = readJson([Buffer.from('{"a":1}\n')], { name: 'x.json' });
    for await (const _ of named.batches()) { /* read it all */ }
    expect(named.kind).toBe('json');
    expect(await records([Buffer.from('{"a":1}\n{"a":2}\n')])).toHaveLength(2);
  });

  it('reads content whose first line is longer than a record may be as NDJSON, so later lines are kept', async () => {
    const src = readJson([Buffer.from(`{"a":"${'x'.repeat(200)}"}\n{"a":1}\n`)], { maxRecordBytes: 100 });
    expect(await records(src)).toEqual([{ a: 1 }]);
    expect(src.kind).toBe('ndjson');
  });

  it('describes the source once read: name, encoding, bytes and physical records', async () => {
    const src = readJson(file('info.ndjson', '\uFEFF{"a":"é"}\n\n7\n'));
    for await (const _ of src.batches()) { /* read it all */ }
    expect(src.info()).toEqual({ kind: 'ndjson', name: 'info.ndjson', encoding: 'utf8', bytes: 17, records: 2 });
  });

  it('reads a file again on a second pass', async () => {
    const src = readJson(file('twice.json', '[{"a":1}]'));
    expect([await records(src), await records(src)]).toEqual([[{ a: 1 }], [{ a: 1 }]]);
  });

  it('refuses to read a stream twice', async () => {
    const src = readJson(Readable.from([Buffer.from('[]')]));
    for await (const _ of src.batches()) { /* read it all */ }
    await expect(async () => { for await (const _ of src.batches()) { /* again */ } }).rejects.toThrow(/only once/);
  });

  it('throws from the iterator, after the good records, when the stream fails mid-file', async () => {
    const src = readJson(failing(['[{"a":1},', '{"a":2},']));
    const seen: unknown[] = [];
    await expect(async () => { for await (const r of src) seen.push(r); }).rejects.toThrow('disk on fire');
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
    expect(src.info().error).toBe('disk on fire');
  });

  it('throws for a missing file, naming it in words, with its error in info() and its code on the error', async () => {
    const src = readJson(join(dir, 'missing.json'));
    // Before: Node's own "ENOENT: no such file or directory, open '…'", without saying which input it was.
    const error = await records(src).then(() => undefined, (e: unknown) => e as NodeJS.ErrnoException);
    expect([error?.message, error?.code]).toEqual(['ddss: could not read missing.json: file not found (ENOENT)', 'ENOENT']);
    expect(src.info().error).toBe('ddss: could not read missing.json: file not found (ENOENT)');
  });

  it('says a directory given as the input is one (EISDIR)', async () => {
    const src = readJson(dir, { format: 'ndjson' });
    await expect(records(src)).rejects.toThrow(`ddss: could not read ${basename(dir)}: it is a directory (EISDIR)`);
  });

  it('counts bytes exactly after invalid UTF-8: each replaced sequence as its own length', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xe2, 0x82]), Buffer.from('é"}\n{"a":x}\n')]);
    const got = await batches([bytes], { format: 'ndjson' });
    const issues = got.flatMap((b) => b.issues ?? []).map((i) => [i.code, i.params?.offset]);
    expect(issues).toEqual([['invalid_encoding', 6], ['invalid_json', 19]]);
  });

  it('throws for a broken JSON document, with the byte offset', async () => {
    await expect(records([Buffer.from('[{"a":1} {"a":2}]')])).rejects.toThrow(/at byte 9 /);
  });

  it('hands batches of 1024 to 4096 rows to the engine, and every line number', async () => {
    const text = `[${Array.from({ length: 10_000 }, (_, i) => `{"i":${i}}`).join(',\n')}]`;
    const got = await batches([Buffer.from(text)]);
    const sizes = got.map((b) => b.rows.length);
    expect(sizes.slice(0, -1).every((n) => n >= 1024 && n <= 4096)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(got.flatMap((b) => Array.from(b.lines ?? []))).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
    expect(got.at(-1)?.linesRead).toBe(10_000);
  });

  it.each([
    [{ maxRecordBytes: 0 }],
    [{ maxDepth: 0 }],
    [{ maxDepth: 1.5 }],
  ])('rejects the options %j', (options) => {
    expect(() => readJson([], options)).toThrow(RangeError);
  });
});

describe('a rejected record on the line of the rows before it', () => {
  it.each([
    ['in the middle of a one-line array', '[{"a":1},{"a":2},5,{"a":3}]', [[1, 2], [3]]],
    ['at the end of a truncated one-line array', '[{"a":1},{"a":2},5', [[1, 2], []]],
  ])('%s starts a new batch, so the engine keeps findings in file order', async (_, text, rows) => {
    const got = await batches([text], { format: 'json' }).catch(() => undefined);
    const all: RowBatch[] = [];
    if (got === undefined) {
      // A broken document throws after its records: collect what came before.
      try {
        for await (const b of readJson([text], { format: 'json' }).batches()) all.push(b);
      } catch { /* the break */ }
    }
    const seen = (got ?? all).filter((b) => b.rows.length > 0 || (b.issues?.length ?? 0) > 0);
    expect(seen.map((b) => b.rows.map((r) => (r as { a: number }).a))).toEqual(rows);
    expect(seen[0]?.issues ?? []).toEqual([]);
    expect(seen[1]?.issues?.[0]).toMatchObject({ code: 'non_object_element', line: 1 });
  });
});

// A gzip export named .ndjson was 508 `invalid_json` records, status failed: now it says what it is (exit 3 in the CLI).
describe('readJson on a file that is not text', () => {
  it.each([['json'], ['ndjson']] as const)('a gzip file read as %s: source.binary_input, nothing decoded, the read fails', async (format) => {
    const gz = gzipSync('{"a":1}\n'.repeat(1000));
    const path = file(`export.${format}`, gz);
    const got = await batches(path);
    const src = readJson(path);
    expect(got.flatMap((b) => b.rows)).toEqual([]);
    expect(got.flatMap((b) => b.issues ?? [])).toEqual([{ code: 'binary_input', criterion: 'sufficient', severity: 'error',
      scope: 'file', params: { format: 'gzip' } }]);
    await records(src);
    expect(src.info()).toMatchObject({ bytes: gz.length, records: 0,
      error: 'the input is gzip data, not text: decompress it first (gunzip, or `zcat FILE | ddss validate - …`)' });
  });

  // Windows PowerShell 5 writes `ConvertTo-Json > export.json` as UTF-16 LE with a BOM: it was "invalid JSON at byte 0 …
  // found "�"", which says nothing of what to do.
  it.each([
    ['json', 'utf16le', true], ['json', 'utf16be', true], ['ndjson', 'utf16le', true], ['json', 'utf16le', false], ['ndjson', 'utf16be', false],
  ] as const)('a %s file in %s (byte order mark: %s): source.encoding_mismatch, nothing decoded, the read fails saying how to convert it', async (format, encoding, bom) => {
    const text = format === 'json' ? '[{"id":"á"},\n{"id":"b"}]\n' : '{"id":"á"}\n{"id":"b"}\n';
    const le = Buffer.from(text, 'utf16le');
    const body = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
    const bytes = Buffer.concat([bom ? Buffer.from(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
    const path = file(`ps-export-${encoding}-${String(bom)}.${format}`, bytes);
    const src = readJson(path);
    const got: RowBatch[] = [];
    for await (const b of src.batches()) got.push(b);
    const likely = encoding === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    expect(got.flatMap((b) => b.rows)).toEqual([]);
    expect(got.flatMap((b) => b.issues ?? [])).toEqual([{ code: 'encoding_mismatch', criterion: 'clean', severity: 'error', scope: 'file',
      params: { declared: 'utf8', likely, evidence: bom
        ? { en: `it starts with the ${likely} byte order mark`, vi: `tệp bắt đầu bằng dấu thứ tự byte (BOM) của ${likely}` }
        : { en: 'every other byte is zero, as in UTF-16 text', vi: 'cứ hai byte lại có một byte 0, như văn bản UTF-16' } },
      suggestion: encoding }]);
    expect(src.info()).toMatchObject({ bytes: bytes.length, records: 0,
      error: `the input is ${likely} text, and JSON is read as UTF-8: convert it first (iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.json)` });
  });

  it('keeps the records of a stream that fails within its first 16 bytes', async () => {
    await expect(records(failing(['{"a":1}\n', '{"a":2}\n']), { format: 'ndjson' })).rejects.toThrow('disk on fire');
    const src = readJson(failing(['{"a":1}\n', '{"a":2}\n']), { format: 'ndjson' });
    const seen: unknown[] = [];
    await expect((async () => { for await (const r of src) seen.push(r); })()).rejects.toThrow('disk on fire');
    expect(seen).toEqual([{ a: 1 }, { a: 2 }]);
  });
});

describe('readJson on a file cut short by a crash (it ends in zero bytes)', () => {
  const zeros = (text: string, n = 64): Buffer => Buffer.concat([Buffer.from(text), Buffer.alloc(n)]);
  it.each([
    ['NDJSON: the lines before are read, the zeros are no line', zeros('{"id":"1"}\n{"id":"2"}\n'), 'ndjson', 2, [], { bytes: 64, offset: 22 }, false],
    ['NDJSON cut inside its last line: that line is invalid_json, as in the file cut there', zeros('{"id":"1"}\n{"id":"2"'), 'ndjson', 1,
      ['invalid_json@2'], { bytes: 64, offset: 20 }, false],
    ['a JSON array followed by zeros is read whole', zeros('[{"id":"1"},{"id":"2"}]\n'), 'json', 2, [], { bytes: 64, offset: 24 }, false],
    ['a JSON array cut short breaks off (partial), the finding saying why', zeros('[{"id":"1"},{"id":"2"'), 'json', 1, [],
      { bytes: 64, offset: 21 }, true],
    ['nothing but zeros fails as an empty input does', zeros('', 4096), 'ndjson', 0, [], { bytes: 4096, offset: 0 }, true],
  ] as const)('%s', async (_, bytes, format, rows, others, params, fails) => {
    const source = readJson([bytes], { format });
    const got: RowBatch[] = [];
    let threw = false;
    try {
      for await (const b of source.batches()) got.push(b);
    } catch {
      threw = true;
    }
    const issues = got.flatMap((b) => b.issues ?? []);
    expect(got.reduce((n, b) => n + b.rows.length, 0)).toBe(rows);
    expect(issues.filter((i) => i.code !== 'zero_filled_tail').map((i) => `${i.code}@${i.line ?? '-'}`)).toEqual(others);
    expect(issues.filter((i) => i.code === 'zero_filled_tail')).toEqual([{ code: 'zero_filled_tail', criterion: 'sufficient',
      severity: 'error', scope: 'file', params }]);
    expect(source.info().error !== undefined).toBe(fails);
    expect(threw).toBe(fails && format === 'json');
    expect(source.info().records).toBe(rows + others.length);
  });
});

describe('readJson with records: the array of records inside a wrapper document', () => {
  const wrapped = '{"success": true, "total": 2,\n "data": [\n  {"a": 1},\n  {"a": 2}\n ]}\n';

  it.each([
    ['a dotted path', 'data', 'data'],
    ['a JSON Pointer', '/data', 'data'],
    ['a pointer to a key with a dot', '/v1.0', '/v1.0'],
  ])('reads a file by %s, and names the path as it reads it back', async (_name, records, shown) => {
    const path = file(`wrapped-${shown.length}.json`, wrapped.replace('"data"', `"${records === '/v1.0' ? 'v1.0' : 'data'}"`));
    const source = readJson(path, { records });
    const got = await batches(path, { records });
    expect(got.flatMap((b) => b.rows)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(got.flatMap((b) => Array.from(b.lines ?? []))).toEqual([3, 4]);
    expect(source.file?.records).toBe(shown);
  });

  it('reads a stream or a file of any name as one JSON document, whatever its first line', async () => {
    expect(await records(['{"data":[{"a":1}]}\n'], { records: 'data' })).toEqual([{ a: 1 }]);
    expect(await records(file('wrapped.txt', '{"data":[{"a":1}]}\n'), { records: 'data' })).toEqual([{ a: 1 }]);
  });

  it.each([
    ['NDJSON declared', { format: 'ndjson', records: 'data' }, 'x.json', /NDJSON has one record per line/],
    ['an .ndjson file', { records: 'data' }, 'x.ndjson', /NDJSON has one record per line/],
    ['an empty path', { records: '' }, 'x.json', /records path is empty/],
    ['an empty key', { records: 'a..b' }, 'x.json', /empty key/],
  ] as const)('refuses %s when called', (_name, options, path, message) => {
    expect(() => readJson(path, options)).toThrow(message);
  });

  it('fails the read naming what the document holds when the records are not there, after no record', async () => {
    const source = readJson([wrapped], { records: 'items' });
    await expect(records(source)).rejects.toThrow('"items" is not in the document; its keys are success, total, data; "data" holds an array of 2 objects: pass --json-records data');
    expect(source.info()).toMatchObject({ records: 0, error: expect.stringMatching(/^ddss: "items" is not in the document/) });
  });
});

describe('readJson options', () => {
  it.each([
    [{ formt: 'ndjson' }, /"formt" is not an option of readJson \(did you mean "format"\?\)/],
    [{ record: 'data' }, /did you mean "records"/],
    [{ maxRecordSize: 10 }, /is not an option of readJson/],
    // Taken for a document, and named in the report as given: source.kind "ndjsn".
    [{ format: 'ndjsn' }, /readJson format must be "json", "ndjson" or "auto", got "ndjsn"/],
  ])('refuses a key that is no option (%o): it would have read the input as if not asked', (options, message) => {
    expect(() => readJson(['[{"a":1}]'], options as never)).toThrow(message);
  });
});

describe('a JSON record whose only key holds a tab', () => {
  // Found by the accounting property (test/json-properties.test.ts): the keys were judged as a CSV header line, and
  // "the file seems separated by tab" was one more table-level finding than there were records.
  it('is no delimiter_mismatch: JSON keys are split by no delimiter', async () => {
    const def = defineDataset({ name: 'd', fields: { id: field.text(), a: field.number() } });
    const report = await validate(def, readJson(['[\n{"toS\\tring": 1}\n]']), { now: new Date('2026-01-01') });
    expect(report.rules.find((r) => r.id === 'source.delimiter_mismatch')?.violations ?? 0).toBe(0);
    expect(report.rules.find((r) => r.id === 'source.unexpected_column')?.violations).toBe(1);
  });
});
