import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from 'ddss';
import { readJson, type JsonInput } from '../src/sources/json/read-json.js';
import type { SourceIssue } from '../src/core/source.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/json/${name}`, import.meta.url));

interface Read {
  rows: Record<string, unknown>[];
  issues: (readonly [string, number | undefined, string | undefined])[];
  raw: SourceIssue[];
  error: string | undefined;
}

async function read(input: JsonInput, options = {}): Promise<Read> {
  const out: Read = { rows: [], issues: [], raw: [], error: undefined };
  try {
    for await (const b of readJson(input, options).batches()) {
      out.rows.push(...(b.rows as Record<string, unknown>[]));
      out.raw.push(...(b.issues ?? []));
    }
  } catch (e) {
    out.error = (e as Error).message;
  }
  out.issues = out.raw.map((i) => [i.code, i.line, i.field] as const);
  return out;
}

const parcels = defineDataset({
  name: 'parcels',
  key: 'id',
  fields: {
    id: field.text().required(),
    owner: field.text(),
    owner_cccd: field.text().pattern(/^\d{12}$/),
    area: field.number(),
    meta: field.any(),
  },
});

describe('JSON fixtures', () => {
  it.each([
    ['empty-array.json', 0, []],
    ['object.json', 1, [['non_array_document', 1, undefined]]],
    ['number.json', 0, [['non_object_element', 1, undefined]]],
    ['string.json', 0, [['non_object_element', 1, undefined]]],
    ['non-objects.json', 2, [3, 4, 5, 6].map((line) => ['non_object_element', line, undefined])],
    ['duplicate-keys.json', 2, [['duplicate_key', 2, 'owner'], ['duplicate_key', 3, 'meta']]],
    ['proto-keys.json', 1, []],
    ['proto-keys.ndjson', 1, []],
    ['invalid-utf8.json', 2, [['invalid_encoding', 2, 'owner']]],
    ['bad-line.ndjson', 3, [['invalid_json', 2, undefined], ['non_object_element', 5, undefined]]],
    ['bom.json', 1, []],
    ['bom.ndjson', 2, []],
    ['long-ids.json', 1, [['leading_zero_number', 2, 'owner_cccd']]],
    ['leading-zeros.ndjson', 3, [['leading_zero_number', 1, 'owner_id'], ['leading_zero_number', 3, 'area'],
      ['invalid_json', 4, undefined]]],
  ])('%s gives %i rows and exactly the issues %j', async (name, rows, issues) => {
    const r = await read(fixture(name));
    expect(r.error).toBeUndefined();
    expect(r.rows).toHaveLength(rows);
    expect(r.issues).toEqual(issues);
  });

  // Issue 13 item 8: nothing to read is a read error with a finding, never an empty table that passes.
  it.each([
    ['a 0-byte file', fixture('empty.json'), {}, 'the input is empty (0 bytes)'],
    ['a BOM only', [Uint8Array.of(0xef, 0xbb, 0xbf)], {}, 'the input holds only a byte order mark (UTF-8, 3 bytes)'],
    ['whitespace only', [' \n\t\r\n'], { format: 'json' }, 'the input holds only whitespace (5 bytes)'],
    ['blank NDJSON lines', ['\n', '\n  \n'], { format: 'ndjson' }, 'the input holds only whitespace (5 bytes)'],
    ['a BOM and whitespace', [Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf, 0x0a)], {}, 'the input holds only a byte order mark and whitespace (4 bytes)'],
  ] as const)('%s is source.empty and a read error', async (_name, input, options, error) => {
    const r = await read(input as JsonInput, options);
    expect([r.rows.length, r.issues, r.error]).toEqual([0, [['empty', undefined, undefined]], undefined]);
    const source = readJson(input as JsonInput, options);
    const report = await validate(parcels, source, { now: new Date('2026-01-01') });
    expect([report.partial, report.status, report.source?.error]).toEqual([true, 'error', error]);
    const rule = report.rules.find((x) => x.id === 'source.empty');
    expect([rule?.criterion, rule?.severity, rule?.checked, rule?.failed]).toEqual(['sufficient', 'error', 1, 1]);
  });

  it.each([['[]', 0], ['{"id":"1"}', 1]])('%s is data, not an empty input', async (text, rows) => {
    const report = await validate(parcels, readJson([text]), { now: new Date('2026-01-01') });
    expect([report.rows, report.rules.some((x) => x.id === 'source.empty'), report.source?.error]).toEqual([rows, false, undefined]);
  });

  it.each([
    ['number.json', 'number'],
    ['string.json', 'string'],
  ])('%s is reported as a %s', async (name, type) => {
    expect((await read(fixture(name))).raw[0]?.params).toEqual({ type });
  });

  it('reads a single-object document as one row with a warning, so the run is warned, not failed', async () => {
    // Declared fields only of the object's (a field in no record is a missing column, as in CSV).
    const one = defineDataset({ name: 'one', key: 'id', fields: { id: field.text().required(), area: field.number() } });
    const report = await validate(one, readJson(fixture('object.json')));
    const rule = report.rules.find((x) => x.id === 'source.non_array_document');
    expect([report.rows, report.status, rule?.severity, rule?.failed]).toEqual([1, 'warned', 'warning', 1]);
  });

  it('keeps the last value of a duplicate key', async () => {
    const r = await read(fixture('duplicate-keys.json'));
    expect(r.rows).toEqual([{ id: 'P-1', owner: 'B' }, { id: 'P-2', meta: { k: 2 } }]);
  });

  it.each(['proto-keys.json', 'proto-keys.ndjson'])('%s reads __proto__ and constructor as columns and pollutes nothing', async (name) => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = await read(fixture(name));
    const row = r.rows[0] as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(['id', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    const report = await validate(parcels, readJson(fixture(name)));
    expect(report.rows).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('locates invalid UTF-8 at its exact byte offset and keeps the text with U+FFFD', async () => {
    const r = await read(fixture('invalid-utf8.json'));
    expect(r.raw[0]?.params).toEqual({ offset: 32, encoding: 'utf-8' });
    expect(r.rows.map((x) => x.owner)).toEqual(['Nguy\uFFFD\uFFFDn', 'Lê']);
  });

  it('keeps long numeric IDs and zero-led numbers as their exact text; a zero-led one is a finding, not JSON', async () => {
    const r = await read(fixture('long-ids.json'));
    expect(r.rows).toEqual([{ id: 'P-1', owner_cccd: '001089012345', big: '12345678901234567890', area: 1.5, n15: 123456789012345 }]);
    const report = await validate(parcels, readJson(fixture('long-ids.json')));
    expect(report.rules.find((x) => x.id === 'owner_cccd.pattern')?.failed).toBe(0);
    // Before: accepted without a word, so a file JSON.parse rejects passed as JSON.
    expect(report.rules.find((x) => x.id === 'source.leading_zero_number')).toMatchObject({ criterion: 'correct',
      severity: 'error', status: 'failed', checked: 1, failed: 1 });
    expect(report.status).toBe('failed');
  });

  it('an NDJSON ID written as a zero-led number keeps its zero, with a finding naming the field (masked when personal)', async () => {
    const r = await read(fixture('leading-zeros.ndjson'));
    // Never the number 79123456789: the zero of the ID would be lost.
    expect(r.rows.map((x) => x.owner_id)).toEqual(['079123456789', '079123456789', '001089012345']);
    expect(r.rows[2]?.area).toBe('00.5');
    expect(r.raw[0]).toMatchObject({ code: 'leading_zero_number', criterion: 'correct', severity: 'error', scope: 'row',
      field: 'owner_id', value: '079123456789', params: { offset: 12 } });
    const personal = defineDataset({ name: 'p', fields: { id: field.text(), owner_id: field.text().pii(), area: field.any() } });
    const report = await validate(personal, readJson(fixture('leading-zeros.ndjson')));
    const rule = report.rules.find((x) => x.id === 'source.leading_zero_number');
    expect([rule?.failed, rule?.samples.map((x) => [x.line, x.field, x.value])]).toEqual([2, [[1, 'owner_id', '0791******89'], [3, 'area', '00.5']]]);
    expect(rule?.samples[0]?.message).toBe('owner_id: 0791******89 (byte 12) is a number with a leading zero, which is not JSON; ' +
      'it is kept as the text "0791******89" (quote it in the export)');
    expect(JSON.stringify(report)).not.toContain('079123456789');
  });

  it('stops at a syntax error mid-array: the rows before it, then an error with the byte offset', async () => {
    const r = await read(fixture('broken-mid-array.json'));
    expect(r.rows.map((x) => x.id)).toEqual(['P-1', 'P-2']);
    expect(r.error).toMatch(/invalid JSON at byte 51 \(line 4\)/);
    const report = await validate(parcels, readJson(fixture('broken-mid-array.json')));
    expect([report.partial, report.status, report.rows]).toEqual([true, 'error', 2]);
    expect(report.source?.error).toMatch(/byte 51/);
  });

  it('turns structural issues into source rules of the report', async () => {
    const report = await validate(parcels, readJson(fixture('non-objects.json')));
    const rule = report.rules.find((x) => x.id === 'source.non_object_element');
    expect([rule?.criterion, rule?.level, rule?.checked, rule?.failed]).toEqual(['correct', 'table', 6, 4]);
    expect(report.source).toMatchObject({ kind: 'json', name: 'non-objects.json', records: 6 });
    const dup = (await validate(parcels, readJson(fixture('duplicate-keys.json')))).rules.find((x) => x.id === 'source.duplicate_key');
    expect([dup?.criterion, dup?.level, dup?.checked, dup?.failed, dup?.samples.map((s) => s.key)]).toEqual(['clean', 'row', 2, 2, ['P-1', 'P-2']]);
  });
});

describe('generated bad inputs', () => {
  it('rejects an array element nested 100,000 levels deep without overflowing the stack', async () => {
    const deep = `[${'['.repeat(100_000)}${']'.repeat(100_000)},{"id":"P-1"}]`;
    const r = await read([deep]);
    expect(r.issues).toEqual([['non_object_element', 1, undefined]]);
    expect(r.rows).toEqual([{ id: 'P-1' }]);
  });

  it('rejects an object nested 100,000 levels deep as too_deep', async () => {
    const deep = `[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)},{"id":"P-1"}]`;
    const r = await read([deep]);
    expect(r.raw.map((i) => [i.code, i.params])).toEqual([['too_deep', { maxDepth: 64 }]]);
    expect(r.rows).toHaveLength(1);
  });

  it('throws, without overflowing, for 100,000 unclosed [', async () => {
    expect((await read(['['.repeat(100_000)])).error).toMatch(/at byte 100000 .*unexpected end of input: the document is not closed/);
  });

  it('skips a record over the default 1 MiB cap and reads the next, in JSON and NDJSON', async () => {
    const huge = `{"id":"P-0","note":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const json = await read([`[${huge},{"id":"P-1"}]`]);
    const ndjson = await read([`${huge}\n{"id":"P-1"}\n`]);
    for (const r of [json, ndjson]) {
      expect(r.raw.map((i) => [i.code, i.scope, i.params])).toEqual([['record_too_large', 'record', { maxBytes: 1_048_576 }]]);
      expect(r.rows).toEqual([{ id: 'P-1' }]);
    }
  });

  it('gives a partial report, never a crash, when the stream fails mid-file', async () => {
    let sent = false;
    const stream = new Readable({
      read() {
        if (!sent) this.push(Buffer.from('{"id":"P-1"}\n{"id":"P-2"}\n{"id":'));
        else this.destroy(new Error('connection reset'));
        sent = true;
      },
    });
    const report = await validate(parcels, readJson(stream, { format: 'ndjson' }));
    expect([report.partial, report.status, report.rows, report.source?.error]).toEqual([true, 'error', 2, 'connection reset']);
  });
});

// JSON has no header: a property renamed in the export (a declared field in no record) and a property the definition
// does not declare passed without a word ("Passed", the field's rules skipped). The keys of the records are the
// source's columns, as a CSV header is.
describe('JSON records: their keys are the columns', () => {
  const people = defineDataset({ name: 'people', key: 'id', fields: { id: field.text().required(), name: field.text() } });
  const ndjson = (text: string) => readJson([Buffer.from(text)], { format: 'ndjson', name: 'p.ndjson' });

  it('a declared field in no record is source.missing_column, naming the key it may have become', async () => {
    const report = await validate(people, ndjson('{"id":"1","Name":"An"}\n{"id":"2","Name":"Bình"}\n'));
    expect(report.status).toBe('failed');
    const missing = report.rules.find((r) => r.id === 'source.missing_column');
    expect(missing?.failed).toBe(1);
    expect(missing?.samples[0]).toMatchObject({ field: 'name' });
    expect(report.rules.find((r) => r.id === 'source.unexpected_column')?.failed).toBe(1);
  });

  it('a key first seen in a later record, or in a later batch, counts as a column', async () => {
    const late = Array.from({ length: 3000 }, (_, i) => `{"id":"${i}","name":"An"}`).join('\n');
    const report = await validate(people, ndjson(`${late}\n{"id":"x","name":"An","extra":1}\n`));
    expect(report.rules.find((r) => r.id === 'source.unexpected_column')?.samples[0]).toMatchObject({ value: 'extra' });
    expect(report.rules.find((r) => r.id === 'source.missing_column')).toBeUndefined();
  });

  it('records that all have the declared keys pass', async () => {
    expect((await validate(people, ndjson('{"id":"1","name":"An"}\n{"id":"2"}\n'))).status).toBe('passed');
  });
});
