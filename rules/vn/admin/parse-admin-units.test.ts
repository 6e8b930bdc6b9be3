import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parseAdminUnits, TableDatesError } from './parse-admin-units.js';
import { loadAdminUnits } from './load-admin-units.js';
import { importAdminUnits } from './import-admin-units.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const meta = { scheme: '2008-08-01', validFrom: '2008-08-01', validTo: '2025-06-30', source: 'test fixture' };

describe('parseAdminUnits / loadAdminUnits', () => {
  it('reads a statistics-office style CSV (BOM, CRLF, Vietnamese headers, quotes, lost zeros)', () => {
    const t = loadAdminUnits(fixture('communes-2008.csv'), meta);
    expect(t).toMatchObject({ version: '2008-08-01', validFrom: '2008-08-01', validTo: '2025-06-30', source: 'test fixture' });
    expect(t.entries.map((e) => [e.code, e.province, e.district])).toEqual([
      ['00001', '01', '001'], ['00004', '01', '001'], ['00006', '01', '001'], ['09190', '27', '256'], ['26734', '79', '760'],
    ]);
    expect(t.entries[3]).toEqual({ code: '09190', name: 'Phường Võ Cường, TP Bắc Ninh', level: 'Phường', province: '27', district: '256' });
  });

  it('reads a JSON table, its own metadata included, from a path or from text', () => {
    const fromPath = loadAdminUnits(fixture('communes-2025.json'));
    expect(fromPath.version).toBe('2025-07-01');
    expect(fromPath.entries).toHaveLength(4);
    expect(loadAdminUnits(readFileSync(fixture('communes-2025.json'), 'utf8'))).toEqual(fromPath);
  });

  it('maps columns by name, with semicolons and successors', () => {
    const text = 'ma_xa;ten;tinh;moi\n00001;Phường Phúc Xá;01;00004\n00006;Phường Vĩnh Phúc;01;00004 00008\n';
    const t = parseAdminUnits(text, { ...meta, columns: { code: 'ma_xa', name: 'ten', province: 'tinh', successors: 'moi' } });
    expect(t.entries.map((e) => e.successors)).toEqual([['00004'], ['00004', '00008']]);
  });

  it('reads a JSON array of rows', () => {
    const json = JSON.stringify([{ commune_code: '26734', commune_full_name: 'Phường Sài Gòn', province_code: 79, unit_type: 'Phường' }]);
    expect(parseAdminUnits(json, { scheme: '2025-07-01', validFrom: '2025-07-01', source: 's' }).entries)
      .toEqual([{ code: '26734', name: 'Phường Sài Gòn', level: 'Phường', province: '79' }]);
  });

  it('round-trips through importAdminUnits (deterministic JSON, one entry per line)', () => {
    const json = importAdminUnits(fixture('communes-2008.csv'), meta);
    expect(json.split('\n').filter((l) => l.includes('"code"'))).toHaveLength(5);
    expect(json.endsWith('}\n')).toBe(true);
    expect(parseAdminUnits(json)).toEqual(loadAdminUnits(fixture('communes-2008.csv'), meta));
    expect(importAdminUnits(json)).toBe(json);
  });

  it.each([
    ['no code column', 'ten,tinh\nA,01\n', /code column/],
    ['a named column that is absent', 'code,name,province\n00001,A,01\n', /column "ma"/, { code: 'ma' }],
    ['a duplicate code', 'code,name,province\n00001,A,01\n1,B,01\n', /line 3.*twice/],
    ['a code too long', 'code,name,province\n000001,A,01\n', /line 2.*5-digit/],
    ['a code with letters', 'code,name,province\n0000A,A,01\n', /5-digit/],
    ['an empty name', 'code,name,province\n00001,,01\n', /no name/],
    ['an unclosed quote', 'code,name,province\n00001,"A,01\n', /unclosed quote/],
    ['JSON that is not a list', '{"a":1}', /entries/],
    ['a header and no rows', 'code,name,province\n', /has no communes \(a header and no rows\)/],
    ['a JSON table with no entries', '{"entries":[]}', /has no communes \("entries" is empty\)/],
    ['JSON entries without a code key', '[{"ten":"A","tinh":"01"}]', /no code key \(looked for [^)]*\) in the entries/],
    // Read as text, ["00007"] was the code 00007 and an object the name "[object Object]": imported without a word.
    ['a JSON code that is an array', '[{"code":"00004","name":"A","province":"01"},{"code":["00007"],"name":"B","province":"01"}]',
      /^ddss: line 1, entry 2: "code" is an array, not one value$/],
    ['a JSON name that is an object', '[{"code":"00004","name":{"vi":"A"},"province":"01"}]', /^ddss: line 1: "name" is an object, not one value$/],
    ['a JSON province that is an array', '[{"code":"00004","name":"A","province":["01"]}]', /line 1: "province" is an array/],
    ['JSON successors that are an object', '[{"code":"00004","name":"A","province":"01","successors":{"a":"00007"}}]', /line 1: "successors" is an object/],
  ])('throws on %s', (_label, text, error, columns = undefined) => {
    expect(() => parseAdminUnits(text, { ...meta, ...(columns === undefined ? {} : { columns }) })).toThrow(error);
  });

  it.each([
    // The first was read without a word: `Mã xã` twice imported the first column's code.
    ['a header naming the code column twice', 'Mã xã,Tên xã,Cấp,Mã tỉnh,Mã xã\n00004,A,Phường,01,00009\n', undefined,
      'ddss: the header holds 2 columns for the code: "Mã xã" (column 1), "Mã xã" (column 5), so which one is meant is not known; name each column once'],
    ['two headers that both name the code', 'code,Tên xã,Mã tỉnh,Mã xã\n00004,A,01,00009\n', undefined,
      'ddss: the header holds 2 columns for the code: "code" (column 1), "Mã xã" (column 4), so which one is meant is not known; ' +
      'name the one to read (columns: { code: … }; ddss refdata import --column code=NAME)'],
    ['a named column given twice', 'ma,name,province,MA\n00004,A,01,00009\n', { code: 'ma' },
      'ddss: the header holds 2 columns for the code: "ma" (column 1), "MA" (column 4), so which one is meant is not known; name each column once'],
    ['JSON entries with two keys for the code', '[{"code":"00004","ma":"00009","name":"A","province":"01"}]', undefined,
      'ddss: the entries hold 2 keys for the code: "code", "ma", so which one is meant is not known; name the one to read (columns: { code: … }; ddss refdata import --column code=NAME)'],
  ])('refuses %s, naming the columns', (_label, text, columns, error) => {
    expect(() => parseAdminUnits(text, { ...meta, ...(columns === undefined ? {} : { columns }) })).toThrow(error);
  });

  it('reads the column named in columns when two headers could be the code', () => {
    const t = parseAdminUnits('code,Tên xã,Mã tỉnh,Mã xã\n00004,A,01,00009\n', { ...meta, columns: { code: 'Mã xã' } });
    expect(t.entries.map((e) => e.code)).toEqual(['00009']);
  });

  it('names a JSON entry by the file\'s line it starts on, as a CSV row is named', () => {
    const list = '[\n {"code":"00004","name":"A","province":"01"},\n\n\n {"code":"00004","name":"B","province":"01"}\n]\n';
    expect(() => parseAdminUnits(list, meta)).toThrow(/^ddss: line 5: commune code 00004 appears twice$/);
    const table = '{"version":"x","validFrom":"2025-07-01","source":"s","entries":[\n{"code":"00004","name":"A","province":"01"},\n\n{"code":"7","name":"","province":"01"}]}';
    expect(() => parseAdminUnits(table)).toThrow(/^ddss: line 4: commune 00007 has no name$/);
  });

  it.each([
    [{ validFrom: '2025-07-01', source: 's' }], [{ scheme: 'x', source: 's' }], [{ scheme: 'x', validFrom: '2025-07-01' }],
    [{ scheme: 'x', validFrom: '2025-02-30', source: 's' }], [{ scheme: 'x', validFrom: '1/7/2025', source: 's' }],
  ])('throws without valid metadata %j', (options) => {
    expect(() => parseAdminUnits('code,name,province\n00001,A,01\n', options)).toThrow();
  });

  it.each([
    ['validFrom', { validFrom: '2008-13-45' }, /validFrom must be a date yyyy-MM-dd, got "2008-13-45"/],
    ['validTo', { validTo: '2009-99-99' }, /validTo must be a date yyyy-MM-dd, got "2009-99-99"/],
    ['validTo before validFrom', { validTo: '2008-07-31' }, /validTo 2008-07-31 is before validFrom 2008-08-01/],
  ])('names a bad %s (a month past 12 was "Invalid time value"; an end before the start was taken)', (_what, dates, error) => {
    expect(() => parseAdminUnits('code,name,province\n00001,A,01\n', { ...meta, ...dates })).toThrow(error);
  });

  it.each([
    ['an option validTo before the table\'s validFrom', '"validFrom":"2025-07-01"', { validTo: '2020-01-01' },
      "ddss: validTo 2020-01-01 is before the table's own validFrom 2025-07-01", { validFrom: false, validTo: true }],
    ['an option validFrom after the table\'s validTo', '"validFrom":"2020-01-01","validTo":"2024-12-31"', { validFrom: '2025-07-01' },
      "ddss: validFrom 2025-07-01 is after the table's own validTo 2024-12-31", { validFrom: true, validTo: false }],
    ['a table whose own dates disagree', '"validFrom":"2025-07-01","validTo":"2020-01-01"', {},
      'ddss: validTo 2020-01-01 is before validFrom 2025-07-01', { validFrom: false, validTo: false }],
  ])('says whose date is which when %s (a caller can tell its own mistake from the file\'s)', (_what, dates, options, message, given) => {
    const json = `{"version":"v",${dates},"source":"s","entries":[{"code":"00001","name":"A","province":"01"}]}`;
    const e = (() => { try { parseAdminUnits(json, options); } catch (x) { return x; } return undefined; })();
    expect(e).toBeInstanceOf(TableDatesError);
    expect([(e as TableDatesError).message, (e as TableDatesError).given]).toEqual([message, given]);
  });

  it('loadAdminUnits names an empty hand-written table as such (it said "no code column … in the header")', () => {
    expect(() => loadAdminUnits('{"version":"x","validFrom":"2025-07-01","source":"s","entries":[]}')).toThrow(/the list has no communes/);
  });

  // JSON.parse keeps the last of two values without a word (the list said 00004 and 00005 for one commune), and a
  // code written as a number with a leading zero was "Unexpected number in JSON at position 10".
  it.each([
    ['a key twice in an entry', '[{"code":"00001","name":"A","province":"01"},\n{"code":"00004","code":"00005","name":"B","province":"01"}]',
      'ddss: line 2 of the file: an entry holds the key "code" twice, so which value is meant is not known'],
    ['a key twice in a table entry', '{"version":"v","validFrom":"2025-07-01","source":"s","entries":[\n{"code":"00004","name":"B","name":"C","province":"01"}]}',
      'ddss: line 2 of the file: an entry holds the key "name" twice, so which value is meant is not known'],
    ['entries twice in a table', '{"version":"v","validFrom":"2025-07-01","source":"s","entries":[{"code":"00004","name":"B","province":"01"}],"entries":[]}',
      'ddss: the key "entries" appears twice in the document: which of its values holds the records is not clear'],
    ['a code with a leading zero, unquoted', '[{"code":00004,"name":"B","province":"01"}]',
      'ddss: line 1 of the file: "code" is the number 00004, whose leading zero is not JSON: write it as the text "00004"'],
    ['a syntax error', '[{"code":"00004","name":"B","province":"01"},]', 'ddss: invalid JSON at byte 45 (line 1): expected a value, found "]"'],
  ])('throws on %s, naming where', (_what, text, message) => {
    expect(() => parseAdminUnits(text, meta)).toThrow(message);
  });

  it('JSON successors may be a list; a key it does not read may hold anything', () => {
    const t = parseAdminUnits('[{"code":"00004","name":"A","province":"01","successors":["00007",8],"note":{"x":[1]}}]', meta);
    expect(t.entries).toEqual([{ code: '00004', name: 'A', province: '01', successors: ['00007', '00008'] }]);
  });

  it('leaves Object.prototype alone with hostile keys', () => {
    const json = '[{"code":"00001","name":"A","province":"01","__proto__":{"polluted":true},"constructor":"x"}]';
    parseAdminUnits(json, meta);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
