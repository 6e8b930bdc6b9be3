import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../src/index.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { readJson } from '../src/sources/json/read-json.js';

// Issue 13 item 4: a record of millions of NUL or invalid bytes grew memory by ~23 bytes per byte (every position
// was noted before the record was known to be too large) until V8 aborted. Memory must stay bounded by the cap.

const NOW = new Date('2026-11-22T00:00:00.000Z');
const MB = 1024 * 1024;
const SIZE = 16 * MB;
const CHUNK = 64 * 1024;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const def = defineDataset({ name: 'huge', fields: { id: field.text().required(), note: field.text() } });

setFlagsFromString('--expose-gc');
/** A full collection, so the samples measure what is kept, not garbage waiting for the collector. */
const gc = runInNewContext('gc') as () => void;

/** The highest live-heap growth seen while the huge record was read (sampled halfway and at its end). */
interface Peak {
  readonly before: number;
  max: number;
}

/** `head`, then `size` bytes of `fill` generated lazily chunk by chunk, then `tail`. */
async function* stream(head: string, fill: number, size: number, tail: string, peak: Peak): AsyncGenerator<Uint8Array> {
  yield utf8(head);
  const chunk = new Uint8Array(CHUNK).fill(fill);
  for (let n = 0; n < size; n += CHUNK) {
    if (n === size / 2) sample(peak);
    yield chunk;
  }
  sample(peak);
  yield utf8(tail);
}

function sample(peak: Peak): void {
  gc();
  peak.max = Math.max(peak.max, process.memoryUsage().heapUsed - peak.before);
}

function peakOf(): Peak {
  gc();
  return { before: process.memoryUsage().heapUsed, max: 0 };
}

describe('a huge record of NUL or invalid bytes', () => {
  it.each([
    ['NUL bytes, unquoted', 0x00, 'id,note\n1,', '\n2,ok\n'],
    ['NUL bytes, quoted', 0x00, 'id,note\n1,"', '"\n2,ok\n'],
    ['0xFF bytes, unquoted', 0xff, 'id,note\n1,', '\n2,ok\n'],
    ['0xFF bytes, quoted', 0xff, 'id,note\n1,"', '"\n2,ok\n'],
  ])('%s: record_too_large, the next record is read, the heap stays bounded', async (_name, fill, head, tail) => {
    const peak = peakOf();
    const report = await validate(def, readCsv(stream(head, fill, SIZE, tail, peak), { maxRecordBytes: 4096 }), { now: NOW });
    expect(report.partial).toBe(false);
    expect(report.rows).toBe(1);
    expect(report.source?.records).toBe(2);
    const tooLarge = report.rules.find((r) => r.id === 'source.record_too_large');
    expect(tooLarge?.samples.map((s) => s.line)).toEqual([2]);
    expect(report.rules.some((r) => r.id === 'source.control_character' || r.id === 'source.invalid_encoding')).toBe(false);
    expect(peak.max).toBeLessThan(8 * MB);
  });

  it.each([['NUL', 0x00], ['0xFF', 0xff]])('%s bytes as the header: the header is rejected, memory stays bounded', async (_name, fill) => {
    const peak = peakOf();
    const source = readCsv(stream('', fill, SIZE, '\nid\n1\n', peak), { maxRecordBytes: 4096 });
    const report = await validate(def, source, { now: NOW });
    expect(report.partial).toBe(true);
    expect(report.source?.error).toMatch(/header record at line 1 could not be read \(record_too_large\)/);
    expect(report.source?.bytes).toBe(SIZE + 6);
    expect(peak.max).toBeLessThan(8 * MB);
  });

  it('a record just under the cap still reports each bad cell once, with its first offset', async () => {
    const bad = new Uint8Array(3000).fill(0xff);
    const nul = new Uint8Array(3000);
    const bytes = new Uint8Array([...utf8('id,note\n1,'), ...bad, ...utf8(','), ...nul, ...utf8('\n2,ok\n')]);
    const report = await validate(def, readCsv(bytes, { maxRecordBytes: 16384 }), { now: NOW });
    const found = report.violations.map((v) => [v.code, v.line, v.message]);
    expect(found).toEqual([
      ['control_character', 2, expect.stringContaining('U+0000')],
      ['extra_cell', 2, expect.any(String)],
      ['invalid_encoding', 2, expect.stringContaining('offset 10 ')],
    ]);
  });
});

describe('the JSON reader on the same inputs', () => {
  it.each([
    ['NUL bytes', 0x00], ['0xFF bytes', 0xff],
  ])('an NDJSON line of %s is one rejected record, the next line is read, the heap stays bounded', async (_name, fill) => {
    const peak = peakOf();
    const source = readJson(stream('{"id":"1"}\n{"id":"', fill, SIZE, '"}\n{"id":"2"}\n', peak),
      { format: 'ndjson', maxRecordBytes: 4096 });
    const report = await validate(def, source, { now: NOW });
    expect([report.partial, report.rows, report.source?.records]).toEqual([false, 2, 3]);
    expect(report.rules.find((r) => r.id === 'source.record_too_large')?.failed).toBe(1);
    expect(peak.max).toBeLessThan(8 * MB);
  });
});
