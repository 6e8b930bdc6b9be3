import { describe, expect, it } from 'vitest';
import { excelSerialIn } from './excel-serial-in.js';
import { codes, day, runRecord } from '../cross/_testkit.js';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';
import { validate } from '../../../src/core/validate.js';

describe('excelSerialIn', () => {
  const rule = excelSerialIn('dob');
  it('reads the raw cell of a date column that failed to parse', () => {
    const found = runRecord(rule, { dob: undefined }, undefined, { dob: '45123' });
    expect(codes(found)).toEqual(['excel_serial_date']);
    expect([found[0]?.field, found[0]?.value, found[0]?.suggestion]).toEqual(['dob', '45123', '16/07/2023']);
  });

  it.each([
    [day('2023-07-16'), '16/07/2023'], [undefined, undefined], [undefined, 'N/A'], [undefined, '31/02/2024'],
  ])('lets typed %j (raw %j) pass', (typed, raw) => {
    expect(runRecord(rule, { dob: typed }, undefined, { dob: raw })).toEqual([]);
  });

  // The rule reads the column's raw cell, so the column need not be a field; reading the typed row for it made the
  // rule `error` (its check read a name that is not a field) once record checks were watched.
  it('reads a column the definition does not declare from its raw cell', async () => {
    const def = defineDataset({ name: 'x', columns: 'ignore', fields: { dob: field.date('dd/MM/yyyy') }, rules: [excelSerialIn('issued')] });
    const report = await validate(def, [{ dob: '16/07/2023', issued: '45123' }, { dob: '16/07/2023', issued: '16/07/2023' }]);
    expect(report.rules.find((r) => r.id === 'issued.excelSerial')).toMatchObject({ status: 'failed', checked: 2, failed: 1 });
  });
});
