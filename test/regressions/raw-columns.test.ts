/**
 * A rule reading a raw column (`ctx.raw`) by a name the input does not have read `undefined` on every row:
 * `vn.excelSerialIn('dobb')` on a CSV whose column is `dob` passed every row, and the run passed (exit 0).
 */
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineDataset, field, rule, validate } from '../../src/index.js';
import type { DatasetRule } from '../../src/core/types.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';
import { readXlsx } from '../../src/sources/xlsx/read-xlsx.js';
import { vn } from '../../rules/vn/index.js';
import { cli, NOW as CLI_NOW, scratch } from '../fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from '../_workbook.js';
import { NOW, ruleOf } from '../_run.js';

afterAll(removeWorkbooks);

const csv = (text: string) => readCsv(Buffer.from(text));
const people = (...rules: DatasetRule[]) =>
  defineDataset({ name: 'people', columns: 'ignore', fields: { id: field.text() }, rules });
const SERIALS = 'id,dob\n1,45123\n2,45124\n';

describe('a rule reading a column the header does not have is an error of the rule', () => {
  it('excelSerialIn with a misspelt column, read from a CSV: error, naming the column and the nearest one', async () => {
    const report = await validate(people(vn.excelSerialIn('dobb')), csv(SERIALS), { now: NOW });
    expect(report.status).toBe('error');
    const r = ruleOf(report, 'dobb.excelSerial');
    expect([r.status, r.checked, r.failed]).toEqual(['error', 0, 0]);
    expect(r.error).toBe('ddss: a rule reads the column "dobb", which is not a column of the input (did you mean "dob"?): ' +
      'no row holds it, so the rule would read undefined on every row (row 0)');
  });

  it('the same rule naming the column still reads it (a column that is no field)', async () => {
    const report = await validate(people(vn.excelSerialIn('dob')), csv(SERIALS), { now: NOW });
    expect(ruleOf(report, 'dob.excelSerial')).toMatchObject({ status: 'failed', checked: 2, failed: 2 });
  });

  it('so is it read from a workbook', async () => {
    const path = await writeWorkbook((wb) => { wb.addWorksheet('People').addRows([['id', 'dob'], ['1', '45123']]); });
    const report = await validate(people(vn.excelSerialIn('dobb')), readXlsx(path), { now: NOW });
    expect(ruleOf(report, 'dobb.excelSerial')).toMatchObject({ status: 'error', checked: 0 });
  });

  it('statusDateRequired with a misspelt date column: an error, not a missing date on every row', async () => {
    const def = defineDataset({ name: 'e', columns: 'ignore', fields: { status: field.text() },
      rules: [vn.statusDateRequired({ status: 'status', statusDate: 'status_dat' })] });
    const report = await validate(def, csv('status,status_date\ndissolved,01/01/2024\nactive,\n'), { now: NOW });
    expect(ruleOf(report, 'statusDateRequired').error).toMatch(/^ddss: a rule reads the column "status_dat", .*\(did you mean "status_date"\?\)/);
  });

  it('a check asking whether a misspelt column is missing (ctx.missing) errors too: it skipped every row', async () => {
    const def = defineDataset({ name: 'd', fields: { start: field.number(), end: field.number() }, rules: [
      rule.record('ordered', (r, ctx) => ctx.missing('endd') || (r.end as number) >= (r.start as number), { fields: ['start', 'end'] })] });
    const report = await validate(def, csv('start,end\n5,1\n'), { now: NOW });
    expect(ruleOf(report, 'ordered')).toMatchObject({ status: 'error', checked: 0 });
    expect(ruleOf(report, 'ordered').error).toContain('reads the column "endd", which is not a column of the input (did you mean "end"?)');
  });

  // Objects have no header: a key one record lacks may be an optional property left out, so its absence is no error
  // (the rule reads the cell as undefined on that row), whether the records come from code or a JSON file.
  it('rows given as objects read an absent key as undefined, without an error', async () => {
    const report = await validate(people(vn.excelSerialIn('dob')), [{ id: '1' }, { id: '2', dob: '45123' }], { now: NOW });
    expect(ruleOf(report, 'dob.excelSerial')).toMatchObject({ status: 'failed', checked: 2, failed: 1 });
  });
});

describe('ddss validate with such a rule', () => {
  let tmp: ReturnType<typeof scratch>;
  beforeEach(() => { tmp = scratch(); });
  afterEach(() => tmp.remove());

  it('exits 3 (a rule error), where it said "Passed" and exited 0', async () => {
    writeFileSync(tmp.path('people.csv'), SERIALS);
    writeFileSync(tmp.path('people.def.ts'), `import { defineDataset, field } from 'ddss';
import { vn } from 'ddss/vn';
export const people = defineDataset({ name: 'people', columns: 'ignore', fields: { id: field.text() }, rules: [vn.excelSerialIn('dobb')] });
`);
    const r = await cli(['validate', tmp.path('people.csv'), '--dataset', tmp.path('people.def.ts'), ...CLI_NOW, '--format', 'json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { status: string; rules: { id: string; status: string }[] };
    expect(report.status).toBe('error');
    expect(report.rules.find((x) => x.id === 'dobb.excelSerial')?.status).toBe('error');
  });
});

// ctx.missing of a column the definition does not declare was `true` on every row, whatever the cell held: a check
// skipping rows whose (undeclared) `remarks` were empty skipped every row, and the run passed.
describe('ctx.missing of a column that is no field judges its cell', () => {
  const def = defineDataset({ name: 'd', columns: 'ignore', fields: { n: field.number() }, rules: [
    rule.record('explained', (r, ctx) => ctx.missing('remarks') || (r.n as number) >= 0, { fields: ['n'] })] });

  it.each([
    ['a CSV', () => csv('n,remarks\n-1,sửa tay\n-2,N/A\n-3,\n')],
    ['objects', () => [{ n: -1, remarks: 'sửa tay' }, { n: -2, remarks: 'N/A' }, { n: -3 }]],
  ])('%s: a cell with a value is not missing; empty, absent or a missing value is', async (_what, rows) => {
    const report = await validate(def, rows(), { now: NOW });
    expect(ruleOf(report, 'explained')).toMatchObject({ status: 'failed', checked: 3, failed: 1 });
  });
});
