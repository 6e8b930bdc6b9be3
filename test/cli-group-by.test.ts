import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { assertValidReport } from './_report-schema.js';
import { readCsv, validate } from '../src/index.js';
import { loadDefinition } from '../src/declarative/load-definition.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/**
 * Four communes' records; `owner` is personal. Hand-computed grades (correct: 4 type rules and area.min; sufficient:
 * id.required; clean: owner.trimmed): A1 1; A2 min and trimmed fail → (0.8 + 1 + 0) / 3 = 0.6; A3 "x" fails its type,
 * min does not apply → (0.75 + 1 + 1) / 3 = 0.916667; A4 min fails → 0.933333; A5 trimmed fails → 0.666667; A6 1.
 */
function register(): { def: string; csv: string } {
  const def = tmp.path('reg.yaml');
  writeFileSync(def, 'name: reg\nkey: owner\nfields:\n  id: { type: text, required: true }\n  commune: { type: text }\n' +
    '  owner: { type: text, pii: true, trimmed: true }\n  area: { type: number, min: { value: 0, exclusive: true } }\n');
  const csv = tmp.path('reg.csv');
  writeFileSync(csv, 'id,commune,owner,area\nA1,00001,Anh Nguyen,5\nA2,00001, Ba Tran ,-1\nA3,00004,Chi Le,x\n' +
    'A4,00001,Dung Pham,-2\nA5,=cmd,Em Vo ,7\nA6,,Gia Do,1\n');
  return { def, csv };
}

interface Json {
  worstRecords?: Array<{ row: number; key?: string; overall: number; rules: string[] }>;
  groups?: { field: string; maxGroups: number; groups: Array<Record<string, unknown>>; other?: Record<string, unknown> };
  recordGrades?: unknown;
}

describe('ddss validate --group-by and the worst records', () => {
  it('breaks the graded records down by a column, and lists the worst records with masked keys', async () => {
    const { def, csv } = register();
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json', '--group-by', 'commune']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Json;
    // Records with findings only, lowest overall first; the personal key is masked.
    expect(report.worstRecords?.map((g) => [g.row, g.overall, g.rules])).toEqual([
      [1, 0.6, ['owner.trimmed', 'area.min']], [4, 0.666667, ['owner.trimmed']], [2, 0.916667, ['area.type']],
      [3, 0.933333, ['area.min']]]);
    expect(r.stdout).not.toMatch(/Ba Tran|Em Vo|Chi Le|Dung Pham/);
    expect(report.worstRecords?.[0]?.key).toMatch(/\*/);
    // An empty cell first, then code-unit order; mean of 00001 = (1 + 0.6 + 0.933333) / 3.
    expect(report.groups).toEqual({ field: 'commune', maxGroups: 10_000, groups: [
      { value: null, records: 1, recordsWithFindings: 0, withFindings: { correct: 0, sufficient: 0, clean: 0, live: 0 }, meanGrade: 1, worstGrade: 1 },
      { value: '00001', records: 3, recordsWithFindings: 2, withFindings: { correct: 2, sufficient: 0, clean: 1, live: 0 }, meanGrade: 0.844444, worstGrade: 0.6 },
      { value: '00004', records: 1, recordsWithFindings: 1, withFindings: { correct: 1, sufficient: 0, clean: 0, live: 0 }, meanGrade: 0.916667, worstGrade: 0.916667 },
      { value: '=cmd', records: 1, recordsWithFindings: 1, withFindings: { correct: 0, sufficient: 0, clean: 1, live: 0 }, meanGrade: 0.666667, worstGrade: 0.666667 },
    ] });
  });

  it('keeps at most maxGroups groups (the smallest values) and counts the rest together', async () => {
    const { def, csv } = register();
    const definition = await loadDefinition(def);
    const report = await validate(definition, readCsv(csv), { now: '2026-11-22', groupBy: 'commune', maxGroups: 2, worstRecords: 2 });
    expect(report.groups?.groups.map((g) => g.value)).toEqual([null, '00001']);
    // 00004 (A3 0.916667) and =cmd (A5 0.666667): mean 0.791667.
    expect(report.groups?.other).toEqual({ records: 2, recordsWithFindings: 2,
      withFindings: { correct: 1, sufficient: 0, clean: 1, live: 0 }, meanGrade: 0.791667, worstGrade: 0.666667 });
    expect(report.worstRecords?.map((g) => g.row)).toEqual([1, 4]);
    assertValidReport(report); // the schema knows both keys
  });

  it('leaves the JSON report as it was when neither grades nor groups are asked for', async () => {
    const { def, csv } = register();
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Json;
    expect(Object.keys(report)).not.toContain('worstRecords');
    expect(Object.keys(report)).not.toContain('groups');
    expect(Object.keys(report)).not.toContain('recordGrades');
    const worst0 = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json', '--grades', tmp.path('g.csv'), '--worst', '0']);
    expect(Object.keys(JSON.parse(worst0.stdout) as Json)).not.toContain('worstRecords');
    expect(readFileSync(tmp.path('g.csv'), 'utf8')).toContain('area.min');
  });

  it('refuses a --group-by that is not a field', async () => {
    const { def, csv } = register();
    const r = await cli(['validate', csv, '--dataset', def, '--group-by', 'district']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--group-by: "district" is not a field/);
  });

  it('ddss worklist --groups N keeps the N groups with the most records with findings', async () => {
    const { def, csv } = register();
    const grades = tmp.path('g.ndjson');
    await cli(['validate', csv, '--dataset', def, ...NOW, '--grades', grades, '--grades-all', '--grades-columns', 'commune']);
    // 00001 has two records with findings (A2, A4); every other commune one or none.
    const r = await cli(['worklist', grades, '--by', 'commune', '--groups', '1', '--format', 'csv']);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['00001,1', '00001,3', '00001,0']);
    const two = await cli(['worklist', grades, '--by', 'commune', '--groups', '2', '--format', 'html']);
    expect(two.stdout).toContain('<dd>2 of 4 (most records with findings)</dd>');
  });
});
