import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { defineDataset, field, toJson, validate } from '../src/index.js';
import { createScanner } from '../src/sources/csv/scanner.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import type { RowBatch, TabularSource } from '../src/core/source.js';
import { chunked, collect } from './fixtures/csv/_collect.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A plain reference CSV reader, character by character: the scanner must agree with it on cells and lines. */
function reference(text: string, d: string): { cells: string[]; line: number; closed: boolean }[] {
  const out: { cells: string[]; line: number; closed: boolean }[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const lineBreak = (k: number): boolean => text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n');
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let closed = true;
    for (;;) {
      let v = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) {
            closed = false;
            break;
          }
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              v += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (lineBreak(i)) line++;
          v += text[i++];
        }
      }
      while (closed && i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') v += text[i++];
      cells.push(v);
      if (closed && i < n && text[i] === d) {
        i++;
        continue;
      }
      break;
    }
    if (!closed && (text[n - 1] === '\n' || text[n - 1] === '\r')) line--;
    out.push({ cells, line: start, closed });
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n' || text[i] === '\r') i++;
    else continue;
    line++;
  }
  return out;
}

const TOKENS = ['a', 'b', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', 'é', 'ệ', '😀', '\t', '0'];
const textArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));
const cutsArb = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 });

/** Splits a string into pieces of the given sizes (cycled), possibly between the halves of a surrogate pair. */
function pieces(s: string, sizes: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0, k = 0; i < s.length; k++) {
    const n = sizes[k % sizes.length] as number;
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out;
}

describe('the scanner agrees with a reference reader', () => {
  it('on cells and first lines of every record, whatever the chunking', () => {
    fc.assert(fc.property(textArb, cutsArb, (text, cuts) => {
      const got: { cells: string[]; line: number; closed: boolean }[] = [];
      const s = createScanner({ delimiter: ',', maxRecordBytes: 1 << 20 }, {
        record: (cells, line) => got.push({ cells, line, closed: true }),
        rejected: (code, line) => got.push({ cells: [code], line, closed: false }),
        ending: () => {},
      });
      for (const p of pieces(text, cuts)) s.write(p);
      s.end();
      const want = reference(text, ',').map((r) => (r.closed ? r : { cells: ['unclosed_quote'], line: r.line, closed: false }));
      expect(got).toEqual(want);
    }), { numRuns: 2000 });
  });
});

// Bytes with everything that can go wrong: multi-byte characters, invalid UTF-8, a BOM, quotes, controls.
const BYTE_TOKENS: readonly Uint8Array[] = [
  ...['a', ',', '"', '\n', '\r\n', '\r', 'ệ', '😀', '\0', ' ', 'Ấp Bắc'].map(utf8),
  Uint8Array.of(0xff), Uint8Array.of(0xe1, 0xbb), Uint8Array.of(0xc3), Uint8Array.of(0xed, 0xa0, 0x80),
  // UTF-16 byte order marks (LE, BE), which switch a utf8 input when they come first, and zero bytes of UTF-16 text.
  Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff), Uint8Array.of(0x61, 0x00), Uint8Array.of(0x00, 0x61),
];
const bytesArb = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...BYTE_TOKENS), { maxLength: 50 })).map(([bom, parts]) => {
  const all = [...(bom ? [Uint8Array.of(0xef, 0xbb, 0xbf)] : []), ...parts];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of all) {
    out.set(p, k);
    k += p.length;
  }
  return out;
});
const encodingArb = fc.constantFrom('utf8', 'utf16le', 'utf16be', 'windows-1258', 'tcvn3', 'vni');

describe('invariant 2: chunking does not matter', () => {
  it('random chunkings give the same batches, rows, issues and info as the whole buffer', async () => {
    await fc.assert(fc.asyncProperty(bytesArb, cutsArb, encodingArb, fc.integer({ min: 4, max: 40 }),
      async (bytes, cuts, encoding, maxRecordBytes) => {
        const options = { encoding, maxRecordBytes, batchSize: 3 };
        const whole = await collect(bytes, options);
        const parts = await collect(chunked(bytes, cuts), options);
        expect(parts.batches).toEqual(whole.batches);
        expect(parts.info).toEqual(whole.info);
      }), { numRuns: 400 });
  });
});

describe('invariant 5: nothing is silently lost', () => {
  it('records = evaluated rows + blank rows + rejected records, and no missing cell is filled', async () => {
    await fc.assert(fc.asyncProperty(bytesArb, encodingArb, async (bytes, encoding) => {
      const c = await collect(bytes, { encoding, maxRecordBytes: 24 });
      const notEvaluated = c.raw.filter((i) => i.scope === 'record').length;
      expect(c.info.records).toBe(c.rows.length + notEvaluated);
      const width = c.columns?.length ?? 0;
      for (const row of c.rows) {
        expect(row.length).toBeLessThanOrEqual(width);
        expect(row.every((v) => typeof v === 'string')).toBe(true);
      }
      const missing = c.raw.filter((i) => i.code === 'missing_cell').length;
      expect(missing).toBe(c.rows.reduce((n, r) => n + width - r.length, 0));
    }), { numRuns: 300 });
  });
});

const def = defineDataset({
  name: 'csv-props',
  key: 'id',
  fields: {
    id: field.text().required().unique(),
    name: field.text().trimmed().nfc().pattern(/^[\p{L} ]*$/u),
    n: field.integer().min(0),
  },
});

describe('invariant 1: validate is total', () => {
  it('resolves for any bytes and encoding; an unreadable source is partial with status error', async () => {
    await fc.assert(fc.asyncProperty(bytesArb, encodingArb, cutsArb, async (bytes, encoding, cuts) => {
      const stream = Readable.from(chunked(bytes, cuts));
      const report = await validate(def, readCsv(stream, { encoding, maxRecordBytes: 24 }), { now: NOW });
      expect(report.partial).toBe(report.source?.error !== undefined);
      if (report.partial) expect(report.status).toBe('error');
    }), { numRuns: 200 });
  });
});

// Well-formed CSV from random records, so the same rows can also be given as an array.
const valueArb = fc.array(fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'ễ', 'Việt', '0', '7', '-1', 'e\u0301'),
  { maxLength: 6 }).map((t) => t.join(''));
const recordsArb = fc.array(fc.tuple(valueArb, valueArb, valueArb).filter((r) => r.some((v) => v !== '')),
  { maxLength: 25 });
const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

describe('invariant 2: a CSV stream reports as the same rows given as an array', () => {
  it('gives the same report JSON (apart from the source description and physical lines)', async () => {
    await fc.assert(fc.asyncProperty(recordsArb, cutsArb, fc.boolean(), async (records, cuts, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const csv = `id,name,n${eol}${records.map((r) => r.map(quote).join(',') + eol).join('')}`;
      const chunks = chunked(utf8(csv), cuts);
      const fromCsv = await validate(def, readCsv(Readable.from(chunks), { batchSize: 4 }), { now: NOW });
      const objects = records.map(([id, name, n]) => ({ id, name, n }));
      const fromArray = await validate(def, objects, { now: NOW });
      expect(strip(toJson(fromCsv), true)).toEqual(strip(toJson(fromArray), true));

      // Given as one batch of arrays with their lines, only the source description differs.
      const lines = lineNumbers(records);
      const batchSource: TabularSource = {
        kind: 'csv',
        async *batches(): AsyncGenerator<RowBatch> {
          yield { columns: ['id', 'name', 'n'], rows: records, lines, linesRead: 1 };
        },
        info: () => ({ kind: 'array' }),
      };
      const fromBatch = await validate(def, batchSource, { now: NOW });
      expect(strip(toJson(fromCsv), false)).toEqual(strip(toJson(fromBatch), false));
    }), { numRuns: 120 });
  });
});

/** Physical first line of each record of the generated CSV. */
function lineNumbers(records: readonly (readonly string[])[]): number[] {
  let line = 2;
  return records.map((r) => {
    const at = line;
    line += r.join('').split(/\r\n|\n/).length;
    return at;
  });
}

function strip(json: string, lines: boolean): unknown {
  const o = JSON.parse(json) as Record<string, unknown>;
  delete o.source;
  if (lines) {
    for (const r of o.rules as { samples: Record<string, unknown>[] }[]) for (const s of r.samples) delete s.line;
  }
  return o;
}
