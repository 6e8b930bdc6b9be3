import { describe, expect, it } from 'vitest';
import { readJson } from '../src/sources/json/read-json.js';
import type { SourceIssue } from '../src/core/source.js';

// What the JSON reader accepts, checked against the JSON grammar (RFC 8259), with JSON.parse as the oracle: whatever
// is not JSON must never be read as if it were without a finding. The reader has its own scanner (streaming, bounded
// memory), so its grammar is its own code, not JSON.parse's.

interface Read { rows: Record<string, unknown>[]; issues: SourceIssue[]; error: string | undefined }

async function read(text: string, format: 'json' | 'ndjson'): Promise<Read> {
  const out: Read = { rows: [], issues: [], error: undefined };
  try {
    for await (const b of readJson([Buffer.from(text)], { format }).batches()) {
      out.rows.push(...(b.rows as Record<string, unknown>[]));
      out.issues.push(...(b.issues ?? []));
    }
  } catch (e) {
    out.error = (e as Error).message;
  }
  return out;
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

// Each is one record (an NDJSON line, or the one element of a JSON array) that is not JSON.
const NOT_JSON: readonly (readonly [string, string])[] = [
  ['a plus sign', '{"a":+1}'],
  ['a fraction without its integer part', '{"a":.5}'],
  ['a point without a fraction', '{"a":1.}'],
  ['a minus sign alone', '{"a":-}'],
  ['an exponent without digits', '{"a":1e}'],
  ['an exponent sign without digits', '{"a":1e+}'],
  ['NaN', '{"a":NaN}'],
  ['Infinity', '{"a":Infinity}'],
  ['-Infinity', '{"a":-Infinity}'],
  ['a hexadecimal number', '{"a":0x10}'],
  ['a digit separator', '{"a":1_000}'],
  ['single quotes around a key', "{'a':1}"],
  ['single quotes around a value', '{"a":\'x\'}'],
  ['a trailing comma in an object', '{"a":1,}'],
  ['a trailing comma in an array', '{"a":[1,]}'],
  ['an unquoted key', '{a:1}'],
  ['a raw tab in a string', '{"a":"x\ty"}'],
  ['a raw control character in a string', '{"a":"x\u0001y"}'],
  ['an unknown escape', '{"a":"\\x41"}'],
  ['a short \\u escape', '{"a":"\\u41"}'],
  ['True in capitals', '{"a":True}'],
  ['a cut literal', '{"a":nul}'],
  ['a comment', '{"a":1 /* c */}'],
  ['a no-break space as whitespace', '{"a":\u00a01}'],
];

// Numbers with a leading zero are not JSON either, but are read, kept as their text, with a finding (see below).
const LEADING_ZERO: readonly (readonly [string, string, string])[] = [
  ['an ID', '{"a":079123456789}', '079123456789'],
  ['after a minus sign', '{"a":-01}', '-01'],
  ['two zeros', '{"a":00}', '00'],
  ['before a fraction', '{"a":01.5}', '01.5'],
  ['before an exponent', '{"a":01e2}', '01e2'],
  ['nested in an array', '{"a":[1,007]}', '007'],
  ['nested in an object', '{"a":{"b":-00.5}}', '-00.5'],
];

const VALID: readonly (readonly [string, string, Record<string, unknown>])[] = [
  ['zero', '{"a":0}', { a: 0 }],
  ['minus zero', '{"a":-0}', { a: -0 }],
  ['zero with a fraction', '{"a":0.5}', { a: 0.5 }],
  ['zero with an exponent', '{"a":0e5}', { a: 0 }],
  ['a signed exponent', '{"a":-1.5E-2}', { a: -0.015 }],
  ['a key of digits with a zero', '{"01":1}', { '01': 1 }],
  ['a surrogate pair', '{"a":"\\ud83d\\ude00"}', { a: '😀' }],
  // RFC 8259 §8.2: its grammar allows a lone surrogate escape, and JSON.parse reads it; kept as it is.
  ['a lone surrogate escape', '{"a":"\\ud800"}', { a: '\ud800' }],
  ['DEL in a string', '{"a":"x\u007fy"}', { a: 'x\u007fy' }],
  ['U+2028 in a string', '{"a":"x\u2028y"}', { a: 'x\u2028y' }],
  ['whitespace everywhere JSON allows it', '{ "a" :\t[ 1 ,\r2 ] }', { a: [1, 2] }],
];

describe('the JSON grammar (RFC 8259), against JSON.parse', () => {
  it.each(NOT_JSON)('not JSON, %s: an NDJSON line is rejected (invalid_json), a JSON array stops', async (_what, record) => {
    expect(parses(record)).toBe(false);
    const nd = await read(`{"id":1}\n${record}\n{"id":3}\n`, 'ndjson');
    expect(nd.rows).toEqual([{ id: 1 }, { id: 3 }]);
    expect(nd.issues.map((i) => [i.code, i.scope, i.line])).toEqual([['invalid_json', 'record', 2]]);
    const doc = await read(`[{"id":1},\n${record}\n]`, 'json');
    expect(doc.rows).toEqual([{ id: 1 }]);
    expect(doc.error).toMatch(/^ddss: invalid JSON at byte \d+ \(line 2\)/);
  });

  it.each(LEADING_ZERO)('a leading zero, %s: read, kept as its text, and a finding (NDJSON and JSON)', async (_what, record, text) => {
    expect(parses(record)).toBe(false);
    for (const [format, input] of [['ndjson', `${record}\n`], ['json', `[${record}]`]] as const) {
      const r = await read(input, format);
      expect(r.error).toBeUndefined();
      expect(JSON.stringify(r.rows[0])).toContain(JSON.stringify(text));
      expect(r.issues.map((i) => [i.code, i.scope, i.severity, i.criterion, i.field, i.value]))
        .toEqual([['leading_zero_number', 'row', 'error', 'correct', 'a', text]]);
    }
  });

  it.each(VALID)('JSON, %s: read as JSON.parse reads it, without a finding', async (_what, record, value) => {
    expect(JSON.parse(record)).toEqual(value);
    for (const [format, input] of [['ndjson', `${record}\n`], ['json', `[${record}]`]] as const) {
      const r = await read(input, format);
      expect([r.rows.map((x) => ({ ...x })), r.issues, r.error]).toEqual([[value], [], undefined]);
    }
  });

  it('a zero-led number cut between chunks is found once, at the byte where it starts', async () => {
    const text = '{"id":"x","a":0079}\n';
    for (let cut = 1; cut < text.length; cut++) {
      const issues: SourceIssue[] = [];
      for await (const b of readJson([Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut))], { format: 'ndjson' }).batches()) {
        issues.push(...(b.issues ?? []));
      }
      expect(issues.map((i) => [i.code, i.params?.offset, i.value])).toEqual([['leading_zero_number', 14, '0079']]);
    }
  });

  it('a top-level zero-led scalar is a non-object record, as any scalar line is', async () => {
    const r = await read('007\n', 'ndjson');
    expect(r.issues.map((i) => [i.code, i.scope, i.value])).toEqual([['non_object_element', 'record', '007']]);
  });
});
