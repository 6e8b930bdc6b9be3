import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/validate.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { readJson } from '../src/sources/json/read-json.js';
import { toJson } from '../src/outputs/json.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards, planShards } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import type { ShardState } from '../src/parallel/shard-state.js';
import type { Violation } from '../src/core/types.js';
import { landParcels } from '../rules/datasets/index.js';
import { shardViolations } from './_parallel-runs.js';

// Government and REST APIs wrap their records: `{"success": true, "total": 2000, "data": [...]}`. Read as one record,
// such an export was `record_too_large` ("0 rows · 2 rules failed") or a `non_array_document` warning beside 20 missing
// columns, and nothing said the records were under "data".
const dir = mkdtempSync(join(tmpdir(), 'ddss-json-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = '2026-11-22T00:00:00.000Z';
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const records: Record<string, unknown>[] = [];
for await (const r of readCsv('examples/land/parcels.csv')) records.push({ ...r });
/** The records as a pretty-printed array, and wrapped, its first line sharing the wrapper's: the same lines. */
const array = JSON.stringify(records, null, 1);
const plain = file('plain.json', array);
const wrapped = file('wrapped.json', `{"success": true, "total": ${records.length}, "data": ${array}, "links": {"next": null}}\n`);
const small = file('small.json', JSON.stringify({ success: true, total: 2, data: records.slice(0, 2) }, null, 1));

/** The report without what names the file: its name and size. */
const sameBut = (json: string): string => json.replace(/"name": "(plain|wrapped)\.json"/, '"name": "F"').replace(/"bytes": \d+/, '"bytes": 0');

describe('validate(definition, readJson(path, { records }))', () => {
  it('gives the report of the same records as a plain array: rows, lines, findings', async () => {
    const one = await validate(landParcels, readJson(plain), { now });
    const got = await validate(landParcels, readJson(wrapped, { records: 'data' }), { now });
    expect(got.rows).toBe(2000);
    expect(sameBut(toJson(got))).toBe(sameBut(toJson(one)));
  });

  it.each([['a path not in the document', 'items'], ['a path that is no array', 'success']])('%s: partial, status error, no row', async (_name, path) => {
    const report = await validate(landParcels, readJson(wrapped, { records: path }), { now });
    expect([report.rows, report.partial, report.status]).toEqual([0, true, 'error']);
    expect(report.source?.error).toMatch(path === 'items' ? /"items" is not in the document; its keys are success, total, data, links; "data" holds an array of 2,000 objects: pass --json-records data$/
      : /"success" is a boolean, not an array of records$/);
  });
});

describe('a wrapped export read without records: the finding says where the records seem to be', () => {
  it.each([
    ['a small one, read as one record', small, {}, 'source.non_array_document',
      'the JSON document is a single object, not an array of records; it was read as one record; ' +
      'the records seem to be under "data" (an array of 2 objects): pass --json-records data'],
    ['one over the record cap', wrapped, {}, 'source.record_too_large',
      'the record is larger than 1048576 bytes and was not read; the records seem to be under "data" (an array of 2,000 objects): pass --json-records data'],
    ['in Vietnamese', wrapped, { locale: 'vi' } as const, 'source.record_too_large',
      'bản ghi lớn hơn 1048576 byte nên không được đọc; các bản ghi có vẻ nằm trong "data" (một mảng 2.000 đối tượng): hãy dùng --json-records data'],
  ])('%s', async (_name, path, options, rule, message) => {
    const report = await validate(landParcels, readJson(path), { now, ...options });
    expect(report.rules.find((r) => r.id === rule)?.samples.map((s) => [s.message, s.suggestion])).toEqual([[message, 'data']]);
  });
});

// Every shard walks the wrapper from the file's start and keeps the records that begin in its byte range, as for a
// plain array: merged, the report and violations of one run.
describe('validateShard of a wrapped JSON document + mergeShards', () => {
  const tricky = records.map((r, i) => (i % 97 === 5 ? { ...r, owner_address: '"}, {"parcel_id": "FAKE"}, [\n' } : r));
  const inner = JSON.stringify([...tricky.slice(0, 700), 5, ...tricky.slice(700)]);
  // A sibling as large as a third of the file before the records, one after: cuts fall in both.
  const before = JSON.stringify({ meta: Array.from({ length: 300 }, (_, i) => ({ note: `"data": [{"parcel_id": "X${i}"}]`, i })) });
  const compact = `{"success":true,"meta":${before},"data":${inner},"links":${before}}`;
  const cases = [
    ['one line, siblings before and after the records', file('shard-compact.json', compact), 'data', [2, 3, 7]],
    ['pretty-printed, records nested two keys deep', file('shard-pretty.json', JSON.stringify({ result: { meta: before, items: tricky }, ok: 1 }, null, 2)), '/result/items', [3, 7]],
    ['the key twice (partial, after the records)', file('shard-twice.json', `${compact.slice(0, -1)},"data":[]}`), 'data', [3]],
    ['a path not in the document (partial, no record)', file('shard-absent.json', compact), 'items', [1, 3]],
    ['a document cut short (partial)', file('shard-cut.json', compact.slice(0, Math.floor(compact.length * 0.7))), 'data', [3]],
  ] as const;

  it.each(cases)('%s', async (_name, path, at, counts) => {
    const single: Violation[] = [];
    const one = await validate(landParcels, readJson(path, { records: at }), { now, onViolation: (v) => single.push(v) });
    for (const n of counts) {
      const states: ShardState[] = [];
      const found: Violation[][] = [];
      for (let k = 1; k <= n; k++) {
        const mine: Violation[] = [];
        const s = await validateShard(landParcels, readJson(path, { records: at }), { shard: `${k}/${n}`, now, onViolation: (v) => mine.push(v) });
        states.push(decodeShardState(encodeShardState(s)));
        found.push(mine);
      }
      const plan = planShards(landParcels, states);
      const merged = shardViolations(plan, found);
      const report = mergeShards(landParcels, states, { onViolation: (v) => merged.push(v) });
      expect(toJson(report)).toBe(toJson(one));
      expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
    }
    expect(one.rows).toEqual(at === 'items' ? 0 : path.endsWith('cut.json') ? expect.toSatisfy((n: number) => n > 500 && n < 2000) : 2000);
    expect(one.partial).toBe(!path.endsWith('compact.json') && !path.endsWith('pretty.json'));
  }, 120_000);

  it('shards of two records paths do not merge', async () => {
    const path = cases[0][1];
    const a = await validateShard(landParcels, readJson(path, { records: 'data' }), { shard: '1/2', now });
    const b = await validateShard(landParcels, readJson(path, { records: 'meta' }), { shard: '2/2', now });
    expect(() => planShards(landParcels, [a, b])).toThrow(/other input/);
  });
});
