import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// A date column that went through a spreadsheet as numbers (43831 is 01/01/2020) was profiled as an integer column,
// and its suggested definition validated it as one: nothing said the numbers were dates.
// Serials with a time of day (43831.5) are numbers; five-digit ones are integers (no commune code without a commune
// list: they were "commune codes ✓", and c7 got a `vn: [commune]` that passed every serial).
const CSV = 'id,ngay_cap,c7,so_tien,dob,updated_date\n' + Array.from({ length: 30 }, (_, i) =>
  `${i},${43831 + i * 70},${43900 + i * 71},${30000 + i * 100},${30000 + i * 97},${45000 + i}.25`).join('\n') + '\n';

it('profile says which integer columns may hold Excel serial dates, and converts nothing', async () => {
  writeFileSync(tmp.path('in.csv'), CSV);
  const text = await cli(['profile', tmp.path('in.csv')]);
  const block = (name: string): string => text.stdout.split('\n\n').find((b) => b.startsWith(`${name}  `)) ?? '';
  expect(block('ngay_cap')).toMatch(/^ngay_cap {2}integer$/m);
  expect(block('ngay_cap') + block('c7')).not.toContain('commune');
  expect(block('ngay_cap')).toContain('may hold dates as Excel serial numbers: its name says date and every value is the serial ' +
    'number of a date (01/01/2020 – 23/07/2025) (nothing converted)');
  expect(block('c7')).toContain('may hold dates as Excel serial numbers: every value is the serial number of a date of 1970–2040 ' +
    '(10/03/2020 – 29/10/2025)');
  expect(block('so_tien')).not.toContain('Excel');
  // A personal column's range is masked: its dates are not printed either.
  expect(block('dob')).toContain('may hold dates as Excel serial numbers: its name says date and every value is the serial number of a date (nothing converted)');
  expect(block('dob')).not.toMatch(/\d\d\/\d\d\/\d{4}/);

  const json = JSON.parse((await cli(['profile', tmp.path('in.csv'), '--format', 'json'])).stdout) as { columns: Array<{ name: string; type: string; excelSerialDates?: string }> };
  expect(json.columns.map((c) => [c.name, c.type, c.excelSerialDates])).toEqual([
    ['id', 'integer', undefined], ['ngay_cap', 'integer', 'name'], ['c7', 'integer', 'values'], ['so_tien', 'integer', undefined], ['dob', 'integer', 'name'],
    ['updated_date', 'number', 'name'],
  ]);
  expect(block('updated_date')).toContain('its name says date and every value is the serial number of a date (15/03/2023 – 13/04/2023)');
});

it('the suggested definition reports each serial of a date-named column with its date, and only says so of the others', async () => {
  writeFileSync(tmp.path('in.csv'), CSV);
  const yaml = await cli(['profile', tmp.path('in.csv'), '--format', 'yaml', '--out', tmp.path('in.yaml')]);
  expect(yaml.code).toBe(0);
  const suggested = readFileSync(tmp.path('in.yaml'), 'utf8');
  expect(suggested).toContain('  "ngay_cap":\n    # 30 values, 0 missing; 30 distinct\n    # 100% read as integer values\n    # may hold dates as Excel serial numbers: ' +
    'its name says date and every value is the serial number of a date (01/01/2020 – 23/07/2025); excelSerial ' +
    'reports each with its date, which ddss fix --only excel-date writes; then declare type: date with its format\n    type: integer\n');
  expect(suggested).toMatch(/ {2}"c7":\n.*\n.*\n {4}# may hold dates as Excel serial numbers: every value is the serial number of a date of 1970–2040 \(10\/03\/2020 – 29\/10\/2025\); if so, type: integer and vn: \[excelSerial\] report each .*\n {4}type: integer\n/);
  expect(suggested).not.toMatch(/vn: \[.*commune/);
  const r = await cli(['validate', tmp.path('in.csv'), '--dataset', tmp.path('in.yaml'), '--format', 'json', ...NOW]);
  const report = JSON.parse(r.stdout) as { rules: Array<{ id: string; failed: number; samples: Array<{ suggestion?: string }> }> };
  const rule = (id: string) => report.rules.find((x) => x.id === id);
  expect(rule('ngay_cap.type')?.failed).toBe(0);
  expect(rule('ngay_cap.excelSerial')?.failed).toBe(30);
  expect(rule('ngay_cap.excelSerial')?.samples[0]?.suggestion).toBe('01/01/2020');
  expect(rule('dob.excelSerial')?.failed).toBe(30);
  expect(rule('c7.excelSerial')).toBeUndefined();
  expect(rule('c7.commune')).toBeUndefined();
  expect(rule('so_tien.excelSerial')).toBeUndefined();
  expect(rule('updated_date.type')?.failed).toBe(0);
  expect(rule('updated_date.excelSerial')?.failed).toBe(30);
});

describe('a workbook column of durations', () => {
  afterAll(removeWorkbooks);

  // `[h]:mm` cells (a meeting's length, hours worked) read as dates of January 1900, so the profile called the column
  // datetime and its suggested definition passed every value as one; a CSV export of the sheet has 36:30, text.
  it('is profiled as the text Excel shows, and a date field reports each value', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', 'thoi_luong']);
      for (let i = 0; i < 20; i++) ws.addRow([`${i}`, (24 + i + 0.5) / 24]);
      ws.getColumn(2).numFmt = '[h]:mm';
    });
    const json = JSON.parse((await cli(['profile', path, '--format', 'json'])).stdout) as { columns: Array<{ name: string; type: string; min?: unknown }> };
    expect(json.columns.find((c) => c.name === 'thoi_luong')).toMatchObject({ type: 'text' });
    writeFileSync(tmp.path('d.yaml'), 'name: d\nfields:\n  id: { type: text }\n  thoi_luong: { type: date, format: dd/MM/yyyy }\n');
    const r = JSON.parse((await cli(['validate', path, '--dataset', tmp.path('d.yaml'), '--format', 'json', ...NOW])).stdout) as
      { rules: Array<{ id: string; failed: number; samples: Array<{ value?: unknown }> }> };
    expect(r.rules.find((x) => x.id === 'thoi_luong.type')).toMatchObject({ failed: 20, samples: expect.arrayContaining([expect.objectContaining({ value: '24:30' })]) });
  });
});

describe('a workbook column of times of day', () => {
  afterAll(removeWorkbooks);

  // A time shown as h:mm whose serial carries a date (a clock-in stamp formatted to show the time) read as that date
  // and time: the profile called the column datetime and a date field passed every value.
  it('is profiled as the text Excel shows, and a date field reports each value', async () => {
    const path = await writeWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['id', 'gio_vao']);
      for (let i = 0; i < 20; i++) ws.addRow([`${i}`, 45000 + i + (7 + i / 20) / 24]);
      ws.getColumn(2).numFmt = 'h:mm';
    });
    const json = JSON.parse((await cli(['profile', path, '--format', 'json'])).stdout) as { columns: Array<{ name: string; type: string }> };
    expect(json.columns.find((c) => c.name === 'gio_vao')).toMatchObject({ type: 'text' });
    writeFileSync(tmp.path('d.yaml'), 'name: d\nfields:\n  id: { type: text }\n  gio_vao: { type: date, format: dd/MM/yyyy }\n');
    const r = JSON.parse((await cli(['validate', path, '--dataset', tmp.path('d.yaml'), '--format', 'json', ...NOW])).stdout) as
      { rules: Array<{ id: string; failed: number; samples: Array<{ value?: unknown }> }> };
    expect(r.rules.find((x) => x.id === 'gio_vao.type')).toMatchObject({ failed: 20, samples: expect.arrayContaining([expect.objectContaining({ value: '7:00' })]) });
  });
});
