import { describe, expect, it } from 'vitest';
import type { ScannerOptions } from './json-scanner.js';
import { codes, scan, type Scanned } from './_testkit.js';

describe('createJsonScanner, JSON documents', () => {
  it.each([
    ['an empty input', '', 0, []],
    ['whitespace only', ' \n\t\r\n', 0, []],
    ['an empty array', ' [ ] ', 0, []],
    ['an array of objects', '[{"a":1},{"b":"x"}]', 2, []],
    ['a single object', '{"a":1}', 1, ['non_array_document']],
    ['a number', '42', 0, ['non_object_element']],
    ['a string', '"x"', 0, ['non_object_element']],
    ['null', 'null', 0, ['non_object_element']],
    ['non-object elements', '[1,"x",null,false,[1,[2]],{}]', 1, Array(5).fill('non_object_element')],
    ['a duplicate key', '[{"a":1,"a":2}]', 1, ['duplicate_key']],
    ['a nested duplicate key', '[{"a":{"k":1,"k":2}}]', 1, ['duplicate_key']],
  ])('%s gives %i rows and issues %j', (_name, text, rows, issues) => {
    for (const piece of [text.length || 1, 1]) {
      const r = scan(text, {}, piece);
      expect(r.error).toBeUndefined();
      expect(r.rows).toHaveLength(rows);
      expect(codes(r)).toEqual(issues);
    }
  });

  it.each([
    ['an unclosed array', '[{"a":1}', 8],
    ['an unclosed object', '[{"a":1', 7],
    ['a trailing comma', '[{"a":1},]', 9],
    ['a missing colon', '[{"a" 1}]', 6],
    ['a missing comma', '[{"a":1}{"b":2}]', 8],
    ['a bad closer', '[{"a":1]]', 7],
    ['data after the document', '[] x', 3],
    ['two documents', '{"a":1}\n{"b":2}', 8],
    ['a bad literal', '[{"a":tru}]', 9],
    ['NaN', '[{"a":NaN}]', 6],
    ['a comment', '[/* c */{"a":1}]', 1],
    ['a bad escape', '[{"a":"\\x"}]', 8],
    ['a short \\u escape', '[{"a":"\\u12"}]', 11],
    ['a raw newline in a string', '[{"a":"x\ny"}]', 8],
    ['a lone minus', '[{"a":-}]', 7],
    ['a bare fraction', '[{"a":1.}]', 8],
    ['an empty exponent', '[{"a":1e}]', 8],
    ['an unclosed string', '[{"a":"xé', 10],
  ])('%s stops reading with an error at the exact byte', (_name, text, offset) => {
    for (const piece of [text.length, 1]) {
      expect(scan(text, {}, piece).error).toContain(`at byte ${offset} `);
    }
  });

  // A file cut short is the commonest broken JSON: it said "unexpected end of input, found the end of the input".
  it.each([['mid-string', '[{"a":1},{"a":"xy'], ['mid-number', '[{"a":1},{"a":12'], ['between records', '[{"a":1},'], ['mid-key', '[{"a']])(
    'a document cut %s says it is not closed', (_where, text) => {
      const r = scan(text);
      expect(r.rows).toEqual([{ a: 1 }].slice(0, text.startsWith('[{"a":1}') ? 1 : 0));
      expect(r.error).toBe(`ddss: invalid JSON at byte ${text.length} (line 1): unexpected end of input: the document is not closed (was the file cut short?)`);
    });

  it('keeps the records before a syntax error', () => {
    const r = scan('[{"a":1},\n{"a":2},\n{"a":3,,}]');
    expect(r.rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(r.error).toMatch(/byte 26 \(line 3\)/);
  });

  it('suggests NDJSON when a second document follows the first', () => {
    expect(scan('{"a":1}\n{"a":2}\n').error).toContain('ndjson');
  });

  // Two exports joined with cat, or trailing garbage, were told "is it NDJSON?": read so, every line of the arrays
  // is invalid_json. Only a lone object followed by another is NDJSON-like.
  it.each([
    ['two arrays joined', '[{"a":1}]\n[{"a":2}]\n', 'found "[" (a second JSON document follows the first: were two files joined together?)'],
    ['an array then an object', '[{"a":1}]\n{"a":2}\n', 'found "{" (a second JSON document follows the first: were two files joined together?)'],
    ['garbage after the array', '[{"a":1}] x', 'found "x"'],
    ['a NUL after the array', '[{"a":1}]\u0000', 'found "\\u0000"'],
  ])('%s: says what follows, without an NDJSON hint where it does not fit', (_what, text, end) => {
    const error = scan(text).error ?? '';
    expect(error).toMatch(/^ddss: invalid JSON at byte \d+ \(line \d\): unexpected data after the end of the JSON document, /);
    expect(error.endsWith(end)).toBe(true);
  });

  it('builds rows with a null prototype, keeping __proto__ and constructor as own keys', () => {
    const r = scan('[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":1}]');
    const row = r.rows[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.issues).toEqual([]);
  });

  it('builds nested objects as plain objects, like JSON.parse, where __proto__ is an own key, not a prototype', () => {
    const r = scan('[{"m":{"__proto__":{"polluted":true},"toString":1,"k":1,"k":2}}]');
    const m = (r.rows[0] as Record<string, Record<string, unknown>>).m as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m)).toEqual(['__proto__', 'toString', 'k']);
    expect(m.polluted).toBeUndefined();
    expect(r.issues.map((i) => i.params?.key)).toEqual(['k']); // an inherited name is not a duplicate
  });

  it('keeps the last value of a duplicate key and names the top-level field', () => {
    const r = scan('[{"id":"1","m":{"k":1,"k":2},"id":"2"}]');
    expect(r.rows).toEqual([{ id: '2', m: { k: 2 } }]);
    expect(r.issues.map((i) => [i.field, i.params?.key, i.scope, i.index])).toEqual([['m', 'k', 'row', 0], ['id', 'id', 'row', 0]]);
  });

  it('decodes escapes, including surrogate pairs and escapes cut between pieces', () => {
    const text = '[{"a":"\\u00e9\\n\\"\\/\\ud83d\\ude00\\t"}]';
    for (const piece of [text.length, 1, 3]) expect(scan(text, {}, piece).rows).toEqual([{ a: 'é\n"/😀\t' }]);
  });

  it('keeps numbers as numbers, and long or zero-led ones as their text', () => {
    expect(scan('[{"a":-1.5e2,"b":001089012345,"c":12345678901234567890,"d":[true,false,null]}]').rows)
      .toEqual([{ a: -150, b: '001089012345', c: '12345678901234567890', d: [true, false, null] }]);
  });

  it('reports the physical line where each record starts', () => {
    const r = scan('[\n  {"a":1},\n\n  {\n "a":2}, 3,\n  {"a":\n"x\\n"}\n]\n');
    expect(r.lines).toEqual([2, 4, 6]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['non_object_element', 5]]);
    expect(r.linesRead).toBe(8);
  });

  it.each([
    [2, ['too_deep'], 1],
    [3, [], 2],
  ])('with maxDepth %i, a record 3 levels deep gives %j', (maxDepth, issues, rows) => {
    const r = scan('[{"a":{"b":{}}},{"c":1}]', { maxDepth });
    expect(codes(r)).toEqual(issues);
    expect(r.rows).toHaveLength(rows);
    expect(r.records).toBe(2);
  });

  it('rejects a record larger than maxRecordBytes, counted in UTF-8 bytes, and reads the next', () => {
    const r = scan('[{"a":"ééééé"},{"a":"éééé"}]', { maxRecordBytes: 17 }, 4);
    expect(r.issues).toEqual([{ code: 'record_too_large', criterion: 'sufficient', severity: 'error', scope: 'record',
      line: 1, params: { maxBytes: 17 } }]);
    expect(r.rows).toEqual([{ a: 'éééé' }]);
  });

  it('skips a BOM at the start', () => {
    expect(scan('\uFEFF[{"a":1}]').rows).toEqual([{ a: 1 }]);
  });

  it('never holds more than 4096 rows and issues in a batch', () => {
    const text = `[${Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? '1' : '{}')).join(',')}]`;
    const r = scan(text);
    expect(Math.max(...r.batches)).toBeLessThanOrEqual(4096);
    expect(r.rows.length + r.issues.length).toBe(10_000);
  });
});

describe('createJsonScanner, NDJSON', () => {
  const nd = (text: string, options: Partial<ScannerOptions> = {}, piece?: number): Scanned =>
    scan(text, { format: 'ndjson', ...options }, piece);

  it.each([
    ['one record per line', '{"a":1}\n{"a":2}\n', 2, []],
    ['no final newline', '{"a":1}\n{"a":2}', 2, []],
    ['CRLF line endings', '{"a":1}\r\n{"a":2}\r\n', 2, []],
    ['blank and whitespace-only lines', '\n{"a":1}\n\n  \t\r\n{"a":2}\n\n', 2, []],
    ['a record cut over two lines', '{"a":\n1}\n', 0, ['invalid_json', 'invalid_json']],
    ['garbage after a value', '{"a":1} x\n{"a":2}\n', 1, ['invalid_json']],
    ['two values on a line', '{"a":1}{"a":2}\n', 0, ['invalid_json']],
    ['a non-object line', '[1,2]\n"x"\n{"a":1}\n', 1, ['non_object_element', 'non_object_element']],
    ['a broken non-object line', '[1,2\n', 0, ['invalid_json']],
    ['a duplicate key', '{"a":1,"a":2}\n', 1, ['duplicate_key']],
    ['an unclosed string at the end', '{"a":"x', 0, ['invalid_json']],
    ['a number at the very end', '{"a":1}\n7', 1, ['non_object_element']],
  ])('%s gives %i rows and issues %j', (_name, text, rows, issues) => {
    for (const piece of [text.length, 1]) {
      const r = nd(text, {}, piece);
      expect(r.error).toBeUndefined();
      expect(r.rows).toHaveLength(rows);
      expect(codes(r)).toEqual(issues);
    }
  });

  it('reports a bad line with its line, byte offset and detail, and reads on', () => {
    const r = nd('{"a":1}\n\n{"a":é}\n{"a":3}\n');
    expect(r.rows).toEqual([{ a: 1 }, { a: 3 }]);
    expect(r.lines).toEqual([1, 4]);
    expect(r.issues).toEqual([{ code: 'invalid_json', criterion: 'correct', severity: 'error', scope: 'record', line: 3,
      params: { detail: 'expected a value, found "é"', offset: 14 } }]);
    expect(r.records).toBe(3);
    expect(r.linesRead).toBe(4);
  });

  // Two NDJSON files joined with cat: the second one's byte order mark opens a line. It was "found \"\uFEFF\"", a
  // character no one sees; invisible characters are named by their code point.
  it.each([
    ['a byte order mark opening a later line', '{"a":1}\n\uFEFF{"a":2}\n', 'expected a value, found U+FEFF (a byte order mark: were two files joined together?)'],
    ['a zero-width space', '{"a":1}\n\u200B{"a":2}\n', 'expected a value, found U+200B'],
    ['a no-break space', '{"a":1}\n{"a":\u00A01}\n', 'expected a value, found U+00A0'],
    ['a visible character stays quoted', '{"a":1}\n{"a":é}\n', 'expected a value, found "é"'],
  ])('names %s', (_what, text, detail) => {
    const r = nd(text);
    expect(r.rows).toEqual([{ a: 1 }]);
    expect(r.issues.map((i) => i.params?.detail)).toEqual([detail]);
  });

  // A NUL or another C0 control written as an escape (`\u0000`) is valid JSON but no clean text: the same value in a CSV
  // cell is control_character, and as JSON it passed.
  it('a value holding a control character as an escape is control_character, once per top-level field, with its byte', () => {
    const text = '{"a":"x\\u0000y","b":{"c":["\\b","\\u001F"]},"d":"tab\\tcr\\rlf\\n\\u0009"}\n{"\\u0001k":1}\n';
    for (const piece of [text.length, 1, 5]) {
      const r = nd(text, {}, piece);
      expect(r.rows).toHaveLength(2);
      expect(r.issues).toEqual([
        { code: 'control_character', criterion: 'clean', severity: 'error', scope: 'row', field: 'a', params: { codepoint: '0000', offset: 7 }, index: 0, line: 1 },
        { code: 'control_character', criterion: 'clean', severity: 'error', scope: 'row', field: 'b', params: { codepoint: '0008', offset: 27 }, index: 0, line: 1 },
      ]);
    }
    expect(scan('[{"a":"\\u0007"}]').issues.map((i) => [i.code, i.field, i.params?.codepoint])).toEqual([['control_character', 'a', '0007']]);
  });

  it.each([
    ['too deep', { maxDepth: 2 }, '{"a":{"b":{}}}\n{"a":1}\n', 'too_deep'],
    ['too large', { maxRecordBytes: 10 }, '{"a":"0123456789"}\n{"a":1}\n', 'record_too_large'],
    ['too large and broken', { maxRecordBytes: 10 }, '{"a":"0123456789"\n{"a":1}\n', 'record_too_large'],
  ])('skips a line that is %s and reads the next', (_name, options, text, code) => {
    for (const piece of [text.length, 1, 5]) {
      const r = nd(text, options, piece);
      expect(codes(r)).toEqual([code]);
      expect(r.rows).toEqual([{ a: 1 }]);
    }
  });
});
