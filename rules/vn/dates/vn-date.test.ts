import { describe, expect, it } from 'vitest';
import { defineDataset, validate } from '../../../src/index.js';
import { VN_MISSING_VALUES } from './missing-values.js';
import { vnDate } from './vn-date.js';
import { excelSerialIn } from './excel-serial-in.js';

const now = new Date('2026-11-22T00:00:00Z');

describe('VN_MISSING_VALUES', () => {
  it.each([['00/00/0000'], ['01/01/1900'], ['00/00/1985'], ['00/00/2024'], ['N/A'], ['-'], ['NULL'], ['00000000'], ['19000101'],
    ['1/1/1900'], ['01/01/0001'], ['1/1/0001'], ['0001-01-01'], ['00010101']])(
    'holds the placeholder %s', (token) => {
      expect(VN_MISSING_VALUES).toContain(token);
    });

  it.each([['0'], ['01/01/1901'], ['00/01/2024'], ['']])('does not hold %j', (token) => {
    expect(VN_MISSING_VALUES).not.toContain(token);
  });
});

describe('vnDate', () => {
  it('parses dd/MM/yyyy, treats placeholders as missing and serials as invalid with a diagnosis', async () => {
    const ds = defineDataset({
      name: 'people', fields: { dob: vnDate().required() }, rules: [excelSerialIn('dob')],
    });
    // 01/01/0001 is .NET's empty date: a valid date that no rule would otherwise question.
    const rows = [{ dob: '03/04/2025' }, { dob: '00/00/1985' }, { dob: '01/01/1900' }, { dob: '31/02/2024' }, { dob: '45123' },
      { dob: '01/01/0001' }];
    const report = await validate(ds, rows, { now });
    const byRule = Object.fromEntries(report.rules.map((r) => [r.id, r]));
    expect(byRule['dob.required']?.failed).toBe(3);
    expect(byRule['dob.type']?.failed).toBe(2);
    expect(byRule['dob.excelSerial']?.samples.map((s) => [s.row, s.code, s.suggestion])).toEqual([[4, 'excel_serial_date', '16/07/2023']]);
  });

  it.each([
    ['yyyyMMdd', '20250403', true], ['yyyyMMdd', '00000000', undefined], ['yyyyMMddHHmm', '202504031530', true],
    ['MM/yyyy', '04/2025', true], ['yyyy-MM-dd', '2025-04-03', true], ['dd/MM/yyyy', '2025-04-03', false],
  ] as const)('with format %s reads %s as valid=%s (undefined: missing)', async (format, text, valid) => {
    const ds = defineDataset({ name: 'd', fields: { d: vnDate(format).required() } });
    const report = await validate(ds, [{ d: text }], { now });
    const failed = (id: string) => report.rules.find((r) => r.id === id)?.failed;
    expect(failed('d.required')).toBe(valid === undefined ? 1 : 0);
    expect(failed('d.type')).toBe(valid === false ? 1 : 0);
  });
});
