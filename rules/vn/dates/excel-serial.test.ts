import { describe, expect, it } from 'vitest';
import { excelSerial } from './excel-serial.js';
import { excelSerialIn } from './excel-serial-in.js';
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

  // The suggestion is what `ddss fix` writes over the serial: an unchecked "foo" wrote "foo", and "DD/MM/YYYY" wrote
  // "DD/07/YYYY", the run then passing.
  it.each([
    ['foo', 'has "foo", which is no token'],
    ['DD/MM/YYYY', 'has "DD", which is no token (did you mean dd?)'],
    ['M/d/yyyy', 'has "M", which is no token (did you mean MM?)'],
    ['dd/MM/yy', 'has "yy", which is no token (did you mean yyyy?)'],
    ['HH:mm', 'lacks yyyy and MM and dd'],
    ['dd/MM/yyyy dd', 'gives dd twice'],
    ['dd/MM/yyyy mm', 'has mm (minutes) without HH (hours)'],
  ])('refuses the format %s, which writes no whole date, in both rules', (format, why) => {
    expect(() => excelSerial({ format })).toThrow(`ddss: excelSerial: format ${JSON.stringify(format)} ${why}`);
    expect(() => excelSerialIn('d', { format })).toThrow(`ddss: excelSerialIn: format ${JSON.stringify(format)} ${why}`);
  });

  it('writes a month for a month column (MM/yyyy), a fraction adding no time', () => {
    expect(runValue(excelSerial({ format: 'MM/yyyy' }), '46296.5')[0]?.suggestion).toBe('10/2026');
    expect(runValue(excelSerial({ format: 'yyyyMM' }), 46296)[0]?.suggestion).toBe('202610');
    expect(() => excelSerial({ format: 'MM/yyyy HH:mm' })).toThrow('lacks dd');
    expect(() => excelSerial({ format: 'yyyy' })).toThrow('lacks MM');
  });

  it('takes formats of the tokens, other characters kept', () => {
    expect(runValue(excelSerial({ format: 'dd.MM.yyyy HH:mm:ss' }), '45123.5')[0]?.suggestion).toBe('16.07.2023 12:00:00');
  });
});

