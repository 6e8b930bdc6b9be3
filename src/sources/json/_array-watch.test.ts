import { describe, expect, it } from 'vitest';
import { scan } from './_testkit.js';

/** The finding of a document read as one record, scanned whole and cut into pieces of 1 and 7 characters (all agree). */
function finding(text: string, maxRecordBytes = 1 << 20) {
  const [whole, ...cut] = [text.length, 1, 7].map((piece) => scan(text, { maxRecordBytes }, piece));
  for (const other of cut) expect(other.issues).toEqual(whole?.issues);
  const issue = whole?.issues[0];
  return [issue?.code, issue?.params, issue?.suggestion];
}

const objects = (n: number): string => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: i, name: `n${i}` })));

describe('a JSON document that is one object holding its records under a key (no records path given)', () => {
  it.each([
    ['an array of objects under a key', `{"success":true,"total":3,"data":${objects(3)}}`,
      ['non_array_document', { type: 'object', records: 'data', objects: 3 }, 'data']],
    ['the largest of several', `{"errors":${objects(1)},"data":${objects(4)},"links":${objects(2)}}`,
      ['non_array_document', { type: 'object', records: 'data', objects: 4 }, 'data']],
    ['an array of numbers before it', '{"ids":[1,2,3],"rows":[{"a":1},2,{"a":3}]}',
      ['non_array_document', { type: 'object', records: 'rows', objects: 2 }, 'rows']],
    ['a key holding a dot', `{"v1.0":${objects(2)}}`, ['non_array_document', { type: 'object', records: '/v1.0', objects: 2 }, '/v1.0']],
    ['no array of objects', '{"a":1,"ids":[1,2],"m":{"x":[{"a":1}]},"e":[]}', ['non_array_document', { type: 'object' }, undefined]],
    ['an array whose first element is not an object', '{"rows":[[1],{"a":1}]}', ['non_array_document', { type: 'object' }, undefined]],
    ['a key that looks like personal data (a map keyed by ID numbers)', '{"079123456789":[{"a":1}]}', ['non_array_document', { type: 'object' }, undefined]],
  ])('%s: the finding names the key', (_name, text, expected) => {
    expect(finding(text)).toEqual(expected);
  });

  it('names it also when the wrapper is larger than a record may be, the key coming after the cap', () => {
    const text = `{"meta":"${'x'.repeat(3000)}","total":2000,"data":${objects(2000)}}`;
    expect(finding(text, 1000)).toEqual(['record_too_large', { maxBytes: 1000, records: 'data', objects: 2000 }, 'data']);
  });

  it('does not keep a key longer than 1,024 characters read past the cap, and names none for it', () => {
    const text = `{"meta":"${'x'.repeat(3000)}","${'k'.repeat(5000)}":${objects(2)}}`;
    expect(finding(text, 1000)).toEqual(['record_too_large', { maxBytes: 1000 }, undefined]);
  });

  it('is a hint only: the document is still read as one record', () => {
    const r = scan(`{"data":${objects(2)}}`);
    expect(r.rows).toHaveLength(1);
    expect(r.records).toBe(1);
  });
});
