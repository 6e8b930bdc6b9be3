import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/validate.js';
import { defineDataset, field, recordRule, toJson } from '../src/index.js';
import { readCsv } from '../src/sources/csv/read-csv.js';
import { readJson } from '../src/sources/json/read-json.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import { checkState } from '../src/parallel/check-state.js';
import { compile } from '../src/core/compile.js';
import { createValidator } from '../src/core/validator.js';
import { MAX_READ_ABSENT } from '../src/core/state.js';
import { vn } from '../rules/vn/index.js';
import type { Report } from '../src/core/types.js';
import { cli, scratch } from './fixtures/cli/harness.js';

const tmp = scratch();
afterAll(() => tmp.remove());
const now = '2026-11-22T00:00:00.000Z';
const file = (name: string, text: string): string => {
  const path = tmp.path(name);
  writeFileSync(path, text);
  return path;
};
const ndjson = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** A rule of the user's own that reads a column that is no field: it passes when the record holds one. */
const holds = (name: string) => recordRule({ name: `holds_${name}`, criterion: 'sufficient' }, (_row, ctx) => ctx.raw(name) !== undefined);
/** One that asks whether the column's cell is missing. */
const filled = (name: string) => recordRule({ name: `filled_${name}`, criterion: 'sufficient' }, (_row, ctx) => !ctx.missing(name));
const def = (rules: ReturnType<typeof holds>[]) => defineDataset({ name: 'owners', key: 'id', columns: 'ignore', fields: { id: field.text() }, rules });
const unknown = (r: Report) => r.rules.find((x) => x.id === 'source.unknown_column');

const records = [
  { id: '1', owner_id: '001089000001', dob: '32874' },
  { id: '2', owner_id: '', dob: '32875' },
  { id: '3', owner_id: '001089000003' },
];

describe('a column a rule reads that no JSON record has (source.unknown_column)', () => {
  it('fails the run, naming each misspelt name and the column it likely meant, for ctx.raw and ctx.missing alike', async () => {
    // ctx.raw('ownerid') read undefined on every record: the rule passed none and said nothing of the name. Before,
    // vn.excelSerialIn('dobb') read undefined on every record and passed them all, so the run passed.
    const d = def([holds('ownerid'), filled('owner_idd'), vn.excelSerialIn('dobb')]);
    const r = await validate(d, readJson(file('owners.ndjson', ndjson(records)), { format: 'ndjson' }), { now });
    expect(r.status).toBe('failed');
    const u = unknown(r);
    expect(u).toMatchObject({ criterion: 'sufficient', severity: 'error', status: 'failed', checked: 3, failed: 3 });
    expect(u?.samples.map((s) => [s.value, s.suggestion])).toEqual([['ownerid', 'owner_id'], ['owner_idd', 'owner_id'], ['dobb', 'dob']]);
    expect(u?.samples[0]?.message).toBe('a rule reads the column "ownerid", which no record has: the rule read it as missing on every row');
    const vi = await validate(d, readJson(file('owners-vi.ndjson', ndjson(records)), { format: 'ndjson' }), { now, locale: 'vi' });
    expect(unknown(vi)?.samples[0]?.message).toBe('một quy tắc đọc cột "ownerid", nhưng không bản ghi nào có cột này: quy tắc đã đọc nó là trống ở mọi dòng');
  });

  it('says nothing of a key some record leaves out, or that only the last record holds (an optional key)', async () => {
    const d = def([holds('owner_id'), holds('dob'), filled('note')]);
    const rows = [...records.map((r) => ({ ...r })), { id: '4', note: 'the only record with a note' }];
    const r = await validate(d, readJson(file('optional.json', JSON.stringify(rows)), { format: 'json' }), { now });
    expect(unknown(r)).toBeUndefined();
    expect(r.rules.find((x) => x.id === 'holds_dob')).toMatchObject({ checked: 4, failed: 2 });
  });

  it('judges only what it can: not rows given in code, nor a read that broke off', async () => {
    const d = def([holds('ownerid')]);
    // Objects given in code list no columns: a key none of them has may be one the caller never sets.
    expect(unknown(await validate(d, records, { now }))).toBeUndefined();
    // A JSON document cut short: the keys of the records after the break are unknown.
    const cut = file('cut.json', JSON.stringify(records).slice(0, -20));
    const r = await validate(d, readJson(cut, { format: 'json' }), { now });
    expect(r.partial).toBe(true);
    expect(unknown(r)).toBeUndefined();
  });

  it('leaves a CSV header to the rule error it gives on the first row', async () => {
    const r = await validate(def([holds('ownerid')]), readCsv(file('owners.csv', 'id,owner_id\n1,001089000001\n')), { now });
    expect(unknown(r)).toBeUndefined();
    expect(r.rules.find((x) => x.id === 'holds_ownerid')?.error).toMatch(/reads the column "ownerid", which is not a column of the input \(did you mean "owner_id"\?\)/);
  });

  it('joins what the shards read: a key one shard lacks and another holds is no finding, one none holds is', async () => {
    const d = def([holds('late_key'), holds('nowhere')]);
    // The first shard's records lack late_key, the second's hold it; no record holds nowhere.
    const rows = [...Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, pad: 'x'.repeat(40) })),
      ...Array.from({ length: 40 }, (_, i) => ({ id: `b${i}`, late_key: 'k', pad: 'x'.repeat(40) }))];
    const path = file('shards.ndjson', ndjson(rows));
    const one = toJson(await validate(d, readJson(path, { format: 'ndjson' }), { now }));
    const states = [];
    for (let k = 1; k <= 2; k++) states.push(decodeShardState(encodeShardState(await validateShard(d, readJson(path, { format: 'ndjson' }), { shard: `${k}/2`, now }))));
    expect(states.map((s) => s.state.readAbsent)).toEqual([['late_key', 'nowhere'], ['nowhere']]);
    const merged = mergeShards(d, states);
    expect(toJson(merged)).toBe(one);
    expect(unknown(merged)?.samples.map((s) => s.value)).toEqual(['nowhere']);
  });

  it('names each misspelt column on stderr from the CLI, with the key the records have, and fails the run', async () => {
    const r = await cli(['validate', 'parcels.ndjson', '--dataset', 'reads-misspelt.def.ts', '--now', now]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/source\.unknown_column/);
    expect(r.stderr).toContain('ddss: rules read 2 columns no record has: "ownerid" (the records have "owner_id"), "areaM2" (the records ' +
      'have "area_m2") (source.unknown_column); the rules read each as missing on every row: correct the name in the definition\n');
    // In the report's language under --locale vi (it was English below a Vietnamese summary).
    const vi = await cli(['validate', 'parcels.ndjson', '--dataset', 'reads-misspelt.def.ts', '--now', now, '--locale', 'vi']);
    expect(vi.stderr).toContain('ddss: các quy tắc đọc 2 cột mà không bản ghi nào có: "ownerid" (các bản ghi có "owner_id"), "areaM2" ' +
      '(các bản ghi có "area_m2") (source.unknown_column); các quy tắc đã đọc từng cột là trống ở mọi hàng: hãy sửa tên trong định nghĩa\n');
  });

  it('refuses a state file whose list of names read is not a short list of texts', () => {
    const d = def([holds('x')]);
    const v = createValidator(d, { now });
    v.add({ id: '1' });
    const state = v.state();
    const options = { maxSamplesPerRule: 20, grades: false, worstRecords: 0, groupBy: null, maxGroups: 0 };
    const plan = compile(d);
    expect(state.readAbsent).toEqual(['x']);
    expect(checkState(plan, state, options)).toBeUndefined();
    expect(checkState(plan, { ...state, readAbsent: [7] }, options)).toBe('readAbsent');
    expect(checkState(plan, { ...state, readAbsent: 'x' }, options)).toBe('readAbsent');
    expect(checkState(plan, { ...state, readAbsent: Array.from({ length: MAX_READ_ABSENT + 1 }, (_, i) => `c${i}`) }, options)).toBe('readAbsent');
  });

  it('lists a name once when a validator reads it again after merging a state that read it', () => {
    const d = def([holds('ownerid')]);
    const a = createValidator(d, { now });
    a.add({ id: '1' });
    const v = createValidator(d, { now });
    v.merge(a.state());
    v.add({ id: '2' });
    expect(v.state().readAbsent).toEqual(['ownerid']);
  });

  it('lists at most MAX_READ_ABSENT names, however many a rule reads', () => {
    const many = recordRule({ name: 'many', criterion: 'sufficient' }, (row, ctx) => ctx.raw(`c${ctx.row}`) === undefined);
    const v = createValidator(def([many]), { now });
    for (let i = 0; i < MAX_READ_ABSENT + 50; i++) v.add({ id: String(i) });
    expect(v.state().readAbsent?.length).toBe(MAX_READ_ABSENT);
  });
});
