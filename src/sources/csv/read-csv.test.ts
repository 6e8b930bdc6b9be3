import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.js';

describe('readCsv options', () => {
  it.each([
    [{ delimeter: ';' }, /"delimeter" is not an option of readCsv \(did you mean "delimiter"\?\)/],
    [{ encodng: 'tcvn3' }, /did you mean "encoding"/],
    [{ headers: false }, /did you mean "header"/],
  ])('refuses a key that is no option (%o): it would have read the file with the default', (options, message) => {
    expect(() => readCsv(new TextEncoder().encode('a;b\n1;2\n'), options as never)).toThrow(message);
  });

  it('reads with every option it knows', async () => {
    const src = readCsv(new TextEncoder().encode('a;b\n1;2\n'), { delimiter: ';', encoding: 'utf8', header: true,
      maxRecordBytes: 100, name: 'x', batchSize: 10 });
    const rows = [];
    for await (const r of src) rows.push({ ...r });
    expect(rows).toEqual([{ a: '1', b: '2' }]);
  });
});
