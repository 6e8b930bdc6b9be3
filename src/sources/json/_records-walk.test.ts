import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codes, scan } from './_testkit.js';

/** Scans `text` for the records at `keys`, whole and cut into pieces of 1 and 3 characters; all three must agree. */
function at(keys: readonly string[], text: string, options = {}) {
  const [whole, ...cut] = [text.length || 1, 1, 3].map((piece) => scan(text, { records: keys, ...options }, piece));
  for (const other of cut) expect(other).toEqual({ ...whole, batches: other.batches });
  return whole as ReturnType<typeof scan>;
}

describe('createJsonScanner with records: the records inside a wrapper', () => {
  it.each([
    ['a top-level key', ['data'], '{"success":true,"total":2,"data":[{"a":1},{"a":2}]}', [{ a: 1 }, { a: 2 }], []],
    ['keys after the records', ['data'], '{"data":[{"a":1}],"links":{"next":null},"total":1}', [{ a: 1 }], []],
    ['a nested key', ['result', 'items'], '{"result":{"n":1,"items":[{"a":1}],"x":[1]}}', [{ a: 1 }], []],
    ['keys holding a dot and a slash', ['v1.0', 'a/b'], '{"v1.0":{"a/b":[{"a":1}]}}', [{ a: 1 }], []],
    ['an empty array', ['data'], '{"data":[]}', [], []],
    ['elements that are not objects', ['data'], '{"data":[1,{"a":1},"x",[2]]}', [{ a: 1 }], ['non_object_element', 'non_object_element', 'non_object_element']],
    ['a duplicate key inside a record', ['data'], '{"data":[{"a":1,"a":2}]}', [{ a: 2 }], ['duplicate_key']],
    ['siblings that look like records', ['data'], '{"x":[{"a":9}],"y":"[{\\"a\\":8}]","data":[{"a":1}],"z":{"data":[{"a":7}]}}', [{ a: 1 }], []],
    ['deep siblings', ['data'], `{"x":${'['.repeat(1000)}${']'.repeat(1000)},"data":[{"a":1}]}`, [{ a: 1 }], []],
  ] as const)('%s: reads the records there', (_name, keys, text, rows, issues) => {
    const r = at(keys, text);
    expect(r.error).toBeUndefined();
    expect(r.rows).toEqual(rows);
    expect(codes(r)).toEqual(issues);
    expect(r.records).toBe(rows.length + issues.filter((c) => c === 'non_object_element').length);
  });

  it('gives each record its line in the file and applies the limits to each record, not to the wrapper', () => {
    const text = '{\n "success": true,\n "data": [\n  {"a": 1},\n  {"a": {"b": {"c": 1}}},\n  {"a": "0123456789abcdef"},\n  {"a": 2}\n ],\n "total": 4\n}\n';
    const r = at(['data'], text, { maxDepth: 2, maxRecordBytes: 24 });
    expect(r.rows).toEqual([{ a: 1 }, { a: 2 }]);
    expect(r.lines).toEqual([4, 7]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['too_deep', 5], ['record_too_large', 6]]);
    expect(r.linesRead).toBe(10);
  });

  it('skips a sibling far larger than a record without failing it', () => {
    const r = at(['data'], `{"blob":"${'x'.repeat(5000)}","data":[{"a":1}]}`, { maxRecordBytes: 100 });
    expect([r.rows, r.issues, r.error]).toEqual([[{ a: 1 }], [], undefined]);
  });

  it.each([
    ['a missing key', ['data'], '{"success":true,"total":2,"items":[{"a":1},{"a":2}]}',
      'ddss: "data" is not in the document; its keys are success, total, items; "items" holds an array of 2 objects: pass --json-records items', 0],
    ['a missing nested key', ['result', 'items'], '{"result":{"rows":[{"a":1}],"n":1}}',
      'ddss: "items" is not in "result"; its keys are rows, n; "rows" holds an array of 1 object: pass --json-records result.rows', 0],
    ['an empty document object', ['data'], '{}', 'ddss: "data" is not in the document; it has no keys', 0],
    ['an object at the end of the path', ['data'], '{"data":{"items":[{"a":1}]}}',
      'ddss: "data" is an object, not an array of records; its keys are items; "items" holds an array of 1 object: pass --json-records data.items', 0],
    ['a string at the end of the path', ['data'], '{"data":"x"}', 'ddss: "data" is a string, not an array of records', 0],
    ['an array on the way', ['result', 'items'], '{"result":[{"items":[]}]}', 'ddss: "result" is an array, not an object holding "items"', 0],
    ['an array document', ['data'], '[{"a":1}]', 'ddss: the document is an array: its elements are the records; read it without a records path (--json-records)', 0],
    ['a scalar document', ['data'], 'null', 'ddss: the document is null, not an object holding "data"', 0],
    ['the key twice', ['data'], '{"data":[{"a":1}],"data":[{"a":2}]}',
      'ddss: the key "data" appears twice in the document: which of its values holds the records is not clear', 1],
    ['a key with a space, in the hint', ['data'], '{"danh sách":[{"a":1},{"a":2}]}',
      'ddss: "data" is not in the document; its keys are "danh sách"; "danh sách" holds an array of 2 objects: pass --json-records \'danh sách\'', 0],
  ] as const)('%s: the read fails saying what is there', (_name, keys, text, error, rows) => {
    const r = at(keys, text);
    expect(r.error).toBe(error);
    expect(r.rows).toHaveLength(rows);
  });

  it('lists at most 12 keys and counts the rest', () => {
    const keys = Array.from({ length: 15 }, (_, i) => `"k${i}":${i}`).join(',');
    expect(at(['data'], `{${keys}}`).error).toMatch(/its keys are k0, k1, .*, k11 and 3 more$/);
  });

  it.each([
    ['a broken wrapper', ['data'], '{"a" 1,"data":[]}', /invalid JSON at byte 5 \(line 1\): expected ':'/],
    ['a broken sibling', ['data'], '{"a":[1,,2],"data":[]}', /invalid JSON at byte 8/],
    ['a wrapper cut short', ['data'], '{"data":[{"a":1}]', /invalid JSON at byte 17 .*unexpected end of input/],
    ['garbage for a value', ['data'], '{"data":x}', /invalid JSON at byte 8 .*expected a value/],
  ] as const)('%s is a syntax error at its byte', (_name, keys, text, error) => {
    expect(at(keys, text).error).toMatch(error);
  });

  it('reads, in any chunking, the records JSON.parse finds at the path', () => {
    const record = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 });
    const sibling = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(fc.array(record, { maxLength: 5 }), sibling, sibling, fc.integer({ min: 1, max: 7 }), (records, before, after, piece) => {
      const text = JSON.stringify({ before, result: { x: before, items: records, y: after }, after }, null, piece % 2 === 0 ? 1 : undefined);
      const r = scan(text, { records: ['result', 'items'] }, piece);
      expect(r.error).toBeUndefined();
      expect(r.rows.map((row) => ({ ...(row as object) }))).toEqual(records.map((x) => ({ ...x })));
    }));
  });
});

describe('a wrapper keyed by personal data', () => {
  it('masks the keys it lists, and names no array under one', () => {
    const r = scan('{"079123456789":[{"a":1}],"ok":1,"a@b.vn":2}', { records: ['data'] });
    expect(r.error).toBe('ddss: "data" is not in the document; its keys are "0791******89", ok, "a*****"');
  });
});
