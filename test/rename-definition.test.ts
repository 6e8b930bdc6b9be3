import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineDataset, field, loadDefinition, readCsv, readXlsx, toJson, validate } from '../src/index.js';
import type { DatasetDefinition, Report } from '../src/index.js';
import { validateShard } from '../src/parallel/validate-shard.js';
import { mergeShards } from '../src/parallel/merge-shards.js';
import { decodeShardState, encodeShardState } from '../src/parallel/state-file.js';
import type { ShardState } from '../src/parallel/shard-state.js';
import { landParcels } from '../rules/datasets/index.js';
import { NOW } from './_run.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';
import { threads } from './_parallel-runs.js';

// An agency's export has Vietnamese headers ("Số CCCD", "Mã xã") over a built-in register: a definition file says so
// once (`rename:`), instead of a --rename on every run, and the library reads it as the command line does.
const dir = mkdtempSync(join(tmpdir(), 'ddss-rename-definition-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); removeWorkbooks(); });

const land = readFileSync('examples/land/parcels.csv', 'utf8');
const header = land.slice(0, land.indexOf('\n') + 1);
const body = land.slice(header.length);
// "Mã xã" written decomposed after a space, as some exports write it: the rename still finds it.
const vietnamese = header.replace('owner_id', 'Số CCCD').replace('commune_code', ` ${'Mã xã'.normalize('NFD')}`);
const lines = body.split(/(?<=\n)/);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const yaml = file('vi.yaml', 'extends: land-parcels\nrename:\n  Số CCCD: owner_id\n  Mã xã: commune_code\n');
const definition = async (): Promise<DatasetDefinition> => ({ ...await loadDefinition(yaml), module: yaml });
const renamed = file('vi.csv', vietnamese + body);
/** The header as written again in the second half (two exports joined with `cat`). */
const joined = file('joined.csv', [vietnamese, ...lines.slice(0, 1300), vietnamese, ...lines.slice(1300)].join(''));
const comparable = (r: Report) => JSON.stringify({ ...r, source: { ...r.source, name: 'x', bytes: 0 } });

const run = (def: DatasetDefinition, path: string, workers: number) => threads(def, path, workers, { timed: true });

describe('a definition\'s rename: through the library', () => {
  it('reads the renamed headers as the fields: the report of the file with the fields\' names', async () => {
    const def = await definition();
    const one = await run(def, renamed, 1);
    const original = await run(landParcels, 'examples/land/parcels.csv', 1);
    expect(one.report.rules.find((r) => r.id === 'source.missing_column')).toBeUndefined();
    expect(comparable(one.report)).toBe(comparable(original.report));
    // The field's own name is still read: one definition for the old export and the renamed one.
    expect(comparable((await run(def, 'examples/land/parcels.csv', 1)).report)).toBe(comparable(original.report));
  });

  it('2 and 3 threads, and 3 shards, give the one-thread report of a renamed file with a repeated header', async () => {
    const def = await definition();
    const one = await run(def, joined, 1);
    expect(one.report.rules.find((r) => r.id === 'source.repeated_header')).toMatchObject({ failed: 1 });
    for (const workers of [2, 3]) {
      const many = await run(def, joined, workers);
      expect(many.threads).toBe(workers);
      expect(toJson(many.report)).toBe(toJson(one.report));
      expect(many.found).toEqual(one.found);
    }
    const states: ShardState[] = [];
    for (let k = 1; k <= 3; k++) {
      states.push(decodeShardState(encodeShardState(await validateShard(def, readCsv(joined), { shard: `${k}/3`, now: NOW, maxSamplesPerRule: 5 }))));
    }
    expect(toJson(mergeShards(def, states))).toBe(toJson(one.report));
  }, 120_000);

  it('reads a workbook\'s header row the same way', async () => {
    const rows = (vietnamese + lines.slice(0, 50).join('')).trimEnd().split('\n').map((l) => l.split(','));
    const book = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(rows));
    const report = await validate(await definition(), readXlsx(book), { now: NOW });
    expect(report.rules.find((r) => r.id === 'source.missing_column')).toBeUndefined();
    expect(report.rules.find((r) => r.id === 'source.unexpected_column')).toBeUndefined();
  });

  it.each([
    // The source's own rename (--rename) says where the field is in this file: the definition's entry gives way.
    ['the source names the field under another header', 'CCCD', { CCCD: 'owner_id' }, { unexpected: 1, duplicate: 0 }],
    // Both names of the field in one file: the field named twice, as with --rename.
    ['the file holds the renamed header and the field\'s own name', 'owner_id', undefined, { unexpected: 0, duplicate: 1 }],
  ])('%s', async (_, extra, own, want) => {
    const path = file(`extra-${extra}.csv`, `${vietnamese.trimEnd()},${extra}\n${lines.slice(0, 50).map((l) => `${l.trimEnd()},x\n`).join('')}`);
    const report = await validate(await definition(), readCsv(path, own === undefined ? {} : { header: own }), { now: NOW });
    const failed = (id: string) => report.rules.find((r) => r.id === id)?.failed ?? 0;
    expect({ unexpected: failed('source.unexpected_column'), duplicate: failed('source.duplicate_header') }).toEqual(want);
    expect(failed('source.missing_column')).toBe(0);
  });
});

describe('defineDataset rename', () => {
  const fields = { owner_id: field.text().required(), owner_name: field.text() };

  it('reads a renamed header as its field in code-defined datasets too', async () => {
    const def = defineDataset({ name: 'p', fields, rename: { 'Số CCCD': 'owner_id' } });
    const report = await validate(def, readCsv(new TextEncoder().encode('Số CCCD,owner_name\n001099012345,An\n')), { now: NOW });
    expect(report.rules.find((r) => r.id === 'source.missing_column')).toBeUndefined();
    expect(report.rules.find((r) => r.id === 'owner_id.required')?.failed).toBe(0);
    expect(Object.isFrozen(def.rename)).toBe(true);
  });

  it.each([
    [{ 'Số CCCD': 'owner' }, 'ddss: rename "Số CCCD" reads the column as "owner", which is not a field (did you mean "owner_id"?)'],
    [{ 'Số CCCD': 'owner_id', CCCD: 'owner_id' }, 'ddss: rename "CCCD" and "Số CCCD" are both read as "owner_id": a field is read from one column'],
  ])('refuses %j', (rename, message) => {
    expect(() => defineDataset({ name: 'p', fields, rename: rename as Record<string, 'owner_id'> })).toThrow(message);
  });
});
