import { describe, expect, it } from 'vitest';
import { excelSerialIn } from './excel-serial-in.js';
import { codes, day, runRecord } from '../cross/_testkit.js';

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
});
