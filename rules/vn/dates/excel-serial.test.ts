import { describe, expect, it } from 'vitest';
import { excelSerial } from './excel-serial.js';
import { codes, day, runValue } from '../cross/_testkit.js';

describe('excelSerial', () => {
  it.each([
    [45123, '16/07/2023'], ['45123', '16/07/2023'], [' 45123 ', '16/07/2023'], [36526, '01/01/2000'],
    [7306, '01/01/1920'], [73050, '31/12/2099'], ['45123.5', '16/07/2023 12:00'],
  ])('reports %j as a serial, suggesting %s', (value, suggestion) => {
    const found = runValue(excelSerial(), value);
    expect(codes(found)).toEqual(['excel_serial_date']);
    expect(found[0]?.suggestion).toBe(suggestion);
  });

  it.each([
    ['16/07/2023'], ['20230716'], [2024], ['1989'], [7305], [73051], ['-45123'], ['45 123'], ['abc'], [day('2023-07-16')], [true],
  ])('lets %j pass', (value) => {
    expect(runValue(excelSerial(), value)).toEqual([]);
  });

  it('refuses a range where earliest is after latest, which no serial fits', () => {
    expect(() => excelSerial({ earliest: day('2099-01-01'), latest: day('1920-01-01') })).toThrow('earliest (2099-01-01) is after latest (1920-01-01)');
  });

  it('writes the suggestion in the requested format and range', () => {
    const r = excelSerial({ format: 'yyyyMMdd', earliest: new Date(Date.UTC(1900, 2, 1)) });
    expect(runValue(r, 61)[0]?.suggestion).toBe('19000301');
    expect(runValue(r, '45123')[0]?.suggestion).toBe('20230716');
  });
});

