import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { defineDataset } from '../define.js';
import { field } from '../field.js';
import { rule } from '../rule.js';
import { createValidator } from '../core/validator.js';
import { liveState } from '../core/live-state.js';
import { decodeShardState, encodeShardState, ShardStateError } from './state-file.js';
import type { ShardState } from './shard-state.js';
import { withoutIndexes } from '../../rules/clean/_sighting-log.js';
import type { DuplicateState } from '../../rules/clean/_duplicates.js';

/** The shard as its file holds it: its uniqueness logs without their index (which only this process could use). */
const asWritten = (s: ShardState): ShardState => withoutIndexes(s.state, () => structuredClone(s));

const def = defineDataset({
  name: 'people',
  fields: { id: field.text().unique(), n: field.integer().min(0), from: field.date(), to: field.date() },
  rules: [rule.noOverlap('id', 'from', 'to')],
});

/** A state with dense and sparse row sets, a uniqueness table, a map of periods and lines left undefined. */
function shard(): ShardState {
  const v = createValidator(def, { now: '2026-11-22' });
  for (let i = 0; i < 5000; i++) v.add({ id: `P${i % 4000}`, n: i % 3 === 0 ? '-1' : '1', from: '2020-01-01', to: i % 7 === 0 ? '' : '2021-01-01' });
  return {
    ddss: '1.2.3', dataset: { name: 'people', signature: 'sig', spec: 'people.ts' }, now: '2026-11-22T00:00:00.000Z',
    options: { locale: 'vi', showValues: false, maxSamplesPerRule: 100, timeZone: null, piiKeyCheck: '', grades: false,
      worstRecords: 0, groupBy: null, maxGroups: 10_000 },
    input: { kind: 'csv', name: 'p.csv', bytes: 10, fingerprint: 'sha256:x', encoding: 'utf8', delimiter: ',', maxRecordBytes: 1 },
    shard: { index: 2, count: 3 }, range: { began: 4, ended: 10, records: 5000, rows: 5000, lines: 5000, endings: [{ kind: 'lf', line: 1 }] },
    state: liveState(v), // as validateShard reads it (state() gives a copy, whose logs this thread did not make)
  };
}

/** Bytes of a state file with `body` after a first line whose checksum matches it. */
function withChecksum(body: string | Buffer, format = 1): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  return Buffer.concat([Buffer.from(`ddss-state ${format} sha256:${createHash('sha256').update(b).digest('hex')}\n`), b]);
}

describe('encodeShardState / decodeShardState', () => {
  it('round-trips a state exactly: typed arrays, maps, undefined and all', () => {
    const s = shard();
    const back = decodeShardState(encodeShardState(s));
    expect(back).toEqual(asWritten(s));
    expect(back.state.rules.some((r) => r.failed.bits instanceof Uint32Array)).toBe(true);
    expect(back.state.rules.some((r) => r.agg instanceof Map)).toBe(true);
  });

  const good = Buffer.from(encodeShardState(shard()));
  const header = good.subarray(good.indexOf(0x0a) + 1, good.indexOf(0x0a, good.indexOf(0x0a) + 1)).toString();
  it.each([
    ['an altered byte', Buffer.concat([good.subarray(0, good.length - 1), Buffer.from([good[good.length - 1] as number ^ 1])]), 'corrupt', /checksum/],
    ['a truncated file', good.subarray(0, good.length - 1), 'corrupt', /checksum/],
    ['another file', Buffer.from('id,n\n1,2\n'), 'corrupt', /not a ddss state file/],
    ['a newer format', withChecksum('{}\n', 2), 'mismatch', /format 2/],
    ['a header that is not JSON', withChecksum('{oops\n'), 'corrupt', /unreadable/],
    ['a header of the wrong types', withChecksum(`${header.replace('"index":2', '"index":"2"')}\n`), 'corrupt', /malformed header \(shard\)/],
    ['a body that is not a structured clone', withChecksum(Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xff, 0x0f, 0x5c, 0x99])])), 'corrupt', /unreadable/],
  ] as const)('refuses %s', (_, bytes, reason, message) => {
    let error: unknown;
    try {
      decodeShardState(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShardStateError);
    expect((error as ShardStateError).reason).toBe(reason);
    expect((error as Error).message).toMatch(message);
  });
});

describe('the origins of a shard\'s state', () => {
  it('keeps the validator\'s identity, so a shard merged twice is refused', () => {
    const s = shard();
    expect(decodeShardState(encodeShardState(s)).state.origins).toEqual(s.state.origins);
    expect(s.state.origins).toHaveLength(1);
  });

  it('reads a state file written before states kept their origins, identified by its checksum', () => {
    const s = shard();
    const { origins: _dropped, ...old } = s.state;
    const bytes = encodeShardState({ ...s, state: old as ShardState['state'] });
    const back = decodeShardState(bytes);
    const sum = Buffer.from(bytes).toString('latin1', 0, 100).match(/sha256:([0-9a-f]{64})/)?.[1];
    expect(back.state.origins).toEqual([`sha256:${sum}`]);
    expect(back.state.rows).toBe(5000);
  });
});

describe('the input and range of each kind of shard', () => {
  const base = shard();
  const pg = { kind: 'postgres', name: 'postgresql://u@h/db parcels', plan: { rows: 5000, orderBy: ['id'] } } as const;
  const json = { kind: 'json', name: 'p.json', bytes: 10, fingerprint: 'sha256:x', maxRecordBytes: 1, maxDepth: 64 } as const;
  const keys = { from: 'a', to: 'b' };
  it.each([
    ['a table', { ...base, input: pg, range: { ...base.range, keys } }],
    ['a JSON array, stopped at a byte', { ...base, input: json, range: { ...base.range, error: 'invalid JSON at byte 9 (line 1)', bytes: 9 } }],
    ['an NDJSON file', { ...base, input: { ...json, kind: 'ndjson' } }],
    ['the records of a wrapped JSON document', { ...base, input: { ...json, records: 'result.items' } }],
    ['a CSV file read with a renamed header', { ...base, input: { ...base.input, rename: { 'Số CCCD': 'owner_id' } } }],
  ] as const)('round-trips %s', (_, s) => {
    expect(decodeShardState(encodeShardState(s as unknown as ShardState))).toEqual(asWritten(s as unknown as ShardState));
  });

  it('leaves out the uniqueness logs\' index, which only the process that hashed them could use, and keeps it in memory', () => {
    const s = shard();
    const log = () => (s.state.rules.find((r) => r.agg !== null && typeof r.agg === 'object' && 'log' in r.agg)?.agg as DuplicateState).log;
    const index = log()?.index;
    expect(index).toBeInstanceOf(Uint32Array);
    const bytes = encodeShardState(s);
    expect(log()?.index).toBe(index); // put back
    expect((decodeShardState(bytes).state.rules.find((r) => r.agg !== null && typeof r.agg === 'object' && 'log' in r.agg)?.agg as DuplicateState).log?.index).toBeNull();
    // 8 bytes an entry, 5,000 entries: kept, the file would be 40,000 bytes larger at least.
    const kept = serialize(s.state).length;
    expect(kept - withoutIndexes(s.state, () => serialize(s.state)).length).toBeGreaterThanOrEqual(8 * 5000);
    expect(bytes.length).toBeLessThan(kept);
  });

  it.each([
    ['a table without its plan', { ...base, input: { kind: 'postgres', name: 't' } }, /\(input\)/],
    ['a table plan of the wrong types', { ...base, input: { ...pg, plan: { rows: '5000', orderBy: ['id'] } } }, /\(input\)/],
    ['a JSON file without its depth', { ...base, input: { ...json, maxDepth: undefined } }, /\(input\)/],
    ['a records path that is not text', { ...base, input: { ...json, records: ['data'] } }, /\(input\)/],
    ['another kind of input', { ...base, input: { ...json, kind: 'xlsx' } }, /\(input\)/],
    ['a rename whose field is not text', { ...base, input: { ...base.input, rename: { 'Số CCCD': 1 } } }, /\(input\)/],
    ['a rename that is a list', { ...base, input: { ...base.input, rename: [['Số CCCD', 'owner_id']] } }, /\(input\)/],
    ['range keys that are not text', { ...base, range: { ...base.range, keys: { from: 1, to: 'b' } } }, /\(range\)/],
    ['a negative stop', { ...base, range: { ...base.range, bytes: -1 } }, /\(range\)/],
  ] as const)('refuses %s', (_, s, message) => {
    expect(() => decodeShardState(encodeShardState(s as unknown as ShardState))).toThrow(message);
  });
});
