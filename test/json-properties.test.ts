import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineDataset, field, validate } from 'ddss';
import { readJson, type ReadJsonOptions } from '../src/sources/json/read-json.js';
import { numberValue } from '../src/sources/json/_number.js';
import type { SourceIssue } from '../src/core/source.js';

interface Outcome {
  rows: unknown[];
  lines: number[];
  issues: SourceIssue[];
  error: string | undefined;
  info: unknown;
  linesRead: number | undefined;
}

/** Everything a source gives, with row issues re-indexed over the whole output so batches do not matter. */
async function collect(parts: readonly Uint8Array[], options: ReadJsonOptions): Promise<Outcome> {
  const src = readJson(parts, options);
  const out: Outcome = { rows: [], lines: [], issues: [], error: undefined, info: undefined, linesRead: undefined };
  try {
    for await (const b of src.batches()) {
      for (const i of b.issues ?? []) out.issues.push(i.index === undefined ? i : { ...i, index: i.index + out.rows.length });
      out.rows.push(...b.rows);
      out.lines.push(...Array.from(b.lines ?? []));
      out.linesRead = b.linesRead;
    }
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    out.error = (e as Error).message;
  }
  out.info = src.info();
  return out;
}

function cut(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  return parts;
}

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

// Records written by hand, so keys repeat (duplicates), hostile keys appear, and numbers keep their exact text.
const key = fc.constantFrom('id', 'a', 'é', '__proto__', 'constructor', 'toString', '');
const scalarText = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('001089012345', '12345678901234567890', '1e400', '-0.5e-3', '"Nguyễn 😀"', '"\\ud83d\\ude00\\n"'),
);
const recordText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(key, scalarText), { maxLength: 5 })
    .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`) },
  { weight: 1, arbitrary: scalarText },
  { weight: 1, arbitrary: fc.nat({ max: 6 }).map((d) => `${'{"n":'.repeat(d)}{}${'}'.repeat(d)}`) },
);
const noise = fc.constantFrom('[', ']', '{', '}', ',', ':', '"', '\\', '\n', '\r\n', ' ', 'é', '\uFEFF', 'x', '0', '-', 'tru');
/** A JSON array or NDJSON text, sometimes with noise inserted, and sometimes invalid UTF-8 bytes. */
const document = fc.record({
  ndjson: fc.boolean(),
  records: fc.array(recordText, { maxLength: 8 }),
  noise: fc.array(fc.tuple(fc.nat(), noise), { maxLength: 2 }),
  badByte: fc.option(fc.tuple(fc.nat(), fc.constantFrom(0xff, 0xc3, 0xe2, 0x80)), { nil: undefined }),
}).map(({ ndjson, records, noise: inserts, badByte }) => {
  let text = ndjson ? records.map((r) => `${r}\n`).join('') : `[\n${records.join(',\n')}\n]`;
  for (const [at, s] of inserts) text = text.slice(0, at % (text.length + 1)) + s + text.slice(at % (text.length + 1));
  let bytes = encode(text);
  if (badByte !== undefined) {
    const at = badByte[0] % (bytes.length + 1);
    bytes = new Uint8Array([...bytes.subarray(0, at), badByte[1], ...bytes.subarray(at)]);
  }
  return { ndjson, bytes };
});
const limits = fc.record({ maxRecordBytes: fc.constantFrom(30, 1 << 20), maxDepth: fc.constantFrom(2, 64) });

describe('readJson properties', () => {
  it('gives the same records, lines, issues and errors whatever the chunking', async () => {
    await fc.assert(fc.asyncProperty(document, limits, fc.array(fc.nat(), { maxLength: 12 }),
      async ({ ndjson, bytes }, lim, cuts) => {
        const options: ReadJsonOptions = { format: ndjson ? 'ndjson' : 'json', ...lim };
        expect(await collect(cut(bytes, cuts), options)).toEqual(await collect([bytes], options));
      }), { numRuns: 300 });
  });

  it('reads valid JSON exactly as JSON.parse does, except long numbers kept as text', async () => {
    const expected = (v: unknown): unknown => {
      if (typeof v === 'number') return numberValue(JSON.stringify(v));
      if (Array.isArray(v)) return v.map(expected);
      if (typeof v === 'object' && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expected(x)]));
      }
      return v;
    };
    const row = fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    await fc.assert(fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }),
      async (rows, ndjson, cuts) => {
        const text = ndjson ? rows.map((r) => `${JSON.stringify(r)}\n`).join('') : JSON.stringify(rows, null, 1);
        const got = await collect(cut(encode(text), cuts), { format: ndjson ? 'ndjson' : 'json' });
        const parsed = ndjson ? rows.map((r) => JSON.parse(JSON.stringify(r)) as unknown) : JSON.parse(text) as unknown[];
        expect(got.error).toBeUndefined();
        // NDJSON of no records is no text at all: an empty input (a finding, not an empty table).
        expect(got.issues).toEqual(text === '' ? [expect.objectContaining({ code: 'empty' })] : []);
        expect(got.rows).toEqual(parsed.map(expected));
      }), { numRuns: 200 });
  });

  it('never throws synchronously and never hangs on arbitrary bytes: it finishes or throws an Error', async () => {
    const input = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.array(noise, { maxLength: 60 }).map((t) => encode(t.join(''))));
    await fc.assert(fc.asyncProperty(input, fc.constantFrom('json', 'ndjson', 'auto') as fc.Arbitrary<'json' | 'ndjson' | 'auto'>,
      async (bytes, format) => {
        const out = await collect([bytes], { format, maxDepth: 3 });
        expect(out.rows.every((r) => typeof r === 'object' && r !== null && Object.getPrototypeOf(r) === null)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }), { numRuns: 500 });
  });
});

describe('validate over readJson', () => {
  const def = defineDataset({
    name: 'props',
    key: 'id',
    fields: { id: field.text().required().unique(), a: field.number().min(0), n: field.any() },
  });

  it('resolves for any input, is partial exactly when reading failed, and accounts for every physical record', async () => {
    // Bytes with the zeros of UTF-16 text (`[` `{` in UTF-16 LE) are always among the inputs: fast-check finds them only now and then.
    const input = fc.oneof(document.map((d) => d.bytes), fc.uint8Array({ maxLength: 120 }), fc.constant(Uint8Array.of(0x5b, 0, 0x7b, 0)));
    await fc.assert(fc.asyncProperty(input, fc.array(fc.nat(), { maxLength: 4 }), limits, async (bytes, cuts, lim) => {
      const report = await validate(def, readJson(cut(bytes, cuts), lim), { now: new Date('2026-01-01') });
      expect(report.partial).toBe(report.source?.error !== undefined);
      if (report.partial) expect(report.status).toBe('error');
      for (const s of [report.score, ...Object.values(report.criteria).map((c) => c.score)]) {
        expect(s === null || (s >= 0 && s <= 1)).toBe(true);
      }
      // Rejected records: the table-level source findings, except those about the file, not a record (`empty`; UTF-16
      // text, told by its zero bytes, and binary data, neither decoded). Nor the header findings (a declared field in no
      // record, a key not declared): they count columns.
      const header = ['source.empty', 'source.encoding_mismatch', 'source.binary_input', 'source.missing_column', 'source.unexpected_column'];
      const rejected = report.rules.filter((r) => r.id.startsWith('source.') && r.level === 'table' && !header.includes(r.id))
        .reduce((sum, r) => sum + r.violations, 0);
      expect(report.rows + rejected).toBe(report.source?.records);
    }), { numRuns: 200 });
  });
});
