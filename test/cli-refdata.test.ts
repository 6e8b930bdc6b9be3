import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const DATED = ['--scheme', '2008-08-01', '--valid-from', '2008-08-01', '--source', 'fixture'];

interface Table { version: string; validFrom: string; source: string; entries: { code: string; province: string }[] }

describe('ddss refdata import', () => {
  it('converts a CSV commune list to the dated JSON table on stdout', async () => {
    const r = await cli(['refdata', 'import', 'communes.csv', ...DATED]);
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout) as Table;
    expect(table).toMatchObject({ version: '2008-08-01', validFrom: '2008-08-01', source: 'fixture' });
    // Codes that lost their leading zeros in a spreadsheet are padded back.
    expect(table.entries.map((e) => [e.code, e.province])).toEqual([['00001', '01'], ['00004', '01']]);
  });

  it('refuses a list with two code columns, naming them; a JSON list\'s mistake names the file\'s line (exit 3)', async () => {
    // Both were imported without a word: the first column's code, exit 0.
    const DATED25 = ['--scheme', '2025-07-01', '--valid-from', '2025-07-01', '--source', 'GSO'];
    writeFileSync(tmp.path('r.csv'), 'Mã xã,Tên xã,Cấp,Mã tỉnh,Mã xã\n00004,Phường Ba Đình,Phường,01,00009\n');
    const twice = await cli(['refdata', 'import', tmp.path('r.csv'), ...DATED25]);
    expect([twice.code, twice.stdout]).toEqual([3, '']);
    expect(twice.stderr).toContain('the header holds 2 columns for the code: "Mã xã" (column 1), "Mã xã" (column 5)');
    writeFileSync(tmp.path('r2.csv'), 'code,Tên xã,Cấp,Mã tỉnh,Mã xã\n00004,Phường Ba Đình,Phường,01,00009\n');
    const both = await cli(['refdata', 'import', tmp.path('r2.csv'), ...DATED25]);
    expect(both.code).toBe(3);
    expect(both.stderr).toContain('"code" (column 1), "Mã xã" (column 5), so which one is meant is not known; name the one to read');
    const chosen = await cli(['refdata', 'import', tmp.path('r2.csv'), ...DATED25, '--column', 'code=Mã xã']);
    expect([chosen.code, (JSON.parse(chosen.stdout) as Table).entries.map((e) => e.code)]).toEqual([0, ['00009']]);
    // It said "line 2", the entry's number: the repeat is on line 5.
    writeFileSync(tmp.path('rj.json'), '[\n {"code":"00004","name":"A","province":"01"},\n\n\n {"code":"00004","name":"B","province":"01"}\n]\n');
    const json = await cli(['refdata', 'import', tmp.path('rj.json'), ...DATED25]);
    expect([json.code, json.stderr]).toEqual([3, `ddss: cannot import "${tmp.path('rj.json')}": line 5: commune code 00004 appears twice\n`]);
  });

  // Regression: under --locale vi the list's own mistakes were English inside the Vietnamese line.
  it('says what is wrong with the list in Vietnamese under --locale vi', async () => {
    const DATED25 = ['--scheme', '2025-07-01', '--valid-from', '2025-07-01', '--source', 'GSO', '--locale', 'vi'];
    const vi = async (name: string, text: string) => {
      writeFileSync(tmp.path(name), text);
      const r = await cli(['refdata', 'import', tmp.path(name), ...DATED25]);
      expect(r.code).toBe(3);
      return r.stderr.replace(`ddss: không nhập được "${tmp.path(name)}": `, '');
    };
    expect(await vi('t.json', '[\n {"code":"00004","name":"A","province":"01"},\n\n\n {"code":"00004","name":"B","province":"01"}\n]\n'))
      .toBe('dòng 5: mã xã 00004 xuất hiện hai lần\n');
    expect(await vi('t.csv', 'Mã xã,Tên xã,Mã tỉnh\n00004,,01\n')).toBe('dòng 2: xã 00004 không có tên\n');
    expect(await vi('c.csv', 'Mã xã,Tên xã,Mã tỉnh\n0000A,Phường Ba Đình,01\n')).toBe('dòng 2: mã xã "0000A" không phải là mã 5 chữ số\n');
    expect(await vi('h.csv', 'Mã xã,Tên xã,Cấp,Mã tỉnh,Mã xã\n00004,Phường Ba Đình,Phường,01,00009\n'))
      .toBe('dòng tiêu đề có 2 cột cho code: "Mã xã" (cột 1), "Mã xã" (cột 5), nên không biết cột nào được dùng; hãy đặt tên mỗi cột một lần\n');
    expect(await vi('n.csv', 'Tên xã,Mã tỉnh\nPhường Ba Đình,01\n')).toMatch(/^không có cột code \(đã tìm code, .*\) trong dòng tiêu đề\n$/);
    expect(await vi('e.csv', 'Mã xã,Tên xã,Mã tỉnh\n')).toBe('danh mục không có xã nào (chỉ có dòng tiêu đề, không có dòng dữ liệu)\n');
    expect(await vi('z.json', '[{"code":00004,"name":"A","province":"01"}]'))
      .toBe('dòng 1 của tệp: "code" là số 00004, có số 0 đứng đầu, điều JSON không cho phép: hãy viết nó thành văn bản "00004"\n');
  });

  it('refuses an --out not named .json: the table is JSON, and a commune list is read as JSON only by that name', async () => {
    // It wrote the JSON table under a YAML name, which a definition's `communes:` then read as CSV.
    const r = await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', tmp.path('communes.yaml')]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`ddss: --out "${tmp.path('communes.yaml')}": refdata import writes a JSON table; name the file .json ` +
      '(a commune list is read as JSON only by that name)\n');
    expect(existsSync(tmp.path('communes.yaml'))).toBe(false);
  });

  it('writes --out, and refuses to overwrite it without --force', async () => {
    const out = tmp.path('communes.json');
    expect((await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', out])).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect((JSON.parse(first) as Table).entries).toHaveLength(2);
    writeFileSync(out, 'precious');
    const again = await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', out]);
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it.each([
    ['no subcommand', ['refdata'], 2, /refdata needs a subcommand: import/],
    ['an unknown subcommand', ['refdata', 'export', 'x.csv'], 2, /unknown refdata subcommand "export"/],
    ['no file', ['refdata', 'import'], 2, /refdata import needs a <file>/],
    ['a CSV without dates', ['refdata', 'import', 'communes.csv'], 2, /a CSV list needs --scheme, --valid-from and --source/],
    ['a bad --valid-from', ['refdata', 'import', 'communes.csv', ...DATED, '--valid-from', '1/8/2008'], 2, /--valid-from must be a date yyyy-MM-dd/],
    ['a --valid-from with month 13', ['refdata', 'import', 'communes.csv', ...DATED, '--valid-from', '2008-13-45'], 2, /^ddss: --valid-from must be a date yyyy-MM-dd, got "2008-13-45"/],
    ['a --valid-from on 30 February', ['refdata', 'import', 'communes.csv', ...DATED, '--valid-from', '2008-02-30'], 2, /^ddss: --valid-from must be a date yyyy-MM-dd, got "2008-02-30"/],
    ['a --valid-to with month 99', ['refdata', 'import', 'communes.csv', ...DATED, '--valid-to', '2009-99-99'], 2, /^ddss: --valid-to must be a date yyyy-MM-dd, got "2009-99-99"/],
    ['a --valid-to before --valid-from', ['refdata', 'import', 'communes.csv', ...DATED, '--valid-to', '2008-07-31'], 2, /^ddss: --valid-to 2008-07-31 is before --valid-from 2008-08-01/],
    ['a bad --column', ['refdata', 'import', 'communes.csv', ...DATED, '--column', 'zip=Mã'], 2, /--column must be key=Header/],
    // Both were written into the table as given, and shown wherever the list is named.
    ['a --scheme that is no day', ['refdata', 'import', 'communes.csv', ...DATED, '--scheme', 'bogus'], 2,
      /^ddss: --scheme must be the day the scheme took effect, yyyy-MM-dd \(2008-08-01, 2025-07-01\), got "bogus"\n$/],
    ['a --scheme on 30 February', ['refdata', 'import', 'communes.csv', ...DATED, '--scheme', '2025-02-30'], 2, /^ddss: --scheme must be the day/],
    ['an empty --source', ['refdata', 'import', 'communes.csv', ...DATED, '--source', ''], 2,
      /^ddss: --source must say where the list comes from \(e\.g\. --source "GSO, 1\/7\/2025"\), got an empty text\n$/],
    ['a --source of spaces, for a JSON table too', ['refdata', 'import', '../../../rules/vn/admin/fixtures/communes-2025.json', '--source', '  '], 2, /^ddss: --source must say where/],
    ['a missing file', ['refdata', 'import', 'nope.csv', ...DATED], 3, /cannot import "nope\.csv": file not found/],
    ['a malformed list', ['refdata', 'import', 'communes-duplicate.csv', ...DATED], 3, /cannot import "communes-duplicate\.csv": line 3: commune code 00001 appears twice/],
  ])('%s → exit %i', async (_what, args, code, message) => {
    const r = await cli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^ddss: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['--valid-to before the table\'s own validFrom', '{"version":"v","validFrom":"2025-07-01","source":"s",', ['--valid-to', '2020-01-01'], 2,
      'ddss: --valid-to 2020-01-01 is before the validFrom 2025-07-01 of "T": the table would be in force on no day (both are inclusive)\n'],
    ['--valid-from after the table\'s own validTo', '{"version":"v","validFrom":"2020-01-01","validTo":"2024-12-31","source":"s",', ['--valid-from', '2025-07-01'], 2,
      'ddss: --valid-from 2025-07-01 is after the validTo 2024-12-31 of "T": the table would be in force on no day (both are inclusive)\n'],
    ['a table whose own dates disagree (the file\'s fault)', '{"version":"v","validFrom":"2025-07-01","validTo":"2020-01-01","source":"s",', [], 3,
      'ddss: cannot import "T": validTo 2020-01-01 is before validFrom 2025-07-01\n'],
  ])('a JSON table and %s: the exit code says whose mistake, the message names both dates', async (_what, head, flags, code, message) => {
    const file = tmp.path('t.json');
    writeFileSync(file, `${head}"entries":[{"code":"00004","name":"Phường Ba Đình","province":"01"}]}`);
    const r = await cli(['refdata', 'import', file, ...flags]);
    expect([r.code, r.stdout, r.stderr]).toEqual([code, '', message.replace('"T"', JSON.stringify(file))]);
  });

  it('takes a one-day table (--valid-to on --valid-from: both are inclusive)', async () => {
    const r = await cli(['refdata', 'import', 'communes.csv', ...DATED, '--valid-to', '2008-08-01']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ validFrom: '2008-08-01', validTo: '2008-08-01' });
  });

  it.each([
    ['a CSV with a header and no rows', 'hc.csv', 'Mã,Tên,Cấp,Mã QH,Mã TP\n', /the list has no communes \(a header and no rows\)/],
    ['an empty CSV file', 'empty.csv', '', /the list has no communes \(the file is empty\)/],
    ['a JSON table with no entries', 'e.json', '{"entries":[]}\n', /the list has no communes \("entries" is empty\)/],
    ['an empty JSON array', 'a.json', '[]\n', /the list has no communes \(an empty array\)/],
    // It read as "no code column (looked for code, …) in the header".
    ['a gzip file', 'communes.csv', gzipSync('code,name,province\n00004,Phường Ba Đình,01\n'), /the input is gzip data, not text: decompress it first/],
    // Read leniently, its names were written to the table as "Ph\uFFFD Th\uFFFD", exit 0.
    ['a TCVN3 list', 't.csv', Buffer.from([...Buffer.from('code,name,level,province\n25013,Ph'), 0xf3, ...Buffer.from(' Th'), 0xe4, ...Buffer.from(',x,25\n')]),
      /: the list is not UTF-8 \(byte 0xF3 on line 2\): a list in a legacy encoding \(TCVN3, VNI, Windows-1258\) must be converted to UTF-8 first\n$/],
    // The cell was dropped without a word.
    ['a row with a cell past the header', 'x.csv', 'code,name,level,province\n01001,A,xã,01\n01003,"C, D",xã,01,extra\n01005,E,xã,01,\n',
      /: line 3: a cell past the header's 4 columns \("extra"\): the row does not fit the header \(quote a value that holds the delimiter\)\n$/],
  ])('refuses %s, writing nothing (it wrote "entries": [] or blamed a header)', async (_what, name, text, message) => {
    writeFileSync(tmp.path(name), text);
    const out = tmp.path('t.json');
    const r = await cli(['refdata', 'import', tmp.path(name), ...DATED, '--out', out]);
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(new RegExp(`^ddss: cannot import "[^"]+${name.replace('.', '\\.')}": `));
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('takes an empty cell past the header (a trailing delimiter), which holds nothing to lose', async () => {
    writeFileSync(tmp.path('t.csv'), 'code,name,level,province\n01005,E,xã,01,\n');
    const r = await cli(['refdata', 'import', tmp.path('t.csv'), ...DATED]);
    expect([r.code, (JSON.parse(r.stdout) as Table).entries]).toEqual([0, [{ code: '01005', name: 'E', level: 'xã', province: '01' }]]);
  });

  it('says a JSON list lacks a key of its entries, not a column of a header it does not have', async () => {
    writeFileSync(tmp.path('k.json'), '[{"ma_so":"1","ten":"A","tinh":"01"}]\n');
    const r = await cli(['refdata', 'import', tmp.path('k.json'), ...DATED]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/: no code key \(looked for code, [^)]*\) in the entries\n$/);
  });

  // Read leniently, the commune names were U+FFFD, and the definition's own texts too, without a word.
  it('validate refuses a definition, or its communes: list, that is not UTF-8, naming the byte and its line', async () => {
    writeFileSync(tmp.path('c.csv'), Buffer.from([...Buffer.from('code,name,level,province\n25013,Ph'), 0xf3, ...Buffer.from(',x,25\n')]));
    writeFileSync(tmp.path('reg.yaml'), 'name: reg\ncommunes: c.csv\nfields:\n  c: { type: text, vn: [commune] }\n');
    writeFileSync(tmp.path('r.csv'), 'c\n25013\n');
    const r = await cli(['validate', tmp.path('r.csv'), '--dataset', tmp.path('reg.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/communes: c\.csv is not UTF-8 \(byte 0xF3 on line 2\): convert it to UTF-8\n$/);
    // "Hà Nội" in Windows-1258: H, 0xE0, space, N, 0xF4, 0xD2, i.
    writeFileSync(tmp.path('w.yaml'), Buffer.from([...Buffer.from('name: reg\nfields:\n  c: { type: text, oneOf: [H'), 0xe0, ...Buffer.from(' N'), 0xf4, 0xd2, ...Buffer.from('i] }\n')]));
    const w = await cli(['validate', tmp.path('r.csv'), '--dataset', tmp.path('w.yaml')]);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/the file is not UTF-8 \(byte 0xE0 on line 3\): convert it to UTF-8\n$/);
  });

  it('validate names the real problem of an empty commune table in a definition (it said "no code column")', async () => {
    writeFileSync(tmp.path('e.json'), '{"version":"x","validFrom":"2025-07-01","source":"s","entries":[]}\n');
    writeFileSync(tmp.path('reg.yaml'), 'name: reg\ncommunes: e.json\nfields:\n  c: { type: text, vn: [commune] }\n');
    writeFileSync(tmp.path('r.csv'), 'c\n00001\n');
    const r = await cli(['validate', tmp.path('r.csv'), '--dataset', tmp.path('reg.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/communes: e\.json: the list has no communes \("entries" is empty\)\n$/);
  });
});
